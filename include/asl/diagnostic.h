// Diagnostic: one located problem in a definition, the error half of every asl::Result.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace asl {

enum class SeverityKind : uint8_t { Error, Warning, Note };

/// Stable diagnostic codes; the list lives in diagnostics.def.
enum class DiagCode : uint16_t {
#define ASL_DIAG(id, code, aws, severity, summary) id,
#include "asl/diagnostics.def"
#undef ASL_DIAG
};

/// Where a diagnostic points: a byte offset in a file and its 1-based line and column
/// (column counts Unicode code points). line == 0 means "no position known".
struct SourceLocation {
  std::string file;
  uint32_t offset = 0;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct Diagnostic {
  DiagCode code = DiagCode::InvalidJson;
  SeverityKind severity = SeverityKind::Error;
  std::string message;  ///< lower-case start, no final period
  std::string pointer;  ///< RFC 6901 JSON pointer into the definition, e.g. /States/Pay/Next
  SourceLocation location;
  std::vector<std::string> notes;
};

/// The stable code string, e.g. "MISSING_TRANSITION_TARGET".
std::string_view diagCodeName(DiagCode code);
/// The AWS ValidateStateMachineDefinition code family, or "" when AWS has none.
std::string_view diagAwsCode(DiagCode code);
/// The severity a code has unless a caller says otherwise.
SeverityKind diagDefaultSeverity(DiagCode code);
/// One-line summary of what the code means (used by docs and --explain).
std::string_view diagSummary(DiagCode code);
/// Every code, in declaration order.
const std::vector<DiagCode>& allDiagCodes();
std::string_view severityName(SeverityKind severity);

/// Builds a diagnostic with the code's default severity and no location.
Diagnostic makeDiagnostic(DiagCode code, std::string message, std::string pointer = {});

/// Appends one JSON-pointer reference token, escaping '~' and '/' as RFC 6901 requires.
std::string appendPointer(std::string_view pointer, std::string_view token);
std::string appendPointer(std::string_view pointer, size_t index);

} // namespace asl
