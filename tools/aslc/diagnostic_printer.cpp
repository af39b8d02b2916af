// Human and JSON renderings of located diagnostics.
#include "tools/aslc/diagnostic_printer.h"

#include "runtime/base/json_escape.h"

namespace asl::tools {
namespace {

const char* colorFor(SeverityKind s) {
  switch (s) {
  case SeverityKind::Error:
    return "\x1b[1;31m";
  case SeverityKind::Warning:
    return "\x1b[1;35m";
  case SeverityKind::Note:
    return "\x1b[1;36m";
  }
  return "";
}

// Expands tabs so the caret lines up with what a terminal shows.
std::string caretLine(std::string_view line, uint32_t column) {
  std::string out;
  uint32_t col = 1;
  for (size_t i = 0; i < line.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out.push_back(c == '\t' ? '\t' : ' ');
    ++col;
  }
  out.push_back('^');
  return out;
}

} // namespace

std::string formatHuman(const front::CheckedDefinition& checked, bool color) {
  std::string out;
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  for (const Diagnostic& d : checked.diagnostics) {
    const SourceLocation& loc = d.location;
    out += bold;
    out += loc.file;
    if (loc.line) out += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
    out += ": ";
    out += reset;
    if (color) out += colorFor(d.severity);
    out += severityName(d.severity);
    out += "[";
    out += diagCodeName(d.code);
    out += "]";
    out += reset;
    out += ": ";
    out += d.message;
    out += "\n";
    if (loc.line) {
      std::string_view line = checked.map.lineText(loc.line);
      if (line.size() <= 400) {
        out += "    ";
        out += line;
        out += "\n    ";
        out += caretLine(line, loc.column);
        out += "\n";
      }
    }
    if (!d.pointer.empty()) out += "    at " + d.pointer + "\n";
    for (const std::string& note : d.notes)
      out += "    note: " + note + "\n";
  }
  return out;
}

std::string formatJson(const std::vector<const front::CheckedDefinition*>& checked) {
  bool failed = false;
  for (const auto* c : checked)
    failed = failed || c->hasErrors();
  std::string out = "{\"result\":";
  out += failed ? "\"FAIL\"" : "\"OK\"";
  out += ",\"diagnostics\":[";
  bool first = true;
  for (const auto* c : checked) {
    for (const Diagnostic& d : c->diagnostics) {
      if (!first) out += ",";
      first = false;
      out += "{\"severity\":";
      out += d.severity == SeverityKind::Error ? "\"ERROR\"" : "\"WARNING\"";
      out += ",\"code\":";
      appendJsonString(out, diagCodeName(d.code));
      out += ",\"awsCode\":";
      appendJsonString(out, diagAwsCode(d.code));
      out += ",\"message\":";
      appendJsonString(out, d.message);
      out += ",\"location\":";
      appendJsonString(out, d.pointer);
      out += ",\"file\":";
      appendJsonString(out, d.location.file);
      out += ",\"line\":" + std::to_string(d.location.line);
      out += ",\"column\":" + std::to_string(d.location.column);
      if (!d.notes.empty()) {
        out += ",\"notes\":[";
        for (size_t i = 0; i < d.notes.size(); ++i) {
          if (i) out += ",";
          appendJsonString(out, d.notes[i]);
        }
        out += "]";
      }
      out += "}";
    }
  }
  out += "]}\n";
  return out;
}

} // namespace asl::tools
