// Embedding aslc: compile a workflow, serve its Lambda task with C++ code, run it twice.
#include <iostream>

#include "asl/compiler.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

int main() {
  auto workflow = asl::compileWorkflow(R"({"StartAt": "Quote", "States": {
    "Quote": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Quote",
              "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 1}], "Next": "Check"},
    "Check": {"Type": "Choice", "Default": "Cheap",
              "Choices": [{"Variable": "$.price", "NumericGreaterThan": 100, "Next": "Expensive"}]},
    "Cheap": {"Type": "Pass", "Result": "ship it", "ResultPath": "$.verdict", "End": true},
    "Expensive": {"Type": "Fail", "Error": "TooExpensive", "Cause": "over budget"}}})");
  if (!workflow.ok()) return 2;

  asl::Runtime runtime;
  runtime.onResource("arn:aws:lambda:us-east-1:123456789012:function:Quote",
                     [](const asl::TaskCall& call) -> asl::TaskResult {
                       if (call.retryCount == 0) return asl::fail(asl::TaskError{"Busy", "try again"});
                       double weight = call.input.find("kg")->asDouble();
                       return asl::parseJsonValue(R"({"price": )" + std::to_string(weight * 12.5) + "}").value();
                     });
  asl::RunOptions options;
  options.virtualClock = true; // the retry's one-second delay takes no time
  for (const char* order : {R"({"kg": 2})", R"({"kg": 20})"}) {
    options.input = asl::parseJsonValue(order).value();
    asl::ExecutionResult r = runtime.run(*workflow, options);
    std::cout << asl::executionStatusName(r.status) << " "
              << (r.status == asl::ExecutionStatus::Succeeded ? asl::toJson(r.output) : r.error + ": " + r.cause) << "\n";
  }
}
