// Retry and Catch: retrier ranges, catcher fields, and where States.ALL may appear.
#include <cmath>

#include "compiler/front/validate_rules.h"

namespace asl::front {
namespace {

constexpr double kMaxSeconds = 99999999;
constexpr double kMaxDelayCap = 31622400; // one year and a day, AWS's MaxDelaySeconds bound
constexpr double kLongRetrySeconds = 24 * 3600;

// Checks ErrorEquals; returns true when it names States.ALL.
bool checkErrorEquals(ValidationContext& ctx, Node entry, std::string_view what) {
  const JsonTree& t = ctx.tree;
  const JsonMember* m = t.find(*entry.value, "ErrorEquals");
  if (!m) {
    ctx.report(DiagCode::MissingField, std::string(what) + " needs 'ErrorEquals'", entry);
    return false;
  }
  PointerPath at = entry.at->child("ErrorEquals");
  Node list{&t.at(m->value), &at};
  if (list.value->kind != JsonKind::Array) {
    ctx.report(DiagCode::FieldType, "ErrorEquals must be an array of error names", list);
    return false;
  }
  if (list.value->count == 0) {
    ctx.report(DiagCode::InvalidErrorEquals, "ErrorEquals must name at least one error", list);
    return false;
  }
  bool hasAll = false;
  uint32_t i = 0;
  for (uint32_t e : t.elements(*list.value)) {
    PointerPath elementAt = at.child(i++);
    Node name{&t.at(e), &elementAt};
    if (name.value->kind != JsonKind::String) {
      ctx.report(DiagCode::FieldType, "error names in ErrorEquals must be strings", name);
      continue;
    }
    if (t.string(*name.value) == "States.ALL") hasAll = true;
  }
  if (hasAll && list.value->count > 1) {
    ctx.report(DiagCode::InvalidErrorEquals,
               "States.ALL must appear alone in ErrorEquals", list);
  }
  return hasAll;
}

void checkAllIsLast(ValidationContext& ctx, Node list, uint32_t index, bool hasAll,
                    std::string_view what) {
  if (hasAll && index + 1 != list.value->count) {
    PointerPath at = list.at->child(index);
    const JsonValue& entry = ctx.tree.at(ctx.tree.elements(*list.value)[index]);
    ctx.report(DiagCode::InvalidErrorEquals,
               "a " + std::string(what) + " matching States.ALL must be the last one", Node{&entry, &at});
  }
}

} // namespace

void validateRetriers(ValidationContext& ctx, const StateInfo& state, Node retry) {
  const JsonTree& t = ctx.tree;
  (void)state;
  uint32_t index = 0;
  for (uint32_t e : t.elements(*retry.value)) {
    PointerPath at = retry.at->child(index);
    Node entry{&t.at(e), &at};
    if (entry.value->kind != JsonKind::Object) {
      ctx.report(DiagCode::FieldType, "a retrier must be an object", entry);
      ++index;
      continue;
    }
    bool hasAll = checkErrorEquals(ctx, entry, "a retrier");
    checkAllIsLast(ctx, retry, index, hasAll, "retrier");
    double interval = 1, attempts = 3, backoff = 2;
    bool hasMaxDelay = false;
    for (const JsonMember& m : t.members(*entry.value)) {
      PointerPath fieldAt = at.child(m.key);
      Node field{&t.at(m.value), &fieldAt};
      const JsonValue& v = *field.value;
      std::string_view k = m.key;
      bool integer = v.kind == JsonKind::Number && v.isInteger;
      if (k == "ErrorEquals") continue;
      if (k == "Comment") {
        if (v.kind != JsonKind::String) ctx.report(DiagCode::FieldType, "Comment must be a string", field);
      } else if (k == "IntervalSeconds") {
        if (!integer || v.number < 1 || v.number > kMaxSeconds)
          ctx.report(v.kind == JsonKind::Number ? DiagCode::FieldValue : DiagCode::FieldType, "IntervalSeconds must be an integer from 1 to 99999999", field);
        else interval = v.number;
      } else if (k == "MaxAttempts") {
        if (!integer || v.number < 0 || v.number > kMaxSeconds)
          ctx.report(v.kind == JsonKind::Number ? DiagCode::FieldValue : DiagCode::FieldType, "MaxAttempts must be an integer from 0 to 99999999", field);
        else attempts = v.number;
      } else if (k == "BackoffRate") {
        if (v.kind != JsonKind::Number || v.number < 1.0)
          ctx.report(v.kind == JsonKind::Number ? DiagCode::FieldValue : DiagCode::FieldType,
                     "BackoffRate must be a number of at least 1.0", field);
        else backoff = v.number;
      } else if (k == "MaxDelaySeconds") {
        hasMaxDelay = true;
        if (!integer || v.number < 1 || v.number >= kMaxDelayCap + 1)
          ctx.report(v.kind == JsonKind::Number ? DiagCode::FieldValue : DiagCode::FieldType, "MaxDelaySeconds must be an integer from 1 to 31622400", field);
      } else if (k == "JitterStrategy") {
        if (v.kind != JsonKind::String || (t.string(v) != "FULL" && t.string(v) != "NONE"))
          ctx.report(DiagCode::FieldValue, "JitterStrategy must be 'FULL' or 'NONE'", field);
      } else {
        ctx.reportKey(DiagCode::UnknownField, "field " + quote(k) + " is not allowed in a retrier", at, m);
      }
    }
    if (!hasMaxDelay && backoff > 1.0) {
      // Sum of the waits before each retry, stopping as soon as it is known to be long.
      double total = 0, wait = interval;
      for (double i = 0; i < attempts && total <= kLongRetrySeconds; ++i, wait *= backoff) total += wait;
      if (total > kLongRetrySeconds) {
        ctx.report(DiagCode::UnboundedRetry,
                   "this retrier can wait more than a day in total (BackoffRate " +
                       std::to_string(backoff).substr(0, 4) + ", MaxAttempts " +
                       std::to_string(static_cast<long long>(attempts)) +
                       "); set MaxDelaySeconds to cap each wait",
                   entry);
      }
    }
    ++index;
  }
}

void validateCatchers(ValidationContext& ctx, const StateInfo& state, Node catchers) {
  const JsonTree& t = ctx.tree;
  uint32_t index = 0;
  for (uint32_t e : t.elements(*catchers.value)) {
    PointerPath at = catchers.at->child(index);
    Node entry{&t.at(e), &at};
    if (entry.value->kind != JsonKind::Object) {
      ctx.report(DiagCode::FieldType, "a catcher must be an object", entry);
      ++index;
      continue;
    }
    bool hasAll = checkErrorEquals(ctx, entry, "a catcher");
    checkAllIsLast(ctx, catchers, index, hasAll, "catcher");
    if (!t.find(*entry.value, "Next"))
      ctx.report(DiagCode::MissingField, "a catcher needs 'Next'", entry);
    for (const JsonMember& m : t.members(*entry.value)) {
      PointerPath fieldAt = at.child(m.key);
      Node field{&t.at(m.value), &fieldAt};
      std::string_view k = m.key;
      bool jsonata = state.language == QueryLanguageKind::JSONata;
      if (k == "ErrorEquals") continue;
      if (k == "Next") {
        if (field.value->kind != JsonKind::String)
          ctx.report(DiagCode::FieldType, "Next must be a string naming a state", field);
      } else if (k == "Comment") {
        if (field.value->kind != JsonKind::String) ctx.report(DiagCode::FieldType, "Comment must be a string", field);
      } else if (k == "ResultPath" && !jsonata) {
        if (field.value->kind == JsonKind::Null) continue;
        if (field.value->kind != JsonKind::String)
          ctx.report(DiagCode::FieldType, "ResultPath must be a Reference Path string or null", field);
        else checkPath(ctx, field, PathRuleKind::ReferencePath, /*allowVariables=*/false);
      } else if (k == "Output" && jsonata) {
        validateJsonataTemplate(ctx, field);
      } else if (k == "Assign") {
        if (field.value->kind != JsonKind::Object) ctx.report(DiagCode::FieldType, "Assign must be an object", field);
        else validateAssign(ctx, field, state.language);
      } else if (k == "ResultPath" || k == "Output") {
        ctx.reportKey(DiagCode::QueryLanguageField,
                      quote(k) + " in a catcher belongs to " + (jsonata ? "JSONPath" : "JSONata") +
                          " states; this state uses " + std::string(ir::queryLanguageName(state.language)),
                      at, m);
      } else {
        ctx.reportKey(DiagCode::UnknownField, "field " + quote(k) + " is not allowed in a catcher", at, m);
      }
    }
    // JSONPath states raise States.Runtime when a path matches nothing, which a catch-all does
    // not catch; JSONata states raise States.QueryEvaluationError instead, which it does.
    // The fact is the same for every such catcher, so it is said once, at the first one.
    if (hasAll && ctx.options.warnings && state.language == QueryLanguageKind::JSONPath &&
        index + 1 == catchers.value->count && catchers.value->count == 1 && ctx.catchAllWarnings++ == 0) {
      ctx.report(DiagCode::CatchAllHidesRuntime,
                 "this States.ALL catcher does not catch States.Runtime errors (such as a path that "
                 "matches nothing) or States.DataLimitExceeded: those still fail the execution",
                 entry);
    }
    ++index;
  }
}

} // namespace asl::front
