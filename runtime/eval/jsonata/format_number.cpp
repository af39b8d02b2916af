// Number formatting with pictures: $formatNumber (XPath F&O 3.1 format-number, §4.7),
// $formatInteger and $parseInteger (format-integer pictures, integer_format.cpp).
// Pictures are handled as code points, as jsonata-js handles them as UTF-16 characters.
#include <cmath>
#include <cstdio>
#include <numeric>

#include "runtime/eval/jsonata/datetime_format.h"
#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {
namespace {

std::u32string toU32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len > 1) cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

std::string toUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

struct NumberSymbols {
  char32_t decimal = U'.', grouping = U',', exponent = U'e', minus = U'-', percent = U'%',
           perMille = 0x2030, zero = U'0', digit = U'#', patternSeparator = U';';
  std::u32string minusText = U"-";

  bool isDigitFamily(char32_t c) const { return c >= zero && c < zero + 10; }
  bool isActive(char32_t c) const {
    return isDigitFamily(c) || c == decimal || c == exponent || c == grouping || c == digit ||
           c == patternSeparator;
  }
};

struct SubPicture {
  std::u32string prefix, suffix, active, mantissa, integer, fractional, whole;
  std::optional<std::u32string> exponent;
};

struct PictureVars {
  std::vector<int> integerGrouping;
  int regularGrouping = 0;
  int minInteger = 0;
  int scalingFactor = 0;
  std::u32string prefix, suffix, picture;
  std::vector<int> fractionalGrouping;
  int minFraction = 0, maxFraction = 0, minExponent = 0;
};

SubPicture splitParts(const std::u32string& sub, const NumberSymbols& s) {
  SubPicture p;
  p.whole = sub;
  size_t first = sub.size();
  for (size_t i = 0; i < sub.size(); ++i)
    if (s.isActive(sub[i]) && sub[i] != s.exponent) {
      first = i;
      break;
    }
  p.prefix = sub.substr(0, first);
  size_t lastActive = std::u32string::npos;
  for (size_t i = sub.size(); i-- > 0;)
    if (s.isActive(sub[i]) && sub[i] != s.exponent) {
      lastActive = i;
      break;
    }
  p.suffix = lastActive == std::u32string::npos ? U"" : sub.substr(lastActive + 1);
  size_t activeLen = sub.size() >= p.prefix.size() + p.suffix.size()
                         ? sub.size() - p.prefix.size() - p.suffix.size()
                         : 0;
  p.active = sub.substr(p.prefix.size(), activeLen);
  size_t expPos = sub.find(s.exponent, p.prefix.size());
  if (expPos == std::u32string::npos || expPos > sub.size() - p.suffix.size()) {
    p.mantissa = p.active;
  } else {
    p.mantissa = p.active.substr(0, expPos);
    p.exponent = expPos + 1 <= p.active.size() ? p.active.substr(expPos + 1) : U"";
  }
  size_t dp = p.mantissa.find(s.decimal);
  if (dp == std::u32string::npos) {
    p.integer = p.mantissa;
    p.fractional = p.suffix;
  } else {
    p.integer = p.mantissa.substr(0, dp);
    p.fractional = p.mantissa.substr(dp + 1);
  }
  return p;
}

void validate(const SubPicture& p, const NumberSymbols& s) {
  const char* error = nullptr;
  const std::u32string& sub = p.whole;
  size_t dp = sub.find(s.decimal);
  if (dp != sub.rfind(s.decimal)) error = "D3081";
  if (sub.find(s.percent) != sub.rfind(s.percent)) error = "D3082";
  if (sub.find(s.perMille) != sub.rfind(s.perMille)) error = "D3083";
  if (sub.find(s.percent) != std::u32string::npos && sub.find(s.perMille) != std::u32string::npos)
    error = "D3084";
  bool valid = false;
  for (char32_t c : p.mantissa)
    valid = valid || s.isDigitFamily(c) || c == s.digit;
  if (!valid) error = "D3085";
  for (char32_t c : p.active)
    if (!s.isActive(c)) error = "D3086";
  if (dp != std::u32string::npos) {
    if ((dp > 0 && sub[dp - 1] == s.grouping) || (dp + 1 < sub.size() && sub[dp + 1] == s.grouping))
      error = "D3087";
  } else if (!p.integer.empty() && p.integer.back() == s.grouping) {
    error = "D3088";
  }
  if (sub.find(std::u32string(2, s.grouping)) != std::u32string::npos) error = "D3089";
  size_t optional = p.integer.find(s.digit);
  if (optional != std::u32string::npos)
    for (size_t i = 0; i < optional; ++i)
      if (s.isDigitFamily(p.integer[i])) error = "D3090";
  optional = p.fractional.rfind(s.digit);
  if (optional != std::u32string::npos)
    for (size_t i = optional; i < p.fractional.size(); ++i)
      if (s.isDigitFamily(p.fractional[i])) error = "D3091";
  if (p.exponent && !p.exponent->empty() &&
      (sub.find(s.percent) != std::u32string::npos || sub.find(s.perMille) != std::u32string::npos))
    error = "D3092";
  if (p.exponent) {
    bool bad = p.exponent->empty();
    for (char32_t c : *p.exponent)
      bad = bad || !s.isDigitFamily(c);
    if (bad) error = "D3093";
  }
  if (error) throwError(error);
}

PictureVars analyse(const SubPicture& p, const NumberSymbols& s) {
  PictureVars v;
  auto groupingPositions = [&](const std::u32string& part, bool toLeft) {
    std::vector<int> positions;
    size_t pos = part.find(s.grouping);
    while (pos != std::u32string::npos) {
      std::u32string side = toLeft ? part.substr(0, pos) : part.substr(pos);
      int n = 0;
      for (char32_t c : side)
        n += s.isDigitFamily(c) || c == s.digit ? 1 : 0;
      positions.push_back(n);
      pos = part.find(s.grouping, pos + 1);
    }
    return positions;
  };
  v.integerGrouping = groupingPositions(p.integer, false);
  if (!v.integerGrouping.empty()) {
    int factor = std::accumulate(v.integerGrouping.begin(), v.integerGrouping.end(), 0,
                                 [](int a, int b) { return std::gcd(a, b); });
    bool regular = factor > 0;
    for (size_t k = 1; regular && k <= v.integerGrouping.size(); ++k)
      regular = std::find(v.integerGrouping.begin(), v.integerGrouping.end(),
                          static_cast<int>(k) * factor) != v.integerGrouping.end();
    v.regularGrouping = regular ? factor : 0;
  }
  v.fractionalGrouping = groupingPositions(p.fractional, true);
  for (char32_t c : p.integer)
    v.minInteger += s.isDigitFamily(c) ? 1 : 0;
  v.scalingFactor = v.minInteger;
  for (char32_t c : p.fractional) {
    v.minFraction += s.isDigitFamily(c) ? 1 : 0;
    v.maxFraction += s.isDigitFamily(c) || c == s.digit ? 1 : 0;
  }
  bool exponentPresent = p.exponent.has_value();
  if (v.minInteger == 0 && v.maxFraction == 0) {
    if (exponentPresent) {
      v.minFraction = 1;
      v.maxFraction = 1;
    } else {
      v.minInteger = 1;
    }
  }
  if (exponentPresent && v.minInteger == 0 && p.integer.find(s.digit) != std::u32string::npos)
    v.minInteger = 1;
  if (v.minInteger == 0 && v.minFraction == 0) v.minFraction = 1;
  if (exponentPresent)
    for (char32_t c : *p.exponent)
      v.minExponent += s.isDigitFamily(c) ? 1 : 0;
  v.prefix = p.prefix;
  v.suffix = p.suffix;
  v.picture = p.whole;
  return v;
}

double bankersRound(double value, int precision) {
  // $round with a precision (see functions_numeric.cpp): shift through the decimal text.
  auto shift = [](double x, int places) {
    std::string text = formatJsNumber(x);
    size_t e = text.find('e');
    double exponent = places;
    std::string mantissa = text;
    if (e != std::string::npos) {
      mantissa = text.substr(0, e);
      exponent += std::strtod(text.c_str() + e + 1, nullptr);
    }
    return std::strtod((mantissa + "e" + formatJsNumber(exponent)).c_str(), nullptr);
  };
  double arg = precision ? shift(value, precision) : value;
  double result = std::floor(arg + 0.5);
  if (std::fabs(result - arg) == 0.5 && std::fabs(std::fmod(result, 2)) == 1) result -= 1;
  if (precision) result = shift(result, -precision);
  return result == 0 ? 0 : result;
}

std::u32string makeString(double value, int dp, const NumberSymbols& s) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", dp, std::fabs(value));
  std::u32string out = toU32(buf);
  for (char32_t& c : out)
    if (c >= U'0' && c <= U'9') c = s.zero + (c - U'0');
  return out;
}

char32_t firstCodePoint(const JValue& v, char32_t fallback) {
  if (!v.isString() || v.asString().empty()) return fallback;
  return toU32(v.asString())[0];
}

JValue fnFormatNumber(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  NumberSymbols s;
  if (c[2].isObject()) {
    const JValue& o = c[2];
    s.decimal = firstCodePoint(o.get("decimal-separator"), s.decimal);
    s.grouping = firstCodePoint(o.get("grouping-separator"), s.grouping);
    s.exponent = firstCodePoint(o.get("exponent-separator"), s.exponent);
    s.percent = firstCodePoint(o.get("percent"), s.percent);
    s.perMille = firstCodePoint(o.get("per-mille"), s.perMille);
    s.zero = firstCodePoint(o.get("zero-digit"), s.zero);
    s.digit = firstCodePoint(o.get("digit"), s.digit);
    s.patternSeparator = firstCodePoint(o.get("pattern-separator"), s.patternSeparator);
    if (o.get("minus-sign").isString()) s.minusText = toU32(o.get("minus-sign").asString());
  }
  std::u32string picture = toU32(c[1].asString());
  std::vector<std::u32string> subs;
  size_t start = 0;
  for (size_t i = 0; i <= picture.size(); ++i) {
    if (i == picture.size() || picture[i] == s.patternSeparator) {
      subs.push_back(picture.substr(start, i - start));
      start = i + 1;
    }
  }
  if (subs.size() > 2) throwError("D3080");
  std::vector<SubPicture> parts;
  for (const auto& sub : subs)
    parts.push_back(splitParts(sub, s));
  for (const auto& p : parts)
    validate(p, s);
  std::vector<PictureVars> vars;
  for (const auto& p : parts)
    vars.push_back(analyse(p, s));
  if (vars.size() == 1) {
    vars.push_back(vars[0]);
    vars[1].prefix = s.minusText + vars[1].prefix;
  }
  double value = c[0].asNumber();
  const PictureVars& pic = value >= 0 ? vars[0] : vars[1];
  double adjusted = value;
  if (pic.picture.find(s.percent) != std::u32string::npos)
    adjusted = value * 100;
  else if (pic.picture.find(s.perMille) != std::u32string::npos)
    adjusted = value * 1000;
  double mantissa = adjusted;
  std::optional<int> exponent;
  if (pic.minExponent != 0) {
    double maxMantissa = std::pow(10, pic.scalingFactor);
    double minMantissa = std::pow(10, pic.scalingFactor - 1);
    int e = 0;
    while (mantissa < minMantissa && mantissa != 0) {
      mantissa *= 10;
      e -= 1;
    }
    while (mantissa > maxMantissa) {
      mantissa /= 10;
      e += 1;
    }
    exponent = e;
  }
  double rounded = bankersRound(mantissa, pic.maxFraction);
  std::u32string str = makeString(rounded, pic.maxFraction, s);
  size_t dot = str.find(s.zero == U'0' ? U'.' : U'.');
  if (dot == std::u32string::npos) {
    str += s.decimal;
  } else {
    str[dot] = s.decimal;
  }
  while (!str.empty() && str.front() == s.zero)
    str.erase(0, 1);
  while (!str.empty() && str.back() == s.zero)
    str.pop_back();
  long decimalPos = static_cast<long>(str.find(s.decimal));
  long padLeft = pic.minInteger - decimalPos;
  long padRight = pic.minFraction - (static_cast<long>(str.size()) - decimalPos - 1);
  if (padLeft > 0) str.insert(0, static_cast<size_t>(padLeft), s.zero);
  if (padRight > 0) str.append(static_cast<size_t>(padRight), s.zero);
  decimalPos = static_cast<long>(str.find(s.decimal));
  if (pic.regularGrouping > 0) {
    long groups = (decimalPos - 1) / pic.regularGrouping;
    for (long g = 1; g <= groups; ++g)
      str.insert(static_cast<size_t>(decimalPos - g * pic.regularGrouping), 1, s.grouping);
  } else {
    for (int pos : pic.integerGrouping) {
      if (decimalPos - pos >= 0) str.insert(static_cast<size_t>(decimalPos - pos), 1, s.grouping);
      ++decimalPos;
    }
  }
  decimalPos = static_cast<long>(str.find(s.decimal));
  for (int pos : pic.fractionalGrouping) {
    size_t at = static_cast<size_t>(pos + decimalPos + 1);
    if (at <= str.size()) str.insert(at, 1, s.grouping);
  }
  decimalPos = static_cast<long>(str.find(s.decimal));
  if (pic.maxFraction == 0 || decimalPos == static_cast<long>(str.size()) - 1) str.pop_back();
  if (exponent) {
    std::u32string e = makeString(*exponent, 0, s);
    if (static_cast<int>(e.size()) < pic.minExponent)
      e.insert(0, static_cast<size_t>(pic.minExponent) - e.size(), s.zero);
    str += s.exponent;
    if (*exponent < 0) str += s.minusText;
    str += e;
  }
  return JValue::string(toUtf8(pic.prefix + str + pic.suffix));
}

JValue fnFormatInteger(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  return JValue::string(formatIntegerPicture(std::floor(c[0].asNumber()), c[1].asString()));
}

JValue fnParseInteger(Evaluator&, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  std::optional<double> v = parseIntegerPicture(c[0].asString(), c[1].asString());
  return v ? JValue::number(*v) : JValue();
}

} // namespace

void registerNumberFormatFunctions(FunctionRegistry& r) {
  r.addBuiltin("formatNumber", "<n-so?:s>", fnFormatNumber);
  r.addBuiltin("formatInteger", "<n-s:s>", fnFormatInteger);
  r.addBuiltin("parseInteger", "<s-s:n>", fnParseInteger);
}

} // namespace asl::eval::jsonata
