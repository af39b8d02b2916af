// JSONPath parser: tree shapes, canonical form, reference-path rules, located errors, bounds.
#include "compiler/lang/jsonpath_parser.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace asl::lang {
namespace {

using eval::FilterExprKind;
using eval::Path;
using eval::PathRootKind;
using eval::PathSegmentKind;

Path parseOk(std::string_view text, PathSyntaxKind syntax = PathSyntaxKind::Path,
             const ParseOptions& options = {}) {
  Result<Path> result = parsePath(text, syntax, options);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : Path{};
}

Diagnostic parseError(std::string_view text, PathSyntaxKind syntax = PathSyntaxKind::Path,
                      const ParseOptions& options = {}) {
  Result<Path> result = parsePath(text, syntax, options);
  EXPECT_FALSE(result.ok()) << text << " parsed as " << (result.ok() ? result->toString() : "");
  if (result.ok()) return Diagnostic{};
  EXPECT_EQ(result.error().code, DiagCode::InvalidPath);
  return std::move(result).error();
}

std::string canonical(std::string_view text) {
  return parseOk(text).toString();
}

TEST(PathRootTest, DollarIsInput) {
  Path p = parseOk("$");
  EXPECT_EQ(p.root, PathRootKind::Input);
  EXPECT_TRUE(p.segments.empty());
  EXPECT_EQ(p.toString(), "$");
}

TEST(PathRootTest, DoubleDollarIsContext) {
  Path p = parseOk("$$.Execution.Input");
  EXPECT_EQ(p.root, PathRootKind::Context);
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[0].name, "Execution");
  EXPECT_EQ(p.toString(), "$$['Execution']['Input']");
  EXPECT_EQ(parseOk("$$").toString(), "$$");
}

TEST(PathRootTest, DollarNameIsVariable) {
  Path p = parseOk("$x.a.b");
  EXPECT_EQ(p.root, PathRootKind::Variable);
  EXPECT_EQ(p.variable, "x");
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.toString(), "$x['a']['b']");
  EXPECT_EQ(canonical("$x[0]"), "$x[0]");
  EXPECT_EQ(parseOk("$constant_str_path_root").variable, "constant_str_path_root");
  EXPECT_EQ(parseOk("$_a1").variable, "_a1");
}

TEST(PathRootTest, VariableNameCannotStartWithDigit) {
  Diagnostic d = parseError("$1abc");
  EXPECT_EQ(d.message, "unexpected '1'; expected '.', '[' or the end of the path");
  EXPECT_EQ(d.location.offset, 1u);
}

TEST(PathRootTest, ContextDigitsAreRejected) {
  Diagnostic d = parseError("$$23");
  EXPECT_EQ(d.message, "unexpected '2'; expected '.', '[' or the end of the path");
  EXPECT_EQ(d.location.offset, 2u);
}

TEST(PathRootTest, MustStartWithDollar) {
  for (std::string_view text : {".guid", "..guid", "()", "bug$.library.movies", "", "23"}) {
    Diagnostic d = parseError(text);
    EXPECT_EQ(d.message, "a path must start with '$'") << text;
    EXPECT_EQ(d.location.offset, 0u) << text;
  }
}

TEST(PathRootTest, LeadingBlankIsRejected) {
  EXPECT_EQ(parseError(" $.a").message, "a path must start with '$'");
}

TEST(PathRootTest, ContextRejectedWhenCallerDisallowsIt) {
  ParseOptions options;
  options.allowContext = false;
  Diagnostic d = parseError("$$.Execution", PathSyntaxKind::Path, options);
  EXPECT_EQ(d.message, "the context object ('$$') is not allowed here");
  EXPECT_EQ(d.location.offset, 0u);
}

TEST(PathRootTest, VariableRejectedWhenCallerDisallowsIt) {
  ParseOptions options;
  options.allowVariables = false;
  Diagnostic d = parseError("$foo", PathSyntaxKind::ReferencePath, options);
  EXPECT_EQ(d.message, "variables ('$foo') are not allowed here");
  EXPECT_EQ(d.location.offset, 0u);
  // Input paths are still fine.
  EXPECT_TRUE(parsePath("$.foo", PathSyntaxKind::ReferencePath, options).ok());
}

TEST(MemberTest, DotAndBracketFormsAreTheSameMember) {
  for (std::string_view text : {"$.a", "$['a']", "$[\"a\"]", "$[ 'a' ]"}) {
    Path p = parseOk(text);
    ASSERT_EQ(p.segments.size(), 1u) << text;
    EXPECT_EQ(p.segments[0].kind, PathSegmentKind::Member);
    EXPECT_EQ(p.segments[0].name, "a");
    EXPECT_EQ(p.toString(), "$['a']");
  }
}

TEST(MemberTest, DotNamesMayHoldHyphensAndOtherPunctuation) {
  // Jayway reads a dot name up to '.', '[', '(' or a blank; AWS accepted these.
  EXPECT_EQ(canonical("$.delivery-partner"), "$['delivery-partner']");
  EXPECT_EQ(canonical("$.input-foo-bar"), "$['input-foo-bar']");
  EXPECT_EQ(canonical("$.AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID"),
            "$['AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID']");
  EXPECT_EQ(canonical("$.caf\xc3\xa9"), "$['caf\xc3\xa9']");
}

TEST(MemberTest, BracketNamesMayHoldBlanksAndDots) {
  EXPECT_EQ(parseOk("$['a b.c']").segments[0].name, "a b.c");
}

TEST(MemberTest, EscapedQuoteAndBackslashAreResolved) {
  EXPECT_EQ(parseOk("$['it\\'s']").segments[0].name, "it's");
  EXPECT_EQ(parseOk("$[\"say \\\"hi\\\"\"]").segments[0].name, "say \"hi\"");
  EXPECT_EQ(parseOk("$['a\\\\b']").segments[0].name, "a\\b");
}

TEST(MemberTest, OtherBackslashesStayAsAwsReadsThem) {
  // Recorded against AWS: $['Test\""Name"'] reads the input key Test\""Name".
  Path p = parseOk("$['Test\\\"\"Name\"']");
  EXPECT_EQ(p.segments[0].name, "Test\\\"\"Name\"");
  EXPECT_EQ(p.toString(), "$['Test\\\\\"\"Name\"']");
  EXPECT_EQ(canonical(p.toString()), p.toString());
}

TEST(MemberTest, UnterminatedQuotedNameIsLocated) {
  Diagnostic d = parseError("$.a['bc");
  EXPECT_EQ(d.message, "unterminated string: no closing ' for the one at character 5");
  EXPECT_EQ(d.location.offset, 4u);
}

TEST(MemberTest, DotWithoutNameIsRejected) {
  Diagnostic d = parseError("$.");
  EXPECT_EQ(d.message, "expected a name or '*' after '.', found the end of the path");
  EXPECT_EQ(d.location.offset, 2u);
  EXPECT_EQ(parseError("$.a.[0]").message, "expected a name or '*' after '.', found '['");
}

TEST(MemberTest, BlankInsideDotNameNeedsBrackets) {
  Diagnostic d = parseError("$.a b");
  EXPECT_EQ(d.message, "unexpected 'b' after a blank; names with blanks need ['name']");
  EXPECT_EQ(d.location.offset, 4u);
}

TEST(IndexTest, PositiveAndNegativeIndexes) {
  Path p = parseOk("$.books[-2]");
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[1].kind, PathSegmentKind::Index);
  EXPECT_EQ(p.segments[1].index, -2);
  EXPECT_EQ(parseOk("$[0]").segments[0].index, 0);
  EXPECT_EQ(canonical("$.b[23]"), "$['b'][23]");
  EXPECT_EQ(canonical("$[ 3 ]"), "$[3]");
}

TEST(IndexTest, IndexOutOfRangeIsRejected) {
  Diagnostic d = parseError("$[99999999999999999999]");
  EXPECT_EQ(d.message, "index 99999999999999999999 is out of range");
  EXPECT_EQ(d.location.offset, 2u);
}

TEST(IndexTest, UnquotedNameInBracketsIsRejected) {
  Diagnostic d = parseError("$[abc]");
  EXPECT_EQ(d.message,
            "expected a quoted name, an index, a slice, '*' or a filter after '[', found 'a'");
  EXPECT_EQ(d.location.offset, 2u);
}

TEST(BracketTest, UnclosedBracketNamesWhereItOpened) {
  Diagnostic d = parseError("$.[");
  EXPECT_EQ(d.message, "expected a name or '*' after '.', found '['");
  d = parseError("$.a[0");
  EXPECT_EQ(d.message, "expected ']' to close the bracket opened at character 4");
  EXPECT_EQ(d.location.offset, 5u);
  d = parseError("$[");
  EXPECT_EQ(d.message, "expected ']' to close the bracket opened at character 2");
  d = parseError("$['a' x]");
  EXPECT_EQ(d.message, "expected ']' to close the bracket opened at character 2");
  EXPECT_EQ(d.location.offset, 6u);
}

TEST(BracketTest, ColumnsCountCodePoints) {
  Diagnostic d = parseError("$['\xc3\xa9'][0");
  EXPECT_EQ(d.message, "expected ']' to close the bracket opened at character 7");
  EXPECT_EQ(d.location.offset, 9u);
}

TEST(WildcardTest, DotAndBracketWildcards) {
  Path p = parseOk("$.items[*].itemValue");
  ASSERT_EQ(p.segments.size(), 3u);
  EXPECT_EQ(p.segments[1].kind, PathSegmentKind::Wildcard);
  EXPECT_EQ(p.toString(), "$['items'][*]['itemValue']");
  EXPECT_EQ(canonical("$.a.*"), "$['a'][*]");
  EXPECT_EQ(canonical("$[*]"), "$[*]");
}

TEST(RecursiveDescentTest, DescentFormsMarkTheSegment) {
  Path p = parseOk("$..name");
  ASSERT_EQ(p.segments.size(), 1u);
  EXPECT_TRUE(p.segments[0].recursive);
  EXPECT_EQ(p.segments[0].kind, PathSegmentKind::Member);
  EXPECT_EQ(p.toString(), "$..['name']");
  EXPECT_EQ(canonical("$..*"), "$..[*]");
  EXPECT_EQ(canonical("$..[0]"), "$..[0]");
  EXPECT_EQ(canonical("$.store..price"), "$['store']..['price']");
  EXPECT_EQ(canonical("$..book[?(@.isbn)]"), "$..['book'][?(@['isbn'])]");
}

TEST(RecursiveDescentTest, ThreeDotsAreRejected) {
  Diagnostic d = parseError("$...");
  EXPECT_EQ(d.message, "expected a name, '*' or '[' after '..', found '.'");
  EXPECT_EQ(d.location.offset, 3u);
  EXPECT_EQ(parseError("$..").message,
            "expected a name, '*' or '[' after '..', found the end of the path");
}

TEST(SliceTest, BoundsAndStepAreOptional) {
  Path p = parseOk("$.a[1:5]");
  const auto& s = p.segments[1];
  EXPECT_EQ(s.kind, PathSegmentKind::Slice);
  EXPECT_EQ(s.sliceStart, 1);
  EXPECT_EQ(s.sliceEnd, 5);
  EXPECT_FALSE(s.sliceStep.has_value());
  EXPECT_EQ(canonical("$[:2]"), "$[:2]");
  EXPECT_EQ(canonical("$[-2:]"), "$[-2:]");
  EXPECT_EQ(canonical("$[0:10:2]"), "$[0:10:2]");
  EXPECT_EQ(canonical("$[::-1]"), "$[::-1]");
  EXPECT_EQ(canonical("$[ 1 : ]"), "$[1:]");
  EXPECT_EQ(canonical("$[:]"), "$[:]");
}

TEST(SliceTest, ZeroStepIsRejected) {
  Diagnostic d = parseError("$[0:4:0]");
  EXPECT_EQ(d.message, "a slice step cannot be 0");
  EXPECT_EQ(d.location.offset, 6u);
}

TEST(UnionTest, IndexAndNameUnions) {
  Path p = parseOk("$[0, 1]");
  ASSERT_EQ(p.segments[0].kind, PathSegmentKind::Union);
  ASSERT_EQ(p.segments[0].entries.size(), 2u);
  EXPECT_TRUE(p.segments[0].entries[1].isIndex);
  EXPECT_EQ(p.segments[0].entries[1].index, 1);
  EXPECT_EQ(p.toString(), "$[0,1]");
  EXPECT_EQ(canonical("$['a', \"b\"]"), "$['a','b']");
}

TEST(UnionTest, DanglingCommaIsRejected) {
  EXPECT_EQ(parseError("$[0,]").message, "expected an index after ',', found ']'");
  EXPECT_EQ(parseError("$['a',]").message, "expected a quoted name after ',', found ']'");
}

TEST(FilterTest, ComparisonBuildsATree) {
  Path p = parseOk("$.users[?(@.status == 0)]");
  ASSERT_EQ(p.segments.size(), 2u);
  const auto& seg = p.segments[1];
  ASSERT_EQ(seg.kind, PathSegmentKind::Filter);
  ASSERT_TRUE(seg.expr);
  EXPECT_EQ(seg.expr->kind, FilterExprKind::Compare);
  EXPECT_EQ(seg.expr->compareOp, eval::CompareOpKind::Eq);
  ASSERT_EQ(seg.expr->operands.size(), 2u);
  EXPECT_EQ(seg.expr->operands[0].kind, FilterExprKind::Path);
  EXPECT_EQ(seg.expr->operands[0].path->root, PathRootKind::Current);
  EXPECT_EQ(seg.expr->operands[1].kind, FilterExprKind::Integer);
  EXPECT_EQ(p.toString(), "$['users'][?(@['status'] == 0)]");
}

TEST(FilterTest, ExistenceAndLogicalOperators) {
  EXPECT_EQ(canonical("$[?(@.a)]"), "$[?(@['a'])]");
  EXPECT_EQ(canonical("$.book[?(@.price < 10 && @.category == 'fiction')]"),
            "$['book'][?(@['price'] < 10 && @['category'] == 'fiction')]");
  EXPECT_EQ(canonical("$[?(@.a>1||@.b<=2.5)]"), "$[?(@['a'] > 1 || @['b'] <= 2.5)]");
  EXPECT_EQ(canonical("$[?(@.a >= 1 && @.b != \"x\")]"), "$[?(@['a'] >= 1 && @['b'] != 'x')]");
  EXPECT_EQ(canonical("$[?(!@.a)]"), "$[?(!@['a'])]");
  EXPECT_EQ(canonical("$[?(!(@.a == 1))]"), "$[?(!@['a'] == 1)]");
}

TEST(FilterTest, ParenthesesSurviveWhereTheyMatter) {
  EXPECT_EQ(canonical("$[?((@.a || @.b) && @.c)]"), "$[?((@['a'] || @['b']) && @['c'])]");
  EXPECT_EQ(canonical("$[?(@.a || (@.b && @.c))]"), "$[?(@['a'] || @['b'] && @['c'])]");
}

TEST(FilterTest, LiteralsOfEveryKind) {
  Path p = parseOk("$[?(@.a == true || @.b == null || @.c == -1.5e2 || @.d == 'q')]");
  EXPECT_EQ(p.toString(),
            "$[?(@['a'] == true || @['b'] == null || @['c'] == -150 || @['d'] == 'q')]");
}

TEST(FilterTest, BareWordComparesAsString) {
  // asl-validator's valid-current-value-predicate: [?(@.OutputKey == FooBar)].
  Path p = parseOk("$.RecordOutputs[?(@.OutputKey == FooBar)].OutputValue");
  const auto& expr = *p.segments[1].expr;
  EXPECT_EQ(expr.operands[1].kind, FilterExprKind::String);
  EXPECT_EQ(expr.operands[1].text, "FooBar");
}

TEST(FilterTest, RegexMatch) {
  Path p = parseOk("$[?(@.name =~ /^a.*\\/b$/i)]");
  const auto& expr = *p.segments[0].expr;
  EXPECT_EQ(expr.compareOp, eval::CompareOpKind::Match);
  EXPECT_EQ(expr.operands[1].kind, FilterExprKind::Regex);
  EXPECT_EQ(expr.operands[1].text, "^a.*\\/b$");
  EXPECT_EQ(expr.operands[1].flags, "i");
  EXPECT_EQ(p.toString(), "$[?(@['name'] =~ /^a.*\\/b$/i)]");
}

TEST(FilterTest, AbsolutePathsAndFunctionsInside) {
  EXPECT_EQ(canonical("$.a[?(@.price > $.limit)]"), "$['a'][?(@['price'] > $['limit'])]");
  EXPECT_EQ(canonical("$.a[?(@.tags.length() > 2)]"), "$['a'][?(@['tags'].length() > 2)]");
  EXPECT_EQ(canonical("$.a[?(@['b c'] == 1)]"), "$['a'][?(@['b c'] == 1)]");
}

TEST(FilterTest, NestedFilters) {
  EXPECT_EQ(canonical("$.a[?(@.b[?(@.c == 1)])]"), "$['a'][?(@['b'][?(@['c'] == 1)])]");
}

TEST(FilterTest, MalformedFiltersAreLocated) {
  Diagnostic d = parseError("$[?(@.a == 1]");
  EXPECT_EQ(d.message, "expected ')' to close the '(' at character 4, found ']'");
  EXPECT_EQ(d.location.offset, 12u);
  d = parseError("$[?(@.a = 1)]");
  EXPECT_EQ(d.message, "expected '==' or '=~', found a single '='");
  EXPECT_EQ(d.location.offset, 8u);
  d = parseError("$[?(1 < @.a < 3)]");
  EXPECT_EQ(d.message, "comparisons cannot be chained; use '&&'");
  EXPECT_EQ(d.location.offset, 6u);
  d = parseError("$[?@.a]");
  EXPECT_EQ(d.message, "expected '(' after '[?'");
  EXPECT_EQ(d.location.offset, 3u);
  d = parseError("$[?(@.a == )]");
  EXPECT_EQ(d.message, "expected a path, a literal or '(' in the expression, found ')'");
  EXPECT_EQ(d.location.offset, 11u);
  d = parseError("$[?(@.a == 'x)]");
  EXPECT_EQ(d.message, "unterminated string: no closing ' for the one at character 12");
  d = parseError("$[?(@.a =~ /x)]");
  EXPECT_EQ(d.message, "unterminated regular expression: no closing '/' for the one at character 12");
}

TEST(ScriptTest, ArithmeticScriptSelectsByComputedIndex) {
  // asl-validator's valid-path-array-context.
  Path p = parseOk("$[(@.length-1)].bar");
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[0].kind, PathSegmentKind::Script);
  EXPECT_EQ(p.segments[0].expr->kind, FilterExprKind::Arith);
  EXPECT_EQ(p.segments[0].expr->arithOp, eval::ArithOpKind::Sub);
  EXPECT_EQ(p.toString(), "$[(@['length'] - 1)]['bar']");
  EXPECT_EQ(canonical("$[(@.a - (1 - 2) * 3 % 4)]"), "$[(@['a'] - (1 - 2) * 3 % 4)]");
  EXPECT_EQ(canonical("$[(@.a - 1 - 2)]"), "$[(@['a'] - 1 - 2)]");
  EXPECT_EQ(canonical("$[(@.a / (2 * 3))]"), "$[(@['a'] / (2 * 3))]");
}

TEST(FunctionTest, TrailingFunctionIsASegment) {
  Path p = parseOk("$.items.length()");
  ASSERT_EQ(p.segments.size(), 2u);
  EXPECT_EQ(p.segments[1].kind, PathSegmentKind::Function);
  EXPECT_EQ(p.segments[1].name, "length");
  EXPECT_EQ(p.toString(), "$['items'].length()");
  for (std::string_view f : {"size", "min", "max", "avg", "stddev", "sum", "keys", "first", "last"})
    EXPECT_TRUE(parsePath("$.a." + std::string(f) + "()", PathSyntaxKind::Path).ok()) << f;
}

TEST(FunctionTest, UnknownFunctionIsRejected) {
  Diagnostic d = parseError("$.a.reverse()");
  EXPECT_EQ(d.message, "unknown path function 'reverse()'");
  EXPECT_EQ(d.location.offset, 4u);
}

TEST(FunctionTest, FunctionMustEndThePath) {
  Diagnostic d = parseError("$.a.length().b");
  EXPECT_EQ(d.message, "a function such as 'length()' must end the path");
  EXPECT_EQ(d.location.offset, 12u);
}

TEST(FunctionTest, FunctionArgumentsAreNotSupported) {
  Diagnostic d = parseError("$.a.concat('x')");
  EXPECT_EQ(d.message, "path functions with arguments are not supported ('concat(...)')");
  EXPECT_EQ(d.location.offset, 10u);
}

TEST(DefiniteTest, OnlyMembersIndexesAndTrailingFunctionsAreDefinite) {
  EXPECT_TRUE(parseOk("$").isDefinite());
  EXPECT_TRUE(parseOk("$.a[0]['b'][-1]").isDefinite());
  EXPECT_TRUE(parseOk("$.a.length()").isDefinite());
  for (std::string_view text :
       {"$.a[*]", "$..a", "$.a[1:]", "$.a[0,1]", "$.a[?(@.b)]", "$[(@.length-1)]"})
    EXPECT_FALSE(parseOk(text).isDefinite()) << text;
}

TEST(ReferencePathTest, AcceptsMembersAndIndexes) {
  Path p = parseOk("$.a['b c'][0][-1]", PathSyntaxKind::ReferencePath);
  EXPECT_TRUE(p.isReferencePath());
  EXPECT_TRUE(parseOk("$", PathSyntaxKind::ReferencePath).isReferencePath());
  EXPECT_TRUE(parseOk("$$.Map.Item.Value", PathSyntaxKind::ReferencePath).isReferencePath());
  EXPECT_FALSE(parseOk("$.a.length()").isReferencePath());
}

TEST(ReferencePathTest, RejectsWildcard) {
  Diagnostic d = parseError("$.a[*]", PathSyntaxKind::ReferencePath);
  EXPECT_EQ(d.message,
            "reference paths allow only '.name', \"['name']\" and '[index]' segments; found a "
            "wildcard");
  EXPECT_EQ(d.location.offset, 3u);
}

TEST(ReferencePathTest, RejectsEveryNonSingularSegment) {
  struct Case {
    std::string_view text;
    std::string_view found;
    uint32_t offset;
  };
  const Case cases[] = {
      {"$..a", "a recursive descent ('..')", 1},
      {"$.a[1:2]", "a slice", 3},
      {"$.a[0,1]", "a union", 3},
      {"$.a[?(@.b)]", "a filter", 3},
      {"$[(@.length-1)]", "a script expression", 1},
      {"$.a.length()", "a function call", 3},
      {"$.*", "a wildcard", 1},
  };
  for (const Case& c : cases) {
    Diagnostic d = parseError(c.text, PathSyntaxKind::ReferencePath);
    EXPECT_EQ(d.message, "reference paths allow only '.name', \"['name']\" and '[index]' "
                         "segments; found " +
                             std::string(c.found))
        << c.text;
    EXPECT_EQ(d.location.offset, c.offset) << c.text;
  }
}

TEST(CanonicalTest, PrefixNamesTheFirstSegments) {
  // AWS: "Invalid path '$.no.such.result.path' : Missing property in path $['no']".
  Path p = parseOk("$.no.such.result.path");
  EXPECT_EQ(p.prefixToString(1), "$['no']");
  EXPECT_EQ(p.prefixToString(0), "$");
  EXPECT_EQ(p.prefixToString(99), p.toString());
}

TEST(CanonicalTest, CanonicalFormReadsBackToItself) {
  const std::string_view texts[] = {"$",
                                    "$$",
                                    "$x",
                                    "$.a.b[0]",
                                    "$['it\\'s']['a\\\\b']",
                                    "$..*",
                                    "$..[0]",
                                    "$.a[1:5:2]",
                                    "$[-2:]",
                                    "$['a','b']",
                                    "$[0,1,2]",
                                    "$[?(@.a < 1 && (@.b || !@.c))]",
                                    "$[?(@.n =~ /x\\/y/)]",
                                    "$[(@.length-1)]",
                                    "$.a.length()",
                                    "$[?(@.a == 'it\\'s')]",
                                    "$[?(@.d == 0.1)]",
                                    "$[?(@.x == $y.z)]"};
  for (std::string_view text : texts) {
    std::string once = canonical(text);
    EXPECT_EQ(canonical(once), once) << text;
  }
}

TEST(PathSourceTest, SourceIsKeptVerbatim) {
  EXPECT_EQ(parseOk("$.a.b  ").source, "$.a.b");
  EXPECT_EQ(parseOk("$['x']").source, "$['x']");
}

TEST(TrailingTest, TrailingBlanksAreIgnoredButNotTrailingText) {
  EXPECT_EQ(canonical("$.a   "), "$['a']");
  Diagnostic d = parseError("$.a)");
  EXPECT_EQ(d.message, "unexpected ')'; expected '.', '[' or the end of the path");
  EXPECT_EQ(d.location.offset, 3u);
}

TEST(EmbeddedPathTest, StopsWhereAPathCannotContinue) {
  std::string_view text = "f($.a[?(@.b == 'x, y')].c, 2)";
  size_t end = 0;
  Result<Path> p = parseEmbeddedPath(text, 2, &end, ParseOptions{}, 0);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(end, 25u);
  EXPECT_EQ(p->source, "$.a[?(@.b == 'x, y')].c");
  EXPECT_EQ(p->toString(), "$['a'][?(@['b'] == 'x, y')]['c']");
}

TEST(LimitsTest, OverlongPathIsRejected) {
  ParseOptions options;
  options.limits.maxExpressionBytes = 8;
  Diagnostic d = parseError("$.abcdefgh", PathSyntaxKind::Path, options);
  EXPECT_EQ(d.message, "path is 10 bytes long, over the limit of 8");
  EXPECT_EQ(d.location.offset, 0u);
}

TEST(LimitsTest, DeepNestingStopsAtTheLimitWithoutRecursingFurther) {
  std::string parens = "$[?(" + std::string(10000, '(') + "@.a" + std::string(10000, ')') + ")]";
  Diagnostic d = parseError(parens);
  EXPECT_EQ(d.message, "expression nests deeper than the limit of 64");
  std::string nots = "$[?(" + std::string(10000, '!') + "@.a)]";
  EXPECT_EQ(parseError(nots).message, "expression nests deeper than the limit of 64");
  std::string filters;
  for (int i = 0; i < 10000; ++i)
    filters += "[?(@";
  EXPECT_EQ(parseError("$" + filters).message, "expression nests deeper than the limit of 64");
}

TEST(LimitsTest, NestingWithinTheLimitParses) {
  ParseOptions options;
  options.limits.maxExpressionDepth = 4;
  EXPECT_TRUE(parsePath("$[?(((@.a)))]", PathSyntaxKind::Path, options).ok());
  EXPECT_FALSE(parsePath("$[?((((@.a))))]", PathSyntaxKind::Path, options).ok());
}

TEST(RobustnessTest, EveryPrefixAndMutationFailsCleanly) {
  // Truncations and byte flips of rich paths must return a value or a located error.
  const std::string_view seeds[] = {
      "$.store.book[?(@.price < 10 && @.category == 'fiction')].title",
      "$..['a b'][0:10:2][*][-1]['x','y'][(@.length-1)].length()",
      "$$.Map.Item.Value[?(@.n =~ /a\\/b/i || !(@.m >= -1.5e3))]"};
  const char flips[] = {'[', ']', '(', ')', '\'', '"', '.', '$', '@', '\\', '\0', '\xff', ' ', ','};
  for (std::string_view seed : seeds) {
    for (size_t n = 0; n <= seed.size(); ++n) {
      std::string text(seed.substr(0, n));
      Result<Path> r = parsePath(text, PathSyntaxKind::Path);
      if (!r.ok()) {
        EXPECT_LE(r.error().location.offset, text.size()) << text;
      }
      for (char flip : flips) {
        if (n == seed.size()) continue;
        std::string mutated(seed);
        mutated[n] = flip;
        Result<Path> m = parsePath(mutated, PathSyntaxKind::ReferencePath);
        if (!m.ok()) {
          EXPECT_LE(m.error().location.offset, mutated.size()) << mutated;
        }
      }
    }
  }
}

TEST(ConformanceTest, PathsAwsAcceptedParse) {
  // A representative set from the conformance corpus's valid and executed definitions.
  const std::string_view texts[] = {
      "$",
      "$$",
      "$$.Execution.Input.input-value",
      "$$.Map.Item.Value.innerJobs",
      "$$.State.RetryCount",
      "$.fooList[1:]",
      "$.item.items[1:5].itemValue",
      "$.items[:1].itemValue",
      "$.items[*]",
      "$.books[-2]",
      "$.users[?(@.status == 0)]",
      "$['Test\\\"\"Name\"']",
      "$[2]",
      "$constant_obj.in_obj_constant_lst",
      "$inputPayload.data.firstname",
      "$.sub-values",
      "$[(@.length-1)].bar",
  };
  for (std::string_view text : texts)
    EXPECT_TRUE(parsePath(text, PathSyntaxKind::Path).ok()) << text;
  for (std::string_view text : {"$.detail.shipped_output", "$", "$.enigma.mystery", "$.fooList"})
    EXPECT_TRUE(parsePath(text, PathSyntaxKind::ReferencePath).ok()) << text;
}

} // namespace
} // namespace asl::lang
