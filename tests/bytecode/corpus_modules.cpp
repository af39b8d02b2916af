#include "tests/bytecode/corpus_modules.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>

#include "compiler/bytecode/lower.h"
#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"

namespace asl::testing {

namespace fs = std::filesystem;

std::vector<CorpusDefinition> corpusDefinitions(const std::string& corpus) {
  std::vector<CorpusDefinition> out;
  simdjson::dom::parser parser;
  for (const char* kind : {"validate", "execute"}) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::path(corpus) / kind))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
      simdjson::dom::element doc;
      if (parser.load(path.string()).get(doc)) continue;
      std::string_view expect;
      if (std::string_view(kind) == "validate" &&
          (doc["expect"].get_string().get(expect) || expect != "valid"))
        continue;
      simdjson::dom::element definition;
      if (doc["definition"].get(definition)) continue;
      std::string text = definition.is_string()
                             ? std::string(definition.get_string().value_unsafe())
                             : simdjson::to_string(definition);
      out.push_back({path.stem().string(), std::move(text)});
    }
  }
  return out;
}

Result<bc::Program> compileDefinition(const CorpusDefinition& definition) {
  front::ValidateOptions options;
  options.warnings = false;
  front::CheckedDefinition checked =
      front::checkDefinition(definition.name, definition.text, options);
  if (checked.hasErrors()) {
    for (const Diagnostic& d : checked.diagnostics)
      if (d.severity == SeverityKind::Error) return fail(d);
  }
  auto module = front::buildModule(checked, options.limits);
  if (!module.ok()) return fail(module.error());
  return bytecode::lowerToProgram(*module);
}

} // namespace asl::testing
