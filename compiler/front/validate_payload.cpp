// Payload templates (Parameters, ResultSelector, ItemSelector), Assign, and JSONata-mode
// values (Arguments, Output): which strings are expressions and whether they are well-formed.
#include "compiler/front/validate_rules.h"

namespace asl::front {
namespace {

bool looksDynamic(std::string_view s) {
  return s.starts_with("$.") || s.starts_with("$[") || s == "$" || s.starts_with("$$.") ||
         (s.starts_with("States.") && s.find('(') != std::string_view::npos);
}

bool isVariableNameChar(unsigned char c, bool first) {
  if (c >= 0x80) return true; // letters beyond ASCII
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') return true;
  return !first && c >= '0' && c <= '9';
}

void checkVariableName(ValidationContext& ctx, const PointerPath& objectAt, const JsonMember& m,
                       std::string_view name) {
  bool ok = !name.empty();
  for (size_t i = 0; ok && i < name.size(); ++i) ok = isVariableNameChar(static_cast<unsigned char>(name[i]), i == 0);
  if (!ok) {
    ctx.reportKey(DiagCode::UnreferencableVariable,
                  "variable name " + quote(name) +
                      " cannot be read back as $name: use letters, digits and '_', not starting with a digit",
                  objectAt, m);
  } else if (name == "states") {
    ctx.reportKey(DiagCode::FieldValue, "'states' is reserved: $states holds the state's input, result and context",
                  objectAt, m);
  }
}

void payload(ValidationContext& ctx, Node node) {
  const JsonTree& t = ctx.tree;
  const JsonValue& v = *node.value;
  if (v.kind == JsonKind::Array) {
    uint32_t i = 0;
    for (uint32_t e : t.elements(v)) {
      PointerPath at = node.at->child(i++);
      payload(ctx, Node{&t.at(e), &at});
    }
    return;
  }
  if (v.kind != JsonKind::Object) return;
  for (const JsonMember& m : t.members(v)) {
    if (ctx.full()) return;
    PointerPath at = node.at->child(m.key);
    Node field{&t.at(m.value), &at};
    if (m.key.ends_with(".$")) {
      std::string_view plain = m.key.substr(0, m.key.size() - 2);
      if (const JsonMember* twin = t.find(v, plain)) {
        ctx.reportKey(DiagCode::DuplicateKey,
                      "keys " + quote(plain) + " and " + quote(m.key) +
                          " both produce the field " + quote(plain),
                      *node.at, twin->keyOffset > m.keyOffset ? *twin : m);
      }
      if (field.value->kind != JsonKind::String) {
        ctx.report(DiagCode::FieldType,
                   "the value of " + quote(m.key) + " must be a JSONPath or intrinsic function string",
                   field);
        continue;
      }
      checkDynamicValue(ctx, field);
      continue;
    }
    if (field.value->kind == JsonKind::String && looksDynamic(t.string(*field.value))) {
      ctx.report(DiagCode::NoDollar,
                 "the value of " + quote(m.key) + " looks like a path or intrinsic function but is a "
                 "literal string; name the field " + quote(std::string(m.key) + ".$") + " to evaluate it",
                 field);
    }
    payload(ctx, field);
  }
}

void jsonataValue(ValidationContext& ctx, Node node) {
  const JsonTree& t = ctx.tree;
  const JsonValue& v = *node.value;
  switch (v.kind) {
  case JsonKind::String: {
    std::string_view s = t.string(v);
    if (isJsonataExpression(s)) checkJsonataString(ctx, node);
    else if (s.starts_with("{%"))
      ctx.report(DiagCode::SuspiciousJsonata,
                 "this string starts with '{%' but does not end with '%}', so it is a literal string, "
                 "not a JSONata expression",
                 node);
    return;
  }
  case JsonKind::Array: {
    uint32_t i = 0;
    for (uint32_t e : t.elements(v)) {
      PointerPath at = node.at->child(i++);
      jsonataValue(ctx, Node{&t.at(e), &at});
    }
    return;
  }
  case JsonKind::Object:
    for (const JsonMember& m : t.members(v)) {
      if (ctx.full()) return;
      PointerPath at = node.at->child(m.key);
      jsonataValue(ctx, Node{&t.at(m.value), &at});
    }
    return;
  default: return;
  }
}

} // namespace

void validatePayloadTemplate(ValidationContext& ctx, Node node, QueryLanguageKind language) {
  if (language == QueryLanguageKind::JSONata) jsonataValue(ctx, node);
  else payload(ctx, node);
}

void validateJsonataTemplate(ValidationContext& ctx, Node node) { jsonataValue(ctx, node); }

void validateAssign(ValidationContext& ctx, Node node, QueryLanguageKind language) {
  const JsonTree& t = ctx.tree;
  for (const JsonMember& m : t.members(*node.value)) {
    PointerPath at = node.at->child(m.key);
    Node field{&t.at(m.value), &at};
    bool dynamic = language == QueryLanguageKind::JSONPath && m.key.ends_with(".$");
    checkVariableName(ctx, *node.at, m, dynamic ? m.key.substr(0, m.key.size() - 2) : m.key);
    if (language == QueryLanguageKind::JSONata) {
      jsonataValue(ctx, field);
    } else if (dynamic) {
      if (field.value->kind != JsonKind::String)
        ctx.report(DiagCode::FieldType, "the value of " + quote(m.key) + " must be a JSONPath or intrinsic function string", field);
      else checkDynamicValue(ctx, field);
    } else {
      if (field.value->kind == JsonKind::String && looksDynamic(t.string(*field.value))) {
        ctx.report(DiagCode::NoDollar,
                   "the value of " + quote(m.key) + " looks like a path or intrinsic function but is a "
                   "literal string; name the variable " + quote(std::string(m.key) + ".$") + " to evaluate it",
                   field);
      }
      payload(ctx, field);
    }
  }
}

} // namespace asl::front
