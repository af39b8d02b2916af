// The HTTP client on loopback: what it sends and reads back, and that a refused connection,
// a server that never answers and an oversized answer end as failures within their bounds.
#include <gtest/gtest.h>

#include <chrono>

#include "runtime/adapters/aws/http_client.h"
#include "tests/adapters/loopback_server.h"

namespace asl::adapters {
namespace {

using testing::LoopbackServer;
using Clock = std::chrono::steady_clock;

TEST(HttpClientTest, SendsMethodHeadersAndBodyAndReadsTheAnswer) {
  LoopbackServer server("HTTP/1.1 201 Created\r\nContent-Length: 5\r\nX-Thing: a\r\n"
                        "x-thing: b\r\nConnection: close\r\n\r\nhello");
  HttpRequest request;
  request.url = server.url() + "/path?q=1";
  request.headers = {{"Content-Type", "application/json"}, {"X-Custom", "v"}};
  request.body = R"({"k":1})";
  auto response = sendHttp(request, HttpTimeouts{});
  ASSERT_TRUE(response.ok()) << response.error().message;
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, "hello");
  ASSERT_NE(response->header("X-THING"), nullptr);
  EXPECT_EQ(*response->header("X-THING"), "b"); // the last of a repeated header
  std::string seen = server.lastRequest();
  EXPECT_EQ(seen.substr(0, 23), "POST /path?q=1 HTTP/1.1");
  EXPECT_NE(seen.find("\r\nX-Custom: v\r\n"), std::string::npos);
  EXPECT_NE(seen.find("\r\nContent-Type: application/json\r\n"), std::string::npos);
  EXPECT_EQ(seen.find("Expect:"), std::string::npos);
  EXPECT_EQ(seen.substr(seen.size() - 7), R"({"k":1})");
}

TEST(HttpClientTest, ErrorStatusesAreResponsesNotFailures) {
  LoopbackServer server(
      "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
  HttpRequest request;
  request.url = server.url() + "/";
  auto response = sendHttp(request, HttpTimeouts{});
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 404);
}

TEST(HttpClientTest, RefusedConnectionFailsAtOnce) {
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(testing::closedLoopbackPort()) + "/";
  auto started = Clock::now();
  auto response = sendHttp(
      request, HttpTimeouts{std::chrono::milliseconds(2000), std::chrono::milliseconds(5000)});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, HttpFailure::Kind::Connect);
  EXPECT_NE(response.error().message.find("127.0.0.1"), std::string::npos)
      << response.error().message;
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(2));
}

TEST(HttpClientTest, ConnectionNeverEstablishedEndsAtTheConnectTimeout) {
  testing::FullBacklogListener listener;
  HttpRequest request;
  request.url = listener.url() + "/";
  auto started = Clock::now();
  auto response = sendHttp(
      request, HttpTimeouts{std::chrono::milliseconds(300), std::chrono::milliseconds(5000)});
  auto elapsed = Clock::now() - started;
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, HttpFailure::Kind::Connect) << response.error().message;
  EXPECT_GE(elapsed, std::chrono::milliseconds(290));
  EXPECT_LT(elapsed, std::chrono::milliseconds(2000));
}

TEST(HttpClientTest, SilentServerEndsAtTheTotalTimeout) {
  LoopbackServer server("", LoopbackServer::Mode::Silent);
  HttpRequest request;
  request.url = server.url() + "/";
  auto started = Clock::now();
  auto response = sendHttp(
      request, HttpTimeouts{std::chrono::milliseconds(1000), std::chrono::milliseconds(300)});
  auto elapsed = Clock::now() - started;
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().kind, HttpFailure::Kind::Timeout);
  EXPECT_GE(elapsed, std::chrono::milliseconds(290));
  EXPECT_LT(elapsed, std::chrono::milliseconds(2000));
}

TEST(HttpClientTest, OversizedAnswerIsRefused) {
  std::string response =
      "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kMaxResponseBytes + 1) +
      "\r\nConnection: close\r\n\r\n";
  response += std::string(kMaxResponseBytes + 1, 'x');
  LoopbackServer server(std::move(response));
  HttpRequest request;
  request.url = server.url() + "/";
  auto answer = sendHttp(request, HttpTimeouts{});
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().kind, HttpFailure::Kind::TooLarge);
}

TEST(HttpClientTest, OnlyHttpAndHttpsAreSpoken) {
  HttpRequest request;
  request.url = "file:///etc/passwd";
  auto answer = sendHttp(request, HttpTimeouts{});
  ASSERT_FALSE(answer.ok());
}

} // namespace
} // namespace asl::adapters
