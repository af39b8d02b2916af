#include "runtime/adapters/callback/callback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstring>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

constexpr size_t kMaxHeaderBytes = 64 * 1024;
constexpr size_t kMaxBodyBytes = 1024 * 1024; // an output is at most 256 KiB, escaped
// A client that goes quiet this long loses its connection, so that it cannot hold the server.
constexpr int kIdleMillis = 5000;

CallbackAnswer refusal(int status, std::string_view code, std::string_view message) {
  std::string body = "{\"__type\":\"com.amazonaws.swf.service.v2.model#" + std::string(code) +
                     "\",\"message\":" + toJson(Value::string(message)) + "}";
  return CallbackAnswer{status, std::move(body)};
}

CallbackAnswer fromResult(const Result<void, CallbackError>& r) {
  if (r.ok()) return CallbackAnswer{};
  return refusal(400, r.error().code, r.error().message);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool waitReadable(int fd, int millis) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, millis) > 0;
}

void sendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

std::string response(const CallbackAnswer& a, bool keepAlive) {
  const char* reason = a.status == 200 ? "OK" : a.status == 400 ? "Bad Request" : "Error";
  return "HTTP/1.1 " + std::to_string(a.status) + " " + reason +
         "\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: " + aws::randomUuid() +
         "\r\nContent-Length: " + std::to_string(a.body.size()) +
         (keepAlive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n") + a.body;
}

} // namespace

CallbackAnswer answerCallback(TaskTokens& tokens, std::string_view target, std::string_view body) {
  auto parsed = parseJsonValue(body);
  if (!parsed.ok() || !parsed->isObject())
    return refusal(400, "SerializationException", "the request body is not a JSON object");
  auto text = [&](const char* key) -> std::optional<std::string> {
    const Value* v = parsed->find(key);
    if (!v || !v->isString()) return std::nullopt;
    return std::string(v->asString());
  };
  std::optional<std::string> token = text("taskToken");
  if (!token)
    return refusal(400, "ValidationException",
                   "1 validation error detected: Value null at 'taskToken' failed to satisfy "
                   "constraint: Member must not be null");
  if (target == "AWSStepFunctions.SendTaskSuccess") {
    std::optional<std::string> output = text("output");
    if (!output)
      return refusal(400, "ValidationException",
                     "1 validation error detected: Value null at 'output' failed to satisfy "
                     "constraint: Member must not be null");
    return fromResult(tokens.succeed(*token, *output));
  }
  if (target == "AWSStepFunctions.SendTaskFailure")
    return fromResult(tokens.fail(*token, text("error").value_or(""), text("cause").value_or("")));
  if (target == "AWSStepFunctions.SendTaskHeartbeat") return fromResult(tokens.heartbeat(*token));
  return refusal(400, "UnknownOperationException",
                 "this endpoint serves SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat");
}

Result<std::unique_ptr<CallbackServer>, std::string> CallbackServer::start(TaskTokens& tokens,
                                                                           uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return fail(std::string("cannot open a socket: ") + std::strerror(errno));
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 16) != 0) {
    std::string message =
        "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno);
    ::close(fd);
    return fail(std::move(message));
  }
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  return std::unique_ptr<CallbackServer>(new CallbackServer(tokens, fd, ntohs(address.sin_port)));
}

CallbackServer::CallbackServer(TaskTokens& tokens, int listener, uint16_t port)
    : tokens_(tokens), listener_(listener), port_(port) {
  thread_ = std::thread([this] { serve(); });
}

CallbackServer::~CallbackServer() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

void CallbackServer::serve() {
  while (!stop_) {
    if (!waitReadable(listener_, 100)) continue;
    int connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (connection < 0) continue;
    serveConnection(connection);
    ::close(connection);
  }
}

// Requests one after another on the connection (keep-alive), each with a Content-Length body.
void CallbackServer::serveConnection(int connection) {
  std::string data;
  char buffer[16384];
  auto idleSince = std::chrono::steady_clock::now();
  while (!stop_) {
    size_t end = data.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (data.size() > kMaxHeaderBytes) {
        sendAll(connection,
                response(refusal(431, "RequestHeaderFieldsTooLarge", "headers too large"), false));
        return;
      }
      if (!waitReadable(connection, 100)) {
        if (std::chrono::steady_clock::now() - idleSince > std::chrono::milliseconds(kIdleMillis))
          return;
        continue;
      }
      ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      data.append(buffer, static_cast<size_t>(n));
      idleSince = std::chrono::steady_clock::now();
      continue;
    }
    // Headers complete: find the target, the length and whether to keep the connection.
    std::string_view head(data.data(), end);
    std::string target;
    size_t length = 0;
    bool keepAlive = true, lengthOk = true;
    size_t lineStart = head.find("\r\n");
    while (lineStart != std::string_view::npos && lineStart < head.size()) {
      size_t lineEnd = head.find("\r\n", lineStart + 2);
      std::string_view line =
          head.substr(lineStart + 2,
                      (lineEnd == std::string_view::npos ? head.size() : lineEnd) - lineStart - 2);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = lower(line.substr(0, colon));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ')
          value.remove_prefix(1);
        if (name == "x-amz-target") target = std::string(value);
        if (name == "content-length") {
          lengthOk = !value.empty() && value.size() < 10 &&
                     value.find_first_not_of("0123456789") == std::string_view::npos;
          length = lengthOk ? std::stoul(std::string(value)) : 0;
        }
        if (name == "connection" && lower(value) == "close") keepAlive = false;
        if (name == "transfer-encoding") lengthOk = false;
      }
      lineStart = lineEnd;
    }
    if (!lengthOk || length > kMaxBodyBytes) {
      sendAll(connection, response(refusal(400, "ValidationException",
                                           "the request needs a Content-Length of at most 1 MiB"),
                                   false));
      return;
    }
    while (data.size() < end + 4 + length) {
      if (stop_) return;
      if (!waitReadable(connection, 100)) {
        if (std::chrono::steady_clock::now() - idleSince > std::chrono::milliseconds(kIdleMillis))
          return;
        continue;
      }
      ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      data.append(buffer, static_cast<size_t>(n));
      idleSince = std::chrono::steady_clock::now();
    }
    std::string_view body(data.data() + end + 4, length);
    sendAll(connection, response(answerCallback(tokens_, target, body), keepAlive));
    if (!keepAlive) return;
    data.erase(0, end + 4 + length);
  }
}

} // namespace asl::adapters
