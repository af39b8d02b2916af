#include "runtime/bytecode/byte_reader.h"

#include <cstring>

#include "runtime/bytecode/format.h"

namespace asl::bc {

void ByteReader::fail(size_t fileOffset, std::string what) {
  if (error_) return;
  errorOffset_ = fileOffset;
  std::string message = "at byte " + std::to_string(fileOffset);
  if (!context_.empty()) message += " (" + std::string(context_) + ")";
  error_ = message + ": " + what;
  pos_ = limit_;
}

bool ByteReader::need(size_t n, std::string_view what) {
  if (!ok()) return false;
  if (limit_ - pos_ >= n) return true;
  fail("truncated: " + std::string(what) + " needs " + std::to_string(n) + " byte" +
       (n == 1 ? "" : "s") + ", " + std::to_string(limit_ - pos_) + " left");
  return false;
}

bool ByteReader::beginLimit(size_t size, std::string_view what) {
  if (!need(size, what)) return false;
  outerLimit_ = limit_;
  limit_ = pos_ + size;
  return true;
}

void ByteReader::endLimit(bool allowRest) {
  if (!ok()) return;
  if (pos_ != limit_ && !allowRest)
    fail(std::to_string(limit_ - pos_) + " unread bytes at the end of the section");
  pos_ = limit_;
  limit_ = outerLimit_;
}

uint8_t ByteReader::u8(std::string_view what) {
  if (!need(1, what)) return 0;
  return static_cast<uint8_t>(bytes_[pos_++]);
}

uint64_t ByteReader::varint(std::string_view what) {
  size_t at = offset();
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (!need(1, what)) return 0;
    uint8_t byte = static_cast<uint8_t>(bytes_[pos_++]);
    // The tenth byte holds bit 63 only.
    if (shift == 63 && byte > 1) {
      fail(at, std::string(what) + ": varint overflows 64 bits");
      return 0;
    }
    value |= uint64_t{byte & 0x7fu} << shift;
    if (!(byte & 0x80)) return value;
  }
  fail(at, std::string(what) + ": varint longer than 10 bytes");
  return 0;
}

uint32_t ByteReader::u32(std::string_view what) {
  size_t at = offset();
  uint64_t v = varint(what);
  if (v > UINT32_MAX) {
    fail(at, std::string(what) + " " + std::to_string(v) + " does not fit 32 bits");
    return 0;
  }
  return static_cast<uint32_t>(v);
}

int64_t ByteReader::sint(std::string_view what) {
  return format::unzigzag(varint(what));
}

uint64_t ByteReader::littleEndian(int bytes, std::string_view what) {
  if (!need(static_cast<size_t>(bytes), what)) return 0;
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v |= uint64_t{static_cast<uint8_t>(bytes_[pos_++])} << (8 * i);
  return v;
}

double ByteReader::f64(std::string_view what) {
  uint64_t bits = littleEndian(8, what);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

bool ByteReader::boolean(std::string_view what) {
  size_t at = offset();
  uint8_t v = u8(what);
  if (v > 1) fail(at, std::string(what) + " must be 0 or 1, not " + std::to_string(v));
  return v == 1;
}

std::string ByteReader::str(std::string_view what) {
  size_t at = offset();
  uint64_t size = varint(what);
  if (!ok()) return {};
  if (size > limit_ - pos_) {
    fail(at, std::string(what) + ": string of " + std::to_string(size) + " bytes, only " +
                 std::to_string(limit_ - pos_) + " left");
    return {};
  }
  std::string s(bytes_.substr(pos_, size));
  pos_ += size;
  return s;
}

std::optional<std::string> ByteReader::optStr(std::string_view what) {
  if (!boolean(what)) return std::nullopt;
  return str(what);
}

size_t ByteReader::count(std::string_view what, size_t minItemBytes) {
  size_t at = offset();
  uint64_t n = varint(what);
  if (!ok()) return 0;
  if (n > (limit_ - pos_) / minItemBytes) {
    fail(at, std::string(what) + ": count " + std::to_string(n) + " cannot fit in the " +
                 std::to_string(limit_ - pos_) + " bytes left");
    return 0;
  }
  return static_cast<size_t>(n);
}

uint8_t ByteReader::flags(std::string_view what, uint8_t known) {
  size_t at = offset();
  uint8_t v = u8(what);
  if (v & ~known) {
    fail(at, std::string(what) + ": unknown flag bits " + std::to_string(v & ~known));
    return 0;
  }
  return v;
}

uint32_t ByteReader::index(std::string_view what, size_t size) {
  size_t at = offset();
  uint64_t v = varint(what);
  if (ok() && v >= size) {
    fail(at, std::string(what) + " " + std::to_string(v) + " is out of range (" +
                 std::to_string(size) + " entries)");
    return 0;
  }
  return static_cast<uint32_t>(v);
}

uint32_t ByteReader::ref(std::string_view what, size_t size) {
  size_t at = offset();
  uint64_t v = varint(what);
  if (!ok() || v == 0) return UINT32_MAX;
  if (v - 1 >= size) {
    fail(at, std::string(what) + " " + std::to_string(v - 1) + " is out of range (" +
                 std::to_string(size) + " entries)");
    return UINT32_MAX;
  }
  return static_cast<uint32_t>(v - 1);
}

} // namespace asl::bc
