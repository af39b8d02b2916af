// Java's UTF-16 string order over UTF-8 text: only the first differing character decides, so
// only that one is decoded.
#include "runtime/eval/utf16_order.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace asl::eval {
namespace {

bool isContinuationByte(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// The code point whose encoding starts at `text[at]`; an ill-formed sequence reads as its
// first byte, which keeps the order total for any bytes.
uint32_t codePointAt(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(at);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length <= 1 || at + length > text.size()) return lead;
  uint32_t cp = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if (!isContinuationByte(byte(at + i))) return lead;
    cp = (cp << 6) | (byte(at + i) & 0x3F);
  }
  return cp;
}

// The first UTF-16 code unit of a code point: itself, or the high surrogate of its pair.
uint32_t firstCodeUnit(uint32_t cp) {
  return cp < 0x10000 ? cp : 0xD800 + ((cp - 0x10000) >> 10);
}

} // namespace

std::strong_ordering compareUtf16(std::string_view a, std::string_view b) {
  auto [ita, itb] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (ita == a.end() || itb == b.end()) return a.size() <=> b.size();
  // The bytes before the mismatch are equal, so the differing characters start at the same
  // place in both: back up to it.
  size_t at = static_cast<size_t>(ita - a.begin());
  while (at > 0 && isContinuationByte(static_cast<unsigned char>(a[at])))
    --at;
  uint32_t ca = codePointAt(a, at);
  uint32_t cb = codePointAt(b, at);
  uint32_t ua = firstCodeUnit(ca);
  uint32_t ub = firstCodeUnit(cb);
  if (ua != ub) return ua <=> ub;
  // Equal first units mean two characters of one surrogate block, whose low surrogates follow
  // code point order; equal code points, that ill-formed bytes read alike.
  if (ca != cb) return ca <=> cb;
  return static_cast<unsigned char>(*ita) <=> static_cast<unsigned char>(*itb);
}

} // namespace asl::eval
