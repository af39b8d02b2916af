// The Choice rules of the recorded AWS executions (tests/conformance/corpus/execute), evaluated:
// for every case whose machine is one Choice state leading to Pass, Succeed or Fail states,
// the branch the rules pick must produce the output (or error) AWS recorded.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "choice_test_support.h"
#include "compiler/lang/jsonpath_parser.h"
#include "runtime/eval/choice_condition.h"
#include "runtime/eval/choice_eval.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::eval {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(ASL_SOURCE_DIR) / "tests/conformance/corpus/execute";

struct CorpusCase {
  std::string id;
  Value definition;
  Value input;
  Value expect;
};

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string_view stringOr(const Value* v, std::string_view fallback = {}) {
  return v && v->isString() ? v->asString() : fallback;
}

bool onlyFields(const Value& object, std::initializer_list<std::string_view> allowed) {
  return std::all_of(object.members().begin(), object.members().end(), [&](const Member& m) {
    return std::find(allowed.begin(), allowed.end(), m.key.asString()) != allowed.end();
  });
}

// A machine this test can run without an executor: StartAt is a JSONPath Choice state whose
// every target is a Pass (at most a Result), Succeed or Fail state.
bool isSimpleChoiceMachine(const Value& definition) {
  if (!definition.isObject() || definition.find("QueryLanguage")) return false;
  const Value* states = definition.find("States");
  const Value* start = states ? states->find(stringOr(definition.find("StartAt"))) : nullptr;
  if (!start || stringOr(start->find("Type")) != "Choice") return false;
  if (!onlyFields(*start, {"Type", "Choices", "Default", "Comment"})) return false;
  std::vector<std::string_view> targets;
  for (const Value& rule : start->find("Choices")->items())
    targets.push_back(stringOr(rule.find("Next")));
  if (const Value* fallback = start->find("Default")) targets.push_back(stringOr(fallback));
  return std::all_of(targets.begin(), targets.end(), [&](std::string_view name) {
    const Value* target = states->find(name);
    if (!target) return false;
    std::string_view type = stringOr(target->find("Type"));
    return (type == "Pass" || type == "Succeed" || type == "Fail") &&
           onlyFields(*target, {"Type", "Result", "End", "Comment", "Error", "Cause"});
  });
}

std::vector<CorpusCase> loadCases() {
  std::vector<CorpusCase> cases;
  if (!fs::is_directory(kCorpus)) return cases;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpus))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto parsed = parseJsonValue(readFile(file));
    if (!parsed.ok() || !isSimpleChoiceMachine(*parsed->find("definition"))) continue;
    cases.push_back(CorpusCase{std::string(stringOr(parsed->find("id"))),
                               *parsed->find("definition"), *parsed->find("input"),
                               *parsed->find("expect")});
  }
  return cases;
}

const std::vector<CorpusCase>& corpusCases() {
  static const std::vector<CorpusCase> cases = loadCases();
  return cases;
}

Result<std::shared_ptr<const Path>, std::string> pathFrom(const Value* text) {
  if (!text || !text->isString()) return fail(std::string("a path must be a string"));
  auto parsed = lang::parsePath(text->asString(), lang::PathSyntaxKind::Path);
  if (!parsed.ok()) return fail(parsed.error().message);
  return std::make_shared<const Path>(std::move(*parsed));
}

// A rule as the definition writes it, read into the runtime's tree.
Result<ChoiceCondition, std::string> ruleFrom(const Value& rule) {
  for (std::string_view combinator : {"And", "Or"}) {
    const Value* list = rule.find(combinator);
    if (!list) continue;
    std::vector<ChoiceCondition> children;
    for (const Value& child : list->items()) {
      auto built = ruleFrom(child);
      if (!built.ok()) return built;
      children.push_back(std::move(*built));
    }
    return combinator == "And" ? makeChoiceAnd(std::move(children))
                               : makeChoiceOr(std::move(children));
  }
  if (const Value* inner = rule.find("Not")) {
    auto built = ruleFrom(*inner);
    if (!built.ok()) return built;
    return makeChoiceNot(std::move(*built));
  }
  for (const Member& m : rule.members()) {
    std::optional<ChoiceOperatorKind> op = choiceOperatorNamed(m.key.asString());
    if (!op) continue;
    auto variable = pathFrom(rule.find("Variable"));
    if (!variable.ok()) return fail(variable.error());
    if (choiceOperandKind(*op) != ChoiceOperandKind::Path)
      return makeChoiceComparison(*op, *variable, m.value);
    auto operand = pathFrom(&m.value);
    if (!operand.ok()) return fail(operand.error());
    return makeChoicePathComparison(*op, *variable, *operand);
  }
  return fail("no comparison operator in " + toJson(rule));
}

struct Outcome {
  std::string status;
  Value output;
  std::string error, cause;
};

Outcome fails(std::string error, std::string cause) {
  return Outcome{"FAILED", Value(), std::move(error), std::move(cause)};
}

// Runs the Choice state, then the target it picks, as the executor would.
Outcome run(const CorpusCase& c) {
  const Value& states = *c.definition.find("States");
  const Value& choice = *states.find(stringOr(c.definition.find("StartAt")));
  Value context =
      Value::object({makeMember("Execution", Value::object({makeMember("Input", c.input)}))});
  ChoicePathResolver resolve = choice_test::documentResolver(c.input, context);

  std::string_view next = stringOr(choice.find("Default"));
  bool matched = false;
  for (const Value& rule : choice.find("Choices")->items()) {
    auto condition = ruleFrom(rule);
    if (!condition.ok()) {
      ADD_FAILURE() << c.id << ": " << condition.error();
      return {};
    }
    ExecResult<bool> holds = evaluate(*condition, resolve);
    if (!holds) return fails(holds.error().error, holds.error().cause);
    if (*holds) {
      next = stringOr(rule.find("Next"));
      matched = true;
      break;
    }
  }
  if (!matched && next.empty()) return fails("States.NoChoiceMatched", "");

  const Value& target = *states.find(next);
  std::string_view type = stringOr(target.find("Type"));
  if (type == "Fail")
    return fails(std::string(stringOr(target.find("Error"))),
                 std::string(stringOr(target.find("Cause"))));
  const Value* result = type == "Pass" ? target.find("Result") : nullptr;
  return Outcome{"SUCCEEDED", result ? *result : c.input, "", ""};
}

class ChoiceCorpusTest : public ::testing::TestWithParam<size_t> {};

TEST_P(ChoiceCorpusTest, PicksTheBranchAwsRecorded) {
  const CorpusCase& c = corpusCases()[GetParam()];
  Outcome outcome = run(c);
  EXPECT_EQ(outcome.status, stringOr(c.expect.find("status"))) << c.id;
  if (const Value* output = c.expect.find("output")) {
    EXPECT_EQ(outcome.output, *output) << c.id << ": got " << toJson(outcome.output);
  }
  if (const Value* error = c.expect.find("error")) {
    EXPECT_EQ(outcome.error, stringOr(error)) << c.id;
  }
  if (const Value* cause = c.expect.find("cause")) {
    EXPECT_EQ(outcome.cause, stringOr(cause)) << c.id;
  }
}

std::string caseName(const ::testing::TestParamInfo<size_t>& info) {
  std::string name = corpusCases()[info.param].id;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Recorded, ChoiceCorpusTest,
                         ::testing::Range<size_t>(0, corpusCases().size()), caseName);

TEST(ChoiceCorpusCoverageTest, EveryChoiceOperatorCaseIsSimpleEnoughToRun) {
  ASSERT_TRUE(fs::is_directory(kCorpus)) << kCorpus;
  size_t operatorFiles = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpus))
    if (entry.path().filename().string().find("choice_operators") != std::string::npos)
      ++operatorFiles;
  size_t operatorCases =
      std::count_if(corpusCases().begin(), corpusCases().end(), [](const CorpusCase& c) {
        return c.id.find("choice_operators") != std::string::npos;
      });
  EXPECT_EQ(operatorCases, operatorFiles);
  EXPECT_GE(operatorFiles, 420u); // the corpus as checked in; fewer means cases went missing
  EXPECT_GT(corpusCases().size(), operatorCases) << "Choice cases from other areas run too";
}

} // namespace
} // namespace asl::eval
