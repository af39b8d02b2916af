// Replays the recorded AWS executions whose intrinsic calls sit in Pass (or Fail) states and
// compares the evaluator's results with what AWS returned, byte for byte where AWS prints text.
//
// The cases come from the project's copy of the conformance corpus (tests/conformance/corpus,
// localstack/localstack snapshots, Apache-2.0). A small stand-in for the executor runs them:
// Pass states with Result, Parameters, Assign, ResultPath and OutputPath over definite paths,
// chained by Next, and Fail states with ErrorPath/CausePath. JSONata states are skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/lang/jsonpath_parser.h"
#include "runtime/eval/intrinsic_functions.h"
#include "tests/eval/intrinsic_test_support.h"

namespace asl::eval {
namespace {

namespace fs = std::filesystem;
using testing::PathScope;

const fs::path kCorpus = fs::path(ASL_SOURCE_DIR) / "tests/conformance/corpus/execute";

/// Corpus cases outside the intrinsic_functions group whose Pass states call intrinsics.
const char* const kOtherCases[] = {
    "localstack.base_test_base__TestSnfBase_test_state_fail_intrinsic.json",
    "localstack.assign_test_assign_reference_variables__TestAssignReferenceVariables_test_"
    "reference_assign_BASE_REFERENCE_IN_INTRINSIC_FUNCTION.json",
    "localstack.assign_test_assign_reference_variables__TestAssignReferenceVariables_test_assign_"
    "from_value_BASE_ASSIGN_FROM_INTRINSIC_FUNCTION.json",
    "localstack.scenarios_test_base_scenarios__TestBaseScenarios_test_escape_sequence_parsing_"
    "ESCAPE_SEQUENCES_STRING_LITERALS.json",
};

/// The context object: the snapshot's placeholders stand for names and ARNs, so the stand-in
/// uses them as the values, and results that quote them compare equal.
Value contextFor(const Value& input) {
  return Value::object(
      {makeMember("Execution",
                  Value::object({makeMember("Input", input),
                                 makeMember("Name", Value::string("<ExecArnPart_0idx>"))})),
       makeMember("StateMachine",
                  Value::object({makeMember("Id", Value::string("arn:<partition>:states:<region>:"
                                                                "111111111111:stateMachine:"
                                                                "<ArnPart_0idx>")),
                                 makeMember("Name", Value::string("<ArnPart_0idx>"))}))});
}

struct Outcome {
  bool failed = false;
  Value output;
  std::string error, cause;
};

class MiniExecutor {
public:
  MiniExecutor(const Value& input) : random_(2024) {
    scope_.input = input;
    scope_.context = contextFor(input);
  }

  ExecResult<Value> valueOf(std::string_view expression, const Value& data) {
    PathScope scope = scope_;
    scope.input = data;
    IntrinsicEnv env{[&](const Path& p) { return testing::resolveDefinitePath(p, scope); },
                     &random_};
    if (lang::looksLikeIntrinsic(expression)) {
      Result<IntrinsicCall> call = lang::parseIntrinsic(expression);
      if (!call) return raise(StateErrorId::Runtime, "unparsable: " + call.error().message);
      return evaluateIntrinsic(*call, env);
    }
    Result<Path> path = lang::parsePath(expression, lang::PathSyntaxKind::Path);
    if (!path) return raise(StateErrorId::Runtime, "unparsable: " + path.error().message);
    return env.resolvePath(*path);
  }

  /// A Parameters/Assign template: `key.$` members are evaluated, the rest copied.
  ExecResult<Value> build(const Value& tmpl, const Value& data) {
    if (tmpl.isArray()) {
      std::vector<Value> items;
      for (const Value& item : tmpl.items()) {
        auto v = build(item, data);
        if (!v) return v;
        items.push_back(*v);
      }
      return Value::array(std::move(items));
    }
    if (!tmpl.isObject()) return tmpl;
    std::vector<Member> members;
    for (const Member& m : tmpl.members()) {
      std::string_view key = m.key.asString();
      if (key.size() > 2 && key.substr(key.size() - 2) == ".$" && m.value.isString()) {
        auto v = valueOf(m.value.asString(), data);
        if (!v) return v;
        members.push_back(makeMember(key.substr(0, key.size() - 2), *v));
      } else {
        auto v = build(m.value, data);
        if (!v) return v;
        members.push_back(makeMember(key, *v));
      }
    }
    return Value::object(std::move(members));
  }

  /// Puts `result` at a `$.a.b` ResultPath inside `input`.
  static Value placeAt(const Value& input, const Path& path, size_t depth, const Value& result) {
    if (depth == path.segments.size()) return result;
    const std::string& name = path.segments[depth].name;
    std::vector<Member> members;
    const Value* existing = nullptr;
    if (input.isObject()) {
      for (const Member& m : input.members()) {
        if (m.key.asString() == name) {
          existing = &m.value;
        } else {
          members.push_back(m);
        }
      }
    }
    members.push_back(
        makeMember(name, placeAt(existing ? *existing : Value(), path, depth + 1, result)));
    return Value::object(std::move(members));
  }

  Outcome run(const Value& definition) {
    const Value* states = definition.find("States");
    std::string name(definition.find("StartAt")->asString());
    Value data = scope_.input;
    for (;;) {
      const Value& state = *states->find(name);
      const std::string_view type = state.find("Type")->asString();
      if (type == "Fail") return fail(state, data);
      Value result = data;
      if (const Value* parameters = state.find("Parameters")) {
        auto built = build(*parameters, data);
        if (!built) return Outcome{true, Value(), built.error().error, built.error().cause};
        result = *built;
      }
      if (const Value* fixed = state.find("Result")) result = *fixed;
      if (const Value* assign = state.find("Assign")) {
        // In a Pass state, Assign's `$` is the state's result (the corpus case
        // BASE_ASSIGN_FROM_INTRINSIC_FUNCTION reads its Result fields through it).
        auto built = build(*assign, result);
        if (!built) return Outcome{true, Value(), built.error().error, built.error().cause};
        for (const Member& m : built->members()) {
          scope_.variables[std::string(m.key.asString())] = m.value;
        }
      }
      data = result;
      if (const Value* resultPath = state.find("ResultPath")) {
        Result<Path> path =
            lang::parsePath(resultPath->asString(), lang::PathSyntaxKind::ReferencePath);
        data = placeAt(scope_.input, *path, 0, result);
      }
      if (const Value* outputPath = state.find("OutputPath")) {
        auto selected = valueOf(outputPath->asString(), data);
        if (!selected)
          return Outcome{true, Value(), selected.error().error, selected.error().cause};
        data = *selected;
      }
      const Value* next = state.find("Next");
      if (next == nullptr) return Outcome{false, data, {}, {}};
      name = std::string(next->asString());
      scope_.input = data;
    }
  }

private:
  Outcome fail(const Value& state, const Value& data) {
    Outcome out{true, Value(), {}, {}};
    for (auto [field, target] :
         {std::pair{"ErrorPath", &out.error}, std::pair{"CausePath", &out.cause}}) {
      if (const Value* expression = state.find(field)) {
        auto v = valueOf(expression->asString(), data);
        if (!v) return Outcome{true, Value(), v.error().error, v.error().cause};
        *target = std::string(v->asString());
      }
    }
    return out;
  }

  PathScope scope_;
  SeededRandomSource random_;
};

Value readJsonFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return testing::json(text.str());
}

bool usesJsonata(const Value& definition) {
  if (const Value* ql = definition.find("QueryLanguage"); ql && ql->asString() == "JSONata")
    return true;
  for (const Member& m : definition.find("States")->members()) {
    if (const Value* ql = m.value.find("QueryLanguage"); ql && ql->asString() == "JSONata")
      return true;
  }
  return false;
}

std::vector<std::string> caseFiles() {
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpus)) {
    const std::string name = entry.path().filename().string();
    if (name.find("intrinsic_functions_test_") != std::string::npos) files.push_back(name);
  }
  for (const char* other : kOtherCases)
    files.push_back(other);
  std::sort(files.begin(), files.end());
  return files;
}

bool isUuid(const Value& v) {
  static const std::string_view hex = "0123456789abcdef";
  if (!v.isString() || v.size() != 36) return false;
  const std::string_view s = v.asString();
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : hex.find(s[i]) == std::string_view::npos) return false;
  }
  return s[14] == '4';
}

/// Deep equality where the snapshot's placeholders match what they stand for, and byte
/// equality of every string and of every number's printed form.
bool matches(const Value& actual, const Value& expected, std::string& why, const std::string& at) {
  if (expected.isString()) {
    const std::string_view e = expected.asString();
    if (e.rfind("<uuid:", 0) == 0) {
      if (isUuid(actual)) return true;
      why = at + ": expected a UUID, got " + toJson(actual);
      return false;
    }
    if (e == "RandomNumberGenerated") {
      if (actual.isInteger()) return true;
      why = at + ": expected a random integer, got " + toJson(actual);
      return false;
    }
  }
  if (expected.isObject() && actual.isObject()) {
    if (expected.size() != actual.size()) {
      why = at + ": " + toJson(actual) + " vs " + toJson(expected);
      return false;
    }
    for (const Member& m : expected.members()) {
      const Value* a = actual.find(m.key.asString());
      if (a == nullptr) {
        why = at + ": missing " + std::string(m.key.asString());
        return false;
      }
      if (!matches(*a, m.value, why, at + "." + std::string(m.key.asString()))) return false;
    }
    return true;
  }
  if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!matches(actual.items()[i], expected.items()[i], why,
                   at + "[" + std::to_string(i) + "]")) {
        return false;
      }
    }
    return true;
  }
  if (toJson(actual) == toJson(expected)) return true;
  why = at + ": got " + toJson(actual) + ", expected " + toJson(expected);
  return false;
}

TEST(IntrinsicCorpusTest, CorpusCopyIsPresent) {
  ASSERT_TRUE(fs::is_directory(kCorpus)) << kCorpus;
}

TEST(IntrinsicCorpusTest, EveryRecordedJsonPathCaseGivesAwsResult) {
  int replayed = 0, skippedJsonata = 0;
  for (const std::string& file : caseFiles()) {
    SCOPED_TRACE(file);
    const Value c = readJsonFile(kCorpus / file);
    const Value& definition = *c.find("definition");
    if (usesJsonata(definition)) {
      ++skippedJsonata;
      continue;
    }
    const Value& expect = *c.find("expect");
    Outcome outcome = MiniExecutor(*c.find("input")).run(definition);
    ++replayed;
    if (expect.find("status")->asString() == "FAILED") {
      ASSERT_TRUE(outcome.failed) << toJson(outcome.output);
      if (const Value* error = expect.find("error")) {
        EXPECT_EQ(outcome.error, error->asString());
      }
      if (const Value* cause = expect.find("cause")) {
        // AWS's own causes start with the executor's prefix; ours is the part after it.
        std::string_view expected = cause->asString();
        const std::string_view prefix = "An error occurred while executing the state '";
        if (expected.rfind(prefix, 0) == 0) expected.remove_prefix(expected.find("). ") + 3);
        EXPECT_EQ(outcome.cause, expected);
      }
      continue;
    }
    ASSERT_FALSE(outcome.failed) << outcome.error << ": " << outcome.cause;
    std::string why;
    EXPECT_TRUE(matches(outcome.output, *expect.find("output"), why, "$")) << why;
  }
  // Every intrinsic_functions case that runs JSONPath, and the four others: a corpus copy that
  // lost cases must not pass quietly.
  EXPECT_EQ(replayed, 120);
  EXPECT_EQ(skippedJsonata, 29);
}

TEST(IntrinsicCorpusTest, RandomResultsLieInTheRecordedRanges) {
  // The snapshot hides MathRandom's numbers; the cases' bounds still constrain them.
  for (const char* file :
       {"localstack.intrinsic_functions_test_math_operations__TestMathOperations_"
        "test_math_random.exec_hist_resp_0.json",
        "localstack.intrinsic_functions_test_math_operations__TestMathOperations_"
        "test_math_random.exec_hist_resp_1.json",
        "localstack.intrinsic_functions_test_math_operations__TestMathOperations_"
        "test_math_random.exec_hist_resp_2.json"}) {
    SCOPED_TRACE(file);
    const Value c = readJsonFile(kCorpus / file);
    const Value& bounds = *c.find("input")->find("FunctionInput");
    const int64_t low = intrinsics::roundHalfUp(bounds.find("fst")->asDouble());
    const int64_t high = intrinsics::roundHalfUp(bounds.find("snd")->asDouble());
    for (int i = 0; i < 50; ++i) {
      Outcome outcome = MiniExecutor(*c.find("input")).run(*c.find("definition"));
      ASSERT_FALSE(outcome.failed);
      const int64_t n = outcome.output.find("FunctionResult")->asInteger();
      EXPECT_GE(n, low);
      EXPECT_LT(n, high);
    }
  }
}

} // namespace
} // namespace asl::eval
