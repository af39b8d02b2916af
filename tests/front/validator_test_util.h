// Helpers shared by the validator tests: check a definition and render each diagnostic as one
// exact line "line:col severity CODE pointer: message".
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "compiler/front/frontend.h"

namespace asl::front::test {

using Lines = std::vector<std::string>;

/// The expected lines, as a call so that commas survive gtest's macros.
template <typename... Strings> Lines lines(Strings&&... expected) {
  return Lines{std::string(std::forward<Strings>(expected))...};
}

inline std::string renderDiagnostic(const Diagnostic& d) {
  return std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
         std::string(severityName(d.severity)) + " " + std::string(diagCodeName(d.code)) + " " +
         d.pointer + ": " + d.message;
}

/// Fails the current test unless `d` is located where its pointer says: at the value the
/// pointer names, at that member's key, or (for expression errors) inside that string value.
inline void expectLocationMatchesPointer(const CheckedDefinition& checked, const Diagnostic& d) {
  if (!checked.tree || d.code == DiagCode::TooManyDiagnostics) return;
  const JsonTree& t = *checked.tree;
  const JsonValue* value = &t.root();
  const JsonMember* member = nullptr;
  const JsonValue* parent = nullptr;
  std::string pointer = d.pointer == "/" ? "" : d.pointer;
  size_t at = 0;
  while (at < pointer.size()) {
    size_t next = pointer.find('/', at + 1);
    std::string token =
        pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    for (size_t i; (i = token.find("~1")) != std::string::npos;)
      token.replace(i, 2, "/");
    for (size_t i; (i = token.find("~0")) != std::string::npos;)
      token.replace(i, 2, "~");
    parent = value;
    if (value->kind == JsonKind::Object) {
      member = t.find(*value, token);
      if (!member) return ADD_FAILURE() << "pointer " << d.pointer << " names no value";
      value = &t.at(member->value);
    } else if (value->kind == JsonKind::Array) {
      size_t index = std::stoul(token);
      if (index >= value->count)
        return ADD_FAILURE() << "pointer " << d.pointer << " names no value";
      value = &t.at(t.elements(*value)[index]);
      member = nullptr;
    } else {
      return ADD_FAILURE() << "pointer " << d.pointer << " goes through a scalar";
    }
    at = next == std::string::npos ? pointer.size() : next;
  }
  uint32_t offset = d.location.offset;
  bool atValue = offset == value->offset;
  bool atKey = false; // any member with the last key: duplicate keys share one pointer
  if (member && parent)
    for (const JsonMember& m : t.members(*parent))
      atKey = atKey || (m.key == member->key && offset == m.keyOffset);
  bool insideString = (d.code == DiagCode::InvalidPath || d.code == DiagCode::InvalidIntrinsic ||
                       d.code == DiagCode::InvalidJsonata || d.code == DiagCode::VariableBeforeAssign) &&
                      value->kind == JsonKind::String && offset > value->offset;
  EXPECT_TRUE(atValue || atKey || insideString)
      << renderDiagnostic(d) << ": offset " << offset << " is neither the value nor the key "
      << d.pointer << " names";
}

/// Every diagnostic of `text`, in source order, without the pointer/location check (for the
/// parser's problems, which carry no pointer).
inline Lines diagnoseUnchecked(std::string text, const ValidateOptions& options = {}) {
  CheckedDefinition checked = checkDefinition("test.asl.json", std::move(text), options);
  Lines out;
  for (const Diagnostic& d : checked.diagnostics)
    out.push_back(renderDiagnostic(d));
  return out;
}

/// Every diagnostic of `text`, in source order, each checked to sit where its pointer says.
inline Lines diagnose(std::string text, const ValidateOptions& options = {}) {
  CheckedDefinition checked = checkDefinition("test.asl.json", std::move(text), options);
  Lines out;
  for (const Diagnostic& d : checked.diagnostics) {
    expectLocationMatchesPointer(checked, d);
    out.push_back(renderDiagnostic(d));
  }
  return out;
}

/// Only the lines of one code (for tests about one rule when others also fire).
inline Lines only(const Lines& all, std::string_view code) {
  Lines out;
  for (const std::string& line : all)
    if (line.find(" " + std::string(code) + " ") != std::string::npos) out.push_back(line);
  return out;
}

inline ValidateOptions expressOptions() {
  ValidateOptions options;
  options.machineType = ir::MachineTypeKind::Express;
  return options;
}

} // namespace asl::front::test
