// AWS Signature Version 4 (the AWS4-HMAC-SHA256 Authorization header) for requests to AWS and
// AWS-compatible servers. Pure functions over the request's parts, so that AWS's published
// test vectors check every step (tests/adapters/sigv4_test.cpp).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace asl::adapters::aws {

/// What signs a request. Never printed: messages name where credentials came from instead.
struct Credentials {
  std::string accessKeyId;
  std::string secretAccessKey;
  std::string sessionToken; ///< empty for long-term keys
};

/// The region and the service's signing name ("sqs", "sns", "lambda") of the credential scope.
struct SigningScope {
  std::string region;
  std::string service;
};

/// A request as it goes on the wire.
struct SignableRequest {
  std::string_view method;
  std::string_view path;  ///< as sent (already percent-encoded where needed), starting with '/'
  std::string_view query; ///< as sent, without '?'; may be empty
  /// Every header to sign, Host and X-Amz-Date included (names in any case).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string_view payload;
};

/// Percent-encodes all but the unreserved characters (A-Z a-z 0-9 - _ . ~), and '/' when
/// `keepSlash`, as SigV4 requires.
std::string uriEncode(std::string_view s, bool keepSlash);

/// "20150830T123600Z" for the instant `t` (UTC).
std::string amzDate(std::chrono::system_clock::time_point t);

/// Task 1: the canonical request. The path is encoded once more, as every service but S3
/// expects; the query's parameters are sorted; header names lower-cased, values trimmed.
std::string canonicalRequest(const SignableRequest& request);
/// "host;x-amz-date": the sorted, lower-cased names of the signed headers.
std::string signedHeaderNames(const SignableRequest& request);
/// Task 2: the string to sign for the canonical request at `amzDate`.
std::string stringToSign(std::string_view amzDate, const SigningScope& scope,
                         std::string_view canonicalRequest);
/// Task 3: the raw signing key for a date ("20150830"), region and service.
std::string signingKey(std::string_view secretAccessKey, std::string_view date,
                       const SigningScope& scope);
/// The value of the Authorization header. `amzDate` must be the request's X-Amz-Date.
std::string authorizationHeader(const Credentials& credentials, const SigningScope& scope,
                                std::string_view amzDate, const SignableRequest& request);

} // namespace asl::adapters::aws
