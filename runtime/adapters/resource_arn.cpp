#include "runtime/adapters/resource_arn.h"

#include <vector>

namespace asl::adapters {
namespace {

std::vector<std::string_view> splitColons(std::string_view s) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t colon = s.find(':');
    parts.push_back(s.substr(0, colon));
    if (colon == std::string_view::npos) return parts;
    s = s.substr(colon + 1);
  }
}

} // namespace

std::optional<IntegrationArn> parseIntegrationArn(std::string_view resource) {
  auto parts = splitColons(resource);
  // arn : partition : states : (region) : (account) : service : action
  if (parts.size() != 7 || parts[0] != "arn" || parts[1].empty() || parts[2] != "states" ||
      !parts[3].empty() || !parts[4].empty() || parts[5].empty() || parts[6].empty())
    return std::nullopt;
  IntegrationArn arn{parts[1], parts[5], parts[6], {}};
  if (size_t dot = arn.action.find('.'); dot != std::string_view::npos) {
    arn.pattern = arn.action.substr(dot + 1);
    arn.action = arn.action.substr(0, dot);
  }
  return arn;
}

std::optional<LambdaFunctionArn> parseLambdaFunctionArn(std::string_view resource) {
  auto parts = splitColons(resource);
  if ((parts.size() != 7 && parts.size() != 8) || parts[0] != "arn" || parts[1].empty() ||
      parts[2] != "lambda" || parts[3].empty() || parts[4].empty() || parts[5] != "function" ||
      parts[6].empty() || (parts.size() == 8 && parts[7].empty()))
    return std::nullopt;
  return LambdaFunctionArn{parts[1], parts[3], parts[4], parts[6],
                           parts.size() == 8 ? parts[7] : std::string_view()};
}

} // namespace asl::adapters
