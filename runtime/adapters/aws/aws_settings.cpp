#include "runtime/adapters/aws/aws_settings.h"

#include <fstream>
#include <sstream>

#include "runtime/adapters/aws/credentials_file.h"

namespace asl::adapters::aws {
namespace {

Unexpected<Diagnostic> invalid(std::string message) {
  return fail(makeDiagnostic(DiagCode::InvalidAdaptersFile, std::move(message)));
}

std::optional<std::string> readSmallFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  // A credentials file is a few hundred bytes; reading at most 1 MiB keeps a wrong path
  // (a device, a huge file) from stalling start-up.
  char buffer[4096];
  size_t total = 0;
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    total += static_cast<size_t>(in.gcount());
    if (total > 1024 * 1024) return std::nullopt;
    text.write(buffer, in.gcount());
  }
  return text.str();
}

} // namespace

Result<std::string> resolveRegion(const AwsOverrides& overrides, const AdapterEnvironment& env) {
  if (overrides.region) return *overrides.region;
  if (auto region = env.get("AWS_REGION")) return *region;
  if (auto region = env.get("AWS_DEFAULT_REGION")) return *region;
  return invalid("no AWS region: set \"region\" under \"aws\" in the adapters file, or "
                 "AWS_REGION in the environment");
}

Result<Credentials> resolveCredentials(const AwsOverrides& overrides, const AdapterEnvironment& env,
                                       std::string& source) {
  auto keyId = env.get("AWS_ACCESS_KEY_ID");
  auto secret = env.get("AWS_SECRET_ACCESS_KEY");
  if (!overrides.profile && keyId && secret) {
    source = "the environment (AWS_ACCESS_KEY_ID)";
    return Credentials{*keyId, *secret, env.get("AWS_SESSION_TOKEN").value_or("")};
  }
  std::string profile =
      overrides.profile ? *overrides.profile : env.get("AWS_PROFILE").value_or("default");
  std::string file;
  if (auto path = env.get("AWS_SHARED_CREDENTIALS_FILE")) {
    file = *path;
  } else if (auto home = env.get("HOME")) {
    file = *home + "/.aws/credentials";
  } else {
    return invalid("no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set "
                   "and there is no HOME to find ~/.aws/credentials in");
  }
  auto text = readSmallFile(file);
  if (!text)
    return invalid("no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set "
                   "and " +
                   file + " cannot be read");
  auto section = readIniSection(*text, profile);
  if (!section) return invalid("no AWS credentials: " + file + " has no profile '" + profile + "'");
  auto id = section->find("aws_access_key_id");
  auto key = section->find("aws_secret_access_key");
  if (id == section->end() || key == section->end() || id->second.empty() || key->second.empty())
    return invalid("no AWS credentials: profile '" + profile + "' of " + file +
                   " lacks aws_access_key_id or aws_secret_access_key");
  Credentials credentials{id->second, key->second, {}};
  if (auto token = section->find("aws_session_token"); token != section->end())
    credentials.sessionToken = token->second;
  source = "profile '" + profile + "' of " + file;
  return credentials;
}

std::string resolveEndpoint(ServiceId service, const std::optional<std::string>& serviceEndpoint,
                            const AwsOverrides& overrides, std::string_view region,
                            const AdapterEnvironment& env) {
  if (serviceEndpoint) return *serviceEndpoint;
  if (overrides.endpoint) return *overrides.endpoint;
  auto ignore = env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  if (!ignore || (*ignore != "true" && *ignore != "TRUE" && *ignore != "True")) {
    if (auto url = env.get("AWS_ENDPOINT_URL_" + std::string(service.envSuffix))) return *url;
    if (auto url = env.get("AWS_ENDPOINT_URL")) return *url;
  }
  return defaultEndpoint(service.signingName, region);
}

std::string defaultEndpoint(std::string_view signingName, std::string_view region) {
  std::string suffix = region.starts_with("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
  return "https://" + std::string(signingName) + "." + std::string(region) + suffix;
}

bool isValidEndpoint(std::string_view endpoint) {
  std::string_view rest;
  if (endpoint.starts_with("http://")) {
    rest = endpoint.substr(7);
  } else if (endpoint.starts_with("https://")) {
    rest = endpoint.substr(8);
  } else {
    return false;
  }
  return !rest.empty() && rest.front() != '/' &&
         rest.find_first_of("?# ") == std::string_view::npos;
}

} // namespace asl::adapters::aws
