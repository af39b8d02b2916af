// Per-state field rules: which fields a state type allows in its query language (from
// state_fields.def), which it requires, which exclude each other, and each field's shape.
#include <cmath>
#include <unordered_map>

#include "compiler/front/validate_rules.h"
#include "compiler/front/name_map.h"

namespace asl::front {
namespace {

enum class ShapeKind : uint8_t {
  StateType, String, QueryLanguage, StateName, EndFlag, PathOrNull, ReferencePathOrNull,
  ReferencePath, PayloadTemplate, PayloadObject, AnyJson, JsonataTemplate, AssignObject,
  Retriers, Catchers, Resource, PositiveSeconds, Credentials, ChoiceRules, WaitSeconds,
  WaitTimestamp, StringOrJsonata, PathOrIntrinsic, Branches, ItemProcessor, Iterator, MapItems,
  ItemSelector, MaxConcurrency, ItemReader, ItemBatcher, ResultWriter, ToleratedPercentage,
  ToleratedCount, MapLabel
};

enum : uint8_t { PATH = 1, ATA = 2, BOTH = 3 };
enum : uint16_t {
  PASS = 1 << 0, TASK = 1 << 1, CHOICE = 1 << 2, WAIT = 1 << 3, SUCCEED = 1 << 4, FAIL = 1 << 5,
  PARALLEL = 1 << 6, MAP = 1 << 7, ALL = 0xFF
};

struct FieldRule {
  std::string_view key;
  ShapeKind shape;
  uint16_t states;
  uint8_t languages;
};

constexpr FieldRule kFieldRules[] = {
#define ASL_STATE_FIELD(key, shape, states, languages)                                             \
  {key, ShapeKind::shape, static_cast<uint16_t>(states), languages},
#include "compiler/front/state_fields.def"
#undef ASL_STATE_FIELD
};

uint16_t stateBit(StateKind kind) { return static_cast<uint16_t>(1u << static_cast<unsigned>(kind)); }

const FieldRule* findRule(std::string_view key) {
  static const NameMap<const FieldRule*> byKey = [] {
    NameMap<const FieldRule*> map;
    for (const FieldRule& rule : kFieldRules) map.emplace(rule.key, &rule);
    return map;
  }();
  auto it = byKey.find(key);
  return it == byKey.end() ? nullptr : it->second;
}

// Names the state types that allow a field, for "not allowed" messages.
std::string allowedIn(const FieldRule& rule) {
  std::string out;
  for (auto kind : {StateKind::Pass, StateKind::Task, StateKind::Choice, StateKind::Wait,
                    StateKind::Succeed, StateKind::Fail, StateKind::Parallel, StateKind::Map}) {
    if (rule.states & stateBit(kind)) {
      if (!out.empty()) out += ", ";
      out += ir::stateKindName(kind);
    }
  }
  return out;
}

bool isInteger(const JsonValue& v) {
  return v.kind == JsonKind::Number && v.isInteger;
}

class FieldChecker {
public:
  FieldChecker(ValidationContext& ctx, const StateInfo& state) : ctx_(ctx), t_(ctx.tree), s_(state) {}

  void run() {
    for (const JsonMember& m : t_.members(*s_.object)) {
      if (ctx_.full()) return;
      const FieldRule* rule = findRule(m.key);
      if (!rule || !(rule->states & stateBit(s_.kind))) {
        std::string message = "field " + quote(m.key) + " is not allowed in a " +
                              std::string(ir::stateKindName(s_.kind)) + " state";
        if (rule) message += " (only in " + allowedIn(*rule) + ")";
        ctx_.reportKey(DiagCode::UnknownField, message, *s_.at, m);
        continue;
      }
      uint8_t lang = s_.language == QueryLanguageKind::JSONata ? ATA : PATH;
      if (!(rule->languages & lang)) {
        std::string message =
            "field " + quote(m.key) + " is a " +
            std::string(rule->languages == PATH ? "JSONPath" : "JSONata") +
            " field; this state uses " + std::string(ir::queryLanguageName(s_.language));
        if (const char* instead = replacementFor(m.key)) message += std::string(": use ") + instead;
        ctx_.reportKey(DiagCode::QueryLanguageField, message, *s_.at, m);
        continue;
      }
      PointerPath at = s_.at->child(m.key);
      checkShape(*rule, Node{&t_.at(m.value), &at});
    }
    checkRequiredAndExclusive();
  }

private:
  static const char* replacementFor(std::string_view key) {
    if (key == "Parameters") return "Arguments";
    if (key == "InputPath" || key == "OutputPath" || key == "ResultPath" || key == "ResultSelector")
      return "Output (and Assign)";
    if (key == "Result") return "Output";
    if (key == "ItemsPath") return "Items";
    if (key == "Arguments") return "Parameters";
    if (key == "Output") return "OutputPath, ResultPath or ResultSelector";
    if (key == "Items") return "ItemsPath";
    if (key.ends_with("Path")) return "the field without 'Path' and a {% %} expression";
    return nullptr;
  }

  bool has(std::string_view key) const { return t_.find(*s_.object, key) != nullptr; }
  const JsonMember* member(std::string_view key) const { return t_.find(*s_.object, key); }

  void exclusive(std::string_view a, std::string_view b) {
    const JsonMember* mb = member(b);
    if (has(a) && mb) {
      ctx_.reportKey(DiagCode::ExclusiveFields,
                     "fields " + quote(a) + " and " + quote(b) + " cannot both be set", *s_.at, *mb);
    }
  }

  void require(std::string_view key, std::string_view why = {}) {
    if (has(key)) return;
    ctx_.report(DiagCode::MissingField,
                std::string(ir::stateKindName(s_.kind)) + " state " + quote(s_.name) +
                    " is missing required field " + quote(key) +
                    (why.empty() ? "" : " (" + std::string(why) + ")"),
                Node{s_.object, s_.at});
  }

  void checkRequiredAndExclusive() {
    switch (s_.kind) {
    case StateKind::Pass:
    case StateKind::Task:
    case StateKind::Wait:
    case StateKind::Parallel:
    case StateKind::Map: {
      const JsonMember* next = member("Next");
      const JsonMember* end = member("End");
      bool endTrue = end && t_.at(end->value).kind == JsonKind::Bool && t_.at(end->value).boolean;
      if (next && endTrue) {
        ctx_.reportKey(DiagCode::NextAndEnd,
                       "state " + quote(s_.name) + " has both 'Next' and \"End\": true; choose one",
                       *s_.at, *end);
      } else if (!next && !endTrue) {
        ctx_.report(DiagCode::NextAndEnd,
                    "state " + quote(s_.name) + " needs 'Next' or \"End\": true",
                    Node{s_.object, s_.at});
      }
      break;
    }
    default: break;
    }
    switch (s_.kind) {
    case StateKind::Task:
      require("Resource");
      exclusive("TimeoutSeconds", "TimeoutSecondsPath");
      exclusive("HeartbeatSeconds", "HeartbeatSecondsPath");
      checkHeartbeatBelowTimeout();
      if (s_.language == QueryLanguageKind::JSONPath) exclusive("Parameters", "Arguments");
      break;
    case StateKind::Choice: require("Choices"); break;
    case StateKind::Wait: {
      int count = 0;
      const JsonMember* last = nullptr;
      for (std::string_view k : {"Seconds", "SecondsPath", "Timestamp", "TimestampPath"}) {
        if (const JsonMember* m = member(k)) {
          ++count;
          if (count > 1) last = m;
        }
      }
      if (count == 0) {
        ctx_.report(DiagCode::MissingField,
                    "Wait state " + quote(s_.name) +
                        " needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or "
                        "'TimestampPath'",
                    Node{s_.object, s_.at});
      } else if (count > 1) {
        ctx_.reportKey(DiagCode::ExclusiveFields,
                       "a Wait state takes exactly one of 'Seconds', 'SecondsPath', 'Timestamp' "
                       "and 'TimestampPath'",
                       *s_.at, *last);
      }
      break;
    }
    case StateKind::Fail:
      exclusive("Error", "ErrorPath");
      exclusive("Cause", "CausePath");
      break;
    case StateKind::Parallel: require("Branches"); break;
    case StateKind::Map:
      if (!has("ItemProcessor") && !has("Iterator"))
        require("ItemProcessor", "or the older 'Iterator'");
      exclusive("ItemProcessor", "Iterator");
      exclusive("ItemsPath", "Items");
      exclusive("ItemSelector", "Parameters");
      exclusive("MaxConcurrency", "MaxConcurrencyPath");
      exclusive("ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
      exclusive("ToleratedFailureCount", "ToleratedFailureCountPath");
      checkDistributedOnlyFields();
      break;
    default: break;
    }
  }

  void checkHeartbeatBelowTimeout() {
    const JsonValue* timeout = t_.findValue(*s_.object, "TimeoutSeconds");
    const JsonMember* heartbeat = member("HeartbeatSeconds");
    if (!timeout || !heartbeat) return;
    const JsonValue& hb = t_.at(heartbeat->value);
    if (isInteger(*timeout) && isInteger(hb) && hb.number >= timeout->number) {
      PointerPath at = s_.at->child("HeartbeatSeconds");
      ctx_.report(DiagCode::FieldValue,
                  "HeartbeatSeconds (" + std::string(t_.numberText(hb)) +
                      ") must be smaller than TimeoutSeconds (" +
                      std::string(t_.numberText(*timeout)) + ")",
                  Node{&hb, &at});
    }
  }

  // ItemReader, ItemBatcher, ResultWriter and tolerated failures need a distributed Map.
  void checkDistributedOnlyFields() {
    const JsonValue* processor = t_.findValue(*s_.object, "ItemProcessor");
    bool distributed = false;
    if (processor && processor->kind == JsonKind::Object) {
      if (const JsonValue* config = t_.findValue(*processor, "ProcessorConfig")) {
        if (const JsonValue* mode = config->kind == JsonKind::Object ? t_.findValue(*config, "Mode") : nullptr)
          distributed = mode->kind == JsonKind::String && t_.string(*mode) == "DISTRIBUTED";
      }
    }
    if (distributed) return;
    for (std::string_view k : {"ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage",
                               "ToleratedFailurePercentagePath", "ToleratedFailureCount",
                               "ToleratedFailureCountPath", "Label"}) {
      if (const JsonMember* m = member(k)) {
        ctx_.reportKey(DiagCode::IgnoredField,
                       "field " + quote(k) +
                           " has an effect only in a distributed Map (ItemProcessor.ProcessorConfig.Mode "
                           "\"DISTRIBUTED\")",
                       *s_.at, *m);
      }
    }
  }

  void typeError(Node node, std::string_view expected) {
    ctx_.report(DiagCode::FieldType,
                std::string(node.at->key) + " must be " + std::string(expected) + ", not " +
                    std::string(jsonKindName(node.value->kind)),
                node);
  }

  bool expectString(Node node, std::string_view what = "a string") {
    if (node.value->kind == JsonKind::String) return true;
    typeError(node, what);
    return false;
  }

  // A field that is a number in JSONPath states and may be a "{% %}" string in JSONata ones.
  bool jsonataInstead(Node node) {
    if (node.value->kind != JsonKind::String || s_.language != QueryLanguageKind::JSONata) return false;
    std::string_view s = t_.string(*node.value);
    if (!isJsonataExpression(s)) {
      ctx_.report(DiagCode::FieldType,
                  std::string(node.at->key) + " must be a number or a {% %} JSONata expression", node);
      return true;
    }
    checkJsonataString(ctx_, node);
    return true;
  }

  void integerInRange(Node node, double min, double max, std::string_view what) {
    if (jsonataInstead(node)) return;
    const JsonValue& v = *node.value;
    if (!isInteger(v) || v.number < min || v.number > max) {
      ctx_.report(v.kind == JsonKind::Number ? DiagCode::FieldValue : DiagCode::FieldType,
                  std::string(node.at->key) + " must be " + std::string(what) +
                      (v.kind == JsonKind::Number ? ", not " + std::string(t_.numberText(v)) : ""),
                  node);
    }
  }

  void checkShape(const FieldRule& rule, Node node) {
    const JsonValue& v = *node.value;
    switch (rule.shape) {
    case ShapeKind::StateType:
    case ShapeKind::QueryLanguage: break; // checked by validate_machine.cpp
    case ShapeKind::String: expectString(node); break;
    case ShapeKind::StateName: expectString(node, "a string naming a state"); break;
    case ShapeKind::EndFlag:
      if (v.kind != JsonKind::Bool) typeError(node, "a boolean");
      break;
    case ShapeKind::PathOrNull:
      if (v.kind == JsonKind::Null) break;
      if (expectString(node, "a JSONPath string or null")) checkPath(ctx_, node, PathRuleKind::Path);
      break;
    case ShapeKind::ReferencePathOrNull:
      if (v.kind == JsonKind::Null) break;
      if (expectString(node, "a Reference Path string or null"))
        checkPath(ctx_, node, PathRuleKind::ReferencePath, /*allowVariables=*/false);
      break;
    case ShapeKind::ReferencePath:
      if (expectString(node, "a Reference Path string"))
        checkPath(ctx_, node, PathRuleKind::ReferencePath);
      break;
    case ShapeKind::PathOrIntrinsic:
      if (expectString(node, "a JSONPath or intrinsic function string")) checkDynamicValue(ctx_, node);
      break;
    case ShapeKind::PayloadTemplate: validatePayloadTemplate(ctx_, node, s_.language); break;
    case ShapeKind::PayloadObject:
      if (v.kind != JsonKind::Object) typeError(node, "an object");
      else validatePayloadTemplate(ctx_, node, s_.language);
      break;
    case ShapeKind::AnyJson:
      if (ctx_.options.warnings) warnStaticPathInResult(node);
      break;
    case ShapeKind::JsonataTemplate: validateJsonataTemplate(ctx_, node); break;
    case ShapeKind::AssignObject:
      if (v.kind != JsonKind::Object) typeError(node, "an object");
      else validateAssign(ctx_, node, s_.language);
      break;
    case ShapeKind::Retriers:
      if (v.kind != JsonKind::Array) typeError(node, "an array of retriers");
      else validateRetriers(ctx_, s_, node);
      break;
    case ShapeKind::Catchers:
      if (v.kind != JsonKind::Array) typeError(node, "an array of catchers");
      else validateCatchers(ctx_, s_, node);
      break;
    case ShapeKind::Resource:
      if (expectString(node, "a string (an ARN)")) validateResource(ctx_, s_, node);
      break;
    case ShapeKind::PositiveSeconds: integerInRange(node, 1, 99999999, "an integer from 1 to 99999999"); break;
    case ShapeKind::Credentials:
      if (v.kind != JsonKind::Object) typeError(node, "an object");
      else validateCredentials(ctx_, s_, node);
      break;
    case ShapeKind::ChoiceRules:
      if (v.kind != JsonKind::Array) typeError(node, "an array of choice rules");
      else validateChoiceRules(ctx_, s_, node);
      break;
    case ShapeKind::WaitSeconds: integerInRange(node, 0, 99999999, "an integer from 0 to 99999999"); break;
    case ShapeKind::WaitTimestamp:
      if (jsonataInstead(node)) break;
      if (expectString(node, "an RFC 3339 timestamp string") && !isAslTimestamp(t_.string(v)))
        ctx_.report(DiagCode::InvalidTimestamp,
                    "Timestamp " + quote(t_.string(v)) +
                        " is not an RFC 3339 timestamp such as '2016-03-14T01:59:00Z'",
                    node);
      break;
    case ShapeKind::StringOrJsonata:
      if (expectString(node) && s_.language == QueryLanguageKind::JSONata &&
          isJsonataExpression(t_.string(v)))
        checkJsonataString(ctx_, node);
      break;
    case ShapeKind::Branches:
      if (v.kind != JsonKind::Array) {
        typeError(node, "an array of state machines");
      } else if (v.count == 0) {
        ctx_.report(DiagCode::FieldValue, "Branches must contain at least one branch", node);
      } else {
        uint32_t i = 0;
        for (uint32_t e : t_.elements(v)) {
          PointerPath at = node.at->child(i++);
          validateMachine(ctx_, Node{&t_.at(e), &at}, rootLanguage(), MachineScopeKind::Branch);
        }
      }
      break;
    case ShapeKind::ItemProcessor: validateItemProcessor(ctx_, s_, node); break;
    case ShapeKind::Iterator: validateItemProcessor(ctx_, s_, node); break;
    case ShapeKind::MapItems:
      if (v.kind == JsonKind::Array) validateJsonataTemplate(ctx_, node);
      else if (v.kind == JsonKind::String && isJsonataExpression(t_.string(v))) checkJsonataString(ctx_, node);
      else typeError(node, "an array or a {% %} JSONata expression");
      break;
    case ShapeKind::ItemSelector:
      if (v.kind != JsonKind::Object && s_.language == QueryLanguageKind::JSONPath) typeError(node, "an object");
      else if (s_.language == QueryLanguageKind::JSONata) validateJsonataTemplate(ctx_, node);
      else validatePayloadTemplate(ctx_, node, s_.language);
      break;
    case ShapeKind::MaxConcurrency: integerInRange(node, 0, 2147483647, "a non-negative integer"); break;
    case ShapeKind::ItemReader: validateItemReader(ctx_, s_, node); break;
    case ShapeKind::ItemBatcher: validateItemBatcher(ctx_, s_, node); break;
    case ShapeKind::ResultWriter: validateResultWriter(ctx_, s_, node); break;
    case ShapeKind::ToleratedPercentage:
      if (jsonataInstead(node)) break;
      if (v.kind != JsonKind::Number || v.number < 0 || v.number > 100)
        ctx_.report(DiagCode::FieldValue, "ToleratedFailurePercentage must be a number from 0 to 100", node);
      break;
    case ShapeKind::ToleratedCount: integerInRange(node, 0, 2147483647, "a non-negative integer"); break;
    case ShapeKind::MapLabel: validateMapLabel(ctx_, node); break;
    }
  }

  // Nested machines take the language of the whole definition, not of the enclosing state.
  QueryLanguageKind rootLanguage() const { return ctx_.rootLanguage; }

  void warnStaticPathInResult(Node node) {
    if (node.value->kind != JsonKind::Object) return;
    for (const JsonMember& m : t_.members(*node.value)) {
      if (m.key.ends_with(".$")) {
        ctx_.reportKey(DiagCode::PassResultIsStatic,
                       "Result is never evaluated: " + quote(m.key) +
                           " stays a literal key; use Parameters to compute values",
                       *node.at, m);
        return;
      }
    }
  }

  ValidationContext& ctx_;
  const JsonTree& t_;
  const StateInfo& s_;
};

} // namespace

void validateStateFields(ValidationContext& ctx, const StateInfo& state) {
  FieldChecker(ctx, state).run();
}

} // namespace asl::front
