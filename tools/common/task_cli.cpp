#include "tools/common/task_cli.h"

#include <iostream>
#include <memory>

#include "runtime/adapters/aws/http_client.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tools/common/file_io.h"

namespace asl::tools {
namespace {

struct TaskArgs {
  int port = -1;
  std::string endpoint;
  std::string token;
  std::string output;
  std::string error, cause;
};

int sendCallback(const TaskArgs& args, std::string_view action) {
  if (args.endpoint.empty() && args.port < 0) {
    std::cerr
        << "aslc task: error: give --callback-port (as given to aslc run) or --endpoint-url\n";
    return 2;
  }
  std::vector<Member> body{makeMember("taskToken", Value::string(args.token))};
  if (action == "SendTaskSuccess") {
    std::string output = args.output;
    if (!output.empty() && output[0] == '@') {
      auto text = readDefinitionFile(output.substr(1), 1024 * 1024);
      if (!text.ok()) {
        std::cerr << "aslc task: error: " << text.error().message << "\n";
        return 2;
      }
      output = std::move(text).value();
    }
    body.push_back(makeMember("output", Value::string(output)));
  }
  if (action == "SendTaskFailure") {
    if (!args.error.empty()) body.push_back(makeMember("error", Value::string(args.error)));
    if (!args.cause.empty()) body.push_back(makeMember("cause", Value::string(args.cause)));
  }
  adapters::HttpRequest request;
  request.url =
      args.endpoint.empty() ? "http://127.0.0.1:" + std::to_string(args.port) + "/" : args.endpoint;
  request.headers = {{"Content-Type", "application/x-amz-json-1.0"},
                     {"X-Amz-Target", "AWSStepFunctions." + std::string(action)}};
  request.body = toJson(Value::object(std::move(body)));
  adapters::HttpTimeouts timeouts;
  timeouts.connect = std::chrono::milliseconds(5000);
  timeouts.total = std::chrono::milliseconds(30000);
  auto answer = adapters::sendHttp(request, timeouts);
  if (!answer.ok()) {
    std::cerr << "aslc task: error: cannot reach " << request.url << ": " << answer.error().message
              << "\n";
    return 2;
  }
  if (answer->status == 200) return 0;
  std::string code = "Error " + std::to_string(answer->status), message = answer->body;
  if (auto parsed = parseJsonValue(answer->body); parsed.ok() && parsed->isObject()) {
    if (const Value* type = parsed->find("__type"); type && type->isString()) {
      std::string_view t = type->asString();
      code = std::string(t.substr(t.rfind('#') + 1));
    }
    if (const Value* m = parsed->find("message"); m && m->isString()) message = m->asString();
  }
  std::cerr << "aslc task: " << code << ": " << message << "\n";
  return 1;
}

} // namespace

std::function<int()> addTaskCommand(CLI::App& app) {
  auto args = std::make_shared<TaskArgs>();
  CLI::App* task = app.add_subcommand(
      "task",
      "Complete a .waitForTaskToken task of a running execution: success, failure, heartbeat");
  task->require_subcommand(1);
  auto common = [&](CLI::App* cmd) {
    cmd->add_option("--task-token", args->token, "The token ($$.Task.Token) the task was given")
        ->required();
    cmd->add_option("--callback-port", args->port,
                    "The port of `aslc run --callback-port` (on 127.0.0.1)")
        ->check(CLI::Range(1, 65535));
    cmd->add_option("--endpoint-url", args->endpoint,
                    "Where to send the call instead (any Step Functions endpoint)");
    return cmd;
  };
  CLI::App* success = common(task->add_subcommand("success", "SendTaskSuccess: the task's result"));
  success->add_option("--task-output", args->output, "The task's result: JSON text, or @FILE")
      ->required();
  CLI::App* failure = common(task->add_subcommand("failure", "SendTaskFailure: the task's error"));
  failure->add_option("--error", args->error, "The error name Retry and Catch match");
  failure->add_option("--cause", args->cause, "A description of the failure");
  CLI::App* heartbeat =
      common(task->add_subcommand("heartbeat", "SendTaskHeartbeat: the task is still working"));
  return [args, success, failure, heartbeat]() {
    if (success->parsed()) return sendCallback(*args, "SendTaskSuccess");
    if (failure->parsed()) return sendCallback(*args, "SendTaskFailure");
    if (heartbeat->parsed()) return sendCallback(*args, "SendTaskHeartbeat");
    return 2;
  };
}

} // namespace asl::tools
