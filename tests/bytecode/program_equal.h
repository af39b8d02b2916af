// Field-by-field comparison of two programs with gtest expectations: what a loaded program must
// share with the one that was written. Trees compare through their canonical printed forms
// (Path::toString, IntrinsicCall::toString, jsonata::toSExpression) plus the source positions
// those forms leave out.
#pragma once

#include <gtest/gtest.h>

#include "runtime/bytecode/program.h"
#include "runtime/eval/jsonata/ast.h"

namespace asl::testing {

inline void expectNodePositionsEqual(const eval::jsonata::Node& a, const eval::jsonata::Node& b) {
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.position, b.position);
  auto child = [](const eval::jsonata::NodePtr& x, const eval::jsonata::NodePtr& y) {
    ASSERT_EQ(x == nullptr, y == nullptr);
    if (x) expectNodePositionsEqual(*x, *y);
  };
  child(a.lhs, b.lhs);
  child(a.rhs, b.rhs);
  child(a.procedure, b.procedure);
  child(a.condition, b.condition);
  child(a.then, b.then);
  child(a.otherwise, b.otherwise);
  child(a.pattern, b.pattern);
  child(a.update, b.update);
  child(a.deletion, b.deletion);
  child(a.body, b.body);
  ASSERT_EQ(a.items.size(), b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i)
    child(a.items[i], b.items[i]);
  ASSERT_EQ(a.stages.size(), b.stages.size());
  for (size_t i = 0; i < a.stages.size(); ++i) {
    EXPECT_EQ(a.stages[i].start, b.stages[i].start);
    EXPECT_EQ(a.stages[i].position, b.stages[i].position);
  }
  ASSERT_EQ(a.group == nullptr, b.group == nullptr);
  if (a.group) {
    EXPECT_EQ(a.group->position, b.group->position);
  }
  ASSERT_EQ(a.signature.has_value(), b.signature.has_value());
  if (a.signature) {
    EXPECT_EQ(a.signature->definition, b.signature->definition);
  }
}

inline void expectExpressionsEqual(const eval::Expression& a, const eval::Expression& b) {
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.text, b.text);
  ASSERT_EQ(a.path == nullptr, b.path == nullptr);
  ASSERT_EQ(a.intrinsic == nullptr, b.intrinsic == nullptr);
  ASSERT_EQ(a.jsonata == nullptr, b.jsonata == nullptr);
  if (a.path) {
    EXPECT_EQ(a.path->toString(), b.path->toString());
    EXPECT_EQ(a.path->source, b.path->source);
  }
  if (a.intrinsic) {
    EXPECT_EQ(a.intrinsic->toString(), b.intrinsic->toString());
  }
  if (a.jsonata) {
    EXPECT_EQ(eval::jsonata::toSExpression(*a.jsonata), eval::jsonata::toSExpression(*b.jsonata));
    expectNodePositionsEqual(*a.jsonata, *b.jsonata);
  }
}

inline void expectOptionalExpressionsEqual(const std::optional<eval::Expression>& a,
                                           const std::optional<eval::Expression>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (a) expectExpressionsEqual(*a, *b);
}

inline void expectTemplatesEqual(const eval::PayloadTemplate& a, const eval::PayloadTemplate& b) {
  ASSERT_EQ(a.kind, b.kind);
  EXPECT_TRUE(a.constant == b.constant);
  EXPECT_EQ(a.constant.isInteger(), b.constant.isInteger());
  ASSERT_EQ(a.fields.size(), b.fields.size());
  for (size_t i = 0; i < a.fields.size(); ++i) {
    EXPECT_TRUE(a.fields[i].key == b.fields[i].key);
    EXPECT_EQ(a.fields[i].fieldName, b.fields[i].fieldName);
    expectTemplatesEqual(a.fields[i].value, b.fields[i].value);
  }
  ASSERT_EQ(a.items.size(), b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i)
    expectTemplatesEqual(a.items[i], b.items[i]);
  if (a.kind == eval::PayloadTemplate::Kind::Dynamic)
    expectExpressionsEqual(a.expression, b.expression);
}

inline void expectNumbersEqual(const bc::DynamicNumber& a, const bc::DynamicNumber& b) {
  EXPECT_EQ(a.literal, b.literal);
  expectOptionalExpressionsEqual(a.expression, b.expression);
}

inline void expectRulesEqual(const bc::ChoiceRule& a, const bc::ChoiceRule& b) {
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.op, b.op);
  expectOptionalExpressionsEqual(a.variable, b.variable);
  EXPECT_TRUE(a.operand == b.operand);
  expectOptionalExpressionsEqual(a.operandPath, b.operandPath);
  ASSERT_EQ(a.children.size(), b.children.size());
  for (size_t i = 0; i < a.children.size(); ++i)
    expectRulesEqual(a.children[i], b.children[i]);
  expectOptionalExpressionsEqual(a.condition, b.condition);
  EXPECT_EQ(a.next, b.next);
  EXPECT_EQ(a.assign, b.assign);
  EXPECT_EQ(a.output, b.output);
}

inline void expectProgramsEqual(const bc::Program& a, const bc::Program& b) {
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.timeoutSeconds, b.timeoutSeconds);
  EXPECT_EQ(a.comment, b.comment);
  ASSERT_EQ(a.machines.size(), b.machines.size());
  for (size_t m = 0; m < a.machines.size(); ++m) {
    const bc::Machine &x = a.machines[m], &y = b.machines[m];
    EXPECT_EQ(x.role, y.role);
    EXPECT_EQ(x.startAt, y.startAt);
    ASSERT_EQ(x.code.size(), y.code.size());
    for (size_t i = 0; i < x.code.size(); ++i) {
      EXPECT_EQ(x.code[i].op, y.code[i].op) << "machine " << m << " instruction " << i;
      EXPECT_EQ(x.code[i].a, y.code[i].a) << "machine " << m << " instruction " << i;
    }
    ASSERT_EQ(x.states.size(), y.states.size());
    for (size_t s = 0; s < x.states.size(); ++s) {
      const bc::State &p = x.states[s], &q = y.states[s];
      EXPECT_EQ(p.name, q.name);
      EXPECT_EQ(p.type, q.type);
      EXPECT_EQ(p.language, q.language);
      EXPECT_EQ(p.codeBegin, q.codeBegin);
      EXPECT_EQ(p.codeEnd, q.codeEnd);
      ASSERT_EQ(p.retry.size(), q.retry.size());
      for (size_t r = 0; r < p.retry.size(); ++r) {
        EXPECT_EQ(p.retry[r].errors, q.retry[r].errors);
        EXPECT_EQ(p.retry[r].intervalSeconds, q.retry[r].intervalSeconds);
        EXPECT_EQ(p.retry[r].maxAttempts, q.retry[r].maxAttempts);
        EXPECT_EQ(p.retry[r].backoffRate, q.retry[r].backoffRate);
        EXPECT_EQ(p.retry[r].maxDelaySeconds, q.retry[r].maxDelaySeconds);
        EXPECT_EQ(p.retry[r].fullJitter, q.retry[r].fullJitter);
      }
      ASSERT_EQ(p.catchers.size(), q.catchers.size());
      for (size_t c = 0; c < p.catchers.size(); ++c) {
        EXPECT_EQ(p.catchers[c].errors, q.catchers[c].errors);
        EXPECT_EQ(p.catchers[c].next, q.catchers[c].next);
        EXPECT_EQ(p.catchers[c].resultPathMode, q.catchers[c].resultPathMode);
        EXPECT_EQ(p.catchers[c].resultPath, q.catchers[c].resultPath);
        EXPECT_EQ(p.catchers[c].output, q.catchers[c].output);
        EXPECT_EQ(p.catchers[c].assign, q.catchers[c].assign);
      }
    }
  }
  ASSERT_EQ(a.expressions.size(), b.expressions.size());
  for (size_t i = 0; i < a.expressions.size(); ++i)
    expectExpressionsEqual(a.expressions[i], b.expressions[i]);
  ASSERT_EQ(a.templates.size(), b.templates.size());
  for (size_t i = 0; i < a.templates.size(); ++i)
    expectTemplatesEqual(a.templates[i], b.templates[i]);
  ASSERT_EQ(a.tasks.size(), b.tasks.size());
  for (size_t i = 0; i < a.tasks.size(); ++i) {
    EXPECT_EQ(a.tasks[i].resource, b.tasks[i].resource);
    expectNumbersEqual(a.tasks[i].timeoutSeconds, b.tasks[i].timeoutSeconds);
    expectNumbersEqual(a.tasks[i].heartbeatSeconds, b.tasks[i].heartbeatSeconds);
    EXPECT_EQ(a.tasks[i].credentials, b.tasks[i].credentials);
  }
  ASSERT_EQ(a.choices.size(), b.choices.size());
  for (size_t i = 0; i < a.choices.size(); ++i) {
    ASSERT_EQ(a.choices[i].rules.size(), b.choices[i].rules.size());
    for (size_t r = 0; r < a.choices[i].rules.size(); ++r)
      expectRulesEqual(a.choices[i].rules[r], b.choices[i].rules[r]);
    EXPECT_EQ(a.choices[i].defaultState, b.choices[i].defaultState);
    EXPECT_EQ(a.choices[i].defaultAssign, b.choices[i].defaultAssign);
    EXPECT_EQ(a.choices[i].defaultOutput, b.choices[i].defaultOutput);
  }
  ASSERT_EQ(a.waits.size(), b.waits.size());
  for (size_t i = 0; i < a.waits.size(); ++i) {
    expectNumbersEqual(a.waits[i].seconds, b.waits[i].seconds);
    EXPECT_EQ(a.waits[i].timestamp, b.waits[i].timestamp);
    expectOptionalExpressionsEqual(a.waits[i].timestampExpression, b.waits[i].timestampExpression);
  }
  ASSERT_EQ(a.fails.size(), b.fails.size());
  for (size_t i = 0; i < a.fails.size(); ++i) {
    EXPECT_EQ(a.fails[i].error, b.fails[i].error);
    EXPECT_EQ(a.fails[i].cause, b.fails[i].cause);
    expectOptionalExpressionsEqual(a.fails[i].errorExpression, b.fails[i].errorExpression);
    expectOptionalExpressionsEqual(a.fails[i].causeExpression, b.fails[i].causeExpression);
  }
  ASSERT_EQ(a.parallels.size(), b.parallels.size());
  for (size_t i = 0; i < a.parallels.size(); ++i)
    EXPECT_EQ(a.parallels[i].branches, b.parallels[i].branches);
  ASSERT_EQ(a.maps.size(), b.maps.size());
  for (size_t i = 0; i < a.maps.size(); ++i) {
    const bc::Map &x = a.maps[i], &y = b.maps[i];
    EXPECT_EQ(x.processor, y.processor);
    EXPECT_EQ(x.distributed, y.distributed);
    expectOptionalExpressionsEqual(x.itemsPath, y.itemsPath);
    EXPECT_EQ(x.items, y.items);
    EXPECT_EQ(x.itemSelector, y.itemSelector);
    expectNumbersEqual(x.maxConcurrency, y.maxConcurrency);
    expectNumbersEqual(x.toleratedFailurePercentage, y.toleratedFailurePercentage);
    expectNumbersEqual(x.toleratedFailureCount, y.toleratedFailureCount);
    EXPECT_EQ(x.itemReader, y.itemReader);
    EXPECT_EQ(x.itemBatcher, y.itemBatcher);
    EXPECT_EQ(x.resultWriter, y.resultWriter);
    EXPECT_EQ(x.label, y.label);
  }
}

} // namespace asl::testing
