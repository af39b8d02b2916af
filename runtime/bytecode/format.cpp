#include "runtime/bytecode/format.h"

// zlib's crc32 rather than a table of our own: Debian ships zlib on every system the runtime
// runs on, its CRC-32 is the one gzip, PNG and Python's zlib.crc32 compute (so a reader in any
// language can check a module with its standard library), and it is fast.
#include <zlib.h>

#include <algorithm>

namespace asl::bc::format {

std::string_view sectionName(SectionId id) {
  switch (id) {
  case SectionId::Module:
    return "module";
  case SectionId::Expressions:
    return "expressions";
  case SectionId::Templates:
    return "templates";
  case SectionId::Tasks:
    return "tasks";
  case SectionId::Choices:
    return "choices";
  case SectionId::Waits:
    return "waits";
  case SectionId::Fails:
    return "fails";
  case SectionId::Parallels:
    return "parallels";
  case SectionId::Maps:
    return "maps";
  case SectionId::Machines:
    return "machines";
  }
  return "?";
}

uint32_t payloadChecksum(std::string_view payload) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // crc32 takes a uInt length; feed large payloads in pieces.
  while (!payload.empty()) {
    size_t chunk = std::min<size_t>(payload.size(), 1u << 30);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(payload.data()), static_cast<uInt>(chunk));
    payload.remove_prefix(chunk);
  }
  return static_cast<uint32_t>(crc);
}

} // namespace asl::bc::format
