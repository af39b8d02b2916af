// Task adapters: code that serves a Task state's Resource by calling a service (Lambda, SQS,
// SNS over their AWS protocols) instead of a mock. An AdapterRegistry holds the adapters an
// `--adapters FILE` configures (docs/adapters.md) and picks one by resource ARN.
//
//   auto config = asl::parseJsonValue(fileText);
//   auto adapters = asl::AdapterRegistry::fromConfig(*config,
//   asl::AdapterEnvironment::fromProcess()); std::optional<asl::TaskResult> r =
//   adapters->invoke(call); // nullopt: nobody serves it
//
// Links asl_adapters (libcurl, OpenSSL); the runtime library itself never depends on it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asl/result.h"
#include "asl/runtime.h"
#include "asl/value.h"

namespace asl {

/// Serves the Task resources of one service. Implementations must be callable from several
/// threads at once: Map iterations and Parallel branches call tasks concurrently.
class Adapter {
public:
  virtual ~Adapter() = default;
  /// A short name for messages, e.g. "sqs (aws)".
  virtual std::string_view name() const = 0;
  /// Whether this adapter serves `resource`, a Task state's Resource ARN.
  virtual bool serves(std::string_view resource) const = 0;
  /// Runs one call. Failures are values named as Step Functions names them (`Lambda.*`,
  /// `SQS.*`, `SNS.*`, the function's own errorType); nothing is retried here, retries are the
  /// state's Retry rules.
  virtual TaskResult invoke(const TaskCall& call) = 0;
};

/// Where adapters read AWS settings from: the variables AWS's SDKs read (AWS_REGION,
/// AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_PROFILE, ...) and the home directory that holds
/// `.aws/credentials`. Passed in rather than read from the process, so that tests and
/// embedding programs decide what adapters see.
struct AdapterEnvironment {
  std::map<std::string, std::string, std::less<>> variables;

  /// The process's environment.
  static AdapterEnvironment fromProcess();
  /// The variable's value, or std::nullopt when it is unset or empty.
  std::optional<std::string> get(std::string_view name) const;
};

/// Adapters in the order they were added; the first one that serves a resource answers it.
class AdapterRegistry {
public:
  /// Builds the adapters an adapters configuration file describes (docs/adapters.md).
  /// `directory` is the file's own: local commands run there. Errors: INVALID_ADAPTERS_FILE
  /// naming the field, or what is missing (a region, credentials).
  static Result<AdapterRegistry> fromConfig(const Value& config, const AdapterEnvironment& env,
                                            std::string_view directory = {});

  AdapterRegistry() = default;
  AdapterRegistry(AdapterRegistry&&) noexcept = default;
  AdapterRegistry& operator=(AdapterRegistry&&) noexcept = default;

  void add(std::unique_ptr<Adapter> adapter);
  /// The adapter serving `resource`, or nullptr.
  Adapter* find(std::string_view resource) const;
  /// The answer of the adapter serving the call's resource; std::nullopt when none does.
  std::optional<TaskResult> invoke(const TaskCall& call) const;
  bool empty() const { return adapters_.empty(); }
  size_t size() const { return adapters_.size(); }

private:
  std::vector<std::unique_ptr<Adapter>> adapters_;
};

} // namespace asl
