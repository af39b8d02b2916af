// Date/time pictures (XPath F&O 3.1 §9.8) as jsonata-js reads them: analysing a picture into
// literals and markers, formatting a UTC instant with a timezone offset, and parsing a
// timestamp back through a regex built from the picture.
#include "runtime/eval/jsonata/datetime_format.h"

#include <cmath>
#include <cstdlib>
#include <map>

#include "runtime/eval/jsonata/evaluator_core.h"
#include "runtime/eval/jsonata/integer_format.h"
#include "runtime/eval/jsonata/regex.h"

namespace asl::eval::jsonata {
namespace {

const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};
const char* const kDays[] = {"",         "Monday", "Tuesday",  "Wednesday",
                             "Thursday", "Friday", "Saturday", "Sunday"};
constexpr double kDayMillis = 86400000.0;

struct Marker {
  bool literal = false;
  std::string text; // literal text
  char component = 0;
  std::string presentation1;
  char presentation2 = 0;
  std::optional<int> widthMin, widthMax;
  LetterCase names = LetterCase::Lower;
  bool hasNames = false;
  bool hasInteger = false;
  IntegerPicture integer;
  int n = -1;
};

std::string defaultPresentation(char component) {
  switch (component) {
  case 'Y':
  case 'M':
  case 'D':
  case 'd':
  case 'W':
  case 'X':
  case 'w':
  case 'x':
  case 'H':
  case 'h':
  case 'f':
    return "1";
  case 'F':
  case 'P':
  case 'C':
  case 'E':
    return "n";
  case 'm':
  case 's':
    return "01";
  case 'Z':
  case 'z':
    return "01:01";
  default:
    return "";
  }
}

std::vector<Marker> analysePicture(std::string_view picture) {
  std::vector<Marker> spec;
  auto addLiteral = [&](size_t start, size_t end) {
    if (end <= start) return;
    std::string literal(picture.substr(start, end - start));
    for (size_t p = literal.find("]]"); p != std::string::npos; p = literal.find("]]", p + 1))
      literal.erase(p, 1);
    Marker m;
    m.literal = true;
    m.text = literal;
    spec.push_back(m);
  };
  size_t start = 0, pos = 0;
  while (pos < picture.size()) {
    if (picture[pos] == '[') {
      if (pos + 1 < picture.size() && picture[pos + 1] == '[') {
        addLiteral(start, pos);
        Marker m;
        m.literal = true;
        m.text = "[";
        spec.push_back(m);
        pos += 2;
        start = pos;
        continue;
      }
      addLiteral(start, pos);
      start = pos;
      pos = picture.find(']', start);
      if (pos == std::string_view::npos) throwError("D3135");
      std::string marker;
      for (char c : picture.substr(start + 1, pos - start - 1))
        if (!std::isspace(static_cast<unsigned char>(c))) marker += c;
      Marker def;
      def.component = marker.empty() ? 0 : marker[0];
      size_t comma = marker.rfind(',');
      std::string presMod;
      if (comma != std::string::npos) {
        std::string widthMod = marker.substr(comma + 1);
        size_t dash = widthMod.find('-');
        auto parseWidth = [](const std::string& w) -> std::optional<int> {
          if (w.empty() || w == "*") return std::nullopt;
          return std::atoi(w.c_str());
        };
        if (dash == std::string::npos) {
          def.widthMin = parseWidth(widthMod);
        } else {
          def.widthMin = parseWidth(widthMod.substr(0, dash));
          def.widthMax = parseWidth(widthMod.substr(dash + 1));
        }
        presMod = marker.substr(1, comma - 1);
      } else {
        presMod = marker.size() > 1 ? marker.substr(1) : "";
      }
      if (presMod.size() == 1) {
        def.presentation1 = presMod;
      } else if (presMod.size() > 1) {
        char last = presMod.back();
        if (std::string_view("atco").find(last) != std::string_view::npos) {
          def.presentation2 = last;
          def.presentation1 = presMod.substr(0, presMod.size() - 1);
        } else {
          def.presentation1 = presMod;
        }
      } else {
        def.presentation1 = defaultPresentation(def.component);
      }
      if (def.presentation1.empty()) {
        JsonataError e = makeError("D3132");
        e.value = std::string(1, def.component);
        throwError(std::move(e));
      }
      if (def.presentation1[0] == 'n') {
        def.hasNames = true;
        def.names = LetterCase::Lower;
      } else if (def.presentation1[0] == 'N') {
        def.hasNames = true;
        def.names = def.presentation1.size() > 1 && def.presentation1[1] == 'n' ? LetterCase::Title
                                                                                : LetterCase::Upper;
      } else if (std::string_view("YMDdFWwXxHhmsf").find(def.component) != std::string_view::npos) {
        std::string integerPattern = def.presentation1;
        if (def.presentation2) integerPattern += std::string(";") + def.presentation2;
        def.integer = analyseIntegerPicture(integerPattern);
        def.hasInteger = true;
        if (def.widthMin && def.integer.mandatoryDigits < *def.widthMin)
          def.integer.mandatoryDigits = *def.widthMin;
        if (std::string_view("YMD").find(def.component) != std::string_view::npos) {
          def.n = -1;
          if (def.widthMax) {
            def.n = *def.widthMax;
            def.integer.mandatoryDigits = def.n;
          } else {
            int w = def.integer.mandatoryDigits + def.integer.optionalDigits;
            if (w >= 2) def.n = w;
          }
        }
      }
      if (def.component == 'Z' || def.component == 'z') {
        def.integer = analyseIntegerPicture(def.presentation1);
        def.hasInteger = true;
      }
      spec.push_back(def);
      start = pos + 1;
    }
    ++pos;
  }
  addLiteral(start, pos);
  return spec;
}

// Civil-calendar conversions (proleptic Gregorian, days since 1970-01-01).
int64_t daysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month; // 1-12
  int day;
};

Civil civilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Civil{y + (m <= 2), m, d};
}

// Date.UTC(year, month0, day, h, m, s, ms) with JavaScript's overflow rules.
double dateUtc(double year, double month0, double day, double h = 0, double mi = 0, double s = 0,
               double ms = 0) {
  double y = year + std::floor(month0 / 12);
  double m = std::fmod(month0, 12);
  if (m < 0) m += 12;
  double days =
      static_cast<double>(daysFromCivil(static_cast<int64_t>(y), static_cast<int64_t>(m) + 1, 1)) +
      day - 1;
  return days * kDayMillis + h * 3600000.0 + mi * 60000.0 + s * 1000.0 + ms;
}

struct DateParts {
  double millis;
  int64_t year;
  int month; // 1-12
  int day;
  int hours, minutes, seconds, ms;
  int weekday; // 0 = Sunday
};

DateParts split(double millis) {
  DateParts p{};
  p.millis = millis;
  double days = std::floor(millis / kDayMillis);
  double rest = millis - days * kDayMillis;
  Civil c = civilFromDays(static_cast<int64_t>(days));
  p.year = c.year;
  p.month = c.month;
  p.day = c.day;
  int64_t r = static_cast<int64_t>(rest);
  p.hours = static_cast<int>(r / 3600000);
  p.minutes = static_cast<int>(r / 60000 % 60);
  p.seconds = static_cast<int>(r / 1000 % 60);
  p.ms = static_cast<int>(r % 1000);
  int64_t wd = (static_cast<int64_t>(days) + 4) % 7;
  p.weekday = static_cast<int>(wd < 0 ? wd + 7 : wd);
  return p;
}

// Start of week 1 of a year/month: the week (from Monday) holding its first Thursday.
double startOfFirstWeek(double year, double month0) {
  double first = dateUtc(year, month0, 1);
  int day = split(first).weekday;
  if (day == 0) day = 7;
  return day > 4 ? first + (8 - day) * kDayMillis : first - (day - 1) * kDayMillis;
}

double deltaWeeks(double start, double end) {
  return (end - start) / (kDayMillis * 7) + 1;
}

// The value of one component for an instant (jsonata-js getDateTimeFragment).
JValue fragment(const DateParts& d, char component) {
  auto num = [](double v) { return JValue::number(v); };
  switch (component) {
  case 'Y':
    return num(static_cast<double>(d.year));
  case 'M':
    return num(d.month);
  case 'D':
    return num(d.day);
  case 'd': {
    double today = dateUtc(static_cast<double>(d.year), d.month - 1, d.day);
    return num((today - dateUtc(static_cast<double>(d.year), 0, 1)) / kDayMillis + 1);
  }
  case 'F':
    return num(d.weekday == 0 ? 7 : d.weekday);
  case 'W': {
    double year = static_cast<double>(d.year);
    double today = dateUtc(year, d.month - 1, d.day);
    double week = deltaWeeks(startOfFirstWeek(year, 0), today);
    if (week > 52) {
      if (today >= startOfFirstWeek(year + 1, 0)) week = 1;
    } else if (week < 1) {
      week = deltaWeeks(startOfFirstWeek(year - 1, 0), today);
    }
    return num(std::floor(week));
  }
  case 'w': {
    double year = static_cast<double>(d.year);
    double today = dateUtc(year, d.month - 1, d.day);
    double week = deltaWeeks(startOfFirstWeek(year, d.month - 1), today);
    if (week > 4) {
      if (today >= startOfFirstWeek(year, d.month)) week = 1;
    } else if (week < 1) {
      week = deltaWeeks(startOfFirstWeek(year, d.month - 2), today);
    }
    return num(std::floor(week));
  }
  case 'X': {
    double year = static_cast<double>(d.year);
    if (d.millis < startOfFirstWeek(year, 0)) return num(year - 1);
    if (d.millis >= startOfFirstWeek(year + 1, 0)) return num(year + 1);
    return num(year);
  }
  case 'x': {
    double year = static_cast<double>(d.year);
    if (d.millis < startOfFirstWeek(year, d.month - 1)) return num(d.month == 1 ? 12 : d.month - 1);
    if (d.millis >= startOfFirstWeek(year, d.month)) return num(d.month == 12 ? 1 : d.month + 1);
    return num(d.month);
  }
  case 'H':
    return num(d.hours);
  case 'h':
    return num(d.hours % 12 == 0 ? 12 : d.hours % 12);
  case 'P':
    return JValue::string(d.hours >= 12 ? "pm" : "am");
  case 'm':
    return num(d.minutes);
  case 's':
    return num(d.seconds);
  case 'f':
    return num(d.ms);
  case 'C':
  case 'E':
    return JValue::string("ISO");
  default:
    return JValue();
  }
}

std::string applyCase(std::string s, LetterCase c) {
  for (char& ch : s) {
    if (c == LetterCase::Upper)
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c == LetterCase::Lower)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return s;
}

std::string formatComponent(const DateParts& date, const Marker& m, double offsetHours,
                            double offsetMinutes) {
  JValue value = fragment(date, m.component);
  if (std::string_view("YMDdFWwXxHhms").find(m.component) != std::string_view::npos) {
    double v = value.asNumber();
    if (m.component == 'Y' && m.n != -1) v = std::fmod(v, std::pow(10, m.n));
    if (m.hasNames) {
      std::string name;
      if (m.component == 'M' || m.component == 'x') {
        name = kMonths[static_cast<int>(v) - 1];
      } else if (m.component == 'F') {
        name = kDays[static_cast<int>(v)];
      } else {
        JsonataError e = makeError("D3133");
        e.value = std::string(1, m.component);
        throwError(std::move(e));
      }
      name = applyCase(name, m.names);
      if (m.widthMax && static_cast<int>(name.size()) > *m.widthMax)
        name.resize(static_cast<size_t>(*m.widthMax));
      return name;
    }
    return formatInteger(v, m.integer);
  }
  if (m.component == 'f') return formatInteger(value.asNumber(), m.integer);
  if (m.component == 'Z' || m.component == 'z') {
    double offset = offsetHours * 100 + offsetMinutes;
    std::string text;
    if (m.integer.regular) {
      text = formatInteger(offset, m.integer);
    } else {
      int digits = m.integer.mandatoryDigits;
      if (digits == 1 || digits == 2) {
        text = formatInteger(offsetHours, m.integer);
        if (offsetMinutes != 0)
          text += ":" + formatInteger(offsetMinutes, analyseIntegerPicture("00"));
      } else if (digits == 3 || digits == 4) {
        text = formatInteger(offset, m.integer);
      } else {
        JsonataError e = makeError("D3134");
        e.value = std::to_string(digits);
        e.valueIsLiteral = true;
        throwError(std::move(e));
      }
    }
    if (offset >= 0) text = "+" + text;
    if (m.component == 'z') text = "GMT" + text;
    if (offset == 0 && m.presentation2 == 't') text = "Z";
    return text;
  }
  if (m.component == 'P') {
    std::string text(value.asString());
    if (m.hasNames && m.names == LetterCase::Upper) text = applyCase(text, LetterCase::Upper);
    return text;
  }
  if (value.isString()) return std::string(value.asString());
  return "";
}

constexpr std::string_view kIsoPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

std::string escapeRegex(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view(".*+?^${}()|[]\\/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// ISO 8601 as JavaScript's Date.parse reads it (times without an offset taken as UTC).
std::optional<double> parseIso(std::string_view s) {
  auto digits = [&](size_t at, size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  double ms = 0;
  size_t i = 0;
  if (!digits(0, 4, year)) return std::nullopt;
  i = 4;
  if (i < s.size() && s[i] == '-') {
    if (!digits(i + 1, 2, month)) return std::nullopt;
    i += 3;
    if (i < s.size() && s[i] == '-') {
      if (!digits(i + 1, 2, day)) return std::nullopt;
      i += 3;
    }
  }
  double offsetMinutes = 0;
  if (i < s.size() && s[i] == 'T') {
    if (!digits(i + 1, 2, hour) || s.size() < i + 9 || s[i + 3] != ':' ||
        !digits(i + 4, 2, minute) || s[i + 6] != ':' || !digits(i + 7, 2, second))
      return std::nullopt;
    i += 9;
    if (i < s.size() && s[i] == '.') {
      size_t j = i + 1;
      double scale = 100;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
        ms += (s[j] - '0') * scale;
        scale /= 10;
        ++j;
      }
      ms = std::floor(ms);
      i = j;
    }
  }
  if (i < s.size()) {
    if (s[i] == 'Z') {
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      int oh = 0, om = 0;
      if (!digits(i + 1, 2, oh)) return std::nullopt;
      size_t j = i + 3;
      if (j < s.size() && s[j] == ':') ++j;
      if (!digits(j, 2, om)) return std::nullopt;
      offsetMinutes = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
      i = j + 2;
    }
  }
  if (i != s.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 ||
      second > 59)
    return std::nullopt;
  return dateUtc(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60000;
}

bool matchesIsoShape(std::string_view s) {
  // ^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$
  // Compiled once per thread (a compiled pattern carries its match data, not thread-safe).
  thread_local const auto re = compilePattern(
      R"(^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$)",
      false);
  return re && re->exec(s, 0).has_value();
}

} // namespace

std::string formatDateTime(double millis, const JValue& picture, const JValue& timezone) {
  double offsetHours = 0, offsetMinutes = 0;
  if (timezone.isString()) {
    double offset = std::strtod(std::string(timezone.asString()).c_str(), nullptr);
    offset = std::trunc(offset);
    offsetHours = std::floor(offset / 100);
    offsetMinutes = std::fmod(offset, 100);
  }
  std::vector<Marker> spec = analysePicture(picture.isString() ? picture.asString() : kIsoPicture);
  double offsetMillis = (60 * offsetHours + offsetMinutes) * 60 * 1000;
  DateParts date = split(millis + offsetMillis);
  std::string out;
  for (const Marker& m : spec)
    out += m.literal ? m.text : formatComponent(date, m, offsetHours, offsetMinutes);
  return out;
}

std::optional<double> parseDateTime(std::string_view text, const JValue& picture) {
  if (!picture.isString()) {
    if (!matchesIsoShape(text)) {
      JsonataError e = makeError("D3110");
      e.value = std::string(text);
      throwError(std::move(e));
    }
    return parseIso(text);
  }
  std::vector<Marker> spec = analysePicture(picture.asString());
  struct Part {
    char component = 0;
    std::function<std::optional<double>(std::string_view)> parse;
  };
  std::vector<Part> parts;
  std::string regex = "^";
  for (Marker& m : spec) {
    Part part;
    std::string re;
    if (m.literal) {
      re = escapeRegex(m.text);
    } else if (m.component == 'Z' || m.component == 'z') {
      std::string sep = m.integer.regular ? m.integer.separators[0].character : "";
      re = (m.component == 'z' ? "GMT" : "") + std::string("[-+][0-9]+") +
           (sep.empty() ? "" : escapeRegex(sep) + "[0-9]+");
      bool gmt = m.component == 'z';
      part.parse = [sep, gmt](std::string_view v) -> std::optional<double> {
        if (gmt) v.remove_prefix(3);
        double hours = 0, minutes = 0;
        if (!sep.empty()) {
          size_t at = v.find(sep);
          hours = std::strtod(std::string(v.substr(0, at)).c_str(), nullptr);
          minutes = std::strtod(std::string(v.substr(at + sep.size())).c_str(), nullptr);
        } else if (v.size() - 1 <= 2) {
          hours = std::strtod(std::string(v).c_str(), nullptr);
        } else {
          hours = std::strtod(std::string(v.substr(0, 3)).c_str(), nullptr);
          minutes = std::strtod(std::string(v.substr(3)).c_str(), nullptr);
        }
        return hours * 60 + minutes;
      };
    } else if (m.hasInteger) {
      IntegerPicture ip = m.integer;
      ip.width = m.n;
      re = integerRegex(ip);
      part.parse = [ip](std::string_view v) -> std::optional<double> {
        return parseIntegerText(v, ip);
      };
    } else {
      re = "[a-zA-Z]+";
      std::map<std::string, double> lookup;
      auto key = [&](std::string name) {
        if (m.widthMax) name = name.substr(0, static_cast<size_t>(*m.widthMax));
        return applyCase(name, LetterCase::Lower);
      };
      if (m.component == 'M' || m.component == 'x') {
        for (int i = 0; i < 12; ++i)
          lookup[key(kMonths[i])] = i + 1;
      } else if (m.component == 'F') {
        for (int i = 1; i < 8; ++i)
          lookup[key(kDays[i])] = i;
      } else if (m.component == 'P') {
        lookup = {{"am", 0}, {"pm", 1}};
      } else {
        JsonataError e = makeError("D3133");
        e.value = std::string(1, m.component);
        throwError(std::move(e));
      }
      part.parse = [lookup](std::string_view v) -> std::optional<double> {
        auto it = lookup.find(applyCase(std::string(v), LetterCase::Lower));
        if (it == lookup.end()) return std::nullopt;
        return it->second;
      };
    }
    part.component = m.literal ? 0 : m.component;
    regex += "(" + re + ")";
    parts.push_back(std::move(part));
  }
  regex += "$";
  auto compiled = compilePattern(regex, true);
  if (!compiled) return std::nullopt;
  auto match = compiled->exec(text, 0);
  if (!match) return std::nullopt;
  std::map<char, std::optional<double>> components;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].parse) continue;
    const auto& group = match->groups[i];
    components[parts[i].component] = parts[i].parse(group ? *group : "");
  }
  if (components.empty()) return std::nullopt;
  auto has = [&](char c) {
    auto it = components.find(c);
    // jsonata-js tests the value's truthiness: a parsed 0 counts as absent.
    return it != components.end() && it->second && *it->second != 0 && !std::isnan(*it->second);
  };
  auto isType = [](int mask, int type) { return (~type & mask) == 0 && (type & mask) != 0; };
  int mask = 0;
  for (char c : std::string_view("YXMxWwdD"))
    mask = (mask << 1) | (has(c) ? 1 : 0);
  bool dateA = isType(mask, 161);
  bool dateB = !dateA && isType(mask, 130);
  bool dateC = isType(mask, 84);
  bool dateD = !dateC && isType(mask, 72);
  mask = 0;
  for (char c : std::string_view("PHhmsf"))
    mask = (mask << 1) | (has(c) ? 1 : 0);
  bool timeA = isType(mask, 23);
  bool timeB = !timeA && isType(mask, 47);
  std::string comps = std::string(dateB   ? "YD"
                                  : dateC ? "XxwF"
                                  : dateD ? "XWF"
                                          : "YMD") +
                      (timeB ? "Phmsf" : "Hmsf");
  DateParts now = split(static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count()));
  bool startSpecified = false, endSpecified = false;
  std::map<char, double> value;
  for (char c : comps) {
    auto it = components.find(c);
    if (it == components.end() || !it->second) {
      if (startSpecified) {
        value[c] = std::string_view("MDd").find(c) != std::string_view::npos ? 1 : 0;
        endSpecified = true;
      } else {
        JValue f = fragment(now, c);
        value[c] = f.isNumber() ? f.asNumber() : 0;
      }
    } else {
      startSpecified = true;
      if (endSpecified) throwError("D3136");
      value[c] = *it->second;
    }
  }
  for (auto& [c, v] : components)
    if (v && !value.count(c)) value[c] = *v;
  double month0 = value['M'] > 0 ? value['M'] - 1 : 0;
  double day = value.count('D') ? value['D'] : 1;
  if (dateB) {
    double derived = dateUtc(value['Y'], 0, 1) + (value['d'] - 1) * kDayMillis;
    DateParts p = split(derived);
    month0 = p.month - 1;
    day = p.day;
  }
  if (dateC || dateD) throwError("D3136");
  double hours = value['H'];
  if (timeB) {
    hours = value['h'] == 12 ? 0 : value['h'];
    if (value['P'] == 1) hours += 12;
  }
  double millis = dateUtc(value['Y'], month0, day, hours, value['m'], value['s'], value['f']);
  double tz = value.count('Z') ? value['Z'] : value.count('z') ? value['z'] : 0;
  millis -= tz * 60 * 1000;
  return millis;
}

std::string formatIntegerPicture(double value, std::string_view picture) {
  return formatInteger(value, analyseIntegerPicture(picture));
}

std::optional<double> parseIntegerPicture(std::string_view text, std::string_view picture) {
  IntegerPicture ip = analyseIntegerPicture(picture);
  auto compiled = compilePattern("^(" + integerRegex(ip) + ")$", false);
  if (!compiled || !compiled->exec(text, 0)) return std::nullopt;
  return parseIntegerText(text, ip);
}

} // namespace asl::eval::jsonata
