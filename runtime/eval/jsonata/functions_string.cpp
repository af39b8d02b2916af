// String functions: $string, $substring*, $uppercase, $lowercase, $trim, $pad, $length,
// $join, $base64*, $encodeUrl*, $decodeUrl*, $formatBase. Strings are UTF-8 and indexed by
// code point (jsonata-js counts code points too, through Array.from).
#include <cmath>
#include <string>

#include "runtime/eval/jsonata/evaluator_core.h"
#include "runtime/eval/jsonata/regex.h"

namespace asl::eval::jsonata {
namespace {

std::vector<std::string_view> codePoints(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80)
      ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// JavaScript's ToIntegerOrInfinity, clamped into [0, length] as Array.prototype.slice does.
size_t sliceIndex(double index, size_t length) {
  if (std::isnan(index)) return 0;
  double t = std::trunc(index);
  double len = static_cast<double>(length);
  if (t < 0) t = std::max(0.0, len + t);
  return static_cast<size_t>(std::min(t, len));
}

JValue fnString(Evaluator&, CallArgs& c) {
  const JValue& arg = c[0];
  if (arg.isUndefined()) return JValue();
  if (arg.isString()) return arg;
  if (arg.isFunction()) return JValue::string("");
  if (arg.isNumber() && !std::isfinite(arg.asNumber())) throwValueError("D3001", arg);
  bool pretty = isTruthy(c[1]);
  JValue subject = arg.isOuterWrapper() && arg.length() > 0 ? arg.at(0) : arg;
  return JValue::string(stringify(subject, pretty));
}

JValue fnSubstring(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  auto cps = codePoints(c[0].asString());
  double length = static_cast<double>(cps.size());
  double start = c[1].asNumber();
  if (length + start < 0) start = 0;
  size_t from = sliceIndex(start, cps.size());
  size_t to = cps.size();
  if (c[2].isDefined()) {
    double len = c[2].asNumber();
    if (len <= 0) return JValue::string("");
    double end = start >= 0 ? start + len : length + start + len;
    to = sliceIndex(end, cps.size());
  }
  std::string out;
  for (size_t i = from; i < to; ++i)
    out += cps[i];
  return JValue::string(out);
}

JValue fnSubstringBefore(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string_view s = c[0].asString();
  size_t pos = s.find(c[1].asString());
  return pos == std::string_view::npos ? c[0] : JValue::string(s.substr(0, pos));
}

JValue fnSubstringAfter(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string_view s = c[0].asString();
  size_t pos = s.find(c[1].asString());
  return pos == std::string_view::npos ? c[0]
                                       : JValue::string(s.substr(pos + c[1].asString().size()));
}

// Case mapping for ASCII and the Latin-1 Supplement / Latin Extended-A letters, which covers
// the text JSON documents usually hold; other scripts pass through unchanged.
std::string mapCase(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(upper ? std::toupper(c) : std::tolower(c));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      // U+00C0-U+00DE (except U+00D7) <-> U+00E0-U+00FE (except U+00F7)
      if (upper && d >= 0xA0 && d <= 0xBE && d != 0xB7)
        d = static_cast<unsigned char>(d - 0x20);
      else if (!upper && d >= 0x80 && d <= 0x9E && d != 0x97)
        d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

JValue fnUppercase(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  return JValue::string(mapCase(c[0].asString(), true));
}

JValue fnLowercase(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  return JValue::string(mapCase(c[0].asString(), false));
}

JValue fnTrim(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string out;
  bool inSpace = false;
  for (char ch : c[0].asString()) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      if (!inSpace) out += ' ';
      inSpace = true;
    } else {
      out += ch;
      inSpace = false;
    }
  }
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return JValue::string(out);
}

JValue fnPad(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string_view str = c[0].asString();
  double width = c[1].asNumber();
  std::string padChar =
      c[2].isString() && !c[2].asString().empty() ? std::string(c[2].asString()) : " ";
  double missing = std::fabs(std::trunc(width)) - static_cast<double>(codePointLength(str));
  if (missing <= 0) return c[0];
  size_t count = static_cast<size_t>(missing);
  // The padding repeats padChar's code points and is cut after `count` of them.
  auto cps = codePoints(padChar);
  std::string cut;
  cut.reserve(count * padChar.size() / cps.size() + 4);
  for (size_t i = 0; i < count; ++i)
    cut += cps[i % cps.size()];
  return JValue::string(width < 0 ? cut + std::string(str) : std::string(str) + cut);
}

JValue fnLength(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  return JValue::number(static_cast<double>(codePointLength(c[0].asString())));
}

JValue fnJoin(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string_view sep = c[1].isString() ? c[1].asString() : std::string_view();
  std::string out;
  for (size_t i = 0; i < c[0].length(); ++i) {
    if (i > 0) out += sep;
    out += c[0].at(i).asString();
  }
  return JValue::string(out);
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

JValue fnBase64Encode(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string_view s = c[0].asString();
  std::string out;
  size_t i = 0;
  for (; i + 2 < s.size(); i += 3) {
    uint32_t n = (static_cast<unsigned char>(s[i]) << 16) |
                 (static_cast<unsigned char>(s[i + 1]) << 8) | static_cast<unsigned char>(s[i + 2]);
    for (int k = 18; k >= 0; k -= 6)
      out += kBase64[(n >> k) & 63];
  }
  if (i + 1 == s.size()) {
    uint32_t n = static_cast<unsigned char>(s[i]) << 16;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == s.size()) {
    uint32_t n =
        (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += '=';
  }
  return JValue::string(out);
}

JValue fnBase64Decode(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char ch : c[0].asString()) {
    const char* p = std::char_traits<char>::find(kBase64, 64, ch);
    if (!p) continue; // padding and whitespace, ignored as Buffer.from does
    acc = (acc << 6) | static_cast<uint32_t>(p - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return JValue::string(out);
}

bool isUnreserved(unsigned char c, bool component) {
  if (std::isalnum(c)) return true;
  if (std::string_view("-_.!~*'()").find(static_cast<char>(c)) != std::string_view::npos)
    return true;
  return !component &&
         std::string_view(";,/?:@&=+$#").find(static_cast<char>(c)) != std::string_view::npos;
}

JValue encodeUri(CallArgs& c, bool component) {
  if (c[0].isUndefined()) return JValue();
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : c[0].asString()) {
    if (isUnreserved(ch, component)) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return JValue::string(out);
}

JValue decodeUri(CallArgs& c, bool component) {
  if (c[0].isUndefined()) return JValue();
  std::string_view s = c[0].asString();
  std::string out;
  auto hexValue = [](char h) -> int {
    if (h >= '0' && h <= '9') return h - '0';
    if (h >= 'a' && h <= 'f') return h - 'a' + 10;
    if (h >= 'A' && h <= 'F') return h - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '%') {
      out += s[i++];
      continue;
    }
    if (i + 2 >= s.size()) throwError("D3140");
    int hi = hexValue(s[i + 1]);
    int lo = hexValue(s[i + 2]);
    if (hi < 0 || lo < 0) throwError("D3140");
    unsigned char byte = static_cast<unsigned char>(hi * 16 + lo);
    if (!component && byte < 0x80 &&
        std::string_view(";/?:@&=+$,#").find(static_cast<char>(byte)) != std::string_view::npos) {
      out.append(s.substr(i, 3));
    } else {
      out += static_cast<char>(byte);
    }
    i += 3;
  }
  // The decoded bytes must be UTF-8, as decodeURIComponent requires.
  for (size_t i = 0; i < out.size();) {
    unsigned char ch = static_cast<unsigned char>(out[i]);
    size_t len = ch < 0x80 ? 1 : (ch >> 5) == 6 ? 2 : (ch >> 4) == 14 ? 3 : (ch >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > out.size()) throwError("D3140");
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(out[i + k]) & 0xC0) != 0x80) throwError("D3140");
    i += len;
  }
  return JValue::string(out);
}

JValue fnEncodeUrlComponent(Evaluator&, CallArgs& c) {
  return encodeUri(c, true);
}
JValue fnEncodeUrl(Evaluator&, CallArgs& c) {
  return encodeUri(c, false);
}
JValue fnDecodeUrlComponent(Evaluator&, CallArgs& c) {
  return decodeUri(c, true);
}
JValue fnDecodeUrl(Evaluator&, CallArgs& c) {
  return decodeUri(c, false);
}

double jsRound(double d) {
  return std::floor(d + 0.5);
}

JValue fnFormatBase(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  double value = c[0].asNumber();
  // $round's banker's rounding, as jsonata-js applies it.
  double r = jsRound(value);
  if (std::fabs(r - value) == 0.5 && std::fmod(std::fabs(r), 2) == 1) r -= 1;
  double radix = 10;
  if (c[1].isDefined()) {
    radix = jsRound(c[1].asNumber());
    if (std::fabs(radix - c[1].asNumber()) == 0.5 && std::fmod(std::fabs(radix), 2) == 1)
      radix -= 1;
  }
  if (radix < 2 || radix > 36) throwValueError("D3100", JValue::number(radix));
  bool negative = r < 0;
  double n = std::fabs(r);
  std::string digits;
  int base = static_cast<int>(radix);
  do {
    int d = static_cast<int>(std::fmod(n, base));
    digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[d]);
    n = std::floor(n / base);
  } while (n > 0);
  return JValue::string(negative && digits != "0" ? "-" + digits : digits);
}

} // namespace

void registerStringFunctions(FunctionRegistry& r) {
  // JavaScript reports length 1 for string(arg, prettify = false): $map passes one argument.
  r.addBuiltin("string", "<x-b?:s>", fnString, 1);
  r.addBuiltin("substring", "<s-nn?:s>", fnSubstring);
  r.addBuiltin("substringBefore", "<s-s:s>", fnSubstringBefore);
  r.addBuiltin("substringAfter", "<s-s:s>", fnSubstringAfter);
  r.addBuiltin("lowercase", "<s-:s>", fnLowercase);
  r.addBuiltin("uppercase", "<s-:s>", fnUppercase);
  r.addBuiltin("length", "<s-:n>", fnLength);
  r.addBuiltin("trim", "<s-:s>", fnTrim);
  r.addBuiltin("pad", "<s-ns?:s>", fnPad);
  r.addBuiltin("join", "<a<s>s?:s>", fnJoin);
  r.addBuiltin("base64encode", "<s-:s>", fnBase64Encode);
  r.addBuiltin("base64decode", "<s-:s>", fnBase64Decode);
  r.addBuiltin("encodeUrlComponent", "<s-:s>", fnEncodeUrlComponent);
  r.addBuiltin("encodeUrl", "<s-:s>", fnEncodeUrl);
  r.addBuiltin("decodeUrlComponent", "<s-:s>", fnDecodeUrlComponent);
  r.addBuiltin("decodeUrl", "<s-:s>", fnDecodeUrl);
  r.addBuiltin("formatBase", "<n-n?:s>", fnFormatBase);
}

} // namespace asl::eval::jsonata
