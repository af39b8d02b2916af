// Message formatting for JsonataError and its conversion to Diagnostic.
#include "runtime/eval/jsonata/error.h"

#include <cctype>
#include <cstdio>

#include "runtime/base/json_escape.h"

namespace asl::eval::jsonata {
namespace {

struct ErrorTemplate {
  std::string_view code;
  std::string_view text;
};

constexpr ErrorTemplate kTemplates[] = {
#define ASL_JSONATA_ERROR(code, text) {code, text},
#include "runtime/eval/jsonata/error_codes.def"
#undef ASL_JSONATA_ERROR
};

// JSONata inserts fields with JSON.stringify, so strings appear quoted and escaped.
std::string quoteJson(std::string_view text) {
  std::string out;
  appendJsonString(out, text);
  return out;
}

} // namespace

std::string_view jsonataErrorTemplate(std::string_view code) {
  for (const ErrorTemplate& t : kTemplates)
    if (t.code == code) return t.text;
  return {};
}

std::string JsonataError::message() const {
  std::string_view text = jsonataErrorTemplate(code);
  if (text.empty()) return "JSONata error " + code;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 9, "{{token}}") == 0) {
      out += tokenIsLiteral ? token : quoteJson(token);
      i += 9;
    } else if (text.compare(i, 9, "{{value}}") == 0) {
      out += valueIsLiteral ? value : quoteJson(value);
      i += 9;
    } else {
      out += text[i++];
    }
  }
  return out;
}

JsonataError makeJsonataError(std::string_view code, uint32_t start, uint32_t position) {
  JsonataError error;
  error.code = std::string(code);
  error.start = start;
  error.position = position;
  return error;
}

Diagnostic toDiagnostic(const JsonataError& error) {
  std::string message = error.message();
  // Diagnostics start lower-case (project style); JSONata's messages start upper-case.
  if (!message.empty() && std::isupper(static_cast<unsigned char>(message[0])) &&
      !(message.size() > 1 && std::isupper(static_cast<unsigned char>(message[1]))))
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  Diagnostic d = makeDiagnostic(DiagCode::InvalidJsonata, error.code + ": " + message);
  d.location.offset = error.position;
  return d;
}

} // namespace asl::eval::jsonata
