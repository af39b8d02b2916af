// Diagnostic collection for the validator, bounded by Limits::maxDiagnostics.
#include "compiler/front/validation_context.h"

#include <algorithm>

namespace asl::front {

std::string PointerPath::str() const {
  std::vector<const PointerPath*> chain;
  for (const PointerPath* p = this; p && p->parent; p = p->parent) chain.push_back(p);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out = (*it)->isIndex ? appendPointer(out, static_cast<size_t>((*it)->index))
                         : appendPointer(out, (*it)->key);
  }
  return out.empty() ? "/" : out;
}

bool ValidationContext::admit(DiagCode code, uint32_t offset) {
  SeverityKind severity = diagDefaultSeverity(code);
  if (severity == SeverityKind::Warning && !options.warnings) return false;
  if (full_) return false;
  if (severity == SeverityKind::Error && ++errorCount_ > options.limits.maxDiagnostics) {
    Diagnostic d = makeDiagnostic(DiagCode::TooManyDiagnostics,
                                  "stopped after " + std::to_string(options.limits.maxDiagnostics) +
                                      " errors (--max-diagnostics)",
                                  "/");
    d.location.offset = offset;
    diagnostics_.push_back(std::move(d));
    full_ = true;
    return false;
  }
  return true;
}

void ValidationContext::report(DiagCode code, std::string message, const PointerPath& at,
                               uint32_t offset) {
  if (!admit(code, offset)) return;
  Diagnostic d = makeDiagnostic(code, std::move(message), at.str());
  d.location.offset = offset;
  diagnostics_.push_back(std::move(d));
}

void ValidationContext::report(DiagCode code, std::string message, std::string pointer,
                               uint32_t offset) {
  if (!admit(code, offset)) return;
  Diagnostic d = makeDiagnostic(code, std::move(message), std::move(pointer));
  d.location.offset = offset;
  diagnostics_.push_back(std::move(d));
}

void ValidationContext::reportKey(DiagCode code, std::string message, const PointerPath& objectAt,
                                  const JsonMember& member) {
  PointerPath at = objectAt.child(member.key);
  report(code, std::move(message), at, member.keyOffset);
}

std::string quote(std::string_view s) {
  std::string out = "'";
  for (char c : s.substr(0, 120)) {
    if (static_cast<unsigned char>(c) < 0x20) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[(c >> 4) & 15];
      out += hex[c & 15];
    } else {
      out += c;
    }
  }
  if (s.size() > 120) out += "...";
  out += "'";
  return out;
}

bool isJsonataExpression(std::string_view s) {
  return s.size() >= 4 && s.substr(0, 2) == "{%" && s.substr(s.size() - 2) == "%}";
}

std::string_view jsonataBody(std::string_view s) { return s.substr(2, s.size() - 4); }

} // namespace asl::front
