#include "runtime/exec/result_writer.h"

#include "runtime/value/json_writer.h"

namespace asl::exec {
namespace {

using eval::ExecResult;
using eval::StateErrorId;

constexpr std::string_view kPutObject = "arn:aws:states:::s3:putObject";

Unexpected<eval::ExecError> writerFailed(std::string cause) {
  return eval::raise(StateErrorId::ResultWriterFailed, std::move(cause));
}

std::string text(const Value& v) {
  return v.isString() ? std::string(v.asString()) : toJson(v);
}

std::string_view statusName(ChildExecution::Status status) {
  switch (status) {
  case ChildExecution::Status::Pending:
    return "PENDING";
  case ChildExecution::Status::Succeeded:
    return "SUCCEEDED";
  case ChildExecution::Status::Failed:
    return "FAILED";
  case ChildExecution::Status::Aborted:
    return "ABORTED";
  }
  return "PENDING";
}

Value included() {
  return Value::object({makeMember("Included", Value::boolean(true))});
}

// The results of one status, as the file of that status holds them.
std::string fileBody(const std::vector<Value>& records, WriterSpec::OutputType type) {
  if (type == WriterSpec::OutputType::Json) return toJson(Value::array(records));
  std::string out;
  for (const Value& r : records) {
    appendJson(out, r);
    out += '\n';
  }
  return out;
}

// What a successful child contributes under COMPACT or FLATTEN.
void appendOutput(std::vector<Value>& out, const Value& output, WriterSpec::Transformation t) {
  if (t == WriterSpec::Transformation::Flatten && output.isArray()) {
    for (const Value& v : output.items()) out.push_back(v);
    return;
  }
  out.push_back(output);
}

} // namespace

ExecResult<WriterSpec> writerSpecOf(const Value& resultWriter) {
  WriterSpec spec;
  if (!resultWriter.isObject()) return writerFailed("ResultWriter must be an object");
  const Value* resource = resultWriter.find("Resource");
  const Value* parameters = resultWriter.find("Parameters");
  if (!parameters) parameters = resultWriter.find("Arguments");
  const Value* config = resultWriter.find("WriterConfig");
  if (resource) {
    if (!resource->isString() || resource->asString() != kPutObject)
      return writerFailed("the ResultWriter resource " + text(*resource) +
                          " is not supported: use " + std::string(kPutObject));
    if (!parameters || !parameters->isObject())
      return writerFailed("the ResultWriter needs Parameters (or Arguments) naming the Bucket");
    const Value* bucket = parameters->find("Bucket");
    if (!bucket || !bucket->isString())
      return writerFailed("the ResultWriter's Bucket must be a string");
    spec.bucket = std::string(bucket->asString());
    if (const Value* prefix = parameters->find("Prefix")) {
      if (!prefix->isString()) return writerFailed("the ResultWriter's Prefix must be a string");
      spec.prefix = std::string(prefix->asString());
    }
    spec.export_ = true;
    spec.transformation = WriterSpec::Transformation::None;
  }
  if (config) {
    if (!config->isObject()) return writerFailed("WriterConfig must be an object");
    if (const Value* t = config->find("Transformation")) {
      std::string_view name = t->isString() ? t->asString() : "";
      if (name == "NONE") spec.transformation = WriterSpec::Transformation::None;
      else if (name == "COMPACT") spec.transformation = WriterSpec::Transformation::Compact;
      else if (name == "FLATTEN") spec.transformation = WriterSpec::Transformation::Flatten;
      else return writerFailed("Transformation must be NONE, COMPACT or FLATTEN, but was: " + text(*t));
    }
    if (const Value* o = config->find("OutputType")) {
      std::string_view name = o->isString() ? o->asString() : "";
      if (name == "JSON") spec.outputType = WriterSpec::OutputType::Json;
      else if (name == "JSONL") spec.outputType = WriterSpec::OutputType::Jsonl;
      else return writerFailed("OutputType must be JSON or JSONL, but was: " + text(*o));
    }
  }
  return spec;
}

Value childRecord(const ChildExecution& child, const MapRunIdentity& run) {
  using Status = ChildExecution::Status;
  // Members in the alphabetical order of AWS's export files.
  std::vector<Member> m;
  bool started = child.status != Status::Pending;
  if (child.status == Status::Failed) m.push_back(makeMember("Cause", Value::string(child.cause)));
  if (child.status == Status::Failed) m.push_back(makeMember("Error", Value::string(child.error)));
  m.push_back(makeMember("ExecutionArn", Value::string(run.childArnPrefix + child.name)));
  m.push_back(makeMember("Input", Value::string(toJson(child.input))));
  m.push_back(makeMember("InputDetails", included()));
  m.push_back(makeMember("Name", Value::string(child.name)));
  if (child.status == Status::Succeeded) {
    m.push_back(makeMember("Output", Value::string(toJson(child.output))));
    m.push_back(makeMember("OutputDetails", included()));
  }
  if (started) {
    m.push_back(makeMember("RedriveCount", Value::integer(0)));
    if (child.status == Status::Succeeded) {
      m.push_back(makeMember("RedriveStatus", Value::string("NOT_REDRIVABLE")));
      m.push_back(makeMember("RedriveStatusReason",
                             Value::string("Execution is SUCCEEDED and cannot be redriven")));
    } else {
      m.push_back(makeMember("RedriveStatus", Value::string("REDRIVABLE_BY_MAP_RUN")));
    }
    m.push_back(makeMember("StartDate", Value::string(formatTimestamp(child.startDate))));
  }
  m.push_back(makeMember("StateMachineArn", Value::string(run.stateMachineArn)));
  m.push_back(makeMember("Status", Value::string(statusName(child.status))));
  if (started) m.push_back(makeMember("StopDate", Value::string(formatTimestamp(child.stopDate))));
  return Value::object(std::move(m));
}

Value transformedResults(std::span<const ChildExecution> children, const WriterSpec& spec,
                         const MapRunIdentity& run) {
  std::vector<Value> out;
  out.reserve(children.size());
  for (const ChildExecution& child : children) {
    // Failed children keep their execution record whatever the transformation, as on AWS.
    if (spec.transformation == WriterSpec::Transformation::None ||
        child.status != ChildExecution::Status::Succeeded)
      out.push_back(childRecord(child, run));
    else
      appendOutput(out, child.output, spec.transformation);
  }
  return Value::array(std::move(out));
}

ExecResult<Value> writeResults(const LocalObjectStore& store, const WriterSpec& spec,
                               std::span<const ChildExecution> children,
                               const MapRunIdentity& run) {
  std::string folder = spec.prefix;
  if (!folder.empty() && !folder.ends_with('/')) folder += '/';
  folder += run.mapRunId + "/";

  // Aborted children go with the failed ones: the manifest knows three lists.
  std::vector<Value> succeeded, failed, pending;
  for (const ChildExecution& child : children) {
    switch (child.status) {
    case ChildExecution::Status::Succeeded:
      if (spec.transformation == WriterSpec::Transformation::None)
        succeeded.push_back(childRecord(child, run));
      else
        appendOutput(succeeded, child.output, spec.transformation);
      break;
    case ChildExecution::Status::Failed:
    case ChildExecution::Status::Aborted:
      failed.push_back(childRecord(child, run));
      break;
    case ChildExecution::Status::Pending:
      pending.push_back(childRecord(child, run));
      break;
    }
  }

  auto writeFile = [&](const char* status,
                       const std::vector<Value>& records) -> ExecResult<Value> {
    if (records.empty()) return Value::array({});
    std::string key = folder + status + "_0.json";
    std::string body = fileBody(records, spec.outputType);
    auto put = store.put(spec.bucket, key, body);
    if (!put.ok()) return writerFailed(std::move(put).error());
    return Value::array({Value::object({makeMember("Key", Value::string(key)),
                                        makeMember("Size", Value::integer(
                                                               static_cast<int64_t>(body.size())))})});
  };
  auto failedFiles = writeFile("FAILED", failed);
  if (!failedFiles.ok()) return failedFiles;
  auto pendingFiles = writeFile("PENDING", pending);
  if (!pendingFiles.ok()) return pendingFiles;
  auto succeededFiles = writeFile("SUCCEEDED", succeeded);
  if (!succeededFiles.ok()) return succeededFiles;

  std::string manifestKey = folder + "manifest.json";
  Value manifest = Value::object({
      makeMember("DestinationBucket", Value::string(spec.bucket)),
      makeMember("MapRunArn", Value::string(run.mapRunArn)),
      makeMember("ResultFiles", Value::object({makeMember("FAILED", *failedFiles),
                                               makeMember("PENDING", *pendingFiles),
                                               makeMember("SUCCEEDED", *succeededFiles)})),
  });
  auto put = store.put(spec.bucket, manifestKey, toJson(manifest));
  if (!put.ok()) return writerFailed(std::move(put).error());
  return Value::object({
      makeMember("MapRunArn", Value::string(run.mapRunArn)),
      makeMember("ResultWriterDetails",
                 Value::object({makeMember("Bucket", Value::string(spec.bucket)),
                                makeMember("Key", Value::string(manifestKey))})),
  });
}

} // namespace asl::exec
