// ASL timestamps: the RFC 3339 strings that Timestamp* Choice rules compare and Wait states
// (Timestamp, TimestampPath) wait until, read into an instant.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace asl::eval {

/// A point in time: whole seconds since 1970-01-01T00:00:00Z plus nanoseconds. Seconds rather
/// than one nanosecond count because years 0000 to 9999 do not fit in 64 bits of nanoseconds.
struct Instant {
  int64_t epochSeconds = 0;
  uint32_t nanos = 0; ///< 0 to 999,999,999

  friend constexpr auto operator<=>(const Instant&, const Instant&) = default;
};

/// Reads an ASL timestamp, or nothing when `text` is not one.
///
/// The accepted form is RFC 3339's date-time with the Amazon States Language's restrictions:
///
///     YYYY-MM-DD 'T' hh:mm:ss [ '.' digits ] ( 'Z' | ('+' | '-') hh:mm )
///
/// - `T` and `Z` must be uppercase; the zone (Z or a numeric offset) is required, so
///   "2012-10-09T19:00:55" and "2023-02-24 12:15:56.832957" are not timestamps.
/// - Fields have exactly the digits shown; the date must exist (leap years counted), hours
///   are 00-23, minutes 00-59, seconds 00-60 (a leap second, which RFC 3339 allows, is taken as
///   the first second of the next minute); offsets are up to 23:59 either way.
/// - The fraction has one digit or more; digits past the ninth (below a nanosecond) are read
///   and dropped.
/// Nothing else is accepted: no surrounding blanks, no week or ordinal dates, no basic format.
std::optional<Instant> parseTimestamp(std::string_view text);

} // namespace asl::eval
