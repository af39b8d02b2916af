// parseTimestamp: the RFC 3339 forms ASL accepts, the instants they denote, and every form it
// refuses.
#include "runtime/eval/timestamp.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace asl::eval {
namespace {

struct AcceptedCase {
  const char* text;
  int64_t epochSeconds;
  uint32_t nanos;
};

void PrintTo(const AcceptedCase& c, std::ostream* out) {
  *out << c.text;
}

class TimestampAcceptedTest : public ::testing::TestWithParam<AcceptedCase> {};

TEST_P(TimestampAcceptedTest, ReadsTheInstant) {
  const AcceptedCase& c = GetParam();
  std::optional<Instant> instant = parseTimestamp(c.text);
  ASSERT_TRUE(instant.has_value()) << c.text;
  EXPECT_EQ(instant->epochSeconds, c.epochSeconds) << c.text;
  EXPECT_EQ(instant->nanos, c.nanos) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, TimestampAcceptedTest,
    ::testing::Values(
        // The form the recorded AWS executions use.
        AcceptedCase{"2012-10-09T19:00:55Z", 1349809255, 0},
        AcceptedCase{"1970-01-01T00:00:00Z", 0, 0},
        // Numeric offsets: local time ahead of UTC by the offset.
        AcceptedCase{"2012-10-09T20:00:55+01:00", 1349809255, 0},
        AcceptedCase{"2012-10-09T13:30:55-05:30", 1349809255, 0},
        AcceptedCase{"2012-10-09T19:00:55+00:00", 1349809255, 0},
        AcceptedCase{"2012-10-09T19:00:55-00:00", 1349809255, 0},
        AcceptedCase{"2012-10-10T18:59:55+23:59", 1349809255, 0},
        // Offsets can move the date across a day, month and year boundary.
        AcceptedCase{"1969-12-31T23:00:00-01:00", 0, 0},
        // Fractions of any length; digits below a nanosecond are dropped.
        AcceptedCase{"2012-10-09T19:00:55.5Z", 1349809255, 500'000'000},
        AcceptedCase{"2012-10-09T19:00:55.123Z", 1349809255, 123'000'000},
        AcceptedCase{"2012-10-09T19:00:55.000000001Z", 1349809255, 1},
        AcceptedCase{"2012-10-09T19:00:55.9999999999Z", 1349809255, 999'999'999},
        AcceptedCase{"2012-10-09T20:00:55.25+01:00", 1349809255, 250'000'000},
        // Before the epoch: whole seconds go negative, nanoseconds stay positive.
        AcceptedCase{"1969-12-31T23:59:59.75Z", -1, 750'000'000},
        // Leap days in leap years, including a century divisible by 400.
        AcceptedCase{"2024-02-29T00:00:00Z", 1709164800, 0},
        AcceptedCase{"2000-02-29T00:00:00Z", 951782400, 0},
        // A leap second is the first second of the next minute.
        AcceptedCase{"2016-12-31T23:59:60Z", 1483228800, 0},
        // The whole four-digit year range, beyond what 64-bit nanoseconds could hold.
        AcceptedCase{"0000-01-01T00:00:00Z", -62167219200, 0},
        AcceptedCase{"0001-01-01T00:00:00Z", -62135596800, 0},
        AcceptedCase{"9999-12-31T23:59:59Z", 253402300799, 0}));

class TimestampRejectedTest : public ::testing::TestWithParam<const char*> {};

TEST_P(TimestampRejectedTest, IsNotATimestamp) {
  EXPECT_FALSE(parseTimestamp(GetParam()).has_value()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    Forms, TimestampRejectedTest,
    ::testing::Values(
        // Strings from the recorded AWS executions that are not timestamps.
        "2012-10-09T19:00:55", "2023-02-24 12:15:56.832957", "2023-02-24", "", " ", "HelloWorld",
        // ASL requires uppercase T and Z.
        "2012-10-09t19:00:55Z", "2012-10-09T19:00:55z",
        // Separators and field widths.
        "2012-10-09 19:00:55Z", "2012/10/09T19:00:55Z", "2012-10-09T19.00.55Z",
        "12-10-09T19:00:55Z", "2012-1-09T19:00:55Z", "2012-10-9T19:00:55Z", "2012-10-09T9:00:55Z",
        "2012-10-09T19:00Z", "20121009T190055Z", "+2012-10-09T19:00:55Z", "2012-10-09T19:00:55.Z",
        "2012-10-09T19:00:55,5Z",
        // Offsets: hh:mm with a colon, within 23:59, nothing after.
        "2012-10-09T19:00:55+01", "2012-10-09T19:00:55+0100", "2012-10-09T19:00:55+1:00",
        "2012-10-09T19:00:55+24:00", "2012-10-09T19:00:55+01:60", "2012-10-09T19:00:55+01:00Z",
        "2012-10-09T19:00:55Z+01:00", "2012-10-09T19:00:55ZZ", "2012-10-09T19:00:55 Z",
        // Surrounding blanks.
        " 2012-10-09T19:00:55Z", "2012-10-09T19:00:55Z ",
        // Dates and times that do not exist.
        "2012-00-09T19:00:55Z", "2012-13-09T19:00:55Z", "2012-10-00T19:00:55Z",
        "2012-10-32T19:00:55Z", "2012-04-31T19:00:55Z", "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2012-10-09T24:00:00Z", "2012-10-09T19:60:00Z",
        "2012-10-09T19:00:61Z",
        // Non-digits where digits belong.
        "2O12-10-09T19:00:55Z", "2012-10-09T19:00:5xZ", "2012-10-09T19:00:55+0a:00"));

TEST(TimestampTest, InstantsOrderByTimeNotByText) {
  // Text order would put "...20:00:00+01:00" after "...19:30:00Z"; as instants it is earlier.
  std::optional<Instant> early = parseTimestamp("2020-01-01T20:00:00+01:00");
  std::optional<Instant> late = parseTimestamp("2020-01-01T19:30:00Z");
  ASSERT_TRUE(early && late);
  EXPECT_LT(*early, *late);
  // Within one second, the fraction decides.
  EXPECT_LT(*parseTimestamp("2020-01-01T00:00:00.1Z"), *parseTimestamp("2020-01-01T00:00:00.2Z"));
  EXPECT_EQ(*parseTimestamp("2020-01-01T00:00:00.5Z"),
            *parseTimestamp("2020-01-01T00:00:00.500000000Z"));
}

} // namespace
} // namespace asl::eval
