// Selecting with every path form, root and miss kind, as Jayway JsonPath (AWS's engine) selects.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "path_test_util.h"
#include "runtime/eval/path_eval.h"

// Counts heap allocations so that a test can prove the definite-path hot path makes none.
// Sanitizer builds keep their own allocator (replacing it there mismatches new and free).
#if defined(__SANITIZE_ADDRESS__)
#define ASL_COUNTS_ALLOCATIONS 0
#else
#define ASL_COUNTS_ALLOCATIONS 1
#endif

namespace {
std::atomic<long> gAllocations{0};
} // namespace

#if ASL_COUNTS_ALLOCATIONS
// GCC cannot see that every new below comes from malloc, and warns at -O3 when it inlines a
// delete next to a new it assumes is the library's.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  ++gAllocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
#pragma GCC diagnostic pop
#endif

namespace asl::eval {
namespace {

using testing::json;
using testing::path;
using testing::select;

const char* const kDocument = R"({"a":{"b":{"c":1}},"arr":[10,20,30,40,50],
  "objs":[{"n":1,"t":"x"},{"n":2,"t":"y"},{"n":3}],"s":"str","nul":null,
  "key with space":5,"q'uote":6,"e":{}})";

struct SelectCase {
  const char* name;
  const char* path;
  const char* expected; // compact JSON, or "MISS: <Jayway message>"
};

void PrintTo(const SelectCase& c, std::ostream* os) {
  *os << c.path;
}

class SelectTest : public ::testing::TestWithParam<SelectCase> {};

TEST_P(SelectTest, SelectsAsJayway) {
  Value doc = json(kDocument);
  EXPECT_EQ(select(GetParam().path, doc), GetParam().expected) << GetParam().path;
}

const SelectCase kSelectCases[] = {
    // Definite paths: the node itself.
    {"Member", "$.a.b.c", "1"},
    {"MemberHoldingNull", "$.nul", "null"},
    {"QuotedMemberWithBlank", "$['key with space']", "5"},
    {"QuotedMemberWithEscapedQuote", R"($['q\'uote'])", "6"},
    {"Index", "$.arr[1]", "20"},
    {"NegativeIndexCountsFromTheEnd", "$.arr[-1]", "50"},
    {"NegativeIndexAtTheStart", "$.arr[-5]", "10"},
    {"IndexThenMember", "$.objs[1].t", "\"y\""},
    // Jayway merges a final union of names into one object, leaving out absent members.
    {"NameUnionMergesIntoOneObject", "$['s','nul','missing']", R"({"s":"str","nul":null})"},
    // Indefinite paths: an array of every match, in document order.
    {"WildcardOnArray", "$.arr[*]", "[10,20,30,40,50]"},
    {"DotWildcardOnObject", "$.objs[0].*", R"([1,"x"])"},
    {"WildcardOnScalarSelectsNothing", "$.s[*]", "[]"},
    {"WildcardOnEmptyObject", "$.e.*", "[]"},
    {"WildcardThenMemberSkipsAbsentOnes", "$.objs[*].t", R"(["x","y"])"},
    {"SliceWithBothBounds", "$.arr[1:3]", "[20,30]"},
    {"SliceFrom", "$.arr[3:]", "[40,50]"},
    {"SliceFromNegative", "$.arr[-2:]", "[40,50]"},
    {"SliceTo", "$.arr[:2]", "[10,20]"},
    {"SliceToNegative", "$.arr[:-3]", "[10,20]"},
    {"SliceEndPastTheSize", "$.arr[3:99]", "[40,50]"},
    {"SliceEmptyWhenStartNotBeforeEnd", "$.arr[3:1]", "[]"},
    // Jayway does not clamp a negative start of a bounded slice: each index counts from the end.
    {"SliceNegativeStartAsJayway", "$.arr[-2:2]", "[40,50,10,20]"},
    {"SliceWithStep", "$.arr[0:5:2]", "[10,30,50]"},
    {"SliceWithNegativeStep", "$.arr[::-2]", "[50,30,10]"},
    {"SliceOnObjectSelectsNothing", "$.a[0:1]", "[]"},
    {"IndexUnionSkipsOutOfRange", "$.arr[0,2,9]", "[10,30]"},
    {"NameUnionBeforeMoreSteps", "$['a','e'].b", R"([{"c":1}])"},
    {"RecursiveMember", "$..n", "[1,2,3]"},
    {"RecursiveMemberDeep", "$..c", "[1]"},
    {"RecursiveFilterTestsEveryObject", "$..[?(@.n > 1)]", R"([{"n":2,"t":"y"},{"n":3}])"},
    {"IndefiniteMissingPrefixIsEmpty", "$.missing[*]", "[]"},
    // Functions.
    {"LengthOfArray", "$.arr.length()", "5"},
    {"LengthOfObject", "$.objs[0].length()", "2"},
    {"LengthOfStringIsNull", "$.s.length()", "null"},
    {"SizeReadsAsLength", "$.arr.size()", "5"},
    {"SumIsADouble", "$.arr.sum()", "150.0"},
    {"Min", "$.arr.min()", "10.0"},
    {"Max", "$.arr.max()", "50.0"},
    {"Avg", "$.arr.avg()", "30.0"},
    {"StddevIsThePopulationOne", "$.arr.stddev()", "14.142135623730951"},
    {"First", "$.arr.first()", "10"},
    {"Last", "$.arr.last()", "50"},
    {"FirstOfNonArrayIsNull", "$.a.first()", "null"},
    {"Keys", "$.objs[0].keys()", R"(["n","t"])"},
    {"KeysOfNonObjectIsNull", "$.arr.keys()", "null"},
    {"FunctionAfterIndefinitePathAppliesToAllMatches", "$..n.sum()", "6.0"},
    {"LengthAfterWildcardCountsMatches", "$.objs[*].n.length()", "3"},
    // Misses of definite paths, in Jayway's words.
    {"MissingLastMember", "$.missing", "MISS: No results for path: $['missing']"},
    {"MissingLastMemberDeep", "$.a.missing", "MISS: No results for path: $['a']['missing']"},
    {"MissingIntermediateMember", "$.missing.x", "MISS: Missing property in path $['missing']"},
    {"MissingIntermediateMemberDeep", "$.a.missing.x.y",
     "MISS: Missing property in path $['a']['missing']"},
    {"MemberBeforeFunctionIsNotTheLeaf", "$.missing.length()",
     "MISS: Missing property in path $['missing']"},
    {"IndexOutOfRange", "$.arr[7]", "MISS: No results for path: $['arr'][7]"},
    {"NegativeIndexOutOfRange", "$.arr[-9]", "MISS: No results for path: $['arr'][-9]"},
    {"IndexOutOfRangeBeforeMoreSteps", "$.arr[7].x", "MISS: No results for path: $['arr'][7]['x']"},
    {"MemberOfString", "$.s.x",
     "MISS: Expected to find an object with property ['x'] in path $['s'] but found 'string'"},
    {"MemberOfNull", "$.nul.x",
     "MISS: Expected to find an object with property ['x'] in path $['nul'] but found 'null'"},
    {"IndexOfObject", "$.a[0]",
     R"(MISS: Filter: [0] can only be applied to arrays. Current context is: {"b":{"c":1}})"},
    {"IndexOfNull", "$.nul[0]", "MISS: The path $['nul'] is null"},
    {"AggregateWithoutNumbers", "$.e.sum()",
     "MISS: Aggregation function attempted to calculate value using empty array"},
};

INSTANTIATE_TEST_SUITE_P(PathForms, SelectTest, ::testing::ValuesIn(kSelectCases),
                         [](const auto& caseInfo) { return std::string(caseInfo.param.name); });

TEST(SelectPathTest, DollarSelectsTheWholeInput) {
  Value doc = json(kDocument);
  EXPECT_EQ(select("$", doc), toJson(doc));
}

TEST(SelectPathTest, RecursiveWildcardVisitsParentsBeforeChildren) {
  EXPECT_EQ(select("$..*", json(R"({"a":{"b":1},"c":[2]})")), R"([{"b":1},[2],1,2])");
}

TEST(SelectPathTest, RecursiveIndexAppliesToEveryArray) {
  EXPECT_EQ(select("$..[0]", json(R"({"x":[1,[2,3]],"y":{"z":[4]}})")), "[1,2,4]");
}

TEST(SelectPathTest, SliceOverMissingMembersIsEmptyAsAwsRecords) {
  // AWS: Parameters {"item.$": "$.item.items[1:5].itemValue"} over {} gives {"item": []}.
  EXPECT_EQ(select("$.item.items[1:5].itemValue", json("{}")), "[]");
}

TEST(SelectPathTest, ContextRoot) {
  Value context = json(R"({"Execution":{"Id":"e-1"}})");
  PathRoots roots;
  roots.context = &context;
  PathOutcome out = selectPath(path("$$.Execution.Id"), roots);
  ASSERT_TRUE(out.found());
  EXPECT_EQ(toJson(out.value), "\"e-1\"");
}

class MapVariables : public VariableSource {
public:
  explicit MapVariables(Value vars) : vars_(std::move(vars)) {}
  const Value* findVariable(std::string_view name) const override { return vars_.find(name); }

private:
  Value vars_;
};

TEST(SelectPathTest, VariableRoot) {
  MapVariables vars(json(R"({"x":{"y":[7,8]}})"));
  PathRoots roots;
  roots.variables = &vars;
  PathOutcome out = selectPath(path("$x.y[1]"), roots);
  ASSERT_TRUE(out.found());
  EXPECT_EQ(toJson(out.value), "8");
}

TEST(SelectPathTest, UnknownVariableIsAMissAtTheRoot) {
  MapVariables vars(json("{}"));
  PathRoots roots;
  roots.variables = &vars;
  Path p = path("$nope.y");
  PathOutcome out = selectPath(p, roots);
  EXPECT_EQ(out.miss, PathMissKind::UnknownVariable);
  EXPECT_EQ(out.failedSegments, 0u);
  EXPECT_EQ(describePathMiss(p, out), "No variable named '$nope' is in scope");
}

TEST(SelectPathTest, VariableWithoutAnySourceIsUnknown) {
  PathOutcome out = selectPath(path("$x"), PathRoots{});
  EXPECT_EQ(out.miss, PathMissKind::UnknownVariable);
}

TEST(SelectPathTest, AbsentInputReadsAsNull) {
  PathOutcome out = selectPath(path("$"), PathRoots{});
  ASSERT_TRUE(out.found());
  EXPECT_TRUE(out.value.isNull());
}

TEST(SelectPathTest, MissNamesTheFailedPrefix) {
  Value doc = json(kDocument);
  PathRoots roots;
  roots.input = &doc;
  PathOutcome out = selectPath(path("$.a.missing.x"), roots);
  EXPECT_EQ(out.miss, PathMissKind::MissingProperty);
  EXPECT_EQ(out.failedSegments, 2u);
  out = selectPath(path("$.a.b.missing"), roots);
  EXPECT_EQ(out.miss, PathMissKind::NoResults);
  EXPECT_EQ(out.failedSegments, 3u);
  EXPECT_EQ(describePathMiss(path("$.a"), PathOutcome{}), "");
}

TEST(SelectPathTest, SelectionSharesTheInputsNodes) {
  Value doc = json(kDocument);
  PathRoots roots;
  roots.input = &doc;
  PathOutcome out = selectPath(path("$.a.b"), roots);
  ASSERT_TRUE(out.found());
  EXPECT_EQ(out.value.payloadIdentity(), doc.find("a")->find("b")->payloadIdentity());
}

TEST(SelectPathTest, DefinitePathSelectsWithoutAllocating) {
  if (!ASL_COUNTS_ALLOCATIONS) GTEST_SKIP() << "allocations are not counted under sanitizers";
  Value doc = json(kDocument);
  Path p = path("$.objs[1]['t']");
  PathRoots roots;
  roots.input = &doc;
  long before = gAllocations.load();
  PathOutcome out = selectPath(p, roots);
  PathOutcome missed = selectPath(p, PathRoots{});
  long after = gAllocations.load();
  EXPECT_EQ(after - before, 0);
  EXPECT_TRUE(out.found());
  EXPECT_FALSE(missed.found());
}

TEST(SelectsOneValueTest, FollowsJaywaysDefiniteness) {
  EXPECT_TRUE(selectsOneValue(path("$")));
  EXPECT_TRUE(selectsOneValue(path("$.a[0]['b']")));
  EXPECT_TRUE(selectsOneValue(path("$.a.length()")));
  EXPECT_TRUE(selectsOneValue(path("$['a','b']")));
  EXPECT_TRUE(selectsOneValue(path("$.a[(@.length-1)]")));
  EXPECT_FALSE(selectsOneValue(path("$['a','b'].c")));
  EXPECT_FALSE(selectsOneValue(path("$[0,1]")));
  EXPECT_FALSE(selectsOneValue(path("$..a")));
  EXPECT_FALSE(selectsOneValue(path("$.a[*]")));
  EXPECT_FALSE(selectsOneValue(path("$.a[1:]")));
  EXPECT_FALSE(selectsOneValue(path("$.a[?(@.x)]")));
}

} // namespace
} // namespace asl::eval
