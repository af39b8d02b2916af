// The distributed Map's ResultWriter: the child executions' results in AWS's export layout
// (`<Prefix>/<MapRunId>/manifest.json` naming `SUCCEEDED_0.json`, `FAILED_0.json`,
// `PENDING_0.json`) written to a local object store, and the WriterConfig transformations
// (NONE, COMPACT, FLATTEN; JSON or JSON Lines) that shape those files or the Map's output.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/exec/clock.h"
#include "runtime/exec/object_store.h"

namespace asl::exec {

/// One child execution of a map run (an item, or a batch of items), as the Map left it.
struct ChildExecution {
  enum class Status : uint8_t { Pending, Succeeded, Failed, Aborted } status = Status::Pending;
  std::string name; ///< the child execution's name
  Value input;
  Value output;      ///< Succeeded
  std::string error; ///< Failed
  std::string cause;
  EpochMillis startDate = 0, stopDate = 0;
};

struct WriterSpec {
  enum class Transformation : uint8_t { None, Compact, Flatten };
  enum class OutputType : uint8_t { Json, Jsonl };
  bool export_ = false; ///< Resource and Parameters/Arguments given: write to the store
  std::string bucket;
  std::string prefix;
  /// NONE when exporting without a WriterConfig; COMPACT (the Map's usual output) otherwise.
  Transformation transformation = Transformation::Compact;
  OutputType outputType = OutputType::Json;
};

/// The names AWS gives a map run and its children.
struct MapRunIdentity {
  std::string mapRunArn;         ///< arn:aws:states:R:A:mapRun:Machine/Label:RunId
  std::string mapRunId;          ///< the RunId part, a UUID
  std::string childArnPrefix;    ///< arn:aws:states:R:A:execution:Machine/Label:
  std::string stateMachineArn;   ///< the children's: arn:aws:states:R:A:stateMachine:Machine/Label
};

/// Reads an evaluated ResultWriter. Errors are States.ResultWriterFailed.
eval::ExecResult<WriterSpec> writerSpecOf(const Value& resultWriter);

/// A child as AWS exports it untransformed (NONE): ExecutionArn, Input and Output as JSON text,
/// Status, dates, Error and Cause for failures.
Value childRecord(const ChildExecution& child, const MapRunIdentity& run);

/// The Map's output when the ResultWriter only has a WriterConfig: the results transformed.
Value transformedResults(std::span<const ChildExecution> children, const WriterSpec& spec,
                         const MapRunIdentity& run);

/// Writes the result files and the manifest; returns the Map's output,
/// `{"MapRunArn": ..., "ResultWriterDetails": {"Bucket": ..., "Key": ".../manifest.json"}}`.
/// Errors are States.ResultWriterFailed.
eval::ExecResult<Value> writeResults(const LocalObjectStore& store, const WriterSpec& spec,
                                     std::span<const ChildExecution> children,
                                     const MapRunIdentity& run);

} // namespace asl::exec
