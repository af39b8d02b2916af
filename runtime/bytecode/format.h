// The .aslb file format's constants and primitive encodings, shared by the compiler's writer
// (compiler/bytecode/writer.cpp) and the runtime's loader (loader.cpp). docs/bytecode.md is the
// specification; a change here that changes bytes needs a version bump there.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace asl::bc::format {

constexpr char kMagic[4] = {'A', 'S', 'L', 'B'};
/// A loader reads every minor version of its own major (later minors only append data a reader
/// may ignore) and rejects any other major.
constexpr uint16_t kMajorVersion = 1;
constexpr uint16_t kMinorVersion = 0;
/// magic(4) major(u16) minor(u16) flags(u32) payload length(u32) CRC-32(u32), little-endian.
constexpr size_t kHeaderSize = 20;
/// No flag is defined in 1.0; a loader rejects bits it does not know.
constexpr uint32_t kKnownFlags = 0;
/// Deepest nesting of trees (values, templates, paths, filters, intrinsic calls, JSONata nodes,
/// choice rules) a loader accepts, so that neither the loader nor an evaluator walking a loaded
/// tree can exhaust the stack. Counted once per tree level.
constexpr uint32_t kMaxTreeDepth = 512;

/// Sections of the payload, each written once, in this order.
enum class SectionId : uint8_t {
  Module = 1,
  Expressions,
  Templates,
  Tasks,
  Choices,
  Waits,
  Fails,
  Parallels,
  Maps,
  Machines,
};
constexpr uint8_t kSectionCount = 10;
std::string_view sectionName(SectionId id);

/// The tag byte in front of every asl::Value constant.
enum class ValueTag : uint8_t {
  Null = 0,
  False = 1,
  True = 2,
  Integer = 3, ///< zig-zag varint
  Double = 4,  ///< 8 bytes, IEEE 754 binary64, little-endian
  String = 5,
  Array = 6,
  Object = 7,
};

/// CRC-32 (ISO-HDLC, as zlib, gzip and PNG compute it) of the payload.
uint32_t payloadChecksum(std::string_view payload);

// --- primitive encodings ---------------------------------------------------------------------

inline uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

/// Unsigned LEB128.
inline void appendVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

inline void appendLittleEndian(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i)
    out += static_cast<char>((v >> (8 * i)) & 0xff);
}

inline void appendDouble(std::string& out, double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  appendLittleEndian(out, bits, 8);
}

} // namespace asl::bc::format
