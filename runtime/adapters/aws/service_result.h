// What Step Functions makes of an AWS call, for every service alike: errors named
// "<Service>.<Exception>" with the AWS SDK for Java's cause format (which AWS's recorded
// executions show), and the SdkHttpMetadata / SdkResponseMetadata members of a result.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "asl/runtime.h"
#include "asl/value.h"
#include "runtime/adapters/aws/http_client.h"

namespace asl::adapters::aws {

/// How one service's errors are named.
struct ServiceNaming {
  std::string_view errorPrefix;   ///< "SQS", "SNS", "Lambda"
  std::string_view serviceName;   ///< in causes: "AmazonSQS", "AmazonSNS", "AWSLambda"
  std::string_view baseException; ///< for unmodelled error codes: "AmazonSQSException"
};

/// A transport fault (refused connection, timeout, ...) as Step Functions reports it:
/// "<Service>.SdkClientException", or "<Service>.ClientExecutionTimeoutException" when the
/// exchange ran out of time.
TaskError clientFailure(const ServiceNaming& naming, const HttpFailure& failure,
                        const HttpTimeouts& timeouts);

/// An error answer from the service: "<Service>.<exception>" (the base exception when
/// `exception` is empty) with the cause "<message> (Service: ...; Status Code: ...; Error Code:
/// ...; Request ID: ...; Proxy: null)".
TaskError serviceFailure(const ServiceNaming& naming, std::string_view exception, long status,
                         std::string_view errorCode, std::string_view message,
                         std::string_view requestId);

/// {"AllHttpHeaders": {name: [values]}, "HttpHeaders": {name: value}, "HttpStatusCode": n}.
Value sdkHttpMetadata(const HttpResponse& response);
/// The answer an embedded back end gives in place of a service's: status 200, `contentType`
/// and a fresh x-amzn-RequestId, so that results carry the same SdkHttpMetadata members.
HttpResponse localResponse(std::string_view contentType);

/// {"RequestId": id}.
Value sdkResponseMetadata(std::string_view requestId);

/// The request id from x-amzn-RequestId (or x-amz-request-id), empty when there is none.
std::string requestIdHeader(const HttpResponse& response);

/// An object whose members are sorted by key, as Step Functions prints service results.
Value sortedObject(std::vector<Member> members);

/// `name` + "Exception" when `name` is in `modelled` (the service's documented error codes),
/// else empty (the base exception applies).
std::string modelledException(std::string_view name, std::span<const std::string_view> modelled);

} // namespace asl::adapters::aws
