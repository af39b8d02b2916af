// Lambda functions as local commands: the event on standard input, the result on standard
// output, failures reported as Lambda reports them (an errorType result, Runtime.ExitError,
// Sandbox.Timedout with the process group killed, Runtime.InvalidEntrypoint), and the two Task
// forms shaped as for any Lambda back end.
#include <gtest/gtest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "asl/adapter.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

using Clock = std::chrono::steady_clock;

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

// A registry whose only Lambda functions are `functions` (a JSON object of lambda.functions).
AdapterRegistry commands(const std::string& functions, std::string_view directory = {}) {
  auto registry = AdapterRegistry::fromConfig(json(R"({"lambda":{"functions":)" + functions + "}}"),
                                              AdapterEnvironment{}, directory);
  EXPECT_TRUE(registry.ok()) << registry.error().message;
  return registry.ok() ? std::move(registry).value() : AdapterRegistry();
}

std::string shell(std::string_view script) {
  return R"({"backend":"command","command":["sh","-c",)" + toJson(Value::string(script)) + "]}";
}

TaskResult invoke(AdapterRegistry& registry, std::string_view function, const Value& payload,
                  std::string_view invocationType = {}) {
  std::vector<Member> input{makeMember("FunctionName", Value::string(function)),
                            makeMember("Payload", payload)};
  if (!invocationType.empty())
    input.push_back(makeMember("InvocationType", Value::string(invocationType)));
  Value in = Value::object(std::move(input));
  auto r = registry.invoke(TaskCall{"S", "arn:aws:states:::lambda:invoke", in, 0});
  if (!r) return fail(TaskError{"test", "not served"});
  return std::move(*r);
}

TEST(LambdaCommandTest, EventOnStdinResultOnStdout) {
  AdapterRegistry registry = commands(R"({"echo":{"backend":"command","command":["cat"]}})");
  auto r = invoke(registry, "echo", json(R"({"order":{"id":"o-1"},"n":2})"));
  ASSERT_TRUE(r.ok()) << r.error().error << ": " << r.error().cause;
  EXPECT_EQ(toJson(*r->find("Payload")), R"({"order":{"id":"o-1"},"n":2})");
  EXPECT_EQ(toJson(*r->find("StatusCode")), "200");
  EXPECT_EQ(toJson(*r->find("ExecutedVersion")), R"("$LATEST")");
  EXPECT_EQ(toJson(*r->find("SdkHttpMetadata")->find("HttpStatusCode")), "200");
  EXPECT_EQ(r->find("SdkResponseMetadata")->find("RequestId")->asString().size(), 36u);
}

TEST(LambdaCommandTest, FunctionArnAndQualifiedNamesReachTheSameCommand) {
  AdapterRegistry registry = commands(R"({"echo":{"backend":"command","command":["cat"]}})");
  Value input = json(R"({"n":1})");
  auto raw = registry.invoke(
      TaskCall{"S", "arn:aws:lambda:us-east-1:123456789012:function:echo:prod", input, 0});
  ASSERT_TRUE(raw && raw->ok());
  EXPECT_EQ(toJson(raw->value()), R"({"n":1})");
  for (const char* name : {"echo:prod", "123456789012:function:echo",
                           "arn:aws:lambda:us-east-1:123456789012:function:echo"}) {
    auto r = invoke(registry, name, input);
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().cause;
  }
  // Another function: not served by this file at all for the ARN form...
  EXPECT_FALSE(registry.invoke(
      TaskCall{"S", "arn:aws:lambda:us-east-1:123456789012:function:other", input, 0}));
  // ...and "not found" for lambda:invoke, which only the payload tells apart.
  auto missing = invoke(registry, "other", input);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().error, "Lambda.ResourceNotFoundException");
}

TEST(LambdaCommandTest, ErrorResultIsTheTaskErrorNamedByErrorType) {
  const std::string result = R"({"errorType":"Payment.Declined","errorMessage":"no funds"})";
  AdapterRegistry registry =
      commands(R"({"pay":)" + shell("cat >/dev/null; echo '" + result + "'") + "}");
  auto r = invoke(registry, "pay", json("{}"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "Payment.Declined");
  EXPECT_EQ(r.error().cause, result);
}

TEST(LambdaCommandTest, ResultMerelyMentioningErrorTypeIsASuccess) {
  AdapterRegistry registry = commands(
      R"({"f":)" + shell(R"(cat >/dev/null; echo '{"report":{"errorType":"none"}}')") + "}");
  auto r = invoke(registry, "f", json("{}"));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(toJson(*r->find("Payload")), R"({"report":{"errorType":"none"}})");
}

TEST(LambdaCommandTest, NonZeroExitIsRuntimeExitError) {
  AdapterRegistry registry = commands(R"({"f":)" + shell("cat >/dev/null; exit 3") + "}");
  auto r = invoke(registry, "f", json("{}"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "Runtime.ExitError");
  auto cause = parseJsonValue(r.error().cause);
  ASSERT_TRUE(cause.ok()) << r.error().cause;
  EXPECT_EQ(cause->find("errorType")->asString(), "Runtime.ExitError");
  EXPECT_TRUE(cause->find("errorMessage")
                  ->asString()
                  .ends_with(" Error: Runtime exited with error: exit status 3"))
      << r.error().cause;
}

TEST(LambdaCommandTest, NonZeroExitWithAnErrorResultKeepsItsErrorType) {
  AdapterRegistry registry = commands(
      R"({"f":)" + shell(R"(echo '{"errorType":"Bad.Input","errorMessage":"m"}'; exit 1)") + "}");
  auto r = invoke(registry, "f", json("{}"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "Bad.Input");
}

bool processGone(pid_t pid) {
  // Killed processes may linger as zombies until their new parent reaps them.
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return true;
  std::string line;
  std::getline(stat, line);
  size_t close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

TEST(LambdaCommandTest, TimeoutKillsTheProcessGroup) {
  auto dir =
      std::filesystem::temp_directory_path() / ("asl-lambda-timeout-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string pidFile = (dir / "child.pid").string();
  AdapterRegistry registry =
      commands(R"({"slow":{"backend":"command","timeoutSeconds":0.3,"command":["sh","-c",)" +
               toJson(Value::string("sleep 30 & echo $! > " + pidFile + "; wait")) + "]}}");
  auto started = Clock::now();
  auto r = invoke(registry, "slow", json("{}"));
  auto elapsed = Clock::now() - started;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "Sandbox.Timedout");
  EXPECT_TRUE(r.error().cause.find("Task timed out after 0.30 seconds") != std::string::npos)
      << r.error().cause;
  EXPECT_GE(elapsed, std::chrono::milliseconds(290));
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  std::ifstream in(pidFile);
  pid_t background = 0;
  in >> background;
  ASSERT_GT(background, 0);
  for (int i = 0; i < 100 && !processGone(background); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(processGone(background)) << "the function's background process survived";
  std::filesystem::remove_all(dir);
}

TEST(LambdaCommandTest, MissingProgramIsRuntimeInvalidEntrypoint) {
  AdapterRegistry registry =
      commands(R"({"f":{"backend":"command","command":["/nonexistent/handler"]}})");
  auto r = invoke(registry, "f", json("{}"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().error, "Runtime.InvalidEntrypoint");
  EXPECT_NE(r.error().cause.find("cannot run /nonexistent/handler: No such file or directory"),
            std::string::npos)
      << r.error().cause;
}

TEST(LambdaCommandTest, EnvironmentAndWorkingDirectory) {
  auto dir =
      std::filesystem::temp_directory_path() / ("asl-lambda-cwd-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  AdapterRegistry registry = commands(
      R"({"f":{"backend":"command","environment":{"MY_SETTING":"on"},"command":["sh","-c",)" +
          toJson(Value::string(R"(cat >/dev/null; printf '{"fn":"%s","v":"%s","cwd":"%s"}' )"
                               R"sh("$AWS_LAMBDA_FUNCTION_NAME" "$MY_SETTING" "$(pwd -P)")sh")) +
          "]}}",
      dir.string());
  auto r = invoke(registry, "f", json("{}"));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(toJson(*r->find("Payload")),
            R"({"fn":"f","v":"on","cwd":")" + std::filesystem::canonical(dir).string() + R"("})");
  std::filesystem::remove_all(dir);
}

TEST(LambdaCommandTest, FunctionThatIgnoresALargeEventDoesNotHurtTheCaller) {
  AdapterRegistry registry = commands(R"({"f":)" + shell("echo 1") + "}");
  auto r = invoke(registry, "f", Value::string(std::string(4 * 1024 * 1024, 'x')));
  ASSERT_TRUE(r.ok()) << r.error().cause;
  EXPECT_EQ(toJson(*r->find("Payload")), "1");
}

TEST(LambdaCommandTest, EventAndDryRunInvocations) {
  AdapterRegistry registry = commands(R"({"echo":{"backend":"command","command":["cat"]}})");
  auto event = invoke(registry, "echo", json(R"({"a":1})"), "Event");
  ASSERT_TRUE(event.ok()) << event.error().cause;
  EXPECT_EQ(toJson(*event->find("StatusCode")), "202");
  EXPECT_EQ(toJson(*event->find("Payload")), R"("")");
  auto dry = invoke(registry, "echo", json(R"({"a":1})"), "DryRun");
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(toJson(*dry->find("StatusCode")), "204");
}

TEST(LambdaCommandTest, ConcurrentInvocationsKeepTheirOwnEvents) {
  AdapterRegistry registry = commands(R"({"echo":{"backend":"command","command":["cat"]}})");
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] {
      auto r =
          invoke(registry, "echo", Value::object({makeMember("i", Value::integer(int64_t(i)))}));
      results[i] = r.ok() ? toJson(*r->find("Payload")) : r.error().cause;
    });
  for (auto& t : threads)
    t.join();
  for (size_t i = 0; i < results.size(); ++i)
    EXPECT_EQ(results[i], R"({"i":)" + std::to_string(i) + "}");
}

TEST(LambdaCommandTest, FunctionsFileMistakesNameTheirField) {
  auto errorOf = [](std::string_view text) {
    auto r = AdapterRegistry::fromConfig(json(text), AdapterEnvironment{});
    return r.ok() ? std::string("(loaded)") : r.error().message;
  };
  EXPECT_EQ(errorOf(R"({"lambda":{}})"),
            "/lambda needs a \"backend\" for every function, or \"functions\"");
  EXPECT_EQ(errorOf(R"({"lambda":{"functions":{"f":{"backend":"command"}}}})"),
            "/lambda/functions/f/command must be an array of strings, the program first");
  EXPECT_EQ(errorOf(R"({"lambda":{"functions":{"f":{"backend":"wasm"}}}})"),
            "/lambda/functions/f/backend \"wasm\" is not a back end of this version; the back "
            "ends there are: \"command\", \"native\"");
  EXPECT_EQ(errorOf(R"({"lambda":{"functions":{"f:prod":{"backend":"command","command":["x"]}}}})"),
            "/lambda/functions: \"f:prod\" is not a function name (no ARN, no qualifier)");
  EXPECT_EQ(
      errorOf(R"({"lambda":{"functions":{"f":{"backend":"command","command":["x"],"env":{}}}}})"),
      "unknown field \"env\" in /lambda/functions/f");
  // Local commands need no AWS region or credentials.
  EXPECT_EQ(errorOf(R"({"lambda":{"functions":{"f":{"backend":"command","command":["x"]}}}})"),
            "(loaded)");
}

} // namespace
} // namespace asl::adapters
