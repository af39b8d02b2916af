// The distributed Map's ItemBatcher: grouping items so that each child execution receives
// `{"BatchInput": ..., "Items": [...]}` (BatchInput only when the ItemBatcher gives one), with at
// most MaxItemsPerBatch items and MaxInputBytesPerBatch bytes of JSON per batch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"

namespace asl::exec {

struct BatchSpec {
  uint64_t maxItems = 0; ///< 0: no count limit
  uint64_t maxBytes = 0; ///< 0: only the payload limit
  Value batchInput;      ///< null when absent
  bool hasBatchInput = false;
};

/// The texts of the `...Path` fields, quoted in causes when what they select is not usable.
struct BatchPathTexts {
  std::string_view maxItems;
  std::string_view maxBytes;
};

/// Reads an evaluated ItemBatcher: MaxItemsPerBatch / MaxItemsPerBatchPath (already resolved to
/// the value the path selects), MaxInputBytesPerBatch / ...Path, BatchInput. Values that are not
/// positive integers raise States.Runtime.
eval::ExecResult<BatchSpec> batchSpecOf(const Value& itemBatcher, const BatchPathTexts& paths);

/// Groups the items in order. A batch never holds more than the spec allows, nor more than
/// `payloadLimit` bytes of JSON, except that a single item above the byte limits travels alone
/// (the payload checks of the child execution then decide).
std::vector<Value> batchItems(std::span<const Value> items, const BatchSpec& spec,
                              size_t payloadLimit);

} // namespace asl::exec
