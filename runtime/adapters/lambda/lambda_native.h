// Lambda functions as native handlers (asl/adapter_c.h): a symbol of a shared library, called in
// this process. Answers like the Invoke API, as the command back end does, so the Lambda
// adapter shapes results and names errors the same way.
#pragma once

#include <memory>
#include <string>

#include "asl/adapter_c.h"
#include "runtime/adapters/lambda/lambda_backend.h"

namespace asl::adapters {

class LambdaNativeBackend final : public LambdaBackend {
public:
  /// Loads `library` (dlopen, resolved now) and finds `symbol`; the error says what is wrong
  /// (no such file, no such symbol, another interface version).
  static Result<std::unique_ptr<LambdaNativeBackend>, std::string>
  load(std::string functionName, const std::string& library, const std::string& symbol);
  ~LambdaNativeBackend() override;

  /// 200 with the handler's output; a non-zero return is a function error (the output when it
  /// is an {"errorType", "errorMessage"} object, else Runtime.ExitError naming the status).
  Result<LambdaResponse, TaskError> invoke(const LambdaRequest& request) override;

private:
  LambdaNativeBackend(std::string functionName, void* library, asl_lambda_handler handler)
      : functionName_(std::move(functionName)), library_(library), handler_(handler) {}

  std::string functionName_;
  void* library_;
  asl_lambda_handler handler_;
};

} // namespace asl::adapters
