// Tree-to-IR lowering. Assumes validation passed, so shapes are known; anything unexpected is
// reported as an internal error at its location rather than trusted.
#include "compiler/front/ir_builder.h"
#include "compiler/front/name_map.h"

#include <unordered_map>

#include "compiler/lang/intrinsic_parser.h"
#include "compiler/lang/jsonata/parser.h"
#include "compiler/lang/jsonpath_parser.h"
#include "runtime/eval/jsonata/ast.h"

namespace asl::front {
namespace {

using namespace asl::ir;

class Builder {
public:
  Builder(const CheckedDefinition& checked, const Limits& limits)
      : t_(*checked.tree), map_(checked.map), limits_(limits) {}

  Result<Module> run() {
    const JsonValue& root = t_.root();
    module_.sourceFile = map_.file();
    module_.language = languageOf(root, QueryLanguageKind::JSONPath);
    if (const JsonValue* v = t_.findValue(root, "Comment")) module_.comment = std::string(t_.string(*v));
    if (const JsonValue* v = t_.findValue(root, "Version")) module_.version = std::string(t_.string(*v));
    if (const JsonValue* v = t_.findValue(root, "TimeoutSeconds")) module_.timeoutSeconds = static_cast<uint32_t>(v->number);
    machine(root, MachineRoleKind::Top, kNoIndex, kNoIndex);
    if (error_) return fail(std::move(*error_));
    return std::move(module_);
  }

private:
  SourceSpan span(uint32_t offset) const {
    SourceLocation loc = map_.locate(offset);
    return {offset, loc.line, loc.column};
  }

  void internalError(const std::string& message, uint32_t offset) {
    if (error_) return;
    Diagnostic d = makeDiagnostic(DiagCode::InvalidPath, "internal error while building the IR: " + message);
    d.location = map_.locate(offset);
    error_ = std::move(d);
  }

  QueryLanguageKind languageOf(const JsonValue& object, QueryLanguageKind inherited) const {
    const JsonValue* v = t_.findValue(object, "QueryLanguage");
    if (!v || v->kind != JsonKind::String) return inherited;
    return t_.string(*v) == "JSONata" ? QueryLanguageKind::JSONata : QueryLanguageKind::JSONPath;
  }

  std::string str(const JsonValue* v) const { return v && v->kind == JsonKind::String ? std::string(t_.string(*v)) : ""; }

  // --- expressions --------------------------------------------------------------------

  Expression pathExpression(const JsonValue& v, lang::PathSyntaxKind syntax) {
    Expression e;
    e.kind = ExpressionKind::Path;
    e.text = std::string(t_.string(v));
    e.span = span(v.offset);
    lang::ParseOptions options;
    options.limits = limits_;
    auto parsed = lang::parsePath(e.text, syntax, options);
    if (!parsed.ok()) internalError(parsed.error().message, v.offset);
    else {
      eval::Path path = std::move(parsed).value();
      eval::flatten(path);
      e.path = std::make_shared<const eval::Path>(std::move(path));
    }
    return e;
  }

  // The programs run what the IR holds: give its paths their flat form (eval::flatten).
  static void flattenArguments(eval::IntrinsicCall& call) {
    for (eval::IntrinsicArg& arg : call.args) {
      if (arg.kind == eval::IntrinsicArgKind::Path) eval::flatten(arg.path);
      for (eval::IntrinsicCall& nested : arg.call)
        flattenArguments(nested);
    }
  }

  Expression dynamicExpression(const JsonValue& v) {
    std::string_view text = t_.string(v);
    if (!lang::looksLikeIntrinsic(text)) return pathExpression(v, lang::PathSyntaxKind::Path);
    Expression e;
    e.kind = ExpressionKind::Intrinsic;
    e.text = std::string(text);
    e.span = span(v.offset);
    lang::ParseOptions options;
    options.limits = limits_;
    auto parsed = lang::parseIntrinsic(text, options);
    if (!parsed.ok()) internalError(parsed.error().message, v.offset);
    else {
      eval::IntrinsicCall call = std::move(parsed).value();
      flattenArguments(call);
      e.intrinsic = std::make_shared<const eval::IntrinsicCall>(std::move(call));
    }
    return e;
  }

  Expression jsonataExpression(const JsonValue& v) {
    std::string_view whole = t_.string(v);
    Expression e;
    e.kind = ExpressionKind::Jsonata;
    e.text = std::string(whole.substr(2, whole.size() - 4));
    e.span = span(v.offset);
    auto parsed = lang::jsonata::parseJsonata(e.text, limits_);
    if (!parsed.ok()) internalError(parsed.error().message(), v.offset);
    else e.jsonata = std::shared_ptr<const eval::jsonata::Node>(std::move(parsed).value());
    return e;
  }

  static bool isJsonata(std::string_view s) {
    return s.size() >= 4 && s.substr(0, 2) == "{%" && s.substr(s.size() - 2) == "%}";
  }

  // --- templates ----------------------------------------------------------------------

  Template literal(const JsonValue& v) {
    Template out;
    switch (v.kind) {
    case JsonKind::Null: out.kind = TemplateKind::Null; break;
    case JsonKind::Bool: out.kind = TemplateKind::Bool; out.boolean = v.boolean; break;
    case JsonKind::Number:
      out.kind = TemplateKind::Number;
      out.number = v.number;
      out.text = std::string(t_.numberText(v));
      break;
    case JsonKind::String: out.kind = TemplateKind::String; out.text = std::string(t_.string(v)); break;
    case JsonKind::Array:
      out.kind = TemplateKind::Array;
      for (uint32_t e : t_.elements(v)) out.items.push_back(literal(t_.at(e)));
      break;
    case JsonKind::Object:
      out.kind = TemplateKind::Object;
      for (const JsonMember& m : t_.members(v)) out.fields.push_back({std::string(m.key), literal(t_.at(m.value))});
      break;
    }
    return out;
  }

  static void settle(Template& t) {
    t.constant = t.kind != TemplateKind::Dynamic;
    for (auto& field : t.fields) t.constant = t.constant && field.value.constant;
    for (auto& item : t.items) t.constant = t.constant && item.constant;
  }

  // A JSONPath payload template: keys ending ".$" hold paths or intrinsic calls.
  Template payload(const JsonValue& v) {
    Template out;
    if (v.kind == JsonKind::Object) {
      out.kind = TemplateKind::Object;
      for (const JsonMember& m : t_.members(v)) {
        const JsonValue& value = t_.at(m.value);
        if (m.key.ends_with(".$") && value.kind == JsonKind::String) {
          Template dynamic;
          dynamic.kind = TemplateKind::Dynamic;
          dynamic.expression = dynamicExpression(value);
          dynamic.constant = false;
          out.fields.push_back({std::string(m.key.substr(0, m.key.size() - 2)), std::move(dynamic)});
        } else {
          out.fields.push_back({std::string(m.key), payload(value)});
        }
      }
    } else if (v.kind == JsonKind::Array) {
      out.kind = TemplateKind::Array;
      for (uint32_t e : t_.elements(v)) out.items.push_back(payload(t_.at(e)));
    } else {
      return literal(v);
    }
    settle(out);
    return out;
  }

  // A JSONata-mode value: "{% %}" strings are expressions, everything else is literal.
  Template jsonataTemplate(const JsonValue& v) {
    Template out;
    if (v.kind == JsonKind::String && isJsonata(t_.string(v))) {
      out.kind = TemplateKind::Dynamic;
      out.expression = jsonataExpression(v);
      out.constant = false;
      return out;
    }
    if (v.kind == JsonKind::Object) {
      out.kind = TemplateKind::Object;
      for (const JsonMember& m : t_.members(v)) out.fields.push_back({std::string(m.key), jsonataTemplate(t_.at(m.value))});
    } else if (v.kind == JsonKind::Array) {
      out.kind = TemplateKind::Array;
      for (uint32_t e : t_.elements(v)) out.items.push_back(jsonataTemplate(t_.at(e)));
    } else {
      return literal(v);
    }
    settle(out);
    return out;
  }

  // ReaderConfig.MaxItemsPath and the ItemBatcher's ...PerBatchPath fields are reference paths
  // into the state input, written without ".$": made dynamic here so that the runtime, which
  // has no path parser, receives them parsed. `object` is the JSON the template was built from.
  void referencePathFields(Template& t, const JsonValue& object,
                           std::initializer_list<std::string_view> keys) {
    if (t.kind != TemplateKind::Object || object.kind != JsonKind::Object) return;
    for (std::string_view key : keys) {
      const JsonValue* v = t_.findValue(object, key);
      if (!v || v->kind != JsonKind::String) continue;
      for (TemplateField& field : t.fields) {
        if (field.key != key) continue;
        field.value = Template{};
        field.value.kind = TemplateKind::Dynamic;
        field.value.constant = false;
        field.value.expression = pathExpression(*v, lang::PathSyntaxKind::ReferencePath);
      }
    }
    settle(t);
  }

  std::optional<Template> itemReaderTemplate(const JsonValue& map, QueryLanguageKind language) {
    const JsonValue* v = t_.findValue(map, "ItemReader");
    if (!v) return std::nullopt;
    Template t = valueTemplate(*v, language);
    if (language != QueryLanguageKind::JSONPath || t.kind != TemplateKind::Object) return t;
    if (const JsonValue* config = t_.findValue(*v, "ReaderConfig"))
      for (TemplateField& field : t.fields)
        if (field.key == "ReaderConfig") referencePathFields(field.value, *config, {"MaxItemsPath"});
    settle(t);
    return t;
  }

  std::optional<Template> itemBatcherTemplate(const JsonValue& map, QueryLanguageKind language) {
    const JsonValue* v = t_.findValue(map, "ItemBatcher");
    if (!v) return std::nullopt;
    Template t = valueTemplate(*v, language);
    if (language == QueryLanguageKind::JSONPath)
      referencePathFields(t, *v, {"MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"});
    return t;
  }

  Template valueTemplate(const JsonValue& v, QueryLanguageKind language) {
    return language == QueryLanguageKind::JSONata ? jsonataTemplate(v) : payload(v);
  }

  std::optional<Template> optionalTemplate(const JsonValue& object, std::string_view key, QueryLanguageKind language) {
    const JsonValue* v = t_.findValue(object, key);
    if (!v) return std::nullopt;
    return valueTemplate(*v, language);
  }

  PathField pathField(const JsonValue& object, std::string_view key, lang::PathSyntaxKind syntax) {
    PathField field;
    const JsonValue* v = t_.findValue(object, key);
    if (!v) return field;
    if (v->kind == JsonKind::Null) {
      field.mode = PathField::Mode::Null;
      return field;
    }
    field.mode = PathField::Mode::Path;
    field.path = pathExpression(*v, syntax);
    return field;
  }

  DynamicNumber number(const JsonValue& object, std::string_view key, QueryLanguageKind language) {
    DynamicNumber n;
    if (const JsonValue* v = t_.findValue(object, key)) {
      if (v->kind == JsonKind::Number) n.literal = v->number;
      else if (v->kind == JsonKind::String && language == QueryLanguageKind::JSONata && isJsonata(t_.string(*v)))
        n.expression = jsonataExpression(*v);
    } else if (const JsonValue* p = t_.findValue(object, std::string(key) + "Path")) {
      n.expression = pathExpression(*p, lang::PathSyntaxKind::ReferencePath);
    }
    return n;
  }

  std::vector<std::string> errorNames(const JsonValue& entry) {
    std::vector<std::string> names;
    if (const JsonValue* list = t_.findValue(entry, "ErrorEquals"))
      for (uint32_t e : t_.elements(*list)) names.push_back(std::string(t_.string(t_.at(e))));
    return names;
  }

  Assignment assignment(const JsonValue& object, QueryLanguageKind language) {
    Assignment a;
    if (const JsonValue* v = t_.findValue(object, "Assign")) a.values = valueTemplate(*v, language);
    return a;
  }

  // --- states and machines ------------------------------------------------------------

  StateIndex target(const NameMap<StateIndex>& names, const JsonValue* v) {
    if (!v || v->kind != JsonKind::String) return kNoIndex;
    auto it = names.find(t_.string(*v));
    if (it == names.end()) {
      internalError("unknown state " + std::string(t_.string(*v)), v->offset);
      return kNoIndex;
    }
    return it->second;
  }

  ChoiceRule choiceRule(const JsonValue& v, QueryLanguageKind language,
                        const NameMap<StateIndex>& names, bool topLevel) {
    ChoiceRule r;
    r.span = span(v.offset);
    if (topLevel) {
      r.next = target(names, t_.findValue(v, "Next"));
      r.assign = assignment(v, language);
      r.output = optionalTemplate(v, "Output", language);
    }
    if (const JsonValue* condition = t_.findValue(v, "Condition")) {
      r.kind = ChoiceRuleKind::Condition;
      if (condition->kind == JsonKind::String) {
        r.condition = jsonataExpression(*condition);
      } else {
        // A literal boolean condition: keep it as the JSONata expression it means.
        Expression e;
        e.kind = ExpressionKind::Jsonata;
        e.text = condition->boolean ? "true" : "false";
        e.span = span(condition->offset);
        auto parsed = lang::jsonata::parseJsonata(e.text, limits_);
        if (parsed.ok()) e.jsonata = std::shared_ptr<const eval::jsonata::Node>(std::move(parsed).value());
        r.condition = std::move(e);
      }
      return r;
    }
    for (std::string_view key : {"And", "Or"}) {
      if (const JsonValue* list = t_.findValue(v, key)) {
        r.kind = key == "And" ? ChoiceRuleKind::And : ChoiceRuleKind::Or;
        for (uint32_t e : t_.elements(*list)) r.children.push_back(choiceRule(t_.at(e), language, names, false));
        return r;
      }
    }
    if (const JsonValue* inner = t_.findValue(v, "Not")) {
      r.kind = ChoiceRuleKind::Not;
      r.children.push_back(choiceRule(*inner, language, names, false));
      return r;
    }
    r.kind = ChoiceRuleKind::Compare;
    if (const JsonValue* variable = t_.findValue(v, "Variable")) r.variable = pathExpression(*variable, lang::PathSyntaxKind::Path);
    for (const JsonMember& m : t_.members(v)) {
      static constexpr std::string_view kOperators[] = {
#define ASL_CHOICE_OPERATOR(id, name, operand) name,
#include "runtime/eval/choice_operators.def"
#undef ASL_CHOICE_OPERATOR
      };
      for (size_t i = 0; i < std::size(kOperators); ++i) {
        if (m.key != kOperators[i]) continue;
        r.op = static_cast<ChoiceOperatorKind>(i);
        const JsonValue& operand = t_.at(m.value);
        if (m.key.ends_with("Path")) {
          r.operand.kind = TemplateKind::Dynamic;
          r.operand.constant = false;
          r.operand.expression = pathExpression(operand, lang::PathSyntaxKind::Path);
        } else {
          r.operand = literal(operand);
        }
      }
    }
    return r;
  }

  void stateData(State& s, const JsonValue& v, MachineIndex machineIndex, StateIndex stateIndex,
                 const NameMap<StateIndex>& names) {
    QueryLanguageKind lang = s.language;
    switch (s.kind) {
    case StateKind::Pass: {
      PassData d;
      if (const JsonValue* result = t_.findValue(v, "Result")) d.result = literal(*result);
      s.data = std::move(d);
      break;
    }
    case StateKind::Task: {
      TaskData d;
      d.resource = str(t_.findValue(v, "Resource"));
      d.timeoutSeconds = number(v, "TimeoutSeconds", lang);
      d.heartbeatSeconds = number(v, "HeartbeatSeconds", lang);
      d.credentials = optionalTemplate(v, "Credentials", lang);
      s.data = std::move(d);
      break;
    }
    case StateKind::Choice: {
      ChoiceData d;
      if (const JsonValue* rules = t_.findValue(v, "Choices"))
        for (uint32_t e : t_.elements(*rules)) d.rules.push_back(choiceRule(t_.at(e), lang, names, true));
      d.defaultState = target(names, t_.findValue(v, "Default"));
      s.data = std::move(d);
      break;
    }
    case StateKind::Wait: {
      WaitData d;
      d.seconds = number(v, "Seconds", lang);
      if (const JsonValue* ts = t_.findValue(v, "Timestamp")) {
        if (lang == QueryLanguageKind::JSONata && isJsonata(t_.string(*ts))) d.timestampExpr = jsonataExpression(*ts);
        else d.timestamp = std::string(t_.string(*ts));
      } else if (const JsonValue* tsPath = t_.findValue(v, "TimestampPath")) {
        d.timestampExpr = pathExpression(*tsPath, lang::PathSyntaxKind::ReferencePath);
      }
      s.data = std::move(d);
      break;
    }
    case StateKind::Succeed: s.data = std::monostate{}; break;
    case StateKind::Fail: {
      FailData d;
      auto text = [&](std::string_view key, std::optional<std::string>& literalOut, std::optional<Expression>& exprOut) {
        if (const JsonValue* x = t_.findValue(v, key)) {
          if (lang == QueryLanguageKind::JSONata && isJsonata(t_.string(*x))) exprOut = jsonataExpression(*x);
          else literalOut = std::string(t_.string(*x));
        } else if (const JsonValue* p = t_.findValue(v, std::string(key) + "Path")) {
          exprOut = dynamicExpression(*p);
        }
      };
      text("Error", d.error, d.errorExpr);
      text("Cause", d.cause, d.causeExpr);
      s.data = std::move(d);
      break;
    }
    case StateKind::Parallel: {
      ParallelData d;
      if (const JsonValue* branches = t_.findValue(v, "Branches"))
        for (uint32_t e : t_.elements(*branches))
          d.branches.push_back(machine(t_.at(e), MachineRoleKind::Branch, machineIndex, stateIndex));
      s.data = std::move(d);
      break;
    }
    case StateKind::Map: {
      MapData d;
      const JsonValue* processor = t_.findValue(v, "ItemProcessor");
      if (!processor) processor = t_.findValue(v, "Iterator");
      if (processor) {
        if (const JsonValue* config = t_.findValue(*processor, "ProcessorConfig")) {
          d.distributed = str(t_.findValue(*config, "Mode")) == "DISTRIBUTED";
          d.executionType = str(t_.findValue(*config, "ExecutionType"));
        }
      }
      if (const JsonValue* itemsPath = t_.findValue(v, "ItemsPath")) d.itemsPath = pathExpression(*itemsPath, lang::PathSyntaxKind::ReferencePath);
      d.items = optionalTemplate(v, "Items", QueryLanguageKind::JSONata);
      d.itemSelector = optionalTemplate(v, "ItemSelector", lang);
      if (!d.itemSelector && lang == QueryLanguageKind::JSONPath) {
        // The older Parameters field of a Map is its ItemSelector.
        d.itemSelector = std::move(s.parameters);
        s.parameters.reset();
      }
      d.maxConcurrency = number(v, "MaxConcurrency", lang);
      d.toleratedFailurePercentage = number(v, "ToleratedFailurePercentage", lang);
      d.toleratedFailureCount = number(v, "ToleratedFailureCount", lang);
      d.itemReader = itemReaderTemplate(v, lang);
      d.itemBatcher = itemBatcherTemplate(v, lang);
      d.resultWriter = optionalTemplate(v, "ResultWriter", lang);
      d.label = str(t_.findValue(v, "Label"));
      if (processor) d.processor = machine(*processor, MachineRoleKind::MapProcessor, machineIndex, stateIndex);
      s.data = std::move(d);
      break;
    }
    }
  }

  MachineIndex machine(const JsonValue& v, MachineRoleKind role, MachineIndex parent, StateIndex parentState) {
    MachineIndex index = static_cast<MachineIndex>(module_.machines.size());
    module_.machines.emplace_back();
    {
      Machine& m = module_.machines[index];
      m.role = role;
      m.parent = parent;
      m.parentState = parentState;
      m.comment = str(t_.findValue(v, "Comment"));
    }
    const JsonValue* statesObject = t_.findValue(v, "States");
    NameMap<StateIndex> names;
    std::vector<const JsonMember*> members;
    for (const JsonMember& member : t_.members(*statesObject)) {
      names.emplace(member.key, static_cast<StateIndex>(members.size()));
      members.push_back(&member);
    }
    std::vector<State> states(members.size());
    for (StateIndex i = 0; i < members.size(); ++i) {
      const JsonValue& sv = t_.at(members[i]->value);
      State& s = states[i];
      s.name = std::string(members[i]->key);
      s.kind = *stateKindFromName(t_.string(*t_.findValue(sv, "Type")));
      s.language = languageOf(sv, module_.language);
      s.comment = str(t_.findValue(sv, "Comment"));
      s.span = span(members[i]->keyOffset);
      s.next = target(names, t_.findValue(sv, "Next"));
      const JsonValue* end = t_.findValue(sv, "End");
      s.end = (end && end->boolean) || s.kind == StateKind::Succeed || s.kind == StateKind::Fail;
      s.inputPath = pathField(sv, "InputPath", lang::PathSyntaxKind::Path);
      s.outputPath = pathField(sv, "OutputPath", lang::PathSyntaxKind::Path);
      s.resultPath = pathField(sv, "ResultPath", lang::PathSyntaxKind::ReferencePath);
      if (s.language == QueryLanguageKind::JSONPath) {
        s.parameters = optionalTemplate(sv, "Parameters", s.language);
        s.resultSelector = optionalTemplate(sv, "ResultSelector", s.language);
      } else {
        s.arguments = optionalTemplate(sv, "Arguments", s.language);
        s.output = optionalTemplate(sv, "Output", s.language);
      }
      s.assign = assignment(sv, s.language);
      if (const JsonValue* retry = t_.findValue(sv, "Retry")) {
        for (uint32_t e : t_.elements(*retry)) {
          const JsonValue& rv = t_.at(e);
          Retrier r;
          r.errors = errorNames(rv);
          r.span = span(rv.offset);
          if (const JsonValue* x = t_.findValue(rv, "IntervalSeconds")) r.intervalSeconds = static_cast<uint32_t>(x->number);
          if (const JsonValue* x = t_.findValue(rv, "MaxAttempts")) r.maxAttempts = static_cast<uint32_t>(x->number);
          if (const JsonValue* x = t_.findValue(rv, "BackoffRate")) r.backoffRate = x->number;
          if (const JsonValue* x = t_.findValue(rv, "MaxDelaySeconds")) r.maxDelaySeconds = static_cast<uint32_t>(x->number);
          r.jitter = str(t_.findValue(rv, "JitterStrategy")) == "FULL" ? JitterKind::Full : JitterKind::None;
          s.retry.push_back(std::move(r));
        }
      }
      if (const JsonValue* catchers = t_.findValue(sv, "Catch")) {
        for (uint32_t e : t_.elements(*catchers)) {
          const JsonValue& cv = t_.at(e);
          Catcher c;
          c.errors = errorNames(cv);
          c.span = span(cv.offset);
          c.next = target(names, t_.findValue(cv, "Next"));
          c.resultPath = pathField(cv, "ResultPath", lang::PathSyntaxKind::ReferencePath);
          c.output = optionalTemplate(cv, "Output", s.language);
          c.assign = assignment(cv, s.language);
          s.catchers.push_back(std::move(c));
        }
      }
      stateData(s, sv, index, i, names);
    }
    // Nested machines were appended while building states, so look the machine up again.
    Machine& m = module_.machines[index];
    m.states = std::move(states);
    m.startAt = target(names, t_.findValue(v, "StartAt"));
    return index;
  }

  const JsonTree& t_;
  const SourceMap& map_;
  const Limits& limits_;
  Module module_;
  std::optional<Diagnostic> error_;
};

} // namespace

Result<ir::Module> buildModule(const CheckedDefinition& checked, const Limits& limits) {
  return Builder(checked, limits).run();
}

} // namespace asl::front
