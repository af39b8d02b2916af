// JSONPath selection and ResultPath placement over asl::Value, as Jayway JsonPath (AWS) does.
#include "runtime/eval/path_eval.h"

#include <gtest/gtest.h>

#include "compiler/lang/jsonpath_parser.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::eval {
namespace {

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? std::move(v).value() : Value();
}

Path path(std::string_view text) {
  auto p = lang::parsePath(text, lang::PathSyntaxKind::Path);
  EXPECT_TRUE(p.ok()) << text;
  return p.ok() ? std::move(p).value() : Path();
}

class Roots final : public PathRoots {
public:
  Value in, ctx, var;
  const Value* input() const override { return &in; }
  const Value* context() const override { return &ctx; }
  const Value* variable(std::string_view name) const override {
    return name == "var" ? &var : nullptr;
  }
};

const char* kStore = R"({"store":{"book":[
  {"category":"reference","author":"Nigel Rees","title":"Sayings","price":8.95},
  {"category":"fiction","author":"Evelyn Waugh","title":"Sword","price":12.99,"isbn":"0-553"},
  {"category":"fiction","author":"Herman Melville","title":"Moby Dick","price":8.99,"isbn":"0-679"}],
  "bicycle":{"color":"red","price":19.95}},"n":[3,1,2],"s":"hello"})";

std::string select(std::string_view p, std::string_view doc = kStore) {
  Roots roots;
  roots.in = json(doc);
  roots.ctx = json(R"({"Execution":{"Name":"e1"}})");
  roots.var = json(R"({"x":[10,20]})");
  PathSelection s = selectPath(path(p), roots);
  if (!s.found) return "miss:" + describeMiss(path(p), s);
  return toJson(s.value);
}

struct Case {
  const char* path;
  const char* expected;
};

class SelectsLikeJayway : public testing::TestWithParam<Case> {};

TEST_P(SelectsLikeJayway, Selects) {
  EXPECT_EQ(select(GetParam().path), GetParam().expected) << GetParam().path;
}

INSTANTIATE_TEST_SUITE_P(
    PathForms, SelectsLikeJayway,
    testing::Values(
        Case{"$.s", R"("hello")"}, Case{"$['store']['bicycle']['color']", R"("red")"},
        Case{"$.store.book[0].title", R"("Sayings")"},
        Case{"$.store.book[-1].title", R"("Moby Dick")"}, Case{"$.n[*]", "[3,1,2]"},
        Case{"$.store.bicycle.*", R"(["red",19.95])"}, Case{"$.n[0:2]", "[3,1]"},
        Case{"$.n[1:]", "[1,2]"}, Case{"$.n[:-1]", "[3,1]"}, Case{"$.n[0,2]", "[3,2]"},
        Case{"$.store.bicycle['color','price']", R"(["red",19.95])"},
        Case{"$.store.book[?(@.price < 10)].title", R"(["Sayings","Moby Dick"])"},
        Case{"$.store.book[?(@.isbn)].title", R"(["Sword","Moby Dick"])"},
        Case{"$.store.book[?(@.category == 'fiction' && @.price > 10)].author",
             R"(["Evelyn Waugh"])"},
        Case{"$.store.book[?(@.author =~ /.*Rees/)].price", "[8.95]"},
        Case{"$.store.book[?(!(@.price < 10))].title", R"(["Sword"])"},
        Case{"$.store.book[(@.length-1)].title", R"(["Moby Dick"])"},
        Case{"$..price", "[8.95,12.99,8.99,19.95]"},
        Case{"$..book[1].author", R"(["Evelyn Waugh"])"}, Case{"$.n.length()", "3"},
        Case{"$.n.sum()", "6.0"}, Case{"$.n.min()", "1.0"}, Case{"$.n.max()", "3.0"},
        Case{"$.n.avg()", "2.0"}, Case{"$.store.bicycle.keys()", R"(["color","price"])"},
        Case{"$.n.first()", "3"}, Case{"$.n.last()", "2"}, Case{"$$.Execution.Name", R"("e1")"},
        Case{"$var.x[1]", "20"}, Case{"$.n[5]", "miss:No results for path: $['n'][5]"},
        Case{"$.nope", "miss:No results for path: $['nope']"},
        Case{"$.no.such.path", "miss:Missing property in path $['no']"},
        Case{"$.s.x", "miss:No results for path: $['s']['x']"}, Case{"$.nope[*]", "[]"}));

TEST(SelectPath, RootSelectsTheWholeInput) {
  EXPECT_EQ(select("$", R"({"a":1})"), R"({"a":1})");
}

TEST(SelectPath, DefinitePathSharesTheSelectedNode) {
  Roots roots;
  roots.in = json(R"({"a":{"b":[1,2,3]}})");
  PathSelection s = selectPath(path("$.a.b"), roots);
  ASSERT_TRUE(s.found);
  EXPECT_EQ(s.value.payloadIdentity(), roots.in.find("a")->find("b")->payloadIdentity());
}

TEST(SelectPath, UnsetVariableIsAMiss) {
  Roots roots;
  EXPECT_FALSE(selectPath(path("$other.x"), roots).found);
}

std::string place(std::string_view input, std::string_view at, std::string_view result) {
  auto p = lang::parsePath(at, lang::PathSyntaxKind::ReferencePath);
  EXPECT_TRUE(p.ok()) << at;
  Value out;
  if (!placeAtPath(json(input), *p, json(result), out)) return "cannot place";
  return toJson(out);
}

TEST(PlaceAtPath, ReplacesAtTheRoot) {
  EXPECT_EQ(place(R"({"a":1})", "$", "[1]"), "[1]");
}
TEST(PlaceAtPath, AddsAMember) {
  EXPECT_EQ(place(R"({"a":1})", "$.b", "2"), R"({"a":1,"b":2})");
}
TEST(PlaceAtPath, ReplacesAMemberInPlace) {
  EXPECT_EQ(place(R"({"a":1,"b":2})", "$.a", "3"), R"({"a":3,"b":2})");
}
TEST(PlaceAtPath, CreatesMissingObjects) {
  EXPECT_EQ(place(R"({"a":1})", "$.x.y.z", "true"), R"({"a":1,"x":{"y":{"z":true}}})");
}
TEST(PlaceAtPath, ReplacesAnArrayItem) {
  EXPECT_EQ(place(R"({"a":[1,2]})", "$.a[1]", "9"), R"({"a":[1,9]})");
}
TEST(PlaceAtPath, RefusesAnIndexBeyondTheArray) {
  EXPECT_EQ(place(R"({"a":[1]})", "$.a[3]", "9"), "cannot place");
}
TEST(PlaceAtPath, RefusesAMemberOfAScalar) {
  EXPECT_EQ(place(R"({"a":1})", "$.a.b", "9"), "cannot place");
}
TEST(PlaceAtPath, RefusesAMemberOfANonObjectInput) {
  EXPECT_EQ(place("[1]", "$.a", "9"), "cannot place");
}

TEST(PlaceAtPath, SharesEverythingOffThePath) {
  Value input = json(R"({"big":{"k":[1,2,3]},"x":{"y":1}})");
  auto p = lang::parsePath("$.x.z", lang::PathSyntaxKind::ReferencePath);
  Value out;
  ASSERT_TRUE(placeAtPath(input, *p, Value::integer(5), out));
  EXPECT_EQ(out.find("big")->payloadIdentity(), input.find("big")->payloadIdentity());
}

} // namespace
} // namespace asl::eval
