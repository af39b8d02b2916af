// The bridge from validation rules to the expression parsers: JSONPath, intrinsic functions,
// JSONata and ASL timestamps, with errors located inside the definition file.
#include "compiler/front/validate_rules.h"
#include "compiler/lang/intrinsic_parser.h"
#include "compiler/lang/jsonata/parser.h"
#include "compiler/lang/jsonpath_parser.h"

namespace asl::front {
namespace {

// Points at byte `index` inside a string value's expression.
void reportInside(ValidationContext& ctx, DiagCode code, std::string message, Node node, size_t index) {
  ctx.report(code, std::move(message), *node.at, ctx.tree.sourceOffsetInString(*node.value, index));
}

bool digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

lang::ParseOptions parseOptions(const ValidationContext& ctx, bool allowVariables) {
  lang::ParseOptions options;
  options.limits = ctx.options.limits;
  options.allowVariables = allowVariables;
  return options;
}

bool reportParseError(ValidationContext& ctx, Node node, const Diagnostic& error) {
  reportInside(ctx, error.code, error.message, node, error.location.offset);
  return false;
}

// Which memo of known-good expressions a check uses: the same text may be fine as a Path and
// not as a Reference Path, or with variables and not without.
enum MemoSlot : size_t { kPathWithVariables, kPathNoVariables, kReferenceWithVariables, kReferenceNoVariables,
                         kIntrinsic, kJsonata };

bool knownGood(ValidationContext& ctx, MemoSlot slot, std::string_view text) {
  return ctx.knownGoodExpressions[slot].count(text) != 0;
}

// Remembers a valid expression unless it read variables: reads are recorded per location, so
// such an expression is parsed again wherever it appears.
void remember(ValidationContext& ctx, MemoSlot slot, std::string_view text, size_t readsBefore) {
  if (ctx.variables.pending.size() == readsBefore) ctx.knownGoodExpressions[slot].emplace(text, true);
}

} // namespace

bool checkPath(ValidationContext& ctx, Node node, PathRuleKind rule, bool allowVariables) {
  std::string_view text = ctx.tree.string(*node.value);
  bool reference = rule == PathRuleKind::ReferencePath;
  MemoSlot slot = static_cast<MemoSlot>((reference ? 2 : 0) + (allowVariables ? 0 : 1));
  if (knownGood(ctx, slot, text)) return true;
  auto syntax = reference ? lang::PathSyntaxKind::ReferencePath : lang::PathSyntaxKind::Path;
  auto parsed = lang::parsePath(text, syntax, parseOptions(ctx, allowVariables));
  if (!parsed.ok()) return reportParseError(ctx, node, parsed.error());
  size_t readsBefore = ctx.variables.pending.size();
  if (ctx.options.warnings) noteVariableReads(ctx, node, *parsed);
  remember(ctx, slot, text, readsBefore);
  return true;
}

bool checkDynamicValue(ValidationContext& ctx, Node node) {
  std::string_view text = ctx.tree.string(*node.value);
  if (lang::looksLikeIntrinsic(text)) {
    if (knownGood(ctx, kIntrinsic, text)) return true;
    auto parsed = lang::parseIntrinsic(text, parseOptions(ctx, true));
    if (!parsed.ok()) return reportParseError(ctx, node, parsed.error());
    size_t readsBefore = ctx.variables.pending.size();
    if (ctx.options.warnings) noteVariableReads(ctx, node, *parsed);
    remember(ctx, kIntrinsic, text, readsBefore);
    return true;
  }
  if (!text.starts_with("$")) {
    reportInside(ctx, DiagCode::InvalidPath,
                 quote(text) + " is neither a JSONPath (starting with '$') nor an intrinsic function call (States.*)",
                 node, 0);
    return false;
  }
  return checkPath(ctx, node, PathRuleKind::Path);
}

bool checkJsonataString(ValidationContext& ctx, Node node) {
  std::string_view body = jsonataBody(ctx.tree.string(*node.value));
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    reportInside(ctx, DiagCode::InvalidJsonata, "the JSONata expression between {% and %} is empty", node, 2);
    return false;
  }
  if (knownGood(ctx, kJsonata, body)) return true;
  auto parsed = lang::jsonata::parseJsonata(body, ctx.options.limits);
  if (!parsed.ok()) {
    const eval::jsonata::JsonataError& error = parsed.error();
    // Point at the offending token itself: +2 skips the "{%" before the expression.
    reportInside(ctx, DiagCode::InvalidJsonata, eval::jsonata::toDiagnostic(error).message, node,
                 2 + std::min<size_t>(error.start, body.size()));
    return false;
  }
  size_t readsBefore = ctx.variables.pending.size();
  if (ctx.options.warnings) noteVariableReads(ctx, node, **parsed);
  remember(ctx, kJsonata, body, readsBefore);
  return true;
}

bool isAslTimestamp(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM), uppercase T and Z as ASL requires.
  if (!digits(s, 0, 4) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2) ||
      s[10] != 'T' || !digits(s, 11, 2) || s[13] != ':' || !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2))
    return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  int hour = (s[11] - '0') * 10 + (s[12] - '0');
  int minute = (s[14] - '0') * 10 + (s[15] - '0');
  int second = (s[17] - '0') * 10 + (s[18] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    size_t start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i < s.size() && s[i] == 'Z') return i + 1 == s.size();
  if (i < s.size() && (s[i] == '+' || s[i] == '-'))
    return i + 6 == s.size() && digits(s, i + 1, 2) && s[i + 3] == ':' && digits(s, i + 4, 2);
  return false;
}

} // namespace asl::front
