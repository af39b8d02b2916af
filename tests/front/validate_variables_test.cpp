// VARIABLE_BEFORE_ASSIGN: a variable read where no path from StartAt has assigned it, with
// AWS's scoping of Assign, Choice rules, catchers, Parallel branches and Map processors.
#include <gtest/gtest.h>

#include "compiler/front/frontend.h"

namespace asl::front {
namespace {

std::vector<Diagnostic> variableWarnings(std::string definition) {
  CheckedDefinition checked =
      checkDefinition("test.asl.json", std::move(definition), ValidateOptions{});
  EXPECT_FALSE(checked.hasErrors())
      << (checked.diagnostics.empty() ? "" : checked.diagnostics[0].message);
  std::vector<Diagnostic> out;
  for (Diagnostic& d : checked.diagnostics)
    if (d.code == DiagCode::VariableBeforeAssign) out.push_back(std::move(d));
  return out;
}

TEST(VariableBeforeAssignTest, JsonPathReadBeforeAnyAssignIsReportedAtTheRead) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Parameters": {"t.$": "$total"}, "Next": "B"},
    "B": {"Type": "Pass", "Assign": {"total": 1}, "End": true}
  }
})json");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].pointer, "/States/A/Parameters/t.$");
  EXPECT_EQ(warnings[0].message,
            "variable $total is read here but no Assign before this state sets it");
  EXPECT_EQ(warnings[0].severity, SeverityKind::Warning);
  EXPECT_EQ(warnings[0].location.line, 4u);
  EXPECT_EQ(warnings[0].location.column, 50u);
}

TEST(VariableBeforeAssignTest, JsonataReadBeforeAnyAssignPointsInsideTheExpression) {
  auto warnings = variableWarnings(R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Output": {"sum": "{% 1 + $price.net %}"}, "End": true}
  }
})json");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].pointer, "/States/A/Output/sum");
  EXPECT_EQ(warnings[0].message,
            "variable $price is read here but no Assign before this state sets it");
  EXPECT_EQ(warnings[0].location.line, 5u);
  EXPECT_EQ(warnings[0].location.column, 53u);
}

TEST(VariableBeforeAssignTest, IntrinsicArgumentAndChoiceVariableAreReads) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "C",
  "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$flag", "BooleanEquals": true, "Next": "F"}],
          "Default": "F"},
    "F": {"Type": "Fail", "CausePath": "States.Format('{} {}', $.a, $reason)"}
  }
})json");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].pointer, "/States/C/Choices/0/Variable");
  EXPECT_EQ(warnings[0].location.column, 55u);
  EXPECT_EQ(warnings[1].pointer, "/States/F/CausePath");
  EXPECT_EQ(warnings[1].message,
            "variable $reason is read here but no Assign before this state sets it");
  EXPECT_EQ(warnings[1].location.line, 6u);
  EXPECT_EQ(warnings[1].location.column, 69u);
}

TEST(VariableBeforeAssignTest, AssignOnOneBranchOfAChoiceIsEnough) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "C",
  "States": {
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Set"}],
          "Default": "Use"},
    "Set": {"Type": "Pass", "Assign": {"total": 1}, "Next": "Use"},
    "Use": {"Type": "Pass", "Parameters": {"t.$": "$total"}, "End": true}
  }
})json");
  EXPECT_TRUE(warnings.empty());
}

TEST(VariableBeforeAssignTest, AStateDoesNotSeeItsOwnAssign) {
  auto warnings = variableWarnings(R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Assign": {"x": 1, "y": "{% $x + 1 %}"}, "Output": "{% $x %}", "Next": "B"},
    "B": {"Type": "Pass", "Output": "{% $x + $y %}", "End": true}
  }
})json");
  // One warning per state and variable, at the first read in the source.
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].pointer, "/States/A/Assign/y");
  EXPECT_EQ(warnings[0].message,
            "variable $x is read here but no Assign before this state sets it");
}

TEST(VariableBeforeAssignTest, LoopBackEdgeCarriesAssignToTheLoopHead) {
  auto warnings = variableWarnings(R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "Head",
  "States": {
    "Head": {"Type": "Choice", "Choices": [{"Condition": "{% $exists($n) %}", "Next": "Done"}],
             "Default": "Body"},
    "Body": {"Type": "Pass", "Assign": {"n": 1}, "Next": "Head"},
    "Done": {"Type": "Succeed"}
  }
})json");
  EXPECT_TRUE(warnings.empty());
}

TEST(VariableBeforeAssignTest, CatchAssignReachesTheCatchTargetOnly) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "T",
  "States": {
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Assign": {"ok": true},
          "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"err.$": "$.Error"}, "Next": "Handle"}],
          "Next": "Done"},
    "Handle": {"Type": "Pass", "Parameters": {"e.$": "$err", "o.$": "$ok"}, "End": true},
    "Done": {"Type": "Pass", "Parameters": {"o.$": "$ok", "e.$": "$err"}, "End": true}
  }
})json");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].pointer, "/States/Handle/Parameters/o.$");
  EXPECT_EQ(warnings[0].message,
            "variable $ok is read here but no Assign before this state sets it");
  EXPECT_EQ(warnings[1].pointer, "/States/Done/Parameters/e.$");
}

TEST(VariableBeforeAssignTest, ChoiceRuleAssignReachesItsTargetAndStateAssignTheDefault) {
  auto warnings = variableWarnings(R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "C",
  "States": {
    "C": {"Type": "Choice",
          "Choices": [{"Condition": "{% $states.input.big %}", "Assign": {"tier": "premium"}, "Next": "Rule"}],
          "Assign": {"fallback": true}, "Default": "Other"},
    "Rule": {"Type": "Pass", "Output": "{% $tier %}", "Next": "Other2"},
    "Other2": {"Type": "Pass", "Output": "{% $fallback %}", "End": true},
    "Other": {"Type": "Pass", "Output": "{% [$fallback, $tier] %}", "End": true}
  }
})json");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].pointer, "/States/Other2/Output");
  EXPECT_EQ(warnings[0].message,
            "variable $fallback is read here but no Assign before this state sets it");
  EXPECT_EQ(warnings[1].pointer, "/States/Other/Output");
  EXPECT_EQ(warnings[1].message,
            "variable $tier is read here but no Assign before this state sets it");
}

TEST(VariableBeforeAssignTest, ParallelBranchAndMapProcessorReadOuterVariables) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "Init",
  "States": {
    "Init": {"Type": "Pass", "Assign": {"limit": 3}, "Next": "P"},
    "P": {"Type": "Parallel", "Next": "M",
          "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "Parameters": {"l.$": "$limit"}, "End": true}}}]},
    "M": {"Type": "Map", "End": true, "ItemsPath": "$.items",
          "ItemProcessor": {"StartAt": "I", "States": {
            "I": {"Type": "Pass", "Assign": {"inner": 1}, "Next": "J"},
            "J": {"Type": "Pass", "Parameters": {"l.$": "$limit", "i.$": "$inner"}, "End": true}}}}
  }
})json");
  EXPECT_TRUE(warnings.empty());
}

TEST(VariableBeforeAssignTest, MapStateAssignIsNotVisibleInItsProcessor) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "M",
  "States": {
    "M": {"Type": "Map", "Assign": {"count.$": "$.n"}, "Next": "After",
          "ItemProcessor": {"StartAt": "I", "States": {
            "I": {"Type": "Pass", "Parameters": {"c.$": "$count"}, "End": true}}}},
    "After": {"Type": "Pass", "Parameters": {"c.$": "$count"}, "End": true}
  }
})json");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].pointer, "/States/M/ItemProcessor/States/I/Parameters/c.$");
  EXPECT_EQ(warnings[0].location.line, 6u);
  EXPECT_EQ(warnings[0].location.column, 58u);
}

TEST(VariableBeforeAssignTest, BranchAssignsStayInsideTheBranch) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "P",
  "States": {
    "P": {"Type": "Parallel", "Next": "After", "Branches": [
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"a": 1}, "End": true}}},
      {"StartAt": "B", "States": {"B": {"Type": "Pass", "Parameters": {"a.$": "$a"}, "End": true}}}]},
    "After": {"Type": "Pass", "Parameters": {"a.$": "$a"}, "End": true}
  }
})json");
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].pointer, "/States/P/Branches/1/States/B/Parameters/a.$");
  EXPECT_EQ(warnings[1].pointer, "/States/After/Parameters/a.$");
}

TEST(VariableBeforeAssignTest, DistributedMapProcessorCannotReadOuterVariables) {
  auto warnings = variableWarnings(R"json({
  "StartAt": "Init",
  "States": {
    "Init": {"Type": "Pass", "Assign": {"limit": 3}, "Next": "M"},
    "M": {"Type": "Map", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "I", "States": {"I": {"Type": "Pass", "Parameters": {"l.$": "$limit"}, "End": true}}}}
  }
})json");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].pointer, "/States/M/ItemProcessor/States/I/Parameters/l.$");
  EXPECT_EQ(
      warnings[0].message,
      "variable $limit is read here but no Assign before this state sets it (a distributed Map's "
      "ItemProcessor cannot read the variables of the states around it)");
}

TEST(VariableBeforeAssignTest, JsonataLocalsFunctionsAndStatesAreNotWorkflowVariables) {
  auto warnings = variableWarnings(R"json({
  "QueryLanguage": "JSONata",
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "End": true, "Output": {
      "bind": "{% ($rate := 2; $sum($states.input.items) * $rate) %}",
      "lambda": "{% $map([1, 2], function($v, $i) { $v + $i }) %}",
      "aws": "{% [$uuid(), $partition([1, 2], 1), $hash('a', 'SHA-256'), $string($)] %}",
      "context": "{% $$.x %}"
    }}
  }
})json");
  EXPECT_TRUE(warnings.empty());
}

TEST(VariableBeforeAssignTest, UnreachableStatesAndBrokenMachinesAreLeftToTheirErrors) {
  CheckedDefinition checked = checkDefinition("test.asl.json", R"json({
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "Next": "Missing"}
  }
})json",
                                              ValidateOptions{});
  for (const Diagnostic& d : checked.diagnostics)
    EXPECT_NE(d.code, DiagCode::VariableBeforeAssign);
  EXPECT_TRUE(checked.hasErrors());
}

TEST(VariableBeforeAssignTest, NotReportedWithoutWarnings) {
  ValidateOptions options;
  options.warnings = false;
  CheckedDefinition checked = checkDefinition("test.asl.json", R"json({
  "StartAt": "A",
  "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}
})json",
                                              options);
  EXPECT_TRUE(checked.diagnostics.empty());
}

} // namespace
} // namespace asl::front
