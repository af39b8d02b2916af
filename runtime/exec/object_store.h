// A local directory standing for Amazon S3, for the distributed Map's ItemReader and
// ResultWriter: object `Key` of bucket `Bucket` is the file `<root>/<Bucket>/<Key>`. Names that
// would leave the root (`..`, absolute paths) are refused, so a definition cannot read or write
// outside the directory the user gave.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "asl/result.h"

namespace asl::exec {

/// What ListObjectsV2 reports of one object.
struct ObjectInfo {
  std::string key;
  uint64_t size = 0;
  int64_t lastModifiedMillis = 0; ///< since the Unix epoch
};

/// Errors are plain sentences: the callers wrap them in States.ItemReaderFailed or
/// States.ResultWriterFailed.
template <class T> using StoreResult = Result<T, std::string>;

class LocalObjectStore {
public:
  explicit LocalObjectStore(std::filesystem::path root) : root_(std::move(root)) {}

  const std::filesystem::path& root() const { return root_; }

  /// The object's bytes, at most `maxBytes` of them (a larger object is an error, not a
  /// truncation).
  StoreResult<std::string> get(std::string_view bucket, std::string_view key,
                               size_t maxBytes) const;
  /// Every object of the bucket whose key starts with `prefix`, in key order (as S3 lists
  /// them), at most `maxKeys` of them.
  StoreResult<std::vector<ObjectInfo>> list(std::string_view bucket, std::string_view prefix,
                                            size_t maxKeys) const;
  /// Writes the object, creating the folders its key names.
  StoreResult<std::monostate> put(std::string_view bucket, std::string_view key,
                                  std::string_view bytes) const;

  /// The file an object lives in, or an error when the names would leave the root.
  StoreResult<std::filesystem::path> pathOf(std::string_view bucket, std::string_view key) const;

private:
  std::filesystem::path root_;
};

} // namespace asl::exec
