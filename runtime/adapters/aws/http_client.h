// One HTTP request over libcurl with bounded time: a connect timeout and a total timeout, so a
// refused connection, an unreachable host or a server that never answers ends as a value,
// never a hang. No retries, no redirects: the state's Retry rules decide what happens next.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "asl/result.h"

namespace asl::adapters {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "POST";
  std::string url; ///< http:// or https:// only
  HttpHeaders headers;
  std::string body;
};

struct HttpResponse {
  long status = 0;
  HttpHeaders headers; ///< in the order received, names as the server spelled them
  std::string body;

  /// The last value of the header named `name` (any case), or nullptr.
  const std::string* header(std::string_view name) const;
};

struct HttpTimeouts {
  std::chrono::milliseconds connect{5000}; ///< to establish the connection (TCP and TLS)
  std::chrono::milliseconds total{60000};  ///< for the whole exchange, connection included
};

/// `timeouts` shortened to fit in `remainingMillis` (the Task state's time left): the total at
/// most that (never 0, which libcurl reads as "no limit"), the connection at most the total.
HttpTimeouts withinRemaining(HttpTimeouts timeouts, int64_t remainingMillis);

struct HttpFailure {
  /// Connect: no connection (refused, unreachable, no such host, connect timeout); Timeout: the
  /// total timeout struck once connected.
  enum class Kind : uint8_t { Connect, Timeout, TooLarge, Other };
  Kind kind = Kind::Other;
  std::string message; ///< what went wrong, in libcurl's words
};

/// The largest response body accepted (Lambda's response payload limit is 6 MB).
inline constexpr size_t kMaxResponseBytes = 16 * 1024 * 1024;

/// Sends `request` and waits for the whole response, at most `timeouts.total`. Any HTTP status
/// is a response; failures are transport faults only. Thread-safe.
Result<HttpResponse, HttpFailure> sendHttp(const HttpRequest& request,
                                           const HttpTimeouts& timeouts);

} // namespace asl::adapters
