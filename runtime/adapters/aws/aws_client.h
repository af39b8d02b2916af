// Sends SigV4-signed requests to one AWS service (or an AWS-compatible server at the
// configured endpoint). What the adapters and the tests that prepare servers share.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "runtime/adapters/aws/aws_settings.h"
#include "runtime/adapters/aws/http_client.h"

namespace asl::adapters::aws {

class AwsClient {
public:
  explicit AwsClient(ServiceSettings settings) : settings_(std::move(settings)) {}

  const ServiceSettings& settings() const { return settings_; }

  /// The configured timeouts, shortened to the time a Task state has left.
  HttpTimeouts timeoutsWithin(int64_t remainingMillis) const {
    return withinRemaining(settings_.timeouts, remainingMillis);
  }

  /// Signs and sends one request to `path` (already percent-encoded) and `query` (without
  /// '?') under the endpoint, within `timeouts`. Host, X-Amz-Date, X-Amz-Security-Token and
  /// Authorization are added here. `region` overrides the signing region (a Lambda ARN names
  /// its own).
  Result<HttpResponse, HttpFailure> send(std::string_view method, std::string_view path,
                                         std::string_view query, HttpHeaders headers,
                                         std::string body, const HttpTimeouts& timeouts,
                                         std::string_view region = {}) const;
  /// The same within the configured timeouts.
  Result<HttpResponse, HttpFailure> send(std::string_view method, std::string_view path,
                                         std::string_view query, HttpHeaders headers,
                                         std::string body) const {
    return send(method, path, query, std::move(headers), std::move(body), settings_.timeouts);
  }

private:
  ServiceSettings settings_;
};

} // namespace asl::adapters::aws
