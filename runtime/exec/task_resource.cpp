#include "runtime/exec/task_resource.h"

namespace asl::exec {

TaskResourceParts splitTaskResource(std::string_view arn) {
  constexpr std::string_view kIntegration = "arn:aws:states:::";
  if (arn.starts_with(kIntegration)) {
    std::string_view rest = arn.substr(kIntegration.size());
    size_t colon = rest.find(':');
    if (colon != std::string_view::npos && colon > 0 && colon + 1 < rest.size()) {
      std::string_view service = rest.substr(0, colon);
      std::string_view action = rest.substr(colon + 1);
      // AWS SDK integrations name the SDK's service too: arn:aws:states:::aws-sdk:s3:listBuckets.
      if (service == "aws-sdk") {
        size_t next = action.find(':');
        if (next != std::string_view::npos && next > 0 && next + 1 < action.size())
          return {std::string(rest.substr(0, colon + 1 + next)),
                  std::string(action.substr(next + 1))};
      }
      return {std::string(service), std::string(action)};
    }
  }
  // arn:partition:service:region:account:...: the service names the resource's type.
  std::string type = "states";
  if (arn.starts_with("arn:")) {
    size_t partitionEnd = arn.find(':', 4);
    if (partitionEnd != std::string_view::npos) {
      size_t serviceEnd = arn.find(':', partitionEnd + 1);
      if (serviceEnd != std::string_view::npos && serviceEnd > partitionEnd + 1)
        type = std::string(arn.substr(partitionEnd + 1, serviceEnd - partitionEnd - 1));
    }
  }
  return {std::move(type), std::string(arn)};
}

} // namespace asl::exec
