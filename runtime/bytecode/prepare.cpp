#include "runtime/bytecode/prepare.h"

namespace asl::bc {
namespace {

Result<eval::ChoiceCondition, std::string> conditionOf(const ChoiceRule& rule) {
  auto children = [&]() -> Result<std::vector<eval::ChoiceCondition>, std::string> {
    std::vector<eval::ChoiceCondition> out;
    for (const ChoiceRule& child : rule.children) {
      auto c = conditionOf(child);
      if (!c.ok()) return fail(std::move(c).error());
      out.push_back(std::move(c).value());
    }
    return out;
  };
  switch (rule.kind) {
  case ChoiceRule::Kind::Compare: {
    if (!rule.variable || !rule.variable->path)
      return fail(std::string("a comparison has no Variable path"));
    auto op = static_cast<eval::ChoiceOperatorKind>(rule.op);
    if (rule.operandPath) {
      if (!rule.operandPath->path)
        return fail(std::string("a ...Path comparison has no operand path"));
      return eval::makeChoicePathComparison(op, rule.variable->path, rule.operandPath->path);
    }
    return eval::makeChoiceComparison(op, rule.variable->path, rule.operand);
  }
  case ChoiceRule::Kind::And:
  case ChoiceRule::Kind::Or: {
    auto list = children();
    if (!list.ok()) return fail(std::move(list).error());
    if (list->empty()) return fail(std::string("And/Or without rules"));
    return rule.kind == ChoiceRule::Kind::And ? eval::makeChoiceAnd(std::move(list).value())
                                              : eval::makeChoiceOr(std::move(list).value());
  }
  case ChoiceRule::Kind::Not: {
    auto list = children();
    if (!list.ok()) return fail(std::move(list).error());
    if (list->size() != 1) return fail(std::string("Not needs exactly one rule"));
    return eval::makeChoiceNot(std::move(list->front()));
  }
  case ChoiceRule::Kind::Condition:
    return eval::ChoiceCondition{};
  }
  return fail(std::string("unknown rule kind"));
}

// Lays out the hot form of every object template and flat expression path (hot_code.h), in
// program order: a first walk counts, so that the vectors never reallocate and the pointers
// the second walk hands out stay valid.
class HotCodeBuilder {
public:
  std::shared_ptr<eval::HotCode> build(Program& program) {
    walk(program, /*fill=*/false);
    code_->steps.reserve(steps_);
    code_->paths.reserve(paths_);
    code_->fields.reserve(fields_);
    code_->templates.reserve(templates_);
    walk(program, /*fill=*/true);
    return code_;
  }

private:
  void walk(Program& program, bool fill) {
    fill_ = fill;
    for (eval::PayloadTemplate& t : program.templates)
      visitTemplate(t);
    for (eval::Expression& e : program.expressions) {
      const eval::HotPath* hot = hotPath(e);
      if (fill) e.hot = hot;
    }
  }

  const eval::HotPath* hotPath(const eval::Expression& e) {
    if (e.kind != eval::ExpressionKind::Path || !e.path || !e.path->isFlat) return nullptr;
    const eval::Path& path = *e.path;
    if (path.root == eval::PathRootKind::Current) return nullptr;
    if (!fill_) {
      steps_ += path.flat.size();
      ++paths_;
      return nullptr;
    }
    const eval::FlatStep* first = code_->steps.data() + code_->steps.size();
    code_->steps.insert(code_->steps.end(), path.flat.begin(), path.flat.end());
    eval::HotPath& hot = code_->paths.emplace_back();
    hot.root = path.root;
    hot.stepCount = static_cast<uint32_t>(path.flat.size());
    hot.steps = first;
    if (path.root == eval::PathRootKind::Variable) hot.variable = Value::interned(path.variable);
    return &hot;
  }

  void visitTemplate(eval::PayloadTemplate& t) {
    using Kind = eval::PayloadTemplate::Kind;
    for (eval::PayloadTemplate& item : t.items)
      visitTemplate(item);
    if (fill_) t.hot = nullptr;
    if (t.kind != Kind::Object) return;
    for (eval::TemplateField& f : t.fields)
      visitTemplate(f.value);
    if (!fill_) {
      ++templates_;
      fields_ += t.fields.size();
      for (eval::TemplateField& f : t.fields)
        if (f.value.kind == Kind::Dynamic) hotPath(f.value.expression);
      return;
    }
    const eval::HotField* first = code_->fields.data() + code_->fields.size();
    for (const eval::TemplateField& f : t.fields) {
      eval::HotField& hot = code_->fields.emplace_back();
      hot.key = f.key;
      hot.source = &f;
      if (f.value.kind == Kind::Constant) {
        hot.kind = eval::HotField::Kind::Constant;
        hot.constant = f.value.constant;
      } else if (f.value.kind == Kind::Dynamic) {
        if ((hot.path = hotPath(f.value.expression))) hot.kind = eval::HotField::Kind::Path;
      }
    }
    eval::HotTemplate& hot = code_->templates.emplace_back();
    hot.fieldCount = static_cast<uint32_t>(t.fields.size());
    hot.fields = first;
    t.hot = &hot;
  }

  std::shared_ptr<eval::HotCode> code_ = std::make_shared<eval::HotCode>();
  bool fill_ = false;
  size_t steps_ = 0, paths_ = 0, fields_ = 0, templates_ = 0;
};

} // namespace

Result<void> prepareProgram(Program& program) {
  program.hotCode = HotCodeBuilder().build(program);
  for (size_t c = 0; c < program.choices.size(); ++c) {
    Choice& choice = program.choices[c];
    choice.prepared.clear();
    for (size_t r = 0; r < choice.rules.size(); ++r) {
      auto condition = conditionOf(choice.rules[r]);
      if (!condition.ok())
        return fail(makeDiagnostic(DiagCode::InvalidChoiceRule, "choice " + std::to_string(c) +
                                                                    ", rule " + std::to_string(r) +
                                                                    ": " + condition.error()));
      choice.prepared.push_back(std::move(condition).value());
    }
  }
  return {};
}

} // namespace asl::bc
