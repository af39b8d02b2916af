// States.MathAdd, States.MathRandom, States.UUID and the randomness they draw on.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "runtime/eval/intrinsic_functions.h"
#include "tests/eval/intrinsic_test_support.h"

namespace asl::eval {
namespace {

using testing::eval;
using testing::evalWith;
using testing::show;

TEST(RoundHalfUpTest, RoundsAsJavaMathRoundDoes) {
  EXPECT_EQ(intrinsics::roundHalfUp(1.49), 1);
  EXPECT_EQ(intrinsics::roundHalfUp(1.5), 2);
  EXPECT_EQ(intrinsics::roundHalfUp(2.5), 3);
  EXPECT_EQ(intrinsics::roundHalfUp(-0.5), 0);
  EXPECT_EQ(intrinsics::roundHalfUp(-1.5), -1);
  EXPECT_EQ(intrinsics::roundHalfUp(-1.51), -2);
  EXPECT_EQ(intrinsics::roundHalfUp(-2.5), -2);
  EXPECT_EQ(intrinsics::roundHalfUp(0.49999999999999994), 0);
}

struct AddCase {
  const char* a;
  const char* b;
  const char* expected;
};

class MathAddTest : public ::testing::TestWithParam<AddCase> {};

// Each argument is rounded before adding; the corpus records all of these pairs.
TEST_P(MathAddTest, RoundsEachArgumentThenAdds) {
  const AddCase& c = GetParam();
  const std::string input = std::string(R"({"a":)") + c.a + R"(,"b":)" + c.b + "}";
  EXPECT_EQ(show(eval("States.MathAdd($.a, $.b)", input)), c.expected) << c.a << " + " << c.b;
}

INSTANTIATE_TEST_SUITE_P(Cases, MathAddTest,
                         ::testing::Values(AddCase{"-9", "3", "-6"}, AddCase{"1.49", "1.5", "3"},
                                           AddCase{"1.5", "1.51", "4"},
                                           AddCase{"-1.49", "-1.5", "-2"},
                                           AddCase{"-1.5", "-1.51", "-3"},
                                           AddCase{"1.49", "-1.49", "0"},
                                           AddCase{"-0.5", "0.5", "1"}, AddCase{"-0.5", "0", "0"},
                                           AddCase{"2147483647", "2147483647", "4294967294"},
                                           AddCase{"-2147483648", "0", "-2147483648"},
                                           AddCase{"2147483647.4", "0", "2147483647"}));

TEST(MathAddFailureTest, RejectsNonNumbersAndNumbersBeyondJavaInts) {
  EXPECT_EQ(show(eval("States.MathAdd($.a, 1)", R"({"a":"1"})")),
            "ERROR States.IntrinsicFailure: States.MathAdd: argument 1 must be a number, got a "
            "string");
  EXPECT_EQ(show(eval("States.MathAdd(1, $.b)", R"({"b":null})")),
            "ERROR States.IntrinsicFailure: States.MathAdd: argument 2 must be a number, got null");
  EXPECT_EQ(show(eval("States.MathAdd(2147483648, 1)")),
            "ERROR States.IntrinsicFailure: States.MathAdd: argument 1 must be between "
            "-2147483648 and 2147483647");
  EXPECT_EQ(show(eval("States.MathAdd(1, -2147483648.6)")),
            "ERROR States.IntrinsicFailure: States.MathAdd: argument 2 must be between "
            "-2147483648 and 2147483647");
  EXPECT_EQ(show(eval("States.MathAdd(1, 1e300)")),
            "ERROR States.IntrinsicFailure: States.MathAdd: argument 2 must be between "
            "-2147483648 and 2147483647");
}

TEST(JavaRandomTest, MatchesJavaUtilRandom) {
  // Values printed by a JVM: new java.util.Random(seed).nextInt(bound). A power-of-two bound
  // takes the other branch of the algorithm; a negative seed is used as its two's complement.
  EXPECT_EQ(intrinsics::javaRandomNextInt(42, 10), 0);
  EXPECT_EQ(intrinsics::javaRandomNextInt(0, 100), 60);
  EXPECT_EQ(intrinsics::javaRandomNextInt(42, 16), 11);
  EXPECT_EQ(intrinsics::javaRandomNextInt(-7, 1000003), 932931);
}

TEST(MathRandomTest, StaysWithinStartInclusiveEndExclusive) {
  SeededRandomSource random(7);
  std::set<int64_t> seen;
  for (int i = 0; i < 400; ++i) {
    ExecResult<Value> r = evalWith("States.MathRandom(3, 7)", Value(), &random);
    ASSERT_TRUE(r.ok() && r->isInteger()) << show(r);
    seen.insert(r->asInteger());
  }
  EXPECT_EQ(seen, (std::set<int64_t>{3, 4, 5, 6}));
}

TEST(MathRandomTest, RoundsNonIntegerBounds) {
  SeededRandomSource random(1);
  for (int i = 0; i < 200; ++i) {
    ExecResult<Value> r = evalWith("States.MathRandom(12.5, 14.49)", Value(), &random);
    ASSERT_TRUE(r.ok()) << show(r);
    EXPECT_EQ(r->asInteger(), 13); // [13, 14)
  }
}

TEST(MathRandomTest, IsDeterministicForASeededSource) {
  SeededRandomSource a(99), b(99);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(show(evalWith("States.MathRandom(-99999, -9999)", Value(), &a)),
              show(evalWith("States.MathRandom(-99999, -9999)", Value(), &b)));
  }
}

TEST(MathRandomTest, ASeedArgumentFixesTheResultWhateverTheSource) {
  SeededRandomSource a(1), b(2);
  const std::string first = show(evalWith("States.MathRandom(0, 10, 42)", Value(), &a));
  EXPECT_EQ(first, "0");
  EXPECT_EQ(show(evalWith("States.MathRandom(0, 10, 42)", Value(), &b)), first);
  EXPECT_EQ(show(evalWith("States.MathRandom(100, 200, 0)", Value(), &b)), "160");
}

TEST(MathRandomFailureTest, RejectsAnEmptyOrOversizedRangeAndBadArguments) {
  EXPECT_EQ(show(eval("States.MathRandom(5, 5)")),
            "ERROR States.IntrinsicFailure: States.MathRandom: the end (5) must be greater than "
            "the start (5)");
  EXPECT_EQ(show(eval("States.MathRandom(9, 1)")),
            "ERROR States.IntrinsicFailure: States.MathRandom: the end (1) must be greater than "
            "the start (9)");
  EXPECT_EQ(show(eval("States.MathRandom(-2147483648, 2147483647)")),
            "ERROR States.IntrinsicFailure: States.MathRandom: the range from start to end must "
            "hold at most 2147483647 integers");
  EXPECT_EQ(show(eval("States.MathRandom($.a, 1)", R"({"a":true})")),
            "ERROR States.IntrinsicFailure: States.MathRandom: argument 1 must be a number, got a "
            "boolean");
  EXPECT_EQ(show(eval("States.MathRandom(0, 1, $.s)", R"({"s":"seed"})")),
            "ERROR States.IntrinsicFailure: States.MathRandom: argument 3 must be a number, got a "
            "string");
}

TEST(MathRandomFailureTest, NeedsRandomnessOnlyWithoutASeed) {
  IntrinsicEnv noRandom{};
  EXPECT_EQ(show(evaluateIntrinsic(testing::parseCall("States.MathRandom(0, 10)"), noRandom)),
            "ERROR States.Runtime: States.MathRandom needs a source of randomness");
  EXPECT_EQ(show(evaluateIntrinsic(testing::parseCall("States.MathRandom(0, 10, 42)"), noRandom)),
            "0");
}

TEST(UuidTest, IsAVersion4UuidInLowerCase) {
  SeededRandomSource random(5);
  const std::regex v4("^\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"$");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string u = show(evalWith("States.UUID()", Value(), &random));
    EXPECT_TRUE(std::regex_match(u, v4)) << u;
    seen.insert(u);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST(UuidTest, RepeatsForTheSameSeed) {
  SeededRandomSource a(5), b(5);
  EXPECT_EQ(show(evalWith("States.UUID()", Value(), &a)),
            show(evalWith("States.UUID()", Value(), &b)));
}

TEST(UuidTest, NeedsRandomness) {
  EXPECT_EQ(show(evaluateIntrinsic(testing::parseCall("States.UUID()"), IntrinsicEnv{})),
            "ERROR States.Runtime: States.UUID needs a source of randomness");
}

TEST(SeededRandomSourceTest, GivesSplitMix64sReferenceSequence) {
  // SplitMix64 seeded with 0: first outputs as published with the algorithm.
  SeededRandomSource random(0);
  EXPECT_EQ(random.nextBits(), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(random.nextBits(), 0x6E789E6AA1B965F4ull);
}

class FixedRandom final : public RandomSource {
public:
  explicit FixedRandom(std::vector<uint64_t> words) : words_(std::move(words)) {}
  uint64_t nextBits() override { return words_.at(next_++); }
  size_t used() const { return next_; }

private:
  std::vector<uint64_t> words_;
  size_t next_ = 0;
};

TEST(UniformBelowTest, RejectsTheBiasedTopOfTheRange) {
  // With bound 3, 2^64 - 1 lies in the partial block above the last multiple of 3 (2^64 - 1 is
  // itself a multiple of 3, so the limit is 2^64 - 1 and that word is rejected).
  FixedRandom random({UINT64_MAX, 7});
  EXPECT_EQ(uniformBelow(random, 3), 1u);
  EXPECT_EQ(random.used(), 2u);
}

} // namespace
} // namespace asl::eval
