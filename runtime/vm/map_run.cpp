#include "runtime/vm/map_run.h"

#include "runtime/exec/item_reader.h"
#include "runtime/exec/object_store.h"

namespace asl::vm {

using eval::ExecResult;
using eval::StateErrorId;

std::string_view templateFieldText(const eval::PayloadTemplate& tpl,
                                   std::initializer_list<std::string_view> path) {
  const eval::PayloadTemplate* at = &tpl;
  for (std::string_view name : path) {
    if (at->kind != eval::PayloadTemplate::Kind::Object) return {};
    const eval::PayloadTemplate* next = nullptr;
    for (const eval::TemplateField& f : at->fields)
      if (f.key.asString() == name) next = &f.value;
    if (!next) return {};
    at = next;
  }
  return at->kind == eval::PayloadTemplate::Kind::Dynamic ? std::string_view(at->expression.text)
                                                          : std::string_view();
}

ExecResult<Value> readMapItems(const Value& itemReader,
                               const eval::PayloadTemplate& itemReaderTemplate,
                               const std::string& s3Root) {
  auto spec = exec::readerSpecOf(itemReader,
                                 templateFieldText(itemReaderTemplate, {"ReaderConfig", "MaxItemsPath"}));
  if (!spec.ok()) return fail(std::move(spec).error());
  if (s3Root.empty())
    return eval::raise(StateErrorId::ItemReaderFailed,
                       "cannot read s3://" + spec->bucket + "/" +
                           (spec->source == exec::ReaderSpec::Source::GetObject ? spec->key
                                                                               : spec->prefix) +
                           ": no folder stands for S3 (aslc run --s3-root DIR)");
  return exec::readItems(exec::LocalObjectStore(s3Root), *spec);
}

ExecResult<exec::BatchSpec> mapBatchSpec(const Value& itemBatcher,
                                         const eval::PayloadTemplate& itemBatcherTemplate) {
  return exec::batchSpecOf(
      itemBatcher,
      exec::BatchPathTexts{templateFieldText(itemBatcherTemplate, {"MaxItemsPerBatchPath"}),
                           templateFieldText(itemBatcherTemplate, {"MaxInputBytesPerBatchPath"})});
}

exec::MapRunIdentity mapRunIdentity(std::string_view region, std::string_view account,
                                    std::string_view stateMachine, std::string_view label,
                                    std::string_view runId) {
  std::string prefix = "arn:aws:states:" + std::string(region) + ":" + std::string(account) + ":";
  std::string path = std::string(stateMachine) + "/" + std::string(label);
  exec::MapRunIdentity run;
  run.mapRunId = std::string(runId);
  run.mapRunArn = prefix + "mapRun:" + path + ":" + run.mapRunId;
  run.childArnPrefix = prefix + "execution:" + path + ":";
  run.stateMachineArn = prefix + "stateMachine:" + path;
  return run;
}

ExecResult<Value> finishMapRun(const exec::WriterSpec& spec,
                               std::span<const exec::ChildExecution> children,
                               const exec::MapRunIdentity& run, const std::string& s3Root) {
  if (!spec.export_) return exec::transformedResults(children, spec, run);
  if (s3Root.empty())
    return eval::raise(StateErrorId::ResultWriterFailed,
                       "cannot write to s3://" + spec.bucket +
                           ": no folder stands for S3 (aslc run --s3-root DIR)");
  return exec::writeResults(exec::LocalObjectStore(s3Root), spec, children, run);
}

} // namespace asl::vm
