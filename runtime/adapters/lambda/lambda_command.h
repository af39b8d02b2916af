// Lambda functions as local executables, one process per invocation: argv without a shell,
// the event on standard input, the result on standard output, the function's standard error
// passed through. Failures are reported as Lambda reports them, so Step Functions' naming
// applies unchanged: an {"errorType", "errorMessage"} result, a non-zero exit
// (Runtime.ExitError), a timeout (Sandbox.Timedout, the process group killed).
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "runtime/adapters/lambda/lambda_backend.h"

namespace asl::adapters {

struct CommandSpec {
  std::vector<std::string> argv;                  ///< argv[0] without '/' is searched in PATH
  std::string workingDirectory;                   ///< "" for the current one
  std::map<std::string, std::string> environment; ///< added to the process's own
  std::chrono::milliseconds timeout{60000};
};

class LambdaCommandBackend final : public LambdaBackend {
public:
  LambdaCommandBackend(std::string functionName, CommandSpec spec)
      : functionName_(std::move(functionName)), spec_(std::move(spec)) {}
  /// Answers like the Invoke API: 200 with the output as the payload, X-Amz-Function-Error when
  /// the function failed; 202 for an Event invocation (run to its end, result dropped), 204 for
  /// DryRun (not run).
  Result<LambdaResponse, TaskError> invoke(const LambdaRequest& request) override;

private:
  std::string functionName_;
  CommandSpec spec_;
};

} // namespace asl::adapters
