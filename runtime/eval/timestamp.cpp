// RFC 3339 timestamps as the Amazon States Language restricts them, read into epoch instants.
#include "runtime/eval/timestamp.h"

#include <cstddef>

namespace asl::eval {
namespace {

// Reads `count` decimal digits at `at`; nothing when any is missing.
std::optional<int> readDigits(std::string_view text, size_t at, size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = at; i < at + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool isLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's civil-date
// algorithm: shift the year to start in March so that February's length does not matter).
int64_t daysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yearOfEra = year - era * 400;
  const int64_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

} // namespace

std::optional<Instant> parseTimestamp(std::string_view text) {
  // Fixed positions of YYYY-MM-DDThh:mm:ss, 19 characters.
  auto year = readDigits(text, 0, 4);
  auto month = readDigits(text, 5, 2);
  auto day = readDigits(text, 8, 2);
  auto hour = readDigits(text, 11, 2);
  auto minute = readDigits(text, 14, 2);
  auto second = readDigits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  if (*month < 1 || *month > 12 || *day < 1 || *day > daysInMonth(*year, *month))
    return std::nullopt;
  if (*hour > 23 || *minute > 59 || *second > 60) return std::nullopt;

  size_t at = 19;
  uint32_t nanos = 0;
  if (at < text.size() && text[at] == '.') {
    size_t first = ++at;
    uint32_t scale = 100'000'000;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      nanos += static_cast<uint32_t>(text[at] - '0') * scale;
      scale /= 10; // 0 past the ninth digit: finer digits are read but dropped
      ++at;
    }
    if (at == first) return std::nullopt;
  }

  int64_t offsetSeconds = 0;
  if (at < text.size() && text[at] == 'Z') {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int sign = text[at] == '-' ? -1 : 1;
    auto offsetHours = readDigits(text, at + 1, 2);
    auto offsetMinutes = readDigits(text, at + 4, 2);
    if (!offsetHours || !offsetMinutes || text[at + 3] != ':') return std::nullopt;
    if (*offsetHours > 23 || *offsetMinutes > 59) return std::nullopt;
    offsetSeconds = sign * (*offsetHours * 3600 + *offsetMinutes * 60);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;

  // A local time at offset +hh:mm is that much ahead of UTC, so subtract the offset.
  int64_t seconds = daysFromCivil(*year, *month, *day) * 86400 + *hour * 3600 + *minute * 60 +
                    *second - offsetSeconds;
  return Instant{seconds, nanos};
}

} // namespace asl::eval
