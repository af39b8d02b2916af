// SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat over HTTP on 127.0.0.1, in the Step
// Functions JSON 1.0 protocol (POST /, X-Amz-Target: AWSStepFunctions.SendTaskSuccess, a JSON
// body with taskToken, output, error, cause), so that the AWS CLI and SDKs complete tokens
// with only an endpoint override. Signatures are not checked: the port is reachable from this
// machine only.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "asl/result.h"
#include "runtime/adapters/callback/task_tokens.h"

namespace asl::adapters {

class CallbackServer {
public:
  /// Listens on 127.0.0.1:`port` (0: a free port) and serves until destroyed. The error says
  /// why it cannot listen.
  static Result<std::unique_ptr<CallbackServer>, std::string> start(TaskTokens& tokens,
                                                                    uint16_t port);
  ~CallbackServer();
  CallbackServer(const CallbackServer&) = delete;
  CallbackServer& operator=(const CallbackServer&) = delete;

  uint16_t port() const { return port_; }

private:
  CallbackServer(TaskTokens& tokens, int listener, uint16_t port);
  void serve();
  void serveConnection(int connection);

  TaskTokens& tokens_;
  int listener_;
  uint16_t port_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

/// The answer to one request of the protocol: HTTP status and JSON body. What the server does
/// with a request, apart from the socket; `target` is the X-Amz-Target header.
struct CallbackAnswer {
  int status = 200;
  std::string body = "{}";
};
CallbackAnswer answerCallback(TaskTokens& tokens, std::string_view target, std::string_view body);

} // namespace asl::adapters
