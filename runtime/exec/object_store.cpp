#include "runtime/exec/object_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <system_error>

namespace asl::exec {
namespace {

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// A bucket is one folder name; a key is a relative path whose segments are ordinary names.
// Refusing `.`, `..` and empty segments keeps every object inside the root and gives each key
// exactly one file.
bool validBucket(std::string_view bucket) {
  return !bucket.empty() && bucket != "." && bucket != ".." &&
         bucket.find('/') == std::string_view::npos && bucket.find('\\') == std::string_view::npos &&
         bucket.find('\0') == std::string_view::npos;
}

bool validKey(std::string_view key) {
  if (key.empty() || key.find('\0') != std::string_view::npos) return false;
  size_t begin = 0;
  for (;;) {
    size_t end = key.find('/', begin);
    std::string_view segment = key.substr(begin, end == std::string_view::npos ? key.npos : end - begin);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (end == std::string_view::npos) return true;
    begin = end + 1;
  }
}

int64_t modifiedMillis(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return 0;
  return static_cast<int64_t>(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1000000;
}

} // namespace

StoreResult<std::filesystem::path> LocalObjectStore::pathOf(std::string_view bucket,
                                                            std::string_view key) const {
  if (!validBucket(bucket)) return fail("the bucket name " + quoted(bucket) + " is not valid here");
  if (!validKey(key))
    return fail("the key " + quoted(key) +
                " is not valid here (empty, or a '.', '..' or empty path segment)");
  return root_ / std::string(bucket) / std::string(key);
}

StoreResult<std::string> LocalObjectStore::get(std::string_view bucket, std::string_view key,
                                               size_t maxBytes) const {
  auto path = pathOf(bucket, key);
  if (!path.ok()) return fail(std::move(path).error());
  std::string where = "s3://" + std::string(bucket) + "/" + std::string(key) + " (" +
                      path->string() + ")";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(*path, ec))
    return fail("the object " + where + " does not exist");
  uintmax_t size = std::filesystem::file_size(*path, ec);
  if (ec) return fail("cannot read " + where + ": " + ec.message());
  if (size > maxBytes)
    return fail("the object " + where + " is " + std::to_string(size) +
                " bytes, above the limit of " + std::to_string(maxBytes) + " bytes");
  std::ifstream in(*path, std::ios::binary);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size)))
    return fail("cannot read " + where);
  return bytes;
}

StoreResult<std::vector<ObjectInfo>> LocalObjectStore::list(std::string_view bucket,
                                                            std::string_view prefix,
                                                            size_t maxKeys) const {
  if (!validBucket(bucket)) return fail("the bucket name " + quoted(bucket) + " is not valid here");
  std::filesystem::path dir = root_ / std::string(bucket);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return fail("the bucket " + quoted(bucket) + " does not exist (no folder " + dir.string() + ")");
  std::vector<ObjectInfo> objects;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) return fail("cannot list " + dir.string() + ": " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return fail("cannot list " + dir.string() + ": " + ec.message());
    if (!it->is_regular_file(ec)) continue;
    std::string key = std::filesystem::relative(it->path(), dir, ec).generic_string();
    if (ec || !key.starts_with(prefix)) continue;
    if (objects.size() == maxKeys)
      return fail("the bucket " + quoted(bucket) + " holds more than " + std::to_string(maxKeys) +
                  " objects under the prefix " + quoted(prefix));
    objects.push_back(ObjectInfo{std::move(key), it->file_size(ec), modifiedMillis(it->path())});
  }
  std::sort(objects.begin(), objects.end(),
            [](const ObjectInfo& a, const ObjectInfo& b) { return a.key < b.key; });
  return objects;
}

StoreResult<std::monostate> LocalObjectStore::put(std::string_view bucket, std::string_view key,
                                                  std::string_view bytes) const {
  auto path = pathOf(bucket, key);
  if (!path.ok()) return fail(std::move(path).error());
  std::error_code ec;
  std::filesystem::path bucketDir = root_ / std::string(bucket);
  // S3 writes only into buckets that exist; the folder stands for the bucket.
  if (!std::filesystem::is_directory(bucketDir, ec))
    return fail("the bucket " + quoted(bucket) + " does not exist (no folder " +
                bucketDir.string() + ")");
  std::filesystem::create_directories(path->parent_path(), ec);
  if (ec) return fail("cannot create " + path->parent_path().string() + ": " + ec.message());
  std::ofstream out(*path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return fail("cannot write " + path->string());
  return std::monostate{};
}

} // namespace asl::exec
