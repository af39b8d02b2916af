// The JSONata library as AWS Step Functions offers it: the standard library without $eval,
// plus $partition, $range, $hash, $random, $uuid and $parse, which behave as the intrinsic
// functions they mirror (States.ArrayPartition, ArrayRange, Hash, UUID, StringToJson).
#pragma once

#include "runtime/eval/jsonata/function.h"
#include "runtime/eval/random_source.h"

namespace asl::vm {

const eval::jsonata::FunctionRegistry& awsJsonataFunctions();

/// The randomness $uuid and $random draw from while the calling thread evaluates an
/// expression of an execution; set for the span of one evaluation.
class JsonataRandomScope {
public:
  explicit JsonataRandomScope(eval::RandomSource* random);
  ~JsonataRandomScope();
  JsonataRandomScope(const JsonataRandomScope&) = delete;
  JsonataRandomScope& operator=(const JsonataRandomScope&) = delete;

private:
  eval::RandomSource* previous_;
};

} // namespace asl::vm
