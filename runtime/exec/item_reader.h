// The distributed Map's ItemReader over a local object store (object_store.h): reading a JSON
// array, JSON Lines or CSV object (s3:getObject), or listing objects (s3:listObjectsV2), into the
// items the Map iterates over. Every failure is States.ItemReaderFailed with a cause naming the
// object and, for bad content, the line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/exec/object_store.h"

namespace asl::exec {

/// What an evaluated ItemReader asks for.
struct ReaderSpec {
  enum class Source : uint8_t { GetObject, ListObjects } source = Source::GetObject;
  enum class Input : uint8_t { Json, Jsonl, Csv } input = Input::Json;
  enum class HeaderLocation : uint8_t { FirstRow, Given } headerLocation = HeaderLocation::FirstRow;
  std::string bucket;
  std::string key;    ///< GetObject
  std::string prefix; ///< ListObjects
  std::vector<std::string> csvHeaders; ///< HeaderLocation::Given
  char csvDelimiter = ',';
  uint64_t maxItems = 0; ///< 0: every item
};

struct ItemReaderLimits {
  /// The largest object read; the whole object is held in memory while it is parsed.
  size_t maxObjectBytes = 256 * 1024 * 1024;
  /// AWS's ceiling on MaxItems, also the most objects a listing returns here.
  uint64_t maxItems = 100'000'000;
  /// AWS reads CSV header rows of up to 10 KiB.
  size_t maxCsvHeaderBytes = 10 * 1024;
};

/// Reads the spec out of an evaluated ItemReader (`Resource`, `ReaderConfig`, and the
/// `Parameters` or `Arguments` object naming Bucket and Key or Prefix). `maxItemsPath` is the
/// text of ReaderConfig.MaxItemsPath, quoted when the value it selected is not an integer.
eval::ExecResult<ReaderSpec> readerSpecOf(const Value& itemReader, std::string_view maxItemsPath,
                                          const ItemReaderLimits& limits = {});

/// The items in an object's text. `where` names the object in causes ("s3://b/data.csv").
eval::ExecResult<std::vector<Value>> parseItems(std::string_view text, const ReaderSpec& spec,
                                                std::string_view where,
                                                const ItemReaderLimits& limits = {});

/// Reads the object or the listing the spec names, as an array of items.
eval::ExecResult<Value> readItems(const LocalObjectStore& store, const ReaderSpec& spec,
                                  const ItemReaderLimits& limits = {});

} // namespace asl::exec
