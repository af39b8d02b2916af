#include "tests/adapters/moto_server_env.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "runtime/adapters/aws/sigv4.h"
#include "runtime/adapters/aws/xml_text.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/adapters/loopback_server.h"

extern char** environ;

namespace asl::adapters::testing {
namespace {

std::string& sharedEndpoint() {
  static std::string endpoint;
  return endpoint;
}

uint16_t freeLoopbackPort() {
  return closedLoopbackPort(); // free a moment ago; moto binds it next
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string tail(const std::string& text, size_t bytes) {
  return text.size() <= bytes ? text : "..." + text.substr(text.size() - bytes);
}

// Starts `argv` in a process group of its own (so that stopping it stops whatever it starts),
// output to `logPath`; the child dies with this process.
pid_t spawn(const std::vector<std::string>& argv, const std::string& logPath,
            const std::vector<std::string>& extraEnv, const std::string& errPath = {}) {
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> envStrings;
  for (char** e = environ; e && *e; ++e)
    envStrings.emplace_back(*e);
  for (const auto& e : extraEnv)
    envStrings.push_back(e);
  std::vector<char*> envp;
  for (auto& e : envStrings)
    envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid != 0) return pid;
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) _exit(127);
  int in = open("/dev/null", O_RDONLY);
  int out = open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = errPath.empty() ? out : open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(in, 0);
  dup2(out, 1);
  dup2(err, 2);
  execvpe(args[0], args.data(), envp.data());
  dprintf(2, "cannot run %s: %s\n", args[0], strerror(errno));
  _exit(127);
}

void stopGroup(pid_t pid) {
  // moto keeps no state worth flushing; a second is all it gets before SIGKILL.
  kill(-pid, SIGTERM);
  for (int i = 0; i < 10; ++i) {
    if (waitpid(pid, nullptr, WNOHANG) == pid) {
      kill(-pid, SIGKILL); // whatever it left behind
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  kill(-pid, SIGKILL);
  waitpid(pid, nullptr, 0);
}

HttpResponse post(const std::string& url, std::string body) {
  HttpRequest request;
  request.url = url;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = std::move(body);
  auto r = sendHttp(
      request, HttpTimeouts{std::chrono::milliseconds(2000), std::chrono::milliseconds(10000)});
  if (!r.ok()) {
    ADD_FAILURE() << "POST " << url << ": " << r.error().message;
    return {};
  }
  return *r;
}

} // namespace

void MotoEnvironment::SetUp() {
  logPath_ =
      (std::filesystem::temp_directory_path() / ("asl-moto-" + std::to_string(getpid()) + ".log"))
          .string();
  // A port free a moment ago may be taken before moto binds it (other tests open loopback
  // listeners at the same time): then moto is started again on another, at most three times.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    uint16_t port = freeLoopbackPort();
    pid_ = spawn({"moto_server", "-H", "127.0.0.1", "-p", std::to_string(port)}, logPath_, {});
    ASSERT_GT(pid_, 0) << "cannot start moto_server";
    std::string url = "http://127.0.0.1:" + std::to_string(port);
    // Bounded wait: moto takes 2-5 s to start, longer on a loaded machine.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool portTaken = false;
    while (true) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        std::string log = readFile(logPath_);
        if (attempt < kAttempts && log.find("Address already in use") != std::string::npos) {
          portTaken = true;
          break;
        }
        FAIL() << "moto_server exited before it was ready (exit status " << WEXITSTATUS(status)
               << "); these tests need moto_server on PATH (see the README, 'Task adapters'):\n"
               << tail(log, 2000);
      }
      HttpRequest probe;
      probe.method = "GET";
      probe.url = url + "/moto-api/data.json";
      auto r = sendHttp(
          probe, HttpTimeouts{std::chrono::milliseconds(500), std::chrono::milliseconds(2000)});
      if (r.ok() && r->status == 200) break;
      if (std::chrono::steady_clock::now() > deadline)
        FAIL() << "moto_server did not answer on " << url << " within 60 s:\n"
               << tail(readFile(logPath_), 2000);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (portTaken) continue;
    sharedEndpoint() = url;
    return;
  }
}

void MotoEnvironment::TearDown() {
  if (pid_ > 0) stopGroup(pid_);
  pid_ = -1;
  sharedEndpoint().clear();
  if (!logPath_.empty()) std::filesystem::remove(logPath_);
}

const std::string& MotoEnvironment::endpoint() {
  return sharedEndpoint();
}

void MotoAws::reset() const {
  HttpResponse r = post(endpoint_ + "/moto-api/reset", "");
  EXPECT_EQ(r.status, 200) << r.body;
}

aws::AwsClient MotoAws::client(std::string_view signingName) const {
  aws::ServiceSettings settings;
  settings.signingName = std::string(signingName);
  settings.region = kRegion;
  settings.endpoint = endpoint_;
  settings.credentials = {"test", "test", ""};
  settings.timeouts =
      HttpTimeouts{std::chrono::milliseconds(2000), std::chrono::milliseconds(10000)};
  return aws::AwsClient(std::move(settings));
}

Value MotoAws::sqs(std::string_view action, std::string_view requestJson) const {
  auto r = client("sqs").send("POST", "/", "",
                              {{"Content-Type", "application/x-amz-json-1.0"},
                               {"X-Amz-Target", "AmazonSQS." + std::string(action)}},
                              std::string(requestJson));
  if (!r.ok()) {
    ADD_FAILURE() << "SQS " << action << ": " << r.error().message;
    return Value();
  }
  EXPECT_EQ(r->status, 200) << "SQS " << action << ": " << r->body;
  auto parsed = parseJsonValue(r->body.empty() ? "{}" : r->body);
  return parsed.ok() ? *parsed : Value();
}

std::string MotoAws::createQueue(std::string_view name, bool fifo) const {
  std::string request = R"({"QueueName":")" + std::string(name) + "\"";
  if (fifo) request += R"(,"Attributes":{"FifoQueue":"true","ContentBasedDeduplication":"false"})";
  request += "}";
  Value answer = sqs("CreateQueue", request);
  const Value* url = answer.isObject() ? answer.find("QueueUrl") : nullptr;
  return url && url->isString() ? std::string(url->asString()) : std::string();
}

std::string MotoAws::queueArn(const std::string& queueUrl) const {
  Value answer = sqs("GetQueueAttributes",
                     R"({"QueueUrl":")" + queueUrl + R"(","AttributeNames":["QueueArn"]})");
  const Value* attributes = answer.isObject() ? answer.find("Attributes") : nullptr;
  const Value* arn = attributes ? attributes->find("QueueArn") : nullptr;
  return arn && arn->isString() ? std::string(arn->asString()) : std::string();
}

std::vector<Value> MotoAws::receive(const std::string& queueUrl) const {
  Value answer = sqs("ReceiveMessage", R"({"QueueUrl":")" + queueUrl +
                                           R"(","MaxNumberOfMessages":10,"WaitTimeSeconds":1,)"
                                           R"("MessageAttributeNames":["All"],)"
                                           R"("AttributeNames":["All"]})");
  const Value* messages = answer.isObject() ? answer.find("Messages") : nullptr;
  if (!messages) return {};
  return std::vector<Value>(messages->items().begin(), messages->items().end());
}

std::string MotoAws::query(std::string_view service,
                           std::vector<std::pair<std::string, std::string>> params) const {
  std::string form;
  for (const auto& [key, value] : params) {
    if (!form.empty()) form += '&';
    form += aws::uriEncode(key, false) + "=" + aws::uriEncode(value, false);
  }
  auto r = client(service).send("POST", "/", "",
                                {{"Content-Type", "application/x-www-form-urlencoded"}}, form);
  if (!r.ok()) {
    ADD_FAILURE() << service << ": " << r.error().message;
    return {};
  }
  EXPECT_EQ(r->status, 200) << service << ": " << r->body;
  return r->body;
}

std::string MotoAws::createTopic(std::string_view name, bool fifo) const {
  std::vector<std::pair<std::string, std::string>> params{
      {"Action", "CreateTopic"}, {"Version", "2010-03-31"}, {"Name", std::string(name)}};
  if (fifo) {
    params.emplace_back("Attributes.entry.1.key", "FifoTopic");
    params.emplace_back("Attributes.entry.1.value", "true");
  }
  std::string xml = query("sns", std::move(params));
  return aws::xmlElementText(xml, "TopicArn").value_or("");
}

void MotoAws::subscribeQueue(const std::string& topicArn, const std::string& queueUrl) const {
  std::string xml = query("sns", {{"Action", "Subscribe"},
                                  {"Version", "2010-03-31"},
                                  {"TopicArn", topicArn},
                                  {"Protocol", "sqs"},
                                  {"Endpoint", queueArn(queueUrl)},
                                  {"Attributes.entry.1.key", "RawMessageDelivery"},
                                  {"Attributes.entry.1.value", "true"}});
  EXPECT_TRUE(aws::xmlElementText(xml, "SubscriptionArn")) << xml;
}

void MotoAws::createEchoFunction(std::string_view name) const {
  HttpResponse config = post(endpoint_ + "/moto-api/config", R"({"lambda":{"use_docker":false}})");
  ASSERT_TRUE(config.status == 200 || config.status == 201) << config.body;
  query("iam", {{"Action", "CreateRole"},
                {"Version", "2010-05-08"},
                {"RoleName", "lambda-role"},
                {"AssumeRolePolicyDocument",
                 R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":)"
                 R"({"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})"}});
  // An empty zip archive: moto stores the code but, without Docker, runs none of it.
  std::string request = R"({"FunctionName":")" + std::string(name) +
                        R"(","Runtime":"python3.12","Role":"arn:aws:iam::)" + kAccount +
                        R"(:role/lambda-role","Handler":"index.handler",)"
                        R"("Code":{"ZipFile":"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}})";
  auto r = client("lambda").send("POST", "/2015-03-31/functions", "",
                                 {{"Content-Type", "application/json"}}, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->status, 201) << r->body;
}

pid_t startServerProcess(const std::vector<std::string>& argv, const std::string& logPath) {
  return spawn(argv, logPath, {});
}

void stopServerProcess(pid_t pid) {
  stopGroup(pid);
}

std::string readTextFile(const std::string& path) {
  return readFile(path);
}

ProcessResult runProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& env, int seconds) {
  std::string base = (std::filesystem::temp_directory_path() /
                      ("asl-run-" + std::to_string(getpid()) + "-" +
                       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count())))
                         .string();
  std::vector<std::string> extra;
  for (const auto& [key, value] : env)
    extra.push_back(key + "=" + value);
  pid_t pid = spawn(argv, base + ".out", extra, base + ".err");
  ProcessResult result;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      stopGroup(pid);
      ADD_FAILURE() << argv[0] << " did not finish within " << seconds << " s";
      status = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.exitCode = status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readFile(base + ".out");
  result.err = readFile(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return result;
}

} // namespace asl::adapters::testing
