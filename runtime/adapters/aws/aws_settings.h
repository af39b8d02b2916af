// Where an AWS service is reached and with what: region, endpoint, credentials and timeouts,
// resolved the way AWS's SDKs resolve them, with the adapters file as the explicit
// configuration that comes first (docs/adapters.md, "AWS settings").
#pragma once

#include <optional>
#include <string>

#include "asl/adapter.h"
#include "asl/result.h"
#include "runtime/adapters/aws/http_client.h"
#include "runtime/adapters/aws/sigv4.h"

namespace asl::adapters::aws {

/// One service's identity in AWS's naming.
struct ServiceId {
  std::string_view signingName; ///< SigV4 scope and default host: "sqs", "sns", "lambda"
  std::string_view envSuffix;   ///< AWS_ENDPOINT_URL_<suffix>: "SQS", "SNS", "LAMBDA"
};

inline constexpr ServiceId kLambda{"lambda", "LAMBDA"};
inline constexpr ServiceId kSqs{"sqs", "SQS"};
inline constexpr ServiceId kSns{"sns", "SNS"};

/// What the adapters file says about AWS (each field optional).
struct AwsOverrides {
  std::optional<std::string> region;
  std::optional<std::string> endpoint; ///< every service's endpoint
  std::optional<std::string> profile;
  HttpTimeouts timeouts;
};

/// A service ready to be called.
struct ServiceSettings {
  std::string signingName;
  std::string region;
  std::string endpoint;           ///< scheme://host[:port][/base]
  bool endpointIsDefault = false; ///< AWS's own endpoint for the region, nothing configured
  Credentials credentials;
  std::string credentialsSource; ///< for messages: where the credentials came from, never them
  HttpTimeouts timeouts;
};

/// The region: the file's, else AWS_REGION, else AWS_DEFAULT_REGION.
Result<std::string> resolveRegion(const AwsOverrides& overrides, const AdapterEnvironment& env);

/// The credentials: the file's profile when it names one; else AWS_ACCESS_KEY_ID and
/// AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN); else the profile AWS_PROFILE (or "default")
/// of AWS_SHARED_CREDENTIALS_FILE (or ~/.aws/credentials). `source` receives a description.
Result<Credentials> resolveCredentials(const AwsOverrides& overrides, const AdapterEnvironment& env,
                                       std::string& source);

/// The endpoint: `serviceEndpoint` (the file's per-service endpoint), else the file's endpoint,
/// else AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL (both ignored when
/// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), else https://<service>.<region>.amazonaws.com.
std::string resolveEndpoint(ServiceId service, const std::optional<std::string>& serviceEndpoint,
                            const AwsOverrides& overrides, std::string_view region,
                            const AdapterEnvironment& env);

/// AWS's endpoint for a service in a region: https://<service>.<region>.amazonaws.com.
std::string defaultEndpoint(std::string_view signingName, std::string_view region);

/// Whether `endpoint` is an absolute http:// or https:// URL with a host.
bool isValidEndpoint(std::string_view endpoint);

} // namespace asl::adapters::aws
