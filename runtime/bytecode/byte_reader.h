// Bounds-checked reading of the .aslb primitives (docs/bytecode.md, "Encoding"). The first
// problem is kept with its byte offset and every later read returns a zero value, so the loader
// reads straight-line code and checks ok() only where it loops or recurses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace asl::bc {

class ByteReader {
public:
  /// `base` is the file offset of bytes[0], so that messages name offsets in the file.
  ByteReader(std::string_view bytes, size_t base)
      : bytes_(bytes), base_(base), limit_(bytes.size()) {}

  bool ok() const { return !error_; }
  /// The first problem, "at byte N (where): what".
  const std::string& error() const { return *error_; }
  size_t errorOffset() const { return errorOffset_; }
  /// File offset of the next byte.
  size_t offset() const { return base_ + pos_; }
  /// Bytes left before the current limit (0 once failed).
  size_t left() const { return ok() ? limit_ - pos_ : 0; }

  /// Names the part being read, for messages ("templates").
  void setContext(std::string_view context) { context_ = context; }
  /// Confines reads to the next `size` bytes (a section); restore with endLimit.
  bool beginLimit(size_t size, std::string_view what);
  /// Leaves the limited part: its bytes must all have been read unless `allowRest`.
  void endLimit(bool allowRest);

  void fail(size_t fileOffset, std::string what);
  void fail(std::string what) { fail(offset(), std::move(what)); }

  uint8_t u8(std::string_view what);
  uint64_t varint(std::string_view what);
  uint32_t u32(std::string_view what);
  int64_t sint(std::string_view what);
  double f64(std::string_view what);
  uint64_t littleEndian(int bytes, std::string_view what);
  bool boolean(std::string_view what);
  std::string str(std::string_view what);
  std::optional<std::string> optStr(std::string_view what);
  /// A count of items each encoded in at least `minItemBytes`: rejected when the bytes left
  /// cannot hold that many, before anyone allocates for them.
  size_t count(std::string_view what, size_t minItemBytes = 1);
  /// An enum stored in a byte; values above `last` are rejected.
  template <class E> E enumByte(std::string_view what, E last) {
    size_t at = offset();
    uint8_t v = u8(what);
    if (v > static_cast<uint8_t>(last)) {
      fail(at, std::string(what) + " " + std::to_string(v) + " is out of range (at most " +
                   std::to_string(static_cast<unsigned>(last)) + ")");
      return E{};
    }
    return static_cast<E>(v);
  }
  /// A byte of flag bits; bits outside `known` are rejected.
  uint8_t flags(std::string_view what, uint8_t known);
  /// An index below `size`.
  uint32_t index(std::string_view what, size_t size);
  /// An optional index (0 none, n + 1 index n) below `size`; none is UINT32_MAX.
  uint32_t ref(std::string_view what, size_t size);

private:
  bool need(size_t n, std::string_view what);

  std::string_view bytes_;
  size_t base_;
  size_t pos_ = 0;
  size_t limit_;
  size_t outerLimit_ = 0;
  std::string_view context_;
  std::optional<std::string> error_;
  size_t errorOffset_ = 0;
};

} // namespace asl::bc
