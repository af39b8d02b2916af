// The compact hot form of templates and paths (runtime/eval/hot_code.h) is only a faster way to
// the same answers: every definition here runs once as prepared and once with the hot form
// taken away, and the outputs, errors and causes must be identical.
#include <gtest/gtest.h>

#include <string>

#include "runtime/eval/hot_code.h"
#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

using testing::compile;
using testing::json;

void dropHotForm(eval::PayloadTemplate& t) {
  t.hot = nullptr;
  for (auto& item : t.items)
    dropHotForm(item);
  for (auto& field : t.fields)
    dropHotForm(field.value);
}

std::string runProgram(const bc::Program& program, std::string_view input) {
  exec::VirtualClock clock(testing::kStart);
  ExecutionOptions options;
  options.input = json(input);
  options.clock = &clock;
  options.randomSeed = 7;
  ExecutionResult r = execute(program, options);
  if (r.status == ExecutionStatus::Succeeded) return toJson(r.output);
  return std::string(executionStatusName(r.status)) + " " + r.error + ": " + r.cause;
}

struct Case {
  const char* name;
  const char* definition;
  const char* input;
};

class HotFormAgreesTest : public ::testing::TestWithParam<Case> {};

TEST_P(HotFormAgreesTest, WithAndWithoutTheHotForm) {
  bc::Program hot = compile(GetParam().definition);
  bc::Program cold = compile(GetParam().definition);
  size_t hotTemplates = 0, hotPaths = 0;
  for (auto& t : hot.templates)
    hotTemplates += t.hot != nullptr;
  for (auto& e : hot.expressions)
    hotPaths += e.hot != nullptr;
  EXPECT_GT(hotTemplates + hotPaths, 0u) << "the case exercises no hot form";
  for (auto& t : cold.templates)
    dropHotForm(t);
  for (auto& e : cold.expressions)
    e.hot = nullptr;
  EXPECT_EQ(runProgram(hot, GetParam().input), runProgram(cold, GetParam().input));
}

std::string pass(const std::string& fields) {
  return R"({"StartAt":"P","States":{"P":{"Type":"Pass",)" + fields + R"(,"End":true}}})";
}

const std::string kParameters = pass(
    R"json("Parameters":{"n":1,"s":"x","a.$":"$.a","deep.$":"$.o.items[1].sku","whole.$":"$","ctx.$":"$$.State.Name","nested":{"b.$":"$.b"},"f.$":"States.Format('{}', $.a)"})json");
const std::string kMissingMember = pass(R"("Parameters":{"a.$":"$.a","m.$":"$.missing.x"})");
const std::string kIndexOutOfRange = pass(R"("Parameters":{"i.$":"$.o.items[5]"})");
const std::string kMemberOfScalar = pass(R"("Parameters":{"i.$":"$.a.b"})");
const std::string kResultPathDeep = pass(R"("Result":{"r":1},"ResultPath":"$.x.y.z")");
const std::string kResultPathThroughScalar = pass(R"("Result":{"r":1},"ResultPath":"$.a.y")");
const std::string kResultPathReplaces = pass(R"("Result":7,"ResultPath":"$.o")");
const std::string kInputOutputPaths =
    pass(R"("InputPath":"$.o","Parameters":{"first.$":"$.items[0]"},"OutputPath":"$.first.sku")");
const std::string kInputPathMiss = pass(R"("InputPath":"$.nope")");
std::string withVariable(const std::string& parameters) {
  return R"({"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"v":{"k":[10,20]}},"Next":"B"},
      "B":{"Type":"Pass","Parameters":)" +
         parameters + R"(,"End":true}}})";
}
const std::string kVariables = withVariable(R"({"x.$":"$v.k[1]","y.$":"$v"})");
const std::string kVariableMiss = withVariable(R"({"x.$":"$v.k[1]","y.$":"$v.missing"})");

const char* kInput = R"({"a":1,"b":"two","o":{"items":[{"sku":"A-1"},{"sku":"B-7"}]}})";

INSTANTIATE_TEST_SUITE_P(
    Cases, HotFormAgreesTest,
    ::testing::Values(Case{"Parameters", kParameters.c_str(), kInput},
                      Case{"MissingMember", kMissingMember.c_str(), kInput},
                      Case{"IndexOutOfRange", kIndexOutOfRange.c_str(), kInput},
                      Case{"MemberOfScalar", kMemberOfScalar.c_str(), kInput},
                      Case{"ResultPathDeep", kResultPathDeep.c_str(), kInput},
                      Case{"ResultPathThroughScalar", kResultPathThroughScalar.c_str(), kInput},
                      Case{"ResultPathReplaces", kResultPathReplaces.c_str(), kInput},
                      Case{"InputOutputPaths", kInputOutputPaths.c_str(), kInput},
                      Case{"InputPathMiss", kInputPathMiss.c_str(), kInput},
                      Case{"InputNotAnObject", kParameters.c_str(), "[1,2]"},
                      Case{"Variables", kVariables.c_str(), kInput},
                      Case{"VariableMiss", kVariableMiss.c_str(), kInput}),
    [](const ::testing::TestParamInfo<Case>& param) { return std::string(param.param.name); });

} // namespace
} // namespace asl::vm
