// Writes every definition of the conformance corpus as one file, the fuzzer's seed corpus.
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_seed_corpus CORPUS_DIR OUT_DIR\n";
    return 2;
  }
  fs::path corpus = argv[1], out = argv[2];
  fs::create_directories(out);
  simdjson::dom::parser parser;
  size_t written = 0;
  for (const char* kind : {"validate", "execute"}) {
    if (!fs::exists(corpus / kind)) continue;
    for (const auto& entry : fs::directory_iterator(corpus / kind)) {
      simdjson::dom::element doc;
      if (parser.load(entry.path().string()).get(doc)) continue;
      simdjson::dom::element definition;
      if (doc["definition"].get(definition)) continue;
      std::string text = definition.is_string() ? std::string(definition.get_string().value_unsafe())
                                                : simdjson::to_string(definition);
      std::ofstream(out / entry.path().filename(), std::ios::binary) << text;
      ++written;
    }
  }
  std::cout << "wrote " << written << " seed definitions to " << out << "\n";
  return 0;
}
