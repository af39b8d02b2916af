#include "runtime/exec/uuid.h"

#include <cstdint>

namespace asl::exec {

std::string randomUuid(std::mt19937_64& random) {
  uint64_t high = random(), low = random();
  high = (high & ~uint64_t(0xF000)) | 0x4000;                   // version 4
  low = (low & ~(uint64_t(0xC) << 60)) | (uint64_t(0x8) << 60); // RFC 4122 variant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  auto put = [&](uint64_t bits, int nibbles) {
    for (int i = nibbles - 1; i >= 0; --i)
      out.push_back(kHex[(bits >> (4 * i)) & 0xF]);
  };
  put(high >> 32, 8);
  out.push_back('-');
  put(high >> 16, 4);
  out.push_back('-');
  put(high, 4);
  out.push_back('-');
  put(low >> 48, 4);
  out.push_back('-');
  put(low, 12);
  return out;
}

} // namespace asl::exec
