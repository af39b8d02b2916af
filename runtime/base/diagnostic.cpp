// Tables behind diagnostic.h, generated from diagnostics.def.
#include "asl/diagnostic.h"

namespace asl {
namespace {

struct DiagInfo {
  std::string_view code;
  std::string_view aws;
  SeverityKind severity;
  std::string_view summary;
};

constexpr DiagInfo kDiagInfo[] = {
#define ASL_DIAG(id, code, aws, severity, summary) {code, aws, SeverityKind::severity, summary},
#include "asl/diagnostics.def"
#undef ASL_DIAG
};

} // namespace

std::string_view diagCodeName(DiagCode code) { return kDiagInfo[static_cast<size_t>(code)].code; }
std::string_view diagAwsCode(DiagCode code) { return kDiagInfo[static_cast<size_t>(code)].aws; }
SeverityKind diagDefaultSeverity(DiagCode code) {
  return kDiagInfo[static_cast<size_t>(code)].severity;
}
std::string_view diagSummary(DiagCode code) { return kDiagInfo[static_cast<size_t>(code)].summary; }

const std::vector<DiagCode>& allDiagCodes() {
  static const std::vector<DiagCode> codes = [] {
    std::vector<DiagCode> all;
    for (size_t i = 0; i < std::size(kDiagInfo); ++i) all.push_back(static_cast<DiagCode>(i));
    return all;
  }();
  return codes;
}

std::string_view severityName(SeverityKind severity) {
  switch (severity) {
  case SeverityKind::Error: return "error";
  case SeverityKind::Warning: return "warning";
  case SeverityKind::Note: return "note";
  }
  return "error";
}

Diagnostic makeDiagnostic(DiagCode code, std::string message, std::string pointer) {
  Diagnostic d;
  d.code = code;
  d.severity = diagDefaultSeverity(code);
  d.message = std::move(message);
  d.pointer = std::move(pointer);
  return d;
}

std::string appendPointer(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out.push_back('/');
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::string appendPointer(std::string_view pointer, size_t index) {
  std::string out(pointer);
  out.push_back('/');
  out += std::to_string(index);
  return out;
}

} // namespace asl
