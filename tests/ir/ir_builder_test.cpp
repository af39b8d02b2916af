// The IR builder resolves transitions, flattens nested machines with parent links and pre-parses
// every expression; the printer renders the result in its stable text form.
#include "compiler/front/ir_builder.h"

#include <gtest/gtest.h>

#include "compiler/ir/ir_printer.h"

namespace asl::front {
namespace {

using namespace asl::ir;

Module build(std::string text) {
  CheckedDefinition checked = checkDefinition("test.asl.json", std::move(text), ValidateOptions{});
  EXPECT_FALSE(checked.hasErrors())
      << (checked.diagnostics.empty() ? "" : checked.diagnostics[0].message);
  auto module = buildModule(checked, Limits{});
  EXPECT_TRUE(module.ok()) << (module.ok() ? "" : module.error().message);
  return std::move(module).value();
}

const Template& field(const Template& object, std::string_view key) {
  for (const auto& [k, v] : object.fields)
    if (k == key) return v;
  ADD_FAILURE() << "no field " << key;
  return object;
}

TEST(IrBuilderTest, TransitionsResolveToStateIndices) {
  Module m = build(R"({
"StartAt": "Check",
"States": {
"Done": {"Type": "Succeed"},
"Check": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Work"}], "Default": "Done"},
"Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done",
         "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Failed"}]},
"Failed": {"Type": "Fail", "Error": "E"}
}
})");
  ASSERT_EQ(m.machines.size(), 1u);
  const Machine& top = m.machines[0];
  EXPECT_EQ(top.role, MachineRoleKind::Top);
  EXPECT_EQ(top.parent, kNoIndex);
  EXPECT_EQ(top.startAt, 1u);
  ASSERT_EQ(top.states.size(), 4u);
  EXPECT_EQ(top.states[0].name, "Done");
  EXPECT_TRUE(top.states[0].end);
  EXPECT_EQ(top.states[0].next, kNoIndex);
  const auto& choice = std::get<ChoiceData>(top.states[1].data);
  ASSERT_EQ(choice.rules.size(), 1u);
  EXPECT_EQ(choice.rules[0].next, 2u);
  EXPECT_EQ(choice.rules[0].kind, ChoiceRuleKind::Compare);
  EXPECT_EQ(choice.rules[0].op, ChoiceOperatorKind::IsPresent);
  EXPECT_EQ(choice.defaultState, 0u);
  EXPECT_EQ(top.states[2].next, 0u);
  EXPECT_FALSE(top.states[2].end);
  ASSERT_EQ(top.states[2].catchers.size(), 1u);
  EXPECT_EQ(top.states[2].catchers[0].next, 3u);
  EXPECT_EQ(top.states[2].catchers[0].errors, std::vector<std::string>{"States.TaskFailed"});
  EXPECT_TRUE(top.states[3].end);
}

TEST(IrBuilderTest, NestedMachinesBecomeSeparateMachinesWithParentLinks) {
  Module m = build(R"({
"StartAt": "Fan",
"States": {
"Fan": {"Type": "Parallel", "Next": "Each", "Branches": [
  {"StartAt": "B1", "States": {"B1": {"Type": "Succeed"}}},
  {"StartAt": "B2", "States": {"B2": {"Type": "Map", "End": true,
    "ItemProcessor": {"StartAt": "Inner", "States": {"Inner": {"Type": "Succeed"}}}}}}
]},
"Each": {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
  "StartAt": "Item", "States": {"Item": {"Type": "Succeed"}}}}
}
})");
  ASSERT_EQ(m.machines.size(), 5u);
  // Definition order: the top, branch 1, branch 2, the Map inside branch 2, the top-level Map.
  EXPECT_EQ(m.machines[1].role, MachineRoleKind::Branch);
  EXPECT_EQ(m.machines[1].parent, 0u);
  EXPECT_EQ(m.machines[1].parentState, 0u);
  EXPECT_EQ(m.machines[2].role, MachineRoleKind::Branch);
  EXPECT_EQ(m.machines[2].parent, 0u);
  EXPECT_EQ(m.machines[3].role, MachineRoleKind::MapProcessor);
  EXPECT_EQ(m.machines[3].parent, 2u);
  EXPECT_EQ(m.machines[3].parentState, 0u);
  EXPECT_EQ(m.machines[3].states[0].name, "Inner");
  EXPECT_EQ(m.machines[4].role, MachineRoleKind::MapProcessor);
  EXPECT_EQ(m.machines[4].parent, 0u);
  EXPECT_EQ(m.machines[4].parentState, 1u);
  EXPECT_EQ(std::get<ParallelData>(m.machines[0].states[0].data).branches,
            (std::vector<MachineIndex>{1, 2}));
  const auto& each = std::get<MapData>(m.machines[0].states[1].data);
  EXPECT_EQ(each.processor, 4u);
  EXPECT_TRUE(each.distributed);
  EXPECT_EQ(each.executionType, "EXPRESS");
  EXPECT_EQ(std::get<MapData>(m.machines[2].states[0].data).processor, 3u);
  EXPECT_FALSE(std::get<MapData>(m.machines[2].states[0].data).distributed);
}

TEST(IrBuilderTest, DollarKeysBecomeDynamicTemplatesWithParsedExpressions) {
  Module m = build(R"~({
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "End": true, "Parameters": {
  "id.$": "$.order.id", "msg.$": "States.Format('hi {}', $.name)", "fixed": {"n": 1, "list": [true, null]},
  "nested": {"v.$": "$$.Execution.Id"}}}
}
})~");
  const State& a = m.machines[0].states[0];
  ASSERT_TRUE(a.parameters);
  const Template& p = *a.parameters;
  EXPECT_EQ(p.kind, TemplateKind::Object);
  EXPECT_FALSE(p.constant);
  ASSERT_EQ(p.fields.size(), 4u);
  EXPECT_EQ(p.fields[0].key, "id");
  const Template& id = field(p, "id");
  EXPECT_EQ(id.kind, TemplateKind::Dynamic);
  EXPECT_FALSE(id.constant);
  ASSERT_TRUE(id.expression);
  EXPECT_EQ(id.expression->kind, ExpressionKind::Path);
  EXPECT_EQ(id.expression->text, "$.order.id");
  EXPECT_NE(id.expression->path, nullptr);
  EXPECT_EQ(id.expression->span.line, 5u);
  EXPECT_EQ(id.expression->span.column, 11u); // the opening quote of "$.order.id"
  const Template& msg = field(p, "msg");
  ASSERT_TRUE(msg.expression);
  EXPECT_EQ(msg.expression->kind, ExpressionKind::Intrinsic);
  EXPECT_NE(msg.expression->intrinsic, nullptr);
  const Template& fixed = field(p, "fixed");
  EXPECT_TRUE(fixed.constant);
  EXPECT_EQ(printTemplate(fixed), "{\"n\": 1, \"list\": [true, null]}");
  EXPECT_FALSE(field(p, "nested").constant);
}

TEST(IrBuilderTest, MapLegacyParametersBecomeItemSelector) {
  Module m = build(R"({
"StartAt": "M",
"States": {
"M": {"Type": "Map", "End": true, "ItemsPath": "$.items", "Parameters": {"v.$": "$$.Map.Item.Value"},
  "Iterator": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}
}
})");
  const State& map = m.machines[0].states[0];
  EXPECT_FALSE(map.parameters);
  const auto& data = std::get<MapData>(map.data);
  ASSERT_TRUE(data.itemSelector);
  EXPECT_EQ(printTemplate(*data.itemSelector), "{\"v\": <$$['Map']['Item']['Value']>}");
  ASSERT_TRUE(data.itemsPath);
  EXPECT_EQ(data.itemsPath->text, "$.items");
  EXPECT_EQ(data.processor, 1u);
}

TEST(IrBuilderTest, JsonataTemplatesHoldParsedExpressions) {
  Module m = build(R"({
"QueryLanguage": "JSONata",
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "End": true, "Output": {"sum": "{% 1 + 2 %}", "text": "a.$", "list": ["{% $x %}", 3]}}
}
})");
  EXPECT_EQ(m.language, QueryLanguageKind::JSONata);
  const State& a = m.machines[0].states[0];
  EXPECT_EQ(a.language, QueryLanguageKind::JSONata);
  ASSERT_TRUE(a.output);
  const Template& sum = field(*a.output, "sum");
  EXPECT_EQ(sum.kind, TemplateKind::Dynamic);
  ASSERT_TRUE(sum.expression);
  EXPECT_EQ(sum.expression->kind, ExpressionKind::Jsonata);
  EXPECT_EQ(sum.expression->text, " 1 + 2 ");
  EXPECT_NE(sum.expression->jsonata, nullptr);
  const Template& text = field(*a.output, "text");
  EXPECT_EQ(text.kind, TemplateKind::String);
  EXPECT_TRUE(text.constant);
  EXPECT_FALSE(field(*a.output, "list").constant);
  EXPECT_EQ(printTemplate(*a.output),
            "{\"sum\": <{% 1 + 2 %}>, \"text\": \"a.$\", \"list\": [<{% $x %}>, 3]}");
}

TEST(IrPrinterTest, PrintsASmallDefinitionExactly) {
  Module m = build(R"({
"Comment": "demo",
"TimeoutSeconds": 60,
"StartAt": "Get",
"States": {
"Get": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"id.$": "$.id"},
  "ResultPath": "$.r", "TimeoutSeconds": 10, "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}],
  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops", "ResultPath": "$.err"}], "Next": "Ok?"},
"Ok?": {"Type": "Choice", "Choices": [{"Variable": "$.r.ok", "BooleanEquals": true, "Next": "Done"}], "Default": "Oops"},
"Done": {"Type": "Succeed"},
"Oops": {"Type": "Fail", "Error": "Failed", "Cause": "see $.err"}
}
})");
  EXPECT_EQ(printModule(m), R"(module language=JSONPath version="1.0" timeout=60s comment="demo"
machine 0 top start=0 "Get"
  state 0 "Get" Task JSONPath @6:1 next=1 "Ok?"
    parameters {"id": <$['id']>}
    resource "arn:aws:states:::lambda:invoke"
    timeout-seconds 10
    result-path $['r']
    retry ["States.Timeout"] interval=1s max-attempts=2 backoff=2
    catch ["States.ALL"] next=3 "Oops"
      result-path $['err']
  state 1 "Ok?" Choice JSONPath @9:1
    rule 0 next=2 "Done" @9:39
      BooleanEquals $['r']['ok'] true
    default 3 "Oops"
  state 2 "Done" Succeed JSONPath @10:1 end
  state 3 "Oops" Fail JSONPath @11:1 end
    error "Failed"
    cause "see $.err"
)");
}

} // namespace
} // namespace asl::front
