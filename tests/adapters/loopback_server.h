// A one-connection-at-a-time TCP server on 127.0.0.1 for testing the HTTP client: it answers
// every request with fixed bytes, or accepts and never answers (to prove the timeouts). Not a
// model of any AWS service; the adapters' tests use real servers (moto_server_env.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace asl::adapters::testing {

class LoopbackServer {
public:
  enum class Mode { Answer, Silent };

  /// Listens on a free port of 127.0.0.1; `response` is the raw HTTP response written back.
  explicit LoopbackServer(std::string response, Mode mode = Mode::Answer);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// The raw bytes of the last request received (request line, headers, body).
  std::string lastRequest() const;

private:
  void serve();

  std::string response_;
  Mode mode_;
  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  mutable std::mutex mutex_;
  std::string lastRequest_;
  std::thread thread_;
};

/// A port on 127.0.0.1 that nothing listens on: connecting to it is refused.
uint16_t closedLoopbackPort();

/// A listener on 127.0.0.1 whose accept queue is full and never drained: the kernel drops
/// further connection attempts, so they time out instead of being refused.
class FullBacklogListener {
public:
  FullBacklogListener();
  ~FullBacklogListener();
  FullBacklogListener(const FullBacklogListener&) = delete;
  FullBacklogListener& operator=(const FullBacklogListener&) = delete;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
  int listener_ = -1;
  std::vector<int> fillers_;
  uint16_t port_ = 0;
};

} // namespace asl::adapters::testing
