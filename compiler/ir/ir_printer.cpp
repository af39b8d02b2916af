// The IR's text form: one line per fact, indented by nesting, stable across runs so that
// golden tests can compare it byte for byte.
#include "compiler/ir/ir_printer.h"

#include "runtime/base/json_escape.h"

namespace asl::ir {
namespace {

std::string quoted(std::string_view s) {
  std::string out;
  appendJsonString(out, s);
  return out;
}

std::string formatNumber(double d) { return eval::formatDouble(d); }

class Printer {
public:
  explicit Printer(const Module& module) : m_(module) {}

  std::string run() {
    line(0, "module language=" + std::string(queryLanguageName(m_.language)) + " version=" + quoted(m_.version) +
                (m_.timeoutSeconds ? " timeout=" + std::to_string(*m_.timeoutSeconds) + "s" : "") +
                (m_.comment.empty() ? "" : " comment=" + quoted(m_.comment)));
    for (MachineIndex i = 0; i < m_.machines.size(); ++i) machine(i);
    return std::move(out_);
  }

private:
  void line(int indent, const std::string& text) {
    out_.append(static_cast<size_t>(indent) * 2, ' ');
    out_ += text;
    out_ += '\n';
  }

  std::string stateRef(const Machine& machine, StateIndex index) const {
    if (index == kNoIndex || index >= machine.states.size()) return "<none>";
    return std::to_string(index) + " " + quoted(machine.states[index].name);
  }

  static std::string spanText(const SourceSpan& span) {
    return "@" + std::to_string(span.line) + ":" + std::to_string(span.column);
  }

  void machine(MachineIndex index) {
    const Machine& machine = m_.machines[index];
    std::string role = machine.role == MachineRoleKind::Top      ? "top"
                       : machine.role == MachineRoleKind::Branch ? "branch"
                                                                 : "map-processor";
    std::string head = "machine " + std::to_string(index) + " " + role;
    if (machine.parent != kNoIndex)
      head += " of " + std::to_string(machine.parent) + ":" + stateRef(m_.machines[machine.parent], machine.parentState);
    head += " start=" + stateRef(machine, machine.startAt);
    line(0, head);
    for (StateIndex s = 0; s < machine.states.size(); ++s) state(machine, s);
  }

  void pathField(int indent, std::string_view name, const PathField& field) {
    if (field.mode == PathField::Mode::Default) return;
    line(indent, std::string(name) + " " + (field.mode == PathField::Mode::Null ? "null" : printExpression(*field.path)));
  }

  void optionalTemplate(int indent, std::string_view name, const std::optional<Template>& value) {
    if (value) line(indent, std::string(name) + " " + printTemplate(*value));
  }

  void dynamicNumber(int indent, std::string_view name, const DynamicNumber& n) {
    if (n.literal) line(indent, std::string(name) + " " + formatNumber(*n.literal));
    else if (n.expression) line(indent, std::string(name) + " " + printExpression(*n.expression));
  }

  void assignment(int indent, const Assignment& assign) { optionalTemplate(indent, "assign", assign.values); }

  static std::string errorList(const std::vector<std::string>& errors) {
    std::string out = "[";
    for (size_t i = 0; i < errors.size(); ++i) out += (i ? ", " : "") + quoted(errors[i]);
    return out + "]";
  }

  void state(const Machine& machine, StateIndex index) {
    const State& s = machine.states[index];
    std::string head = "state " + std::to_string(index) + " " + quoted(s.name) + " " +
                       std::string(stateKindName(s.kind)) + " " + std::string(queryLanguageName(s.language)) + " " +
                       spanText(s.span);
    if (s.next != kNoIndex) head += " next=" + stateRef(machine, s.next);
    if (s.end) head += " end";
    line(1, head);
    if (!s.comment.empty()) line(2, "comment " + quoted(s.comment));
    pathField(2, "input-path", s.inputPath);
    optionalTemplate(2, "parameters", s.parameters);
    optionalTemplate(2, "arguments", s.arguments);
    std::visit([&](const auto& data) { kindData(machine, data); }, s.data);
    optionalTemplate(2, "result-selector", s.resultSelector);
    pathField(2, "result-path", s.resultPath);
    pathField(2, "output-path", s.outputPath);
    optionalTemplate(2, "output", s.output);
    assignment(2, s.assign);
    for (const Retrier& r : s.retry) {
      std::string text = "retry " + errorList(r.errors) + " interval=" + std::to_string(r.intervalSeconds) +
                         "s max-attempts=" + std::to_string(r.maxAttempts) + " backoff=" + formatNumber(r.backoffRate);
      if (r.maxDelaySeconds) text += " max-delay=" + std::to_string(*r.maxDelaySeconds) + "s";
      if (r.jitter == JitterKind::Full) text += " jitter=full";
      line(2, text);
    }
    for (const Catcher& c : s.catchers) {
      line(2, "catch " + errorList(c.errors) + " next=" + stateRef(machine, c.next));
      pathField(3, "result-path", c.resultPath);
      optionalTemplate(3, "output", c.output);
      assignment(3, c.assign);
    }
  }

  void kindData(const Machine&, const PassData& d) { optionalTemplate(2, "result", d.result); }
  void kindData(const Machine&, const TaskData& d) {
    line(2, "resource " + quoted(d.resource));
    dynamicNumber(2, "timeout-seconds", d.timeoutSeconds);
    dynamicNumber(2, "heartbeat-seconds", d.heartbeatSeconds);
    optionalTemplate(2, "credentials", d.credentials);
  }
  void kindData(const Machine& machine, const ChoiceData& d) {
    for (size_t i = 0; i < d.rules.size(); ++i) {
      const ChoiceRule& r = d.rules[i];
      line(2, "rule " + std::to_string(i) + " next=" + stateRef(machine, r.next) + " " + spanText(r.span));
      rule(3, r);
      assignment(3, r.assign);
      optionalTemplate(3, "output", r.output);
    }
    if (d.defaultState != kNoIndex) line(2, "default " + stateRef(machine, d.defaultState));
  }
  void kindData(const Machine&, const WaitData& d) {
    dynamicNumber(2, "seconds", d.seconds);
    if (d.timestamp) line(2, "timestamp " + quoted(*d.timestamp));
    if (d.timestampExpr) line(2, "timestamp " + printExpression(*d.timestampExpr));
  }
  void kindData(const Machine&, const std::monostate&) {}
  void kindData(const Machine&, const FailData& d) {
    if (d.error) line(2, "error " + quoted(*d.error));
    if (d.errorExpr) line(2, "error " + printExpression(*d.errorExpr));
    if (d.cause) line(2, "cause " + quoted(*d.cause));
    if (d.causeExpr) line(2, "cause " + printExpression(*d.causeExpr));
  }
  void kindData(const Machine&, const ParallelData& d) {
    std::string text = "branches";
    for (MachineIndex b : d.branches) text += " " + std::to_string(b);
    line(2, text);
  }
  void kindData(const Machine&, const MapData& d) {
    line(2, std::string("processor ") + std::to_string(d.processor) + (d.distributed ? " distributed" : " inline") +
                (d.executionType.empty() ? "" : " " + d.executionType));
    if (d.itemsPath) line(2, "items-path " + printExpression(*d.itemsPath));
    optionalTemplate(2, "items", d.items);
    optionalTemplate(2, "item-selector", d.itemSelector);
    dynamicNumber(2, "max-concurrency", d.maxConcurrency);
    dynamicNumber(2, "tolerated-failure-percentage", d.toleratedFailurePercentage);
    dynamicNumber(2, "tolerated-failure-count", d.toleratedFailureCount);
    optionalTemplate(2, "item-reader", d.itemReader);
    optionalTemplate(2, "item-batcher", d.itemBatcher);
    optionalTemplate(2, "result-writer", d.resultWriter);
    if (!d.label.empty()) line(2, "label " + quoted(d.label));
  }

  void rule(int indent, const ChoiceRule& r) {
    switch (r.kind) {
    case ChoiceRuleKind::Compare:
      line(indent, std::string(choiceOperatorName(r.op)) + " " + printExpression(*r.variable) + " " +
                       printTemplate(r.operand));
      return;
    case ChoiceRuleKind::Condition: line(indent, "condition " + printExpression(*r.condition)); return;
    case ChoiceRuleKind::And:
    case ChoiceRuleKind::Or:
    case ChoiceRuleKind::Not:
      line(indent, r.kind == ChoiceRuleKind::And ? "and" : r.kind == ChoiceRuleKind::Or ? "or" : "not");
      for (const ChoiceRule& child : r.children) rule(indent + 1, child);
      return;
    }
  }

  const Module& m_;
  std::string out_;
};

} // namespace

std::string printExpression(const Expression& e) {
  switch (e.kind) {
  case ExpressionKind::Path: return e.path ? e.path->toString() : e.text;
  case ExpressionKind::Intrinsic: return e.intrinsic ? e.intrinsic->toString() : e.text;
  case ExpressionKind::Jsonata: return "{%" + e.text + "%}";
  }
  return e.text;
}

std::string printTemplate(const Template& t) {
  switch (t.kind) {
  case TemplateKind::Null: return "null";
  case TemplateKind::Bool: return t.boolean ? "true" : "false";
  case TemplateKind::Number: return t.text;
  case TemplateKind::String: return quoted(t.text);
  case TemplateKind::Dynamic: return "<" + printExpression(*t.expression) + ">";
  case TemplateKind::Array: {
    std::string out = "[";
    for (size_t i = 0; i < t.items.size(); ++i) out += (i ? ", " : "") + printTemplate(t.items[i]);
    return out + "]";
  }
  case TemplateKind::Object: {
    std::string out = "{";
    for (size_t i = 0; i < t.fields.size(); ++i)
      out += (i ? ", " : "") + quoted(t.fields[i].key) + ": " + printTemplate(t.fields[i].value);
    return out + "}";
  }
  }
  return "?";
}

std::string printModule(const Module& module) { return Printer(module).run(); }

} // namespace asl::ir
