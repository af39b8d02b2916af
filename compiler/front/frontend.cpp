// Runs parse and validation, then gives every diagnostic its file, line and column.
#include "compiler/front/frontend.h"

#include <algorithm>

namespace asl::front {

bool CheckedDefinition::hasErrors() const { return errorCount() > 0; }

size_t CheckedDefinition::errorCount() const {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == SeverityKind::Error;
  }));
}

size_t CheckedDefinition::warningCount() const {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == SeverityKind::Warning;
  }));
}

CheckedDefinition checkDefinition(std::string file, std::string text, const ValidateOptions& options) {
  return checkDefinition(std::move(file), makePaddedSource(std::move(text)), options);
}

CheckedDefinition checkDefinition(std::string file, std::shared_ptr<const std::string> source,
                                  const ValidateOptions& options) {
  CheckedDefinition out;
  out.source = source;
  out.map = SourceMap(file, *source);

  ParseOptions parseOptions;
  parseOptions.limits = options.limits;
  auto parsed = parseJson(source, parseOptions);
  if (!parsed.ok()) {
    Diagnostic d = std::move(parsed).error();
    if (d.pointer.empty() && d.code != DiagCode::InvalidJson && d.code != DiagCode::MissingDescription)
      d.pointer = "/";
    out.diagnostics.push_back(std::move(d));
  } else {
    out.tree = parsed->tree;
    out.diagnostics = std::move(parsed->problems);
    for (Diagnostic& d : out.diagnostics)
      if (d.pointer.empty()) d.pointer = "/";
    std::vector<Diagnostic> found = validateDefinition(*out.tree, options);
    for (Diagnostic& d : found) {
      if (d.severity == SeverityKind::Warning && !options.warnings) continue;
      out.diagnostics.push_back(std::move(d));
    }
  }
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.location.offset < b.location.offset; });
  for (Diagnostic& d : out.diagnostics) {
    uint32_t offset = d.location.offset;
    d.location = out.map.locate(offset);
  }
  return out;
}

} // namespace asl::front
