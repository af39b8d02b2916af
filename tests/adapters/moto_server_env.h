// A real moto_server (AWS's SQS, SNS and Lambda protocols) on 127.0.0.1 for the adapters'
// tests: started once per test program on a free port, awaited with a bounded loop, reset
// between tests and stopped at the end. When moto_server is missing or does not start, every
// test fails, loudly: these tests are never skipped.
#pragma once

#include <gtest/gtest.h>

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "asl/value.h"
#include "runtime/adapters/aws/aws_client.h"

namespace asl::adapters::testing {

class MotoEnvironment final : public ::testing::Environment {
public:
  void SetUp() override;
  void TearDown() override;

  /// "http://127.0.0.1:PORT" once started, else "".
  static const std::string& endpoint();

private:
  pid_t pid_ = -1;
  std::string logPath_;
};

/// Prepares moto's state through the AWS APIs (signed with test credentials).
class MotoAws {
public:
  static constexpr const char* kRegion = "us-east-1";
  static constexpr const char* kAccount = "123456789012";

  explicit MotoAws(std::string endpoint) : endpoint_(std::move(endpoint)) {}

  /// Forgets every queue, topic, function and role (POST /moto-api/reset).
  void reset() const;
  aws::AwsClient client(std::string_view signingName) const;

  /// An SQS JSON-protocol call (X-Amz-Target: AmazonSQS.<action>); the parsed answer.
  Value sqs(std::string_view action, std::string_view requestJson) const;
  std::string createQueue(std::string_view name, bool fifo = false) const;
  std::string queueArn(const std::string& queueUrl) const;
  /// Every message ReceiveMessage returns within a second (attributes included).
  std::vector<Value> receive(const std::string& queueUrl) const;

  /// A query-protocol call to `service`; the XML answer.
  std::string query(std::string_view service,
                    std::vector<std::pair<std::string, std::string>> params) const;
  std::string createTopic(std::string_view name, bool fifo = false) const;
  void subscribeQueue(const std::string& topicArn, const std::string& queueUrl) const;

  /// A Lambda function that echoes its event (moto runs no code without Docker).
  void createEchoFunction(std::string_view name) const;

private:
  std::string endpoint_;
};

/// Starts a server program in a process group of its own, its output to `logPath`; it dies
/// with this process. -1 when it cannot be started.
pid_t startServerProcess(const std::vector<std::string>& argv, const std::string& logPath);
/// Stops it and whatever it started (SIGTERM, then SIGKILL after a second).
void stopServerProcess(pid_t pid);
/// The file's text ("" when unreadable).
std::string readTextFile(const std::string& path);

/// The result of a child process.
struct ProcessResult {
  int exitCode = -1;
  std::string out, err;
};

/// Runs `argv` with `env` added to this process's environment, at most `seconds`.
ProcessResult runProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env, int seconds);

} // namespace asl::adapters::testing
