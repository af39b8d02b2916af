// Filters, scripts and regular expressions, with Jayway's rules for missing values and types.
#include <gtest/gtest.h>

#include <string>

#include "path_test_util.h"
#include "runtime/eval/path_eval_internal.h"

namespace asl::eval {
namespace {

using testing::json;
using testing::path;
using testing::select;

const char* const kItems = R"({"want":3,"items":[
  {"id":1,"name":"apple","price":1.5,"tags":["a"],"ok":true},
  {"id":2,"name":"banana","price":0.5,"ok":false},
  {"id":3,"name":"Cherry","price":10,"n":null},
  {"id":"4","name":"date"}]})";

struct FilterCase {
  const char* name;
  const char* path;
  const char* expected;
};

void PrintTo(const FilterCase& c, std::ostream* os) {
  *os << c.path;
}

class FilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(FilterTest, SelectsAsJayway) {
  EXPECT_EQ(select(GetParam().path, json(kItems)), GetParam().expected) << GetParam().path;
}

const FilterCase kFilterCases[] = {
    {"EqualNumber", "$.items[?(@.id == 2)].name", R"(["banana"])"},
    // Jayway's != negates ==, so items whose value is missing or of another type pass.
    {"NotEqualKeepsOtherTypes", "$.items[?(@.id != 2)].name", R"(["apple","Cherry","date"])"},
    {"NotEqualHoldsForMissingValue", "$.items[?(@.price != 1.5)].name",
     R"(["banana","Cherry","date"])"},
    {"NumberEqualsNumericString", "$.items[?(@.id == 4)].name", R"(["date"])"},
    {"StringEqualsNumber", "$.items[?(@.id == '1')].name", R"(["apple"])"},
    {"IntegerEqualsDouble", "$.items[?(@.price == 10.0)].name", R"(["Cherry"])"},
    {"LessThan", "$.items[?(@.price < 1)].name", R"(["banana"])"},
    {"LessOrEqual", "$.items[?(@.price <= 1.5)].name", R"(["apple","banana"])"},
    {"GreaterThan", "$.items[?(@.price > 1.5)].name", R"(["Cherry"])"},
    {"GreaterOrEqual", "$.items[?(@.price >= 10)].name", R"(["Cherry"])"},
    {"StringsOrderByCodePoint", "$.items[?(@.name > 'b')].name", R"(["banana","date"])"},
    {"OrderingMixedTypesIsFalse", "$.items[?(@.name < 5)].name", "[]"},
    {"MissingValueIsNotNull", "$.items[?(@.missing == null)]", "[]"},
    {"NullEqualsNull", "$.items[?(@.n == null)].name", R"(["Cherry"])"},
    {"BooleanEquals", "$.items[?(@.ok == true)].name", R"(["apple"])"},
    {"LonePathTestsExistence", "$.items[?(@.ok)].name", R"(["apple","banana"])"},
    {"NotOfLonePath", "$.items[?(!@.ok)].name", R"(["Cherry","date"])"},
    {"NotOfComparison", "$.items[?(!(@.id == 1))].name", R"(["banana","Cherry","date"])"},
    {"And", "$.items[?(@.price > 1 && @.price < 20)].name", R"(["apple","Cherry"])"},
    {"Or", "$.items[?(@.id == 1 || @.name == 'date')].name", R"(["apple","date"])"},
    {"BareWordComparesAsString", "$.items[?(@.name == date)].id", R"(["4"])"},
    {"RegexMatchesTheWholeString", "$.items[?(@.name =~ /.*an.*/)].name", R"(["banana"])"},
    {"RegexIsNotASearch", "$.items[?(@.name =~ /an/)].name", "[]"},
    {"RegexCaseInsensitiveFlag", "$.items[?(@.name =~ /cherry/i)].name", R"(["Cherry"])"},
    {"RegexOverNumbersReadsTheirText", R"($.items[?(@.id =~ /\d/)].name)",
     R"(["apple","banana","Cherry","date"])"},
    {"RegexOnTheLeft", "$.items[?(/b.*/ =~ @.name)].name", R"(["banana"])"},
    {"ArithmeticInFilter", "$.items[?(@.price * 2 > 2)].name", R"(["apple","Cherry"])"},
    {"FilterOnObjectTestsTheObject", "$.items[0][?(@.id == 1)].name", R"(["apple"])"},
    {"FilterOnScalarSelectsNothing", "$.items[0].id[?(@ == 1)]", "[]"},
    {"CurrentNodeAlone", "$.items[0].tags[?(@ == 'a')]", R"(["a"])"},
    {"DollarInFilterIsTheDocument", "$.items[?(@.id == $.want)].name", R"(["Cherry"])"},
    {"FilterPathMayBeIndefinite", "$.items[?(@.tags[*])].name", R"(["apple"])"},
    {"ScriptSelectsLastItem", "$.items[(@.length-1)].name", R"("date")"},
    {"ScriptSelectsMember", "$.items[0][('name')]", R"("apple")"},
    {"ScriptWithoutValueMisses", "$.items[(@.nothing)]",
     "MISS: No results for path: $['items'][(@['nothing'])]"},
    {"ScriptInIndefinitePath", "$.items[*][('name')]", R"(["apple","banana","Cherry","date"])"},
};

INSTANTIATE_TEST_SUITE_P(Filters, FilterTest, ::testing::ValuesIn(kFilterCases),
                         [](const auto& caseInfo) { return std::string(caseInfo.param.name); });

class VariablesWithLimit : public VariableSource {
public:
  const Value* findVariable(std::string_view name) const override {
    return name == "limit" ? &limit_ : nullptr;
  }

private:
  Value limit_ = Value::integer(2);
};

TEST(FilterVariablesTest, VariableInsideAFilter) {
  Value doc = json(kItems);
  VariablesWithLimit vars;
  PathRoots roots;
  roots.input = &doc;
  roots.variables = &vars;
  PathOutcome out = selectPath(path("$.items[?(@.id == $limit)].name"), roots);
  ASSERT_TRUE(out.found());
  EXPECT_EQ(toJson(out.value), R"(["banana"])");
}

struct ArithCase {
  const char* script;
  const char* expected;
};

TEST(ScriptArithmeticTest, IntegersStayIntegersWhereExact) {
  Value doc = json(R"({"a":[0,1,2,3,4,5,6,7,8,9]})");
  const ArithCase cases[] = {
      {"$.a[(1+2)]", "3"},   {"$.a[(9-2)]", "7"},   {"$.a[(2*3)]", "6"},
      {"$.a[(8/2)]", "4"},   {"$.a[(7%4)]", "3"},   {"$.a[(9/2)]", "4"}, // 4.5 truncates
      {"$.a[(1.5*2)]", "3"}, {"$.a[(7.5%4)]", "3"},
  };
  for (const ArithCase& c : cases)
    EXPECT_EQ(select(c.script, doc), c.expected) << c.script;
}

TEST(ScriptArithmeticTest, DivisionByZeroHasNoValue) {
  Value doc = json(R"({"a":[0,1]})");
  EXPECT_EQ(select("$.a[(1/0)]", doc), "MISS: No results for path: $['a'][(1 / 0)]");
  EXPECT_EQ(select("$.a[(1%0)]", doc), "MISS: No results for path: $['a'][(1 % 0)]");
  EXPECT_EQ(select("$.a[(1.5/0)]", doc), "MISS: No results for path: $['a'][(1.5 / 0)]");
  EXPECT_EQ(select("$.a[('x'-1)]", doc), "MISS: No results for path: $['a'][('x' - 1)]");
}

TEST(RegexTest, MatchesWholeSubjectOnly) {
  EXPECT_TRUE(detail::regexMatches("ab+c", "", "abbc"));
  EXPECT_FALSE(detail::regexMatches("ab+c", "", "xabbc"));
  EXPECT_FALSE(detail::regexMatches("ab+c", "", "abbcx"));
}

TEST(RegexTest, JavaFlagLetters) {
  EXPECT_TRUE(detail::regexMatches("abc", "i", "ABC"));
  EXPECT_TRUE(detail::regexMatches("a.c", "s", "a\nc"));
  EXPECT_FALSE(detail::regexMatches("a.c", "", "a\nc"));
  EXPECT_TRUE(detail::regexMatches("a.*^b.*", "ms", "a\nb"));
  EXPECT_TRUE(detail::regexMatches("a b # comment", "x", "ab"));
  EXPECT_TRUE(detail::regexMatches("\\w+", "U", "\xC3\xA9t\xC3\xA9")); // été
}

TEST(RegexTest, Utf8SubjectsAreCodePoints) {
  EXPECT_TRUE(detail::regexMatches("..", "", "\xC3\xA9\xC3\xA9"));
}

TEST(RegexTest, InvalidPatternMatchesNothing) {
  EXPECT_FALSE(detail::regexMatches("(unclosed", "", "(unclosed"));
}

} // namespace
} // namespace asl::eval
