// Runs the AWS-recorded executions in data/path-cases whose outcome depends on path selection
// alone: a Pass state's single Parameters "x.$" field, its InputPath or OutputPath, or a Task
// that returns its input followed by an OutputPath.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "path_test_util.h"
#include "runtime/eval/path_fields.h"
#include "runtime/eval/result_path.h"

namespace asl::eval {
namespace {

using testing::json;
using testing::path;

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> caseFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(ASL_SOURCE_DIR "/tests/eval/data/path-cases"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The executor prefixes every cause with the state and event; path evaluation gives the rest.
std::string causeDetail(std::string_view cause) {
  size_t at = cause.find("). ");
  return std::string(at == std::string_view::npos ? cause : cause.substr(at + 3));
}

// Runs the single state's path fields the way the state would.
ExecResult<Value> runState(const Value& state, const Value& input) {
  Value context =
      Value::object({makeMember("Execution", Value::object({makeMember("Input", input)}))});
  PathRoots roots;
  roots.input = &input;
  roots.context = &context;
  Value effective = input;
  if (const Value* inputPath = state.find("InputPath")) {
    Path p = path(inputPath->asString());
    ExecResult<Value> v = applyInputPath(PathFieldRef{PathFieldMode::Path, &p}, roots);
    if (!v) return v;
    effective = *v;
  }
  if (const Value* parameters = state.find("Parameters")) {
    std::vector<Member> out;
    for (const Member& m : parameters->members()) {
      std::string key(m.key.asString());
      EXPECT_TRUE(key.size() > 2 && key.substr(key.size() - 2) == ".$") << key;
      roots.input = &effective;
      ExecResult<Value> v = selectForField(key, path(m.value.asString()), roots);
      if (!v) return v;
      out.push_back(makeMember(key.substr(0, key.size() - 2), *v));
    }
    effective = Value::object(std::move(out));
  }
  if (const Value* outputPath = state.find("OutputPath")) {
    Path p = path(outputPath->asString());
    roots.input = &effective;
    return applyOutputPath(PathFieldRef{PathFieldMode::Path, &p}, roots);
  }
  return effective;
}

TEST(PathCorpusCasesTest, MatchRecordedAwsOutcomes) {
  std::vector<std::filesystem::path> files = caseFiles();
  ASSERT_EQ(files.size(), 18u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    Value c = json(readFile(file));
    const Value& states = *c.find("definition")->find("States");
    ASSERT_EQ(states.size(), states.members().size());
    const Value* state = nullptr;
    for (const Member& m : states.members())
      if (m.value.find("Type")->asString() != "Pass" || !state) state = &m.value;
    ASSERT_NE(state, nullptr);
    const Value& input = *c.find("input");
    const Value& expect = *c.find("expect");
    ExecResult<Value> out = runState(*state, input);
    if (expect.find("status")->asString() == "SUCCEEDED") {
      ASSERT_TRUE(out) << out.error().cause;
      EXPECT_EQ(toJson(*out), toJson(*expect.find("output")));
      continue;
    }
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().error, expect.find("error")->asString());
    std::string cause = causeDetail(expect.find("cause")->asString());
    size_t placeholder = cause.find("<json-input:1>");
    if (placeholder != std::string::npos)
      cause.replace(placeholder, std::string("<json-input:1>").size(), toJson(input));
    EXPECT_EQ(out.error().cause, cause);
  }
}

} // namespace
} // namespace asl::eval
