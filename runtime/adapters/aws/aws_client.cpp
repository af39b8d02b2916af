#include "runtime/adapters/aws/aws_client.h"

namespace asl::adapters::aws {

Result<HttpResponse, HttpFailure> AwsClient::send(std::string_view method, std::string_view path,
                                                  std::string_view query, HttpHeaders headers,
                                                  std::string body, const HttpTimeouts& timeouts,
                                                  std::string_view region) const {
  // The endpoint is scheme://authority[/base]; the signed Host is the authority as sent.
  // A function ARN in another region is called there, unless an endpoint was configured.
  std::string regional;
  if (!region.empty() && region != settings_.region && settings_.endpointIsDefault)
    regional = defaultEndpoint(settings_.signingName, region);
  std::string_view endpoint = regional.empty() ? std::string_view(settings_.endpoint) : regional;
  size_t schemeEnd = endpoint.find("://");
  size_t authorityStart = schemeEnd == std::string_view::npos ? 0 : schemeEnd + 3;
  size_t authorityEnd = endpoint.find('/', authorityStart);
  std::string_view authority = endpoint.substr(authorityStart, authorityEnd - authorityStart);
  std::string_view base =
      authorityEnd == std::string_view::npos ? std::string_view() : endpoint.substr(authorityEnd);
  while (base.ends_with('/'))
    base.remove_suffix(1);
  std::string fullPath = std::string(base) + std::string(path);

  std::string date = amzDate(std::chrono::system_clock::now());
  headers.emplace_back("Host", std::string(authority));
  headers.emplace_back("X-Amz-Date", date);
  if (!settings_.credentials.sessionToken.empty())
    headers.emplace_back("X-Amz-Security-Token", settings_.credentials.sessionToken);

  SigningScope scope{region.empty() ? settings_.region : std::string(region),
                     settings_.signingName};
  SignableRequest signable{method, fullPath, query, headers, body};
  std::string authorization = authorizationHeader(settings_.credentials, scope, date, signable);
  headers.emplace_back("Authorization", std::move(authorization));

  HttpRequest request;
  request.method = std::string(method);
  request.url = std::string(endpoint.substr(0, authorityEnd)) + fullPath;
  if (!query.empty()) request.url += "?" + std::string(query);
  request.headers = std::move(headers);
  request.body = std::move(body);
  return sendHttp(request, timeouts);
}

} // namespace asl::adapters::aws
