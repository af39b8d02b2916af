// Writes every expression of the JSONata test suite copy (tests/jsonata/suite) as one file:
// the seed corpus of fuzz_jsonata. Usage: make_jsonata_seeds SUITE_DIR OUT_DIR
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace fs = std::filesystem;

namespace {

size_t written = 0;

void writeSeed(const fs::path& out, const std::string& expr) {
  std::ofstream(out / ("expr" + std::to_string(written++)), std::ios::binary) << expr;
}

void writeCase(simdjson::dom::element c, const fs::path& file, const fs::path& out) {
  std::string_view expr;
  if (!c["expr"].get(expr)) {
    writeSeed(out, std::string(expr));
    return;
  }
  std::string_view exprFile;
  if (c["expr-file"].get(exprFile)) return;
  std::ifstream in(file.parent_path() / std::string(exprFile), std::ios::binary);
  if (in) writeSeed(out, std::string(std::istreambuf_iterator<char>(in), {}));
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_jsonata_seeds SUITE_DIR OUT_DIR\n";
    return 2;
  }
  fs::path groups = fs::path(argv[1]) / "groups", out = argv[2];
  fs::create_directories(out);
  simdjson::dom::parser parser;
  for (const auto& entry : fs::recursive_directory_iterator(groups)) {
    if (entry.path().extension() != ".json") continue;
    simdjson::dom::element doc;
    // A few cases hold lone UTF-16 surrogates, which simdjson rightly rejects: skip them.
    if (parser.load(entry.path().string()).get(doc)) continue;
    simdjson::dom::array cases;
    if (!doc.get(cases)) {
      for (simdjson::dom::element c : cases)
        writeCase(c, entry.path(), out);
    } else {
      writeCase(doc, entry.path(), out);
    }
  }
  std::cout << "wrote " << written << " seed expressions to " << out << "\n";
  return 0;
}
