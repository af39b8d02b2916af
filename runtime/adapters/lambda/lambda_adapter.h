// Lambda's two Task forms, served by per-function back ends:
//  - arn:aws:states:::lambda:invoke with FunctionName, Payload, InvocationType, Qualifier,
//    ClientContext, returning the envelope (ExecutedVersion, Payload, SdkHttpMetadata,
//    SdkResponseMetadata, StatusCode);
//  - arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER], the state's input as the event
//    and the function's own result as the task's.
// A function error becomes the task error named by the payload's errorType, with the payload
// as the cause, as Step Functions reports it; without an errorType, Lambda.Unknown.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "asl/adapter.h"
#include "runtime/adapters/lambda/lambda_backend.h"

namespace asl::adapters {

class LambdaAdapter final : public Adapter {
public:
  /// `functions` serve the functions they are named after; `fallback` (may be null) every
  /// other function.
  LambdaAdapter(std::map<std::string, std::unique_ptr<LambdaBackend>, std::less<>> functions,
                std::unique_ptr<LambdaBackend> fallback);

  std::string_view name() const override { return "lambda"; }
  bool serves(std::string_view resource) const override;
  TaskResult invoke(const TaskCall& call) override;

private:
  LambdaBackend* backendFor(std::string_view functionName) const;

  std::map<std::string, std::unique_ptr<LambdaBackend>, std::less<>> functions_;
  std::unique_ptr<LambdaBackend> fallback_;
};

} // namespace asl::adapters
