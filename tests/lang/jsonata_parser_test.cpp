// The JSONata parser: exact trees (as S-expressions) after post-parse processing, and
// JSONata's error codes and positions for malformed expressions.
#include "compiler/lang/jsonata/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace asl::lang::jsonata {
namespace {

std::string tree(std::string_view expr, ParseOptions options = {}) {
  auto result = parseJsonata(expr, Limits{}, options);
  if (!result.ok()) return "error " + result.error().code;
  return eval::jsonata::toSExpression(**result);
}

JsonataError errorOf(std::string_view expr, Limits limits = {}) {
  auto result = parseJsonata(expr, limits);
  if (result.ok()) {
    ADD_FAILURE() << expr << " parsed";
    return {};
  }
  return result.error();
}

TEST(JsonataParserTest, DotChainsBecomeOnePathWithStages) {
  EXPECT_EQ(tree("Account.Order[0].Product"),
            "(path Account (with Order (stages (filter 0))) Product)");
  EXPECT_EQ(tree("a.b.c.d"), "(path a b c d)");
  EXPECT_EQ(tree("foo.and.or"), "(path foo and or)");
}

TEST(JsonataParserTest, OperatorPrecedenceFollowsJsonata) {
  EXPECT_EQ(tree("a.b * 2 + 1"), "(+ (* (path a b) 2) 1)");
  EXPECT_EQ(tree("1 + 2 * 3 - 4"), "(- (+ 1 (* 2 3)) 4)");
  EXPECT_EQ(tree("a = 1 and b != 2 or c"), "(or (and (= (path a) 1) (!= (path b) 2)) (path c))");
  EXPECT_EQ(tree("\"a\" & b in [1..3]"), "(in (& \"a\" (path b)) (array (.. 1 3)))");
}

TEST(JsonataParserTest, StringStepsBecomeNames) {
  EXPECT_EQ(tree("\"a b\".c"), "(path (name \"a b\") c)");
  EXPECT_EQ(tree("`Product Name`"), "(path (name \"Product Name\"))");
}

TEST(JsonataParserTest, NegatedNumberLiteralsAreFolded) {
  EXPECT_EQ(tree("-5"), "-5");
  EXPECT_EQ(tree("-a"), "(- (path a))");
}

TEST(JsonataParserTest, EmptyBracketsKeepSingletonArrays) {
  EXPECT_EQ(tree("a[]"), "(with (path :keep-singleton-array (with a :keep-array)) :keep-array)");
  EXPECT_EQ(tree("a.b[0][]"), "(path :keep-singleton-array a (with b :keep-array (stages (filter 0))))");
}

TEST(JsonataParserTest, PredicateOnNonStepIsAPredicateNotAStage) {
  EXPECT_EQ(tree("[1,2,3][0]"), "(with (array 1 2 3) (predicate (filter 0)))");
  EXPECT_EQ(tree("$[0]"), "(with $ (predicate (filter 0)))");
}

TEST(JsonataParserTest, ArrayConstructorsAtPathEndsAreNotFlattened) {
  EXPECT_EQ(tree("a.[b]"), "(path a (with (array (path b)) :cons-array))");
  EXPECT_EQ(tree("([1]; [2].x)"),
            "(with (block (array 1) (path (with (array 2) :cons-array) x)) :cons-array)");
}

TEST(JsonataParserTest, ObjectConstructorAndGrouping) {
  EXPECT_EQ(tree("{\"a\": 1, \"b\": [2]}"), "(object (\"a\" 1) (\"b\" (array 2)))");
  EXPECT_EQ(tree("Account.Order{OrderID: $sum(Product.Price)}"),
            "(with (path Account Order) (group ((path OrderID) (call $sum (path Product Price)))))");
  EXPECT_EQ(tree("a.{'k': b}"), "(path a (object (\"k\" (path b))))");
}

TEST(JsonataParserTest, SortIsAPathStep) {
  EXPECT_EQ(tree("Account.Order^(>OrderID, <Product.Price, x)"),
            "(path Account Order (sort (desc (path OrderID)) (asc (path Product Price)) (asc (path x))))");
}

TEST(JsonataParserTest, FocusAndIndexBindingsMakeTupleSteps) {
  EXPECT_EQ(tree("library.loans@$l.books@$b[$l.isbn=$b.isbn].{'title': $b.title}"),
            "(path library (with loans :focus $l :tuple) (with books :focus $b :tuple "
            "(stages (filter (= (path $l isbn) (path $b isbn))))) (object (\"title\" (path $b title))))");
  EXPECT_EQ(tree("library.books#$i[$i < 2]"),
            "(path library (with books :index $i :tuple (stages (filter (< $i 2)))))");
  EXPECT_EQ(tree("a[0]#$i"), "(path (with a :tuple (stages (filter 0) (index $i))))");
  EXPECT_EQ(tree("$[0]#$i"), "(path (with $ :tuple (stages (filter 0) (index $i))))");
}

TEST(JsonataParserTest, ParentOperatorIsTiedToAnEarlierStep) {
  EXPECT_EQ(tree("Account.Order.Product.%.OrderID"),
            "(path Account Order (with Product :tuple :ancestor !0) (parent !0) OrderID)");
  EXPECT_EQ(tree("library.loans.%.%"),
            "(path (with library :tuple :ancestor !1) (with loans :tuple :ancestor !0) (parent !0) (parent !1))");
  EXPECT_EQ(tree("a.b[%.c]"), "(path a (with b :tuple :ancestor !0 (stages (filter (path (parent !0) c)))))");
}

TEST(JsonataParserTest, FunctionsLambdasAndPartials) {
  EXPECT_EQ(tree("$sum(a.(b * c))"), "(call $sum (path a (block (* (path b) (path c)))))");
  EXPECT_EQ(tree("function($x, $y)<n-n:n>{$x + $y}"), "(lambda ($x $y) <n-n:n> (+ $x $y))");
  EXPECT_EQ(tree("$f(?, 2)"), "(partial $f ? 2)");
  EXPECT_EQ(tree("x ~> $uppercase()"), "(~> (path x) (call $uppercase))");
}

TEST(JsonataParserTest, TailCallsInLambdaBodiesAreMarked) {
  EXPECT_EQ(tree("λ($f){$f(1)}"), "(lambda ($f) (tailcall $f 1))");
  EXPECT_EQ(tree("$f := function($n){$n <= 1 ? $n : $f($n - 1)}"),
            "(:= $f (lambda ($n) (if (<= $n 1) $n (tailcall $f (- $n 1)))))");
  EXPECT_EQ(tree("function($n){($x := 1; $g($n)[0])}"),
            "(lambda ($n) (block (:= $x 1) (with (call $g $n) (predicate (filter 0)))))");
}

TEST(JsonataParserTest, SignatureIsParsedIntoParameters) {
  auto result = parseJsonata("function($a, $b, $c)<s-a<n>(sn)?:b>{1}", Limits{});
  ASSERT_TRUE(result.ok());
  const eval::jsonata::Signature& sig = *(*result)->signature;
  EXPECT_EQ(sig.definition, "<s-a<n>(sn)?:b>");
  ASSERT_EQ(sig.params.size(), 3u);
  EXPECT_EQ(sig.params[0].type, 's');
  EXPECT_TRUE(sig.params[0].useContext);
  EXPECT_EQ(sig.params[1].type, 'a');
  EXPECT_EQ(sig.params[1].subtype, "n");
  EXPECT_EQ(sig.params[2].type, '(');
  EXPECT_EQ(sig.params[2].choice, "sn");
  EXPECT_TRUE(sig.params[2].optional);
  EXPECT_EQ(sig.returnType, "b");
}

TEST(JsonataParserTest, ConditionBlockBindTransformRegex) {
  EXPECT_EQ(tree("a ? b : c"), "(if (path a) (path b) (path c))");
  EXPECT_EQ(tree("a ? b"), "(if (path a) (path b))");
  EXPECT_EQ(tree("($a := 5; $a)"), "(block (:= $a 5) $a)");
  EXPECT_EQ(tree("| Account.Order | {\"x\": 1}, [\"y\"] |"),
            "(transform (path Account Order) (object (\"x\" 1)) (array \"y\"))");
  EXPECT_EQ(tree("$match(\"abc\", /b+/im)"), "(call $match \"abc\" /b+/im)");
  EXPECT_EQ(tree("a / b"), "(/ (path a) (path b))");
  EXPECT_EQ(tree("**.Price"), "(path ** Price)");
  EXPECT_EQ(tree("$$.a"), "(path $$ a)");
}

TEST(JsonataParserTest, DefaultOperatorsNeedTheOption) {
  ParseOptions v21;
  v21.defaultOperators = true;
  EXPECT_EQ(tree("a ?: b", v21), "(?: (path a) (path b))");
  EXPECT_EQ(tree("a ?? b", v21), "(?? (path a) (path b))");
  // JSONata 2.0.6, which AWS runs, reads `?:` as `?` then `:`.
  EXPECT_EQ(tree("a ?: b"), "error S0211");
  EXPECT_EQ(tree("a ?? b"), "error S0211");
}

TEST(JsonataParserTest, NodesKeepBytePositions) {
  auto result = parseJsonata("  a + $b", Limits{});
  ASSERT_TRUE(result.ok());
  const eval::jsonata::Node& plus = **result;
  EXPECT_EQ(plus.start, 4u);
  EXPECT_EQ(plus.position, 5u);
  EXPECT_EQ(plus.lhs->start, 2u);
  EXPECT_EQ(plus.rhs->start, 6u);
  EXPECT_EQ(plus.rhs->position, 8u);
}

TEST(JsonataParserTest, SyntaxErrorsHaveJsonataCodesPositionsAndTokens) {
  struct Case {
    const char* expr;
    const char* code;
    uint32_t position;
    const char* token;
  };
  const Case cases[] = {
      {"[1,2)", "S0202", 5, ")"},
      {"$lowercase(\"x\"", "S0203", 14, "(end)"},
      {"[1!2]", "S0204", 3, "!"},
      {"1=", "S0207", 2, "(end)"},
      {"function(x){$x}(3)", "S0208", 10, "x"},
      {"[1,2,3]{\"num\": $}[true]", "S0209", 18, ""},
      {"a{\"x\":1}{\"y\":2}", "S0210", 9, ""},
      {"@ bar", "S0211", 1, "@"},
      {"x:=1", "S0212", 1, "x"},
      {"$.7", "S0213", 3, ""},
      {"Account.Order@o.Product", "S0214", 15, "@"},
      {"Account.Order[1]@$o.Product", "S0215", 17, ""},
      {"Account.Order^(>OrderID)@$o", "S0216", 25, ""},
      {"Account.Order.Product;", "S0201", 22, ";"},
      {"λ($arg)<n<n>>{$arg}", "S0401", 11, ""},
      {"λ($arr)<(sa<n>)>>{$arr}", "S0402", 10, ""},
      {"%", "S0217", 1, "parent"},
      {"library.%%%", "S0217", 10, "binary"},
  };
  for (const Case& c : cases) {
    JsonataError e = errorOf(c.expr);
    EXPECT_EQ(e.code, c.code) << c.expr;
    EXPECT_EQ(e.position, c.position) << c.expr;
    EXPECT_EQ(e.token, c.token) << c.expr;
  }
}

TEST(JsonataParserTest, ErrorMessagesUseJsonataWording) {
  EXPECT_EQ(errorOf("[1,2)").message(), "Expected \"]\", got \")\"");
  EXPECT_EQ(errorOf("$.7").message(),
            "The literal value 7 cannot be used as a step within a path expression");
  EXPECT_EQ(errorOf("function(x){$x}").message(),
            "Parameter 1 of function definition must be a variable name (start with $)");
}

TEST(JsonataParserTest, ErrorConvertsToInvalidJsonataDiagnostic) {
  Diagnostic d = eval::jsonata::toDiagnostic(errorOf("[1,2]]"));
  EXPECT_EQ(d.code, DiagCode::InvalidJsonata);
  EXPECT_EQ(d.message, "S0201: syntax error: \"]\"");
  EXPECT_EQ(d.location.offset, 6u);
  Diagnostic d2 = eval::jsonata::toDiagnostic(errorOf("(1]"));
  EXPECT_EQ(d2.message, "S0202: expected \")\", got \"]\"");
  EXPECT_EQ(d2.location.offset, 3u);
}

TEST(JsonataParserTest, DeepNestingFailsWithLimitErrorNotACrash) {
  std::string deep(200, '(');
  deep += "1" + std::string(200, ')');
  JsonataError e = errorOf(deep);
  EXPECT_EQ(e.code, "L0001");
  EXPECT_EQ(e.message(), "Expression nests deeper than the limit of 64");

  Limits generous;
  generous.maxExpressionDepth = 500;
  EXPECT_TRUE(parseJsonata(deep, generous).ok());
}

TEST(JsonataParserTest, LongOperatorChainsAreBoundedToo) {
  std::string chain = "1";
  for (int i = 0; i < 5000; ++i) chain += "+1";
  EXPECT_EQ(errorOf(chain).code, "L0001");
  std::string ok = "1";
  for (int i = 0; i < 500; ++i) ok += "+1";
  EXPECT_TRUE(parseJsonata(ok, Limits{}).ok());
}

TEST(JsonataParserTest, OversizedExpressionIsRefused) {
  Limits small;
  small.maxExpressionBytes = 4;
  EXPECT_EQ(errorOf("1 + 2", small).code, "L0002");
}

TEST(JsonataParserTest, NoInputCrashesOrHangs) {
  // Every prefix of a feature-rich expression either parses or reports an error.
  const std::string expr =
      "($f := function($x, $y)<n-n:n>{$x + $y}; Account.Order@$o#$i[$i < 2].Product"
      "{`Product Name`: $sum(Price)}^(>Price).%.x ~> |a|{'b': /c/i}, [\"d\"]| ; [1..3][] ? -1 : \"\\u00e9\")";
  for (size_t n = 0; n <= expr.size(); ++n) {
    auto result = parseJsonata(std::string_view(expr).substr(0, n), Limits{});
    if (!result.ok()) {
      EXPECT_FALSE(result.error().code.empty());
    }
  }
}

} // namespace
} // namespace asl::lang::jsonata
