// End to end: `aslc run` and `aslrun` with --adapters pointing at moto_server run a workflow
// whose tasks reach SQS and Lambda, one Lambda function being a local command run in the
// adapters file's folder, with a --mocks entry answering first; the message is then
// received from the queue, and the secret key appears nowhere in the output or the history.
// A refused connection is an error the definition's Catch sees.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/adapters/loopback_server.h"
#include "tests/adapters/moto_server_env.h"

namespace asl::adapters {
namespace {

using testing::MotoAws;
using testing::MotoEnvironment;
using testing::runProcess;

constexpr const char* kDefinition = R"({
  "StartAt": "Enqueue",
  "States": {
    "Enqueue": {
      "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
      "Parameters": {"QueueUrl.$": "$.queue", "MessageBody": {"order.$": "$.order"}},
      "ResultSelector": {"md5.$": "$.MD5OfMessageBody", "status.$": "$.SdkHttpMetadata.HttpStatusCode"},
      "ResultPath": "$.sent", "Next": "Notify"
    },
    "Notify": {
      "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "notify", "Payload.$": "$.order"},
      "ResultSelector": {"echoed.$": "$.Payload", "status.$": "$.StatusCode"},
      "ResultPath": "$.notified", "Next": "Score"
    },
    "Score": {
      "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "score", "Payload.$": "$.order"},
      "ResultSelector": {"value.$": "$.Payload.score"},
      "ResultPath": "$.score", "Next": "Audit"
    },
    "Audit": {
      "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:audit",
      "ResultPath": "$.audit", "End": true
    }
  }
})";

constexpr const char* kSecret = "secret-that-must-never-be-printed";

class TempDir {
public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("asl-adapters-run-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
    return (path_ / name).string();
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
  std::filesystem::path path_;
};

std::map<std::string, std::string> awsEnvironment() {
  return {{"AWS_ACCESS_KEY_ID", "test"},
          {"AWS_SECRET_ACCESS_KEY", kSecret},
          {"AWS_REGION", "us-east-1"},
          {"AWS_PROFILE", ""},
          {"AWS_ENDPOINT_URL", ""}};
}

TEST(RunWithAdaptersTest, AslcAndAslrunReachSqsAndLambdaOnMoto) {
  const std::string endpoint = MotoEnvironment::endpoint();
  ASSERT_FALSE(endpoint.empty()) << "moto_server is not running";
  MotoAws moto(endpoint);
  moto.reset();
  std::string queue = moto.createQueue("orders");
  moto.createEchoFunction("notify");

  TempDir dir;
  std::string definition = dir.write("orders.asl.json", kDefinition);
  dir.write("score.sh", "cat > event.json; echo '{\"score\": 7}'\n");
  std::string adapters =
      dir.write("adapters.json",
                R"({"version":1,"aws":{"endpoint":")" + endpoint +
                    R"(","timeoutSeconds":20},"sqs":{"backend":"aws"},"lambda":{"backend":"aws",)"
                    R"("functions":{"score":{"backend":"command","command":["sh","score.sh"]}}}})");
  std::string mocks = dir.write("mocks.json", R"({"Audit":{"return":{"audited":true}}})");
  std::string input = R"({"queue":")" + queue + R"(","order":{"id":"o-1","total":36.5}})";
  const std::string body = R"({"order":{"id":"o-1","total":36.5}})";
  const std::string expected = R"({"status":"SUCCEEDED","output":{"queue":")" + queue +
                               R"(","order":{"id":"o-1","total":36.5},"sent":{"md5":")" +
                               aws::toHex(aws::md5(body)) +
                               R"(","status":200},"notified":{"echoed":{"id":"o-1","total":36.5},)"
                               R"("status":200},"score":{"value":7},"audit":{"audited":true}}})";

  auto run = runProcess({ASL_ASLC_PATH, "run", definition, "--input", input, "--adapters", adapters,
                         "--mocks", mocks, "--history", "-"},
                        awsEnvironment(), 60);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.out, expected + "\n") << run.err.substr(0, 2000);
  EXPECT_EQ(run.out.find(kSecret), std::string::npos);
  EXPECT_EQ(run.err.find(kSecret), std::string::npos);
  EXPECT_NE(run.err.find("\"TaskSucceeded\""), std::string::npos); // the history was written
  std::ifstream event(dir.file("event.json"));
  std::string eventText((std::istreambuf_iterator<char>(event)), std::istreambuf_iterator<char>());
  EXPECT_EQ(eventText, R"({"id":"o-1","total":36.5})"); // the command ran in the file's folder

  // The same workflow compiled to a module, run by the runtime-only executable.
  std::string module = dir.file("orders.aslb");
  auto compiled = runProcess(
      {ASL_ASLC_PATH, "compile", definition, "--emit", "bytecode", "-o", module}, {}, 60);
  ASSERT_EQ(compiled.exitCode, 0) << compiled.err;
  auto runtimeOnly = runProcess(
      {ASL_ASLRUN_PATH, module, "--input", input, "--adapters", adapters, "--mocks", mocks},
      awsEnvironment(), 60);
  EXPECT_EQ(runtimeOnly.exitCode, 0) << runtimeOnly.err;
  EXPECT_EQ(runtimeOnly.out, expected + "\n");

  std::vector<Value> received = moto.receive(queue);
  ASSERT_EQ(received.size(), 2u);
  for (const Value& message : received)
    EXPECT_EQ(toJson(*message.find("Body")), toJson(Value::string(body)));
}

TEST(RunWithAdaptersTest, RefusedConnectionIsCaughtByTheDefinition) {
  TempDir dir;
  std::string definition = dir.write("catch.asl.json", R"({
    "StartAt": "Send",
    "States": {
      "Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
               "Parameters": {"QueueUrl": "http://127.0.0.1/1/q", "MessageBody": "m"},
               "Catch": [{"ErrorEquals": ["SQS.SdkClientException"], "ResultPath": "$.error",
                          "Next": "Recovered"}],
               "End": true},
      "Recovered": {"Type": "Pass", "Parameters": {"error.$": "$.error.Error"}, "End": true}
    }
  })");
  std::string endpoint = "http://127.0.0.1:" + std::to_string(testing::closedLoopbackPort());
  std::string adapters = dir.write("adapters.json", R"({"aws":{"endpoint":")" + endpoint +
                                                        R"("},"sqs":{"backend":"aws"}})");
  auto run =
      runProcess({ASL_ASLC_PATH, "run", definition, "--adapters", adapters}, awsEnvironment(), 30);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.out, R"({"status":"SUCCEEDED","output":{"error":"SQS.SdkClientException"}})"
                     "\n");
}

TEST(RunWithAdaptersTest, UnconfiguredResourceKeepsTheNoHandlerError) {
  TempDir dir;
  std::string definition = dir.write("sns.asl.json", R"({"StartAt":"P","States":{"P":{
    "Type":"Task","Resource":"arn:aws:states:::sns:publish",
    "Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"m"},"End":true}}})");
  std::string adapters = dir.write(
      "adapters.json", R"({"aws":{"endpoint":"http://127.0.0.1:9"},"sqs":{"backend":"aws"}})");
  auto run =
      runProcess({ASL_ASLC_PATH, "run", definition, "--adapters", adapters}, awsEnvironment(), 30);
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(run.out,
            R"({"status":"FAILED","error":"States.TaskFailed","cause":"No handler serves )"
            R"(the resource 'arn:aws:states:::sns:publish' of state 'P': give the state a )"
            R"(response with --mocks or --mock-config, or register a task handler"})"
            "\n");
}

TEST(RunWithAdaptersTest, BadAdaptersFileIsAUsageError) {
  TempDir dir;
  std::string definition =
      dir.write("d.asl.json", R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}})");
  std::string adapters =
      dir.write("adapters.json", R"({"sqs":{"backend":"aws","endpoint":"nope"}})");
  auto run =
      runProcess({ASL_ASLC_PATH, "run", definition, "--adapters", adapters}, awsEnvironment(), 30);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_EQ(run.err, "aslc: error: " + adapters +
                         ": /sqs/endpoint must be an http:// or https:// URL; found \"nope\"\n");
}

} // namespace
} // namespace asl::adapters
