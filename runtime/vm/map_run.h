// What a distributed Map adds to the executor's Map: items from an ItemReader, batches from an
// ItemBatcher, results through a ResultWriter. The executor evaluates the three templates in
// the state's scope; these functions turn the evaluated objects into work for runtime/exec.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/payload_template.h"
#include "runtime/exec/item_batcher.h"
#include "runtime/exec/result_writer.h"

namespace asl::vm {

/// The text of the expression a template holds at `path` ("ReaderConfig", "MaxItemsPath"), or
/// "" when that field is not an expression: causes quote the path a value came from.
std::string_view templateFieldText(const eval::PayloadTemplate& tpl,
                                   std::initializer_list<std::string_view> path);

/// The items the evaluated ItemReader names, read from the folder standing for S3
/// (States.ItemReaderFailed when there is none, or on any failure to read).
eval::ExecResult<Value> readMapItems(const Value& itemReader,
                                     const eval::PayloadTemplate& itemReaderTemplate,
                                     const std::string& s3Root);

/// The evaluated ItemBatcher's limits and BatchInput.
eval::ExecResult<exec::BatchSpec> mapBatchSpec(const Value& itemBatcher,
                                               const eval::PayloadTemplate& itemBatcherTemplate);

/// The map run's ARN and its children's names: `label` is the Map's Label, or its state name.
exec::MapRunIdentity mapRunIdentity(std::string_view region, std::string_view account,
                                    std::string_view stateMachine, std::string_view label,
                                    std::string_view runId);

/// The Map's output once its children ran: the results written to the store (when the
/// ResultWriter exports them) or transformed as its WriterConfig says.
eval::ExecResult<Value> finishMapRun(const exec::WriterSpec& spec,
                                     std::span<const exec::ChildExecution> children,
                                     const exec::MapRunIdentity& run, const std::string& s3Root);

} // namespace asl::vm
