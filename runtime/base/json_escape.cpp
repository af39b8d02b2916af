// JSON string escaping with UTF-8 validation.
#include "runtime/base/json_escape.h"

namespace asl {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0.
size_t utf8Length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Printable ASCII other than '"' and '\\' is copied as is; runs of it are copied in one append.
bool isPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

} // namespace

void appendJsonString(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out.push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    size_t run = i;
    while (run < s.size() && isPlain(static_cast<unsigned char>(s[run]))) ++run;
    if (run != i) {
      out.append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
    case '"': out += "\\\""; continue;
    case '\\': out += "\\\\"; continue;
    case '\n': out += "\\n"; continue;
    case '\r': out += "\\r"; continue;
    case '\t': out += "\\t"; continue;
    case '\b': out += "\\b"; continue;
    case '\f': out += "\\f"; continue;
    default: break;
    }
    if (c < 0x20) {
      out += "\\u00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (size_t n = utf8Length(s, i)) {
      out.append(s.substr(i, n));
      i += n - 1;
    } else {
      out += "\xEF\xBF\xBD";
    }
  }
  out.push_back('"');
}

size_t jsonStringSize(std::string_view s) {
  size_t size = 2;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (isPlain(c)) {
      ++size;
    } else if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
      size += 2;
    } else if (c < 0x20) {
      size += 6;
    } else if (size_t n = utf8Length(s, i)) {
      size += n;
      i += n - 1;
    } else {
      size += 3; // U+FFFD
    }
  }
  return size;
}

} // namespace asl
