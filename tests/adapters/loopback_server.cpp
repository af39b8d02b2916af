#include "tests/adapters/loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace asl::adapters::testing {
namespace {

int listenOnLoopback(uint16_t& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) std::abort();
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) std::abort();
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  port = ntohs(address.sin_port);
  return fd;
}

bool waitReadable(int fd, const std::atomic<bool>& stop) {
  while (!stop) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 50) > 0) return true;
  }
  return false;
}

// Reads one request: headers up to the blank line, then Content-Length bytes of body.
std::string readRequest(int fd, const std::atomic<bool>& stop) {
  std::string data;
  char buffer[4096];
  while (waitReadable(fd, stop)) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<size_t>(n));
    size_t end = data.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    size_t length = 0;
    for (const char* name : {"Content-Length: ", "content-length: "})
      if (size_t at = data.find(name); at != std::string::npos && at < end)
        length =
            std::strtoul(data.c_str() + at + std::char_traits<char>::length(name), nullptr, 10);
    if (data.size() >= end + 4 + length) break;
  }
  return data;
}

} // namespace

LoopbackServer::LoopbackServer(std::string response, Mode mode)
    : response_(std::move(response)), mode_(mode) {
  listener_ = listenOnLoopback(port_);
  ::listen(listener_, 8);
  thread_ = std::thread([this] { serve(); });
}

LoopbackServer::~LoopbackServer() {
  stop_ = true;
  thread_.join();
  ::close(listener_);
}

std::string LoopbackServer::lastRequest() const {
  std::lock_guard lock(mutex_);
  return lastRequest_;
}

void LoopbackServer::serve() {
  while (waitReadable(listener_, stop_)) {
    int connection = ::accept(listener_, nullptr, nullptr);
    if (connection < 0) continue;
    std::string request = readRequest(connection, stop_);
    {
      std::lock_guard lock(mutex_);
      lastRequest_ = request;
    }
    if (mode_ == Mode::Answer) {
      ::send(connection, response_.data(), response_.size(), MSG_NOSIGNAL);
    } else {
      while (!stop_)
        ::usleep(10 * 1000); // hold the connection open, say nothing
    }
    ::close(connection);
  }
}

uint16_t closedLoopbackPort() {
  uint16_t port = 0;
  int fd = listenOnLoopback(port);
  ::close(fd); // bound but never listening, then released: connections are refused
  return port;
}

FullBacklogListener::FullBacklogListener() {
  listener_ = listenOnLoopback(port_);
  ::listen(listener_, 0);
  // Connections the listener never accepts fill its queue (a backlog of 0 still holds one).
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port_);
  for (int i = 0; i < 4; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    fillers_.push_back(fd);
  }
  ::usleep(50 * 1000);
}

FullBacklogListener::~FullBacklogListener() {
  for (int fd : fillers_)
    ::close(fd);
  ::close(listener_);
}

} // namespace asl::adapters::testing
