// format-integer pictures: decimal digit patterns with grouping, letters, roman numerals and
// English words, as jsonata-js implements them.
#include "runtime/eval/jsonata/integer_format.h"

#include <cmath>
#include <map>
#include <numeric>

#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {
namespace {

// Zero code points of the Unicode decimal digit families.
constexpr char32_t kDecimalGroups[] = {
    0x30,   0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
    0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0,
    0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};

std::vector<char32_t> decodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0) {
      cp = c & 0x07;
      len = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      len = 2;
    }
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

void appendUtf8(std::string& out, char32_t cp) {
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

const char* const kFew[] = {"Zero",    "One",     "Two",       "Three",    "Four",
                            "Five",    "Six",     "Seven",     "Eight",    "Nine",
                            "Ten",     "Eleven",  "Twelve",    "Thirteen", "Fourteen",
                            "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"};
const char* const kOrdinals[] = {
    "Zeroth",     "First",     "Second",    "Third",       "Fourth",     "Fifth",     "Sixth",
    "Seventh",    "Eighth",    "Ninth",     "Tenth",       "Eleventh",   "Twelfth",   "Thirteenth",
    "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"};
const char* const kDecades[] = {"Twenty",  "Thirty", "Forty",  "Fifty",  "Sixty",
                                "Seventy", "Eighty", "Ninety", "Hundred"};
const char* const kMagnitudes[] = {"Thousand", "Million", "Billion", "Trillion"};

std::string wordsLookup(double num, bool prev, bool ord) {
  std::string words;
  if (num <= 19) {
    words = std::string(prev ? " and " : "") +
            (ord ? kOrdinals[static_cast<int>(num)] : kFew[static_cast<int>(num)]);
  } else if (num < 100) {
    int tens = static_cast<int>(num / 10);
    int remainder = static_cast<int>(std::fmod(num, 10));
    words = std::string(prev ? " and " : "") + kDecades[tens - 2];
    if (remainder > 0) {
      words += "-" + wordsLookup(remainder, false, ord);
    } else if (ord) {
      words = words.substr(0, words.size() - 1) + "ieth";
    }
  } else if (num < 1000) {
    int hundreds = static_cast<int>(num / 100);
    double remainder = std::fmod(num, 100);
    words = std::string(prev ? ", " : "") + kFew[hundreds] + " Hundred";
    if (remainder > 0) {
      words += wordsLookup(remainder, true, ord);
    } else if (ord) {
      words += "th";
    }
  } else {
    int mag = static_cast<int>(std::floor(std::log10(num) / 3));
    if (mag > 4) mag = 4;
    double factor = std::pow(10, mag * 3);
    double mant = std::floor(num / factor);
    double remainder = num - mant * factor;
    words = std::string(prev ? ", " : "") + wordsLookup(mant, false, false) + " " +
            kMagnitudes[mag - 1];
    if (remainder > 0) {
      words += wordsLookup(remainder, true, ord);
    } else if (ord) {
      words += "th";
    }
  }
  return words;
}

std::string toRoman(double value) {
  static const std::pair<int, const char*> numerals[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  long v = static_cast<long>(value);
  for (const auto& [n, s] : numerals) {
    while (v >= n) {
      out += s;
      v -= n;
    }
  }
  return out;
}

double fromRoman(std::string_view text) {
  static const std::map<char, int> values = {{'M', 1000}, {'D', 500}, {'C', 100}, {'L', 50},
                                             {'X', 10},   {'V', 5},   {'I', 1}};
  double decimal = 0;
  int max = 1;
  for (size_t i = text.size(); i-- > 0;) {
    auto it = values.find(static_cast<char>(std::toupper(static_cast<unsigned char>(text[i]))));
    int value = it == values.end() ? 0 : it->second;
    if (value < max) {
      decimal -= value;
    } else {
      max = value;
      decimal += value;
    }
  }
  return decimal;
}

std::string toLetters(double value, char a) {
  std::string letters;
  long v = static_cast<long>(value);
  while (v > 0) {
    letters.insert(letters.begin(), static_cast<char>((v - 1) % 26 + a));
    v = (v - 1) / 26;
  }
  return letters;
}

double fromLetters(std::string_view text, char a) {
  double decimal = 0;
  for (char c : text)
    decimal = decimal * 26 + (std::tolower(static_cast<unsigned char>(c)) - std::tolower(a) + 1);
  return decimal;
}

std::string upper(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const std::map<std::string, double>& wordValues() {
  static const std::map<std::string, double> values = [] {
    std::map<std::string, double> m;
    for (int i = 0; i < 20; ++i) {
      m[lower(kFew[i])] = i;
      m[lower(kOrdinals[i])] = i;
    }
    for (int i = 0; i < 8; ++i) {
      std::string d = lower(kDecades[i]);
      m[d] = (i + 2) * 10;
      m[d.substr(0, d.size() - 1) + "ieth"] = (i + 2) * 10;
    }
    m["hundred"] = 100;
    m["hundredth"] = 100;
    for (int i = 0; i < 4; ++i) {
      std::string w = lower(kMagnitudes[i]);
      m[w] = std::pow(10, (i + 1) * 3);
      m[w + "th"] = std::pow(10, (i + 1) * 3);
    }
    return m;
  }();
  return values;
}

double wordsToNumber(std::string text) {
  // Split on ", ", " and ", whitespace and hyphens.
  std::vector<std::string> parts;
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '-' || c == ',' || c == '\t') {
      if (!current.empty()) parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(current);
  std::vector<double> segs{0};
  for (const std::string& part : parts) {
    if (part == "and") continue;
    auto it = wordValues().find(part);
    double value = it == wordValues().end() ? 0 : it->second;
    if (value < 100) {
      double top = segs.back();
      segs.pop_back();
      if (top >= 1000) {
        segs.push_back(top);
        top = 0;
      }
      segs.push_back(top + value);
    } else {
      double top = segs.back();
      segs.pop_back();
      segs.push_back(top * value);
    }
  }
  return std::accumulate(segs.begin(), segs.end(), 0.0);
}

} // namespace

std::string numberToWords(double value, bool ordinal) {
  return wordsLookup(value, false, ordinal);
}

IntegerPicture analyseIntegerPicture(std::string_view picture) {
  IntegerPicture format;
  std::string_view primary = picture;
  size_t semicolon = picture.rfind(';');
  if (semicolon != std::string_view::npos) {
    primary = picture.substr(0, semicolon);
    std::string_view modifier = picture.substr(semicolon + 1);
    if (!modifier.empty() && modifier[0] == 'o') format.ordinal = true;
  }
  if (primary == "A" || primary == "a") {
    format.style = IntegerStyle::Letters;
    format.letterCase = primary == "A" ? LetterCase::Upper : LetterCase::Lower;
    return format;
  }
  if (primary == "I" || primary == "i") {
    format.style = IntegerStyle::Roman;
    format.letterCase = primary == "I" ? LetterCase::Upper : LetterCase::Lower;
    return format;
  }
  if (primary == "W" || primary == "w" || primary == "Ww") {
    format.style = IntegerStyle::Words;
    format.letterCase = primary == "W"   ? LetterCase::Upper
                        : primary == "w" ? LetterCase::Lower
                                         : LetterCase::Title;
    return format;
  }
  std::vector<char32_t> cps = decodeUtf8(primary);
  std::optional<char32_t> zero;
  int separatorPosition = 0;
  for (size_t i = cps.size(); i-- > 0;) {
    char32_t cp = cps[i];
    bool digit = false;
    for (char32_t group : kDecimalGroups) {
      if (cp >= group && cp <= group + 9) {
        digit = true;
        ++format.mandatoryDigits;
        ++separatorPosition;
        if (!zero) {
          zero = group;
        } else if (*zero != group) {
          throwError("D3131");
        }
        break;
      }
    }
    if (digit) continue;
    if (cp == U'#') {
      ++separatorPosition;
      ++format.optionalDigits;
    } else {
      GroupingSeparator sep;
      sep.position = separatorPosition;
      appendUtf8(sep.character, cp);
      format.separators.push_back(sep);
    }
  }
  if (format.mandatoryDigits == 0) {
    format.style = IntegerStyle::Sequence;
    format.token = std::string(primary);
    return format;
  }
  format.zeroCode = *zero;
  // Regular grouping: one character at multiples of the same interval.
  if (!format.separators.empty()) {
    bool same = true;
    for (const auto& s : format.separators)
      same = same && s.character == format.separators[0].character;
    if (same) {
      int factor = 0;
      for (const auto& s : format.separators)
        factor = std::gcd(factor, s.position);
      bool every = factor > 0;
      for (size_t k = 1; every && k <= format.separators.size(); ++k) {
        bool found = false;
        for (const auto& s : format.separators)
          found = found || s.position == static_cast<int>(k) * factor;
        every = found;
      }
      if (every) {
        format.regular = true;
        format.regularEvery = factor;
      }
    }
  }
  return format;
}

std::string formatInteger(double value, const IntegerPicture& format) {
  bool negative = value < 0;
  value = std::fabs(value);
  std::string out;
  switch (format.style) {
  case IntegerStyle::Letters:
    out = toLetters(value, format.letterCase == LetterCase::Upper ? 'A' : 'a');
    break;
  case IntegerStyle::Roman:
    out = toRoman(value);
    if (format.letterCase == LetterCase::Upper) out = upper(out);
    break;
  case IntegerStyle::Words:
    out = numberToWords(value, format.ordinal);
    if (format.letterCase == LetterCase::Upper) out = upper(out);
    if (format.letterCase == LetterCase::Lower) out = lower(out);
    break;
  case IntegerStyle::Decimal: {
    out = formatJsNumber(value);
    if (static_cast<int>(out.size()) < format.mandatoryDigits)
      out.insert(0, static_cast<size_t>(format.mandatoryDigits) - out.size(), '0');
    if (format.zeroCode != U'0') {
      std::string mapped;
      for (char c : out)
        appendUtf8(mapped, static_cast<char32_t>(c - '0') + format.zeroCode);
      out = mapped;
    }
    std::vector<char32_t> digits = decodeUtf8(out);
    if (format.regular) {
      const std::string& sep = format.separators[0].character;
      std::string grouped;
      size_t n = digits.size();
      for (size_t i = 0; i < n; ++i) {
        appendUtf8(grouped, digits[i]);
        size_t right = n - 1 - i;
        if (right > 0 && right % static_cast<size_t>(format.regularEvery) == 0) grouped += sep;
      }
      out = grouped;
    } else if (!format.separators.empty()) {
      std::string grouped;
      size_t n = digits.size();
      for (size_t i = 0; i < n; ++i) {
        appendUtf8(grouped, digits[i]);
        size_t right = n - 1 - i;
        for (const auto& s : format.separators)
          if (right > 0 && static_cast<size_t>(s.position) == right) grouped += s.character;
      }
      out = grouped;
    }
    if (format.ordinal) {
      char last = out.empty() ? '0' : out.back();
      const char* suffix = last == '1' ? "st" : last == '2' ? "nd" : last == '3' ? "rd" : "th";
      if (out.size() > 1 && out[out.size() - 2] == '1') suffix = "th";
      out += suffix;
    }
    break;
  }
  case IntegerStyle::Sequence: {
    JsonataError e = makeError("D3130");
    e.value = format.token;
    throwError(std::move(e));
  }
  }
  return negative ? "-" + out : out;
}

std::string integerRegex(const IntegerPicture& format) {
  switch (format.style) {
  case IntegerStyle::Letters:
    return format.letterCase == LetterCase::Upper ? "[A-Z]+" : "[a-z]+";
  case IntegerStyle::Roman:
    return format.letterCase == LetterCase::Upper ? "[MDCLXVI]+" : "[mdclxvi]+";
  case IntegerStyle::Words:
    return "(?:[a-zA-Z]+|[ ,-])+?";
  case IntegerStyle::Decimal: {
    std::string occurrences = "+";
    if (format.width > 0) {
      occurrences = format.optionalDigits == 0
                        ? "{" + std::to_string(format.width) + "}"
                        : "{" + std::to_string(format.width - format.optionalDigits) + "," +
                              std::to_string(format.width) + "}";
    }
    std::string re = "[0-9]" + occurrences;
    if (format.ordinal) re += "(?:th|st|nd|rd)";
    return re;
  }
  case IntegerStyle::Sequence: {
    JsonataError e = makeError("D3130");
    e.value = format.token;
    throwError(std::move(e));
  }
  }
  return "";
}

double parseIntegerText(std::string_view text, const IntegerPicture& format) {
  switch (format.style) {
  case IntegerStyle::Letters:
    return fromLetters(text, format.letterCase == LetterCase::Upper ? 'A' : 'a');
  case IntegerStyle::Roman:
    return fromRoman(text);
  case IntegerStyle::Words:
    return wordsToNumber(lower(std::string(text)));
  case IntegerStyle::Decimal: {
    std::string digits(text);
    if (format.ordinal && digits.size() >= 2) digits.resize(digits.size() - 2);
    std::string clean;
    for (char c : digits)
      if (c >= '0' && c <= '9') clean += c;
    return clean.empty() ? std::nan("") : std::strtod(clean.c_str(), nullptr);
  }
  case IntegerStyle::Sequence:
    break;
  }
  return std::nan("");
}

} // namespace asl::eval::jsonata
