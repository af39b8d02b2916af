#include "compiler/bytecode/lower.h"

#include <cassert>

#include "runtime/value/json_reader.h"

namespace asl::bytecode {
namespace {

using bc::Index;
using bc::Op;

bc::QueryLanguage languageOf(ir::QueryLanguageKind kind) {
  return kind == ir::QueryLanguageKind::JSONata ? bc::QueryLanguage::JSONata
                                                : bc::QueryLanguage::JSONPath;
}

bc::StateType typeOf(ir::StateKind kind) {
  switch (kind) {
  case ir::StateKind::Pass:
    return bc::StateType::Pass;
  case ir::StateKind::Task:
    return bc::StateType::Task;
  case ir::StateKind::Choice:
    return bc::StateType::Choice;
  case ir::StateKind::Wait:
    return bc::StateType::Wait;
  case ir::StateKind::Succeed:
    return bc::StateType::Succeed;
  case ir::StateKind::Fail:
    return bc::StateType::Fail;
  case ir::StateKind::Parallel:
    return bc::StateType::Parallel;
  case ir::StateKind::Map:
    return bc::StateType::Map;
  }
  return bc::StateType::Pass;
}

eval::Expression expressionOf(const ir::Expression& e) {
  return static_cast<const eval::Expression&>(e);
}

std::optional<eval::Expression> optionalExpression(const std::optional<ir::Expression>& e) {
  if (!e) return std::nullopt;
  return expressionOf(*e);
}

bc::DynamicNumber numberOf(const ir::DynamicNumber& n) {
  return bc::DynamicNumber{n.literal, optionalExpression(n.expression)};
}

// A literal number keeps its written form: 3 stays an integer, 3.0 a double, as AWS prints them.
Value literalNumber(const ir::Template& t) {
  auto parsed = parseJsonValue(t.text);
  if (parsed.ok() && parsed->isNumber()) return std::move(parsed).value();
  return Value::number(t.number);
}

class Lowerer {
public:
  explicit Lowerer(const ir::Module& module) : module_(module) {}

  bc::Program run() {
    program_.language = languageOf(module_.language);
    program_.timeoutSeconds = module_.timeoutSeconds;
    program_.comment = module_.comment;
    program_.machines.resize(module_.machines.size());
    for (size_t i = 0; i < module_.machines.size(); ++i)
      lowerMachine(module_.machines[i], program_.machines[i]);
    return std::move(program_);
  }

private:
  // --- templates ----------------------------------------------------------------------

  static Value constantOf(const ir::Template& t) {
    switch (t.kind) {
    case ir::TemplateKind::Null:
      return Value::null();
    case ir::TemplateKind::Bool:
      return Value::boolean(t.boolean);
    case ir::TemplateKind::Number:
      return literalNumber(t);
    case ir::TemplateKind::String:
      return Value::string(t.text);
    case ir::TemplateKind::Array: {
      std::vector<Value> items;
      items.reserve(t.items.size());
      for (const auto& item : t.items)
        items.push_back(constantOf(item));
      return Value::array(std::move(items));
    }
    case ir::TemplateKind::Object: {
      std::vector<Member> members;
      members.reserve(t.fields.size());
      for (const auto& field : t.fields)
        members.push_back(makeMember(field.key, constantOf(field.value)));
      return Value::object(std::move(members));
    }
    case ir::TemplateKind::Dynamic:
      break;
    }
    assert(false && "a dynamic template has no constant value");
    return Value::null();
  }

  eval::PayloadTemplate templateOf(const ir::Template& t, bc::QueryLanguage language) {
    eval::PayloadTemplate out;
    if (t.constant) {
      out.constant = constantOf(t);
      return out;
    }
    switch (t.kind) {
    case ir::TemplateKind::Dynamic:
      out.kind = eval::PayloadTemplate::Kind::Dynamic;
      out.expression = expressionOf(*t.expression);
      break;
    case ir::TemplateKind::Array:
      out.kind = eval::PayloadTemplate::Kind::Array;
      for (const auto& item : t.items)
        out.items.push_back(templateOf(item, language));
      break;
    case ir::TemplateKind::Object:
      out.kind = eval::PayloadTemplate::Kind::Object;
      for (const auto& field : t.fields) {
        eval::TemplateField f;
        f.key = Value::interned(field.key);
        bool pathKey = language == bc::QueryLanguage::JSONPath &&
                       field.value.kind == ir::TemplateKind::Dynamic;
        f.fieldName = pathKey ? field.key + ".$" : field.key;
        f.value = templateOf(field.value, language);
        out.fields.push_back(std::move(f));
      }
      break;
    default:
      assert(false && "scalars are constant");
    }
    return out;
  }

  Index addTemplate(const ir::Template& t, bc::QueryLanguage language) {
    program_.templates.push_back(templateOf(t, language));
    return static_cast<Index>(program_.templates.size() - 1);
  }

  Index addTemplate(const std::optional<ir::Template>& t, bc::QueryLanguage language) {
    return t ? addTemplate(*t, language) : bc::kNone;
  }

  Index addExpression(const ir::Expression& e) {
    program_.expressions.push_back(expressionOf(e));
    return static_cast<Index>(program_.expressions.size() - 1);
  }

  // --- states ------------------------------------------------------------------------

  void emit(bc::Machine& m, Op op, Index a = 0) { m.code.push_back(bc::Instruction{op, a}); }

  void emitInputPath(bc::Machine& m, const ir::State& s) {
    if (s.inputPath.mode == ir::PathField::Mode::Null) emit(m, Op::InputPathNull);
    if (s.inputPath.mode == ir::PathField::Mode::Path)
      emit(m, Op::InputPath, addExpression(*s.inputPath.path));
  }

  void emitOutputPath(bc::Machine& m, const ir::State& s) {
    if (s.outputPath.mode == ir::PathField::Mode::Null) emit(m, Op::OutputPathNull);
    if (s.outputPath.mode == ir::PathField::Mode::Path)
      emit(m, Op::OutputPath, addExpression(*s.outputPath.path));
  }

  void emitResultPath(bc::Machine& m, const ir::State& s) {
    switch (s.resultPath.mode) {
    case ir::PathField::Mode::Default:
      emit(m, Op::ResultIsOutput);
      break;
    case ir::PathField::Mode::Null:
      emit(m, Op::ResultPathNull);
      break;
    case ir::PathField::Mode::Path: {
      const eval::Path* path = s.resultPath.path->path.get();
      if (path && path->root == eval::PathRootKind::Input && path->segments.empty())
        emit(m, Op::ResultIsOutput);
      else
        emit(m, Op::ResultPath, addExpression(*s.resultPath.path));
      break;
    }
    }
  }

  void emitAssign(bc::Machine& m, const ir::State& s, bc::QueryLanguage language) {
    if (s.assign.values) emit(m, Op::Assign, addTemplate(*s.assign.values, language));
  }

  void emitTransition(bc::Machine& m, const ir::State& s) {
    if (s.next != ir::kNoIndex)
      emit(m, Op::Next, s.next);
    else
      emit(m, Op::End);
  }

  // What every state except Choice and Fail does after its work, in AWS's order: the result is
  // shaped (ResultSelector), variables are assigned from it, and the output is formed.
  void emitAfterWork(bc::Machine& m, const ir::State& s, bc::QueryLanguage language,
                     bool selector) {
    if (language == bc::QueryLanguage::JSONata) {
      emitAssign(m, s, language);
      if (s.output)
        emit(m, Op::Output, addTemplate(*s.output, language));
      else
        emit(m, Op::ResultIsOutput);
    } else {
      if (selector && s.resultSelector)
        emit(m, Op::ResultSelector, addTemplate(*s.resultSelector, language));
      emitAssign(m, s, language);
      emitResultPath(m, s);
      emitOutputPath(m, s);
    }
    emitTransition(m, s);
  }

  void emitEffectiveInput(bc::Machine& m, const ir::State& s, bc::QueryLanguage language) {
    if (language == bc::QueryLanguage::JSONata) {
      if (s.arguments) emit(m, Op::Arguments, addTemplate(*s.arguments, language));
      return;
    }
    emitInputPath(m, s);
    if (s.parameters) emit(m, Op::Parameters, addTemplate(*s.parameters, language));
  }

  void lowerState(const ir::State& s, bc::Machine& m, bc::State& out) {
    bc::QueryLanguage language = languageOf(s.language);
    out.codeBegin = static_cast<uint32_t>(m.code.size());
    switch (s.kind) {
    case ir::StateKind::Pass: {
      const auto& pass = std::get<ir::PassData>(s.data);
      emitEffectiveInput(m, s, language);
      if (pass.result)
        emit(m, Op::ResultTemplate, addTemplate(*pass.result, language));
      else
        emit(m, Op::ResultIsEffective);
      emitAfterWork(m, s, language, false);
      break;
    }
    case ir::StateKind::Task: {
      const auto& task = std::get<ir::TaskData>(s.data);
      program_.tasks.push_back(bc::Task{task.resource, numberOf(task.timeoutSeconds),
                                        numberOf(task.heartbeatSeconds),
                                        addTemplate(task.credentials, language)});
      emitEffectiveInput(m, s, language);
      emit(m, Op::InvokeTask, static_cast<Index>(program_.tasks.size() - 1));
      emitAfterWork(m, s, language, true);
      break;
    }
    case ir::StateKind::Wait: {
      const auto& wait = std::get<ir::WaitData>(s.data);
      program_.waits.push_back(
          bc::Wait{numberOf(wait.seconds), wait.timestamp, optionalExpression(wait.timestampExpr)});
      emitInputPath(m, s);
      emit(m, Op::WaitFor, static_cast<Index>(program_.waits.size() - 1));
      emitAfterWork(m, s, language, false);
      break;
    }
    case ir::StateKind::Succeed:
      emitInputPath(m, s);
      emit(m, Op::ResultIsEffective);
      emitAfterWork(m, s, language, false);
      break;
    case ir::StateKind::Fail: {
      const auto& fail = std::get<ir::FailData>(s.data);
      program_.fails.push_back(bc::Fail{fail.error, fail.cause, optionalExpression(fail.errorExpr),
                                        optionalExpression(fail.causeExpr)});
      emit(m, Op::Fail, static_cast<Index>(program_.fails.size() - 1));
      break;
    }
    case ir::StateKind::Choice:
      lowerChoice(s, m, language);
      break;
    case ir::StateKind::Parallel: {
      const auto& parallel = std::get<ir::ParallelData>(s.data);
      program_.parallels.push_back(bc::Parallel{parallel.branches});
      emitEffectiveInput(m, s, language);
      emit(m, Op::RunParallel, static_cast<Index>(program_.parallels.size() - 1));
      emitAfterWork(m, s, language, true);
      break;
    }
    case ir::StateKind::Map:
      lowerMap(s, m, language);
      break;
    }
    out.codeEnd = static_cast<uint32_t>(m.code.size());
    for (const ir::Retrier& r : s.retry)
      out.retry.push_back(bc::Retrier{r.errors, r.intervalSeconds, r.maxAttempts, r.backoffRate,
                                      r.maxDelaySeconds, r.jitter == ir::JitterKind::Full});
    for (const ir::Catcher& c : s.catchers) {
      bc::Catcher catcher;
      catcher.errors = c.errors;
      catcher.next = c.next;
      switch (c.resultPath.mode) {
      case ir::PathField::Mode::Default:
        catcher.resultPathMode = bc::Catcher::ResultPathMode::Replace;
        break;
      case ir::PathField::Mode::Null:
        catcher.resultPathMode = bc::Catcher::ResultPathMode::Discard;
        break;
      case ir::PathField::Mode::Path:
        catcher.resultPathMode = bc::Catcher::ResultPathMode::Path;
        catcher.resultPath = addExpression(*c.resultPath.path);
        break;
      }
      catcher.output = addTemplate(c.output, language);
      if (c.assign.values) catcher.assign = addTemplate(*c.assign.values, language);
      out.catchers.push_back(std::move(catcher));
    }
  }

  bc::ChoiceRule ruleOf(const ir::ChoiceRule& r, bc::QueryLanguage language) {
    bc::ChoiceRule out;
    switch (r.kind) {
    case ir::ChoiceRuleKind::Compare:
      out.kind = bc::ChoiceRule::Kind::Compare;
      break;
    case ir::ChoiceRuleKind::And:
      out.kind = bc::ChoiceRule::Kind::And;
      break;
    case ir::ChoiceRuleKind::Or:
      out.kind = bc::ChoiceRule::Kind::Or;
      break;
    case ir::ChoiceRuleKind::Not:
      out.kind = bc::ChoiceRule::Kind::Not;
      break;
    case ir::ChoiceRuleKind::Condition:
      out.kind = bc::ChoiceRule::Kind::Condition;
      break;
    }
    out.op = static_cast<uint8_t>(r.op);
    out.variable = optionalExpression(r.variable);
    if (r.kind == ir::ChoiceRuleKind::Compare) {
      if (r.operand.kind == ir::TemplateKind::Dynamic)
        out.operandPath = expressionOf(*r.operand.expression);
      else
        out.operand = constantOf(r.operand);
    }
    for (const auto& child : r.children)
      out.children.push_back(ruleOf(child, language));
    out.condition = optionalExpression(r.condition);
    out.next = r.next;
    if (r.assign.values) out.assign = addTemplate(*r.assign.values, language);
    out.output = addTemplate(r.output, language);
    return out;
  }

  void lowerChoice(const ir::State& s, bc::Machine& m, bc::QueryLanguage language) {
    const auto& choice = std::get<ir::ChoiceData>(s.data);
    bc::Choice out;
    for (const auto& rule : choice.rules)
      out.rules.push_back(ruleOf(rule, language));
    out.defaultState = choice.defaultState;
    if (s.assign.values) out.defaultAssign = addTemplate(*s.assign.values, language);
    out.defaultOutput = addTemplate(s.output, language);
    program_.choices.push_back(std::move(out));
    emitInputPath(m, s);
    emit(m, Op::ResultIsEffective);
    emit(m, Op::ResultIsOutput);
    emitOutputPath(m, s);
    emit(m, Op::Choose, static_cast<Index>(program_.choices.size() - 1));
  }

  void lowerMap(const ir::State& s, bc::Machine& m, bc::QueryLanguage language) {
    const auto& map = std::get<ir::MapData>(s.data);
    bc::Map out;
    out.processor = map.processor;
    out.distributed = map.distributed;
    out.itemsPath = optionalExpression(map.itemsPath);
    out.items = addTemplate(map.items, language);
    out.itemSelector = addTemplate(map.itemSelector, language);
    out.maxConcurrency = numberOf(map.maxConcurrency);
    out.toleratedFailurePercentage = numberOf(map.toleratedFailurePercentage);
    out.toleratedFailureCount = numberOf(map.toleratedFailureCount);
    out.itemReader = addTemplate(map.itemReader, language);
    out.itemBatcher = addTemplate(map.itemBatcher, language);
    out.resultWriter = addTemplate(map.resultWriter, language);
    out.label = map.label;
    program_.maps.push_back(std::move(out));
    // Map reads its items from the effective input; ItemSelector replaces Parameters.
    if (language == bc::QueryLanguage::JSONata) {
      if (s.arguments) emit(m, Op::Arguments, addTemplate(*s.arguments, language));
    } else {
      emitInputPath(m, s);
    }
    emit(m, Op::RunMap, static_cast<Index>(program_.maps.size() - 1));
    emitAfterWork(m, s, language, true);
  }

  void lowerMachine(const ir::Machine& in, bc::Machine& out) {
    switch (in.role) {
    case ir::MachineRoleKind::Top:
      out.role = bc::MachineRole::Top;
      break;
    case ir::MachineRoleKind::Branch:
      out.role = bc::MachineRole::Branch;
      break;
    case ir::MachineRoleKind::MapProcessor:
      out.role = bc::MachineRole::MapProcessor;
      break;
    }
    out.startAt = in.startAt;
    out.states.resize(in.states.size());
    for (size_t i = 0; i < in.states.size(); ++i) {
      const ir::State& s = in.states[i];
      out.states[i].name = s.name;
      out.states[i].type = typeOf(s.kind);
      out.states[i].language = languageOf(s.language);
      lowerState(s, out, out.states[i]);
    }
  }

  const ir::Module& module_;
  bc::Program program_;
};

} // namespace

bc::Program lowerToProgram(const ir::Module& module) {
  return Lowerer(module).run();
}

} // namespace asl::bytecode
