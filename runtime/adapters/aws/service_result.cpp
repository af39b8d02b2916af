#include "runtime/adapters/aws/service_result.h"

#include <algorithm>
#include <cctype>

#include "runtime/adapters/aws/crypto.h"

namespace asl::adapters::aws {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

TaskError clientFailure(const ServiceNaming& naming, const HttpFailure& failure,
                        const HttpTimeouts& timeouts) {
  std::string prefix(naming.errorPrefix);
  if (failure.kind == HttpFailure::Kind::Timeout)
    return TaskError{prefix + ".ClientExecutionTimeoutException",
                     "Client execution did not complete before the specified timeout "
                     "configuration: " +
                         std::to_string(timeouts.total.count()) + " millis (" + failure.message +
                         ")"};
  return TaskError{prefix + ".SdkClientException",
                   "Unable to execute HTTP request: " + failure.message};
}

TaskError serviceFailure(const ServiceNaming& naming, std::string_view exception, long status,
                         std::string_view errorCode, std::string_view message,
                         std::string_view requestId) {
  std::string name = std::string(naming.errorPrefix) + "." +
                     std::string(exception.empty() ? naming.baseException : exception);
  std::string cause =
      std::string(message) + " (Service: " + std::string(naming.serviceName) +
      "; Status Code: " + std::to_string(status) + "; Error Code: " + std::string(errorCode) +
      "; Request ID: " + (requestId.empty() ? std::string("null") : std::string(requestId)) +
      "; Proxy: null)";
  return TaskError{std::move(name), std::move(cause)};
}

HttpResponse localResponse(std::string_view contentType) {
  HttpResponse response;
  response.status = 200;
  response.headers = {{"Content-Type", std::string(contentType)},
                      {"x-amzn-RequestId", randomUuid()}};
  return response;
}

Value sdkHttpMetadata(const HttpResponse& response) {
  // AllHttpHeaders keeps every value of a repeated header, in the order received; HttpHeaders
  // the last value of each, sorted without regard to case as the SDK's map is.
  std::vector<Member> all;
  std::vector<std::pair<std::string, std::string>> last;
  for (const auto& header : response.headers) {
    // References by name: clang 14 cannot capture a structured binding in a lambda.
    const std::string& name = header.first;
    const std::string& value = header.second;
    auto same = std::find_if(all.begin(), all.end(), [&](const Member& m) {
      return lower(m.key.asString()) == lower(name);
    });
    if (same != all.end()) {
      std::vector<Value> values(same->value.items().begin(), same->value.items().end());
      values.push_back(Value::string(value));
      same->value = Value::array(std::move(values));
    } else {
      all.push_back(makeMember(name, Value::array({Value::string(value)})));
    }
    auto previous = std::find_if(last.begin(), last.end(),
                                 [&](const auto& h) { return lower(h.first) == lower(name); });
    if (previous != last.end()) {
      previous->second = value;
    } else {
      last.emplace_back(name, value);
    }
  }
  std::sort(last.begin(), last.end(),
            [](const auto& a, const auto& b) { return lower(a.first) < lower(b.first); });
  std::vector<Member> single;
  for (auto& [name, value] : last)
    single.push_back(makeMember(name, Value::string(value)));
  return Value::object({makeMember("AllHttpHeaders", Value::object(std::move(all))),
                        makeMember("HttpHeaders", Value::object(std::move(single))),
                        makeMember("HttpStatusCode", Value::integer(response.status))});
}

Value sdkResponseMetadata(std::string_view requestId) {
  return Value::object({makeMember("RequestId", Value::string(requestId))});
}

std::string requestIdHeader(const HttpResponse& response) {
  if (const std::string* id = response.header("x-amzn-RequestId")) return *id;
  if (const std::string* id = response.header("x-amz-request-id")) return *id;
  return {};
}

Value sortedObject(std::vector<Member> members) {
  std::sort(members.begin(), members.end(),
            [](const Member& a, const Member& b) { return a.key.asString() < b.key.asString(); });
  return Value::object(std::move(members));
}

std::string modelledException(std::string_view name, std::span<const std::string_view> modelled) {
  if (std::find(modelled.begin(), modelled.end(), name) == modelled.end()) return {};
  if (name.ends_with("Exception")) return std::string(name);
  return std::string(name) + "Exception";
}

} // namespace asl::adapters::aws
