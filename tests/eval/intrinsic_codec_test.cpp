// States.Base64Encode, States.Base64Decode and States.Hash, and their codec helpers.
#include <gtest/gtest.h>

#include "runtime/eval/intrinsic_functions.h"
#include "tests/eval/intrinsic_test_support.h"

namespace asl::eval {
namespace {

using testing::eval;
using testing::evalWith;
using testing::show;

TEST(Base64Test, EncodesEveryPaddingLength) {
  EXPECT_EQ(intrinsics::encodeBase64(""), "");
  EXPECT_EQ(intrinsics::encodeBase64("f"), "Zg==");
  EXPECT_EQ(intrinsics::encodeBase64("fo"), "Zm8=");
  EXPECT_EQ(intrinsics::encodeBase64("foo"), "Zm9v");
  EXPECT_EQ(intrinsics::encodeBase64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(intrinsics::encodeBase64(std::string("\xff\xfe\x00", 3)), "//4A");
}

TEST(Base64Test, DecodesWithOrWithoutPadding) {
  EXPECT_EQ(intrinsics::decodeBase64("Zg=="), "f");
  EXPECT_EQ(intrinsics::decodeBase64("Zg"), "f");
  EXPECT_EQ(intrinsics::decodeBase64("Zm8="), "fo");
  EXPECT_EQ(intrinsics::decodeBase64("Zm8"), "fo");
  EXPECT_EQ(intrinsics::decodeBase64("Zm9vYmFy"), "foobar");
  EXPECT_EQ(intrinsics::decodeBase64("//4A"), std::string("\xff\xfe\x00", 3));
  EXPECT_EQ(intrinsics::decodeBase64(""), "");
}

TEST(Base64Test, RejectsWhatIsNotBase64) {
  for (const char* bad :
       {"Z", "Zg=", "Zm9v=", "Z===", "Zm 9v", "Zm9v\n", "Zm-v", "Z=g=", "====", "Zm9vY"}) {
    EXPECT_FALSE(intrinsics::decodeBase64(bad).has_value()) << bad;
  }
}

TEST(Base64EncodeTest, EncodesTheUtf8OfAString) {
  EXPECT_EQ(show(eval("States.Base64Encode('Data to encode')")), R"("RGF0YSB0byBlbmNvZGU=")");
  EXPECT_EQ(show(eval("States.Base64Encode($.s)", R"({"s":"é€😀"})")), R"("w6nigqzwn5iA")");
}

TEST(Base64DecodeTest, DecodesToAString) {
  EXPECT_EQ(show(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')")), R"("Data to encode")");
  EXPECT_EQ(show(eval("States.Base64Decode('w6nigqzwn5iA')")), R"("é€😀")");
}

TEST(Base64DecodeTest, PrintsBytesThatAreNotUtf8AsReplacementCharacters) {
  EXPECT_EQ(show(eval("States.Base64Decode('/w==')")), "\"\xEF\xBF\xBD\"");
}

TEST(Base64DecodeTest, RejectsInvalidBase64) {
  EXPECT_EQ(show(eval("States.Base64Decode('abc*')")),
            "ERROR States.IntrinsicFailure: States.Base64Decode: the input is not valid base64");
}

TEST(Base64Test, RejectsNonStrings) {
  EXPECT_EQ(show(eval("States.Base64Encode($.n)", R"({"n":1})")),
            "ERROR States.IntrinsicFailure: States.Base64Encode: argument 1 must be a string, got "
            "a number");
  EXPECT_EQ(show(eval("States.Base64Decode($.n)", R"({"n":[]})")),
            "ERROR States.IntrinsicFailure: States.Base64Decode: argument 1 must be a string, got "
            "an array");
}

/// A string of `count` copies of `unit`.
Value repeated(std::string_view unit, size_t count) {
  std::string s;
  for (size_t i = 0; i < count; ++i)
    s += unit;
  return Value::object({makeMember("s", Value::string(s))});
}

TEST(InputLimitTest, AllowsTenThousandCharactersAndNoMore) {
  for (const char* call : {"States.Base64Encode($.s)", "States.Hash($.s, 'MD5')"}) {
    EXPECT_TRUE(evalWith(call, repeated("a", 10000)).ok()) << call;
    // 5,000 three-byte characters are 15,000 bytes but 5,000 Java characters.
    EXPECT_TRUE(evalWith(call, repeated("€", 5000)).ok()) << call;
    const std::string name = std::string(call).substr(0, std::string(call).find('('));
    EXPECT_EQ(show(evalWith(call, repeated("a", 10001))),
              "ERROR States.IntrinsicFailure: " + name +
                  ": the input holds 10001 characters, more than the 10000 allowed");
    // A character past U+FFFF is two Java characters.
    EXPECT_EQ(show(evalWith(call, repeated("😀", 5001))),
              "ERROR States.IntrinsicFailure: " + name +
                  ": the input holds 10002 characters, more than the 10000 allowed");
  }
  EXPECT_EQ(show(evalWith("States.Base64Decode($.s)", repeated("QUJD", 2501))),
            "ERROR States.IntrinsicFailure: States.Base64Decode: the input holds 10004 "
            "characters, more than the 10000 allowed");
  EXPECT_TRUE(evalWith("States.Base64Decode($.s)", repeated("QUJD", 2500)).ok());
}

struct HashCase {
  const char* algorithm;
  const char* digest;
};

class HashTest : public ::testing::TestWithParam<HashCase> {};

// Digests of "input data" as AWS recorded them (corpus: test_hash, exec_hist_resp_0..4).
TEST_P(HashTest, MatchesTheRecordedDigest) {
  const HashCase& c = GetParam();
  EXPECT_EQ(show(eval(std::string("States.Hash('input data', '") + c.algorithm + "')")),
            std::string("\"") + c.digest + "\"");
}

INSTANTIATE_TEST_SUITE_P(
    Algorithms, HashTest,
    ::testing::Values(
        HashCase{"MD5", "812f45842bc6d66ee14572ce20db8e86"},
        HashCase{"SHA-1", "aaff4a450a104cd177d28d18d74485e8cae074b7"},
        HashCase{"SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"},
        HashCase{"SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525"
                            "bdc835ebb27e1fb9e9374a15562"},
        HashCase{"SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba"
                            "23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4"}));

TEST(HashFailureTest, RejectsUnknownAlgorithmsCaseSensitively) {
  for (const char* name : {"sha-256", "SHA256", "SHA-224", ""}) {
    EXPECT_EQ(show(eval(std::string("States.Hash('x', '") + name + "')")),
              std::string("ERROR States.IntrinsicFailure: States.Hash: the algorithm '") + name +
                  "' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
  }
}

TEST(HashFailureTest, RejectsNonStringArguments) {
  EXPECT_EQ(show(eval("States.Hash($.d, 'MD5')", R"({"d":{"a":1}})")),
            "ERROR States.IntrinsicFailure: States.Hash: argument 1 must be a string, got a JSON "
            "object");
  EXPECT_EQ(show(eval("States.Hash('x', $.a)", R"({"a":5})")),
            "ERROR States.IntrinsicFailure: States.Hash: argument 2 must be a string, got a "
            "number");
}

} // namespace
} // namespace asl::eval
