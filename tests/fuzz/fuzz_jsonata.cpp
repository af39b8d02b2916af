// libFuzzer target: any bytes as a JSONata expression, parsed and then evaluated against a
// small document holding every kind of JSON value, must end in a result or a JSONata error,
// never a crash, hang, sanitizer report or runaway allocation. The evaluation's own bounds
// (depth, machine stack, time) are what keep hostile expressions in check, so they are set
// well inside libFuzzer's -timeout; `$eval` gets the parser, as `aslc eval` gives it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "asl/limits.h"
#include "compiler/lang/jsonata/parser.h"
#include "runtime/eval/jsonata/evaluator.h"
#include "runtime/value/json_reader.h"

namespace {

namespace jn = asl::eval::jsonata;

constexpr std::string_view kDocument = R"({
  "Account": {"Name": "Firefly", "Order": [
    {"OrderID": "order103", "Product": [
      {"Name": "Bowler Hat", "ID": 858383, "Price": 34.45, "Quantity": 2, "Tags": ["hat", "felt"]},
      {"Name": "Trilby hat", "ID": 858236, "Price": 21.67, "Quantity": 1, "Tags": []}]},
    {"OrderID": "order104", "Product": [
      {"Name": "Cloak", "ID": 345664, "Price": 107.99, "Quantity": 1, "Tags": null}]}]},
  "numbers": [1, -2.5, 3e10, 0, 17], "strings": ["a", "", "Hello, World", "\u00e9\u4e2d"],
  "flags": [true, false, null], "nested": [[1, [2, [3]]], {"a": {"b": {"c": "deep"}}}],
  "date": "2018-03-01T12:34:56.789Z", "empty": {}
})";

const asl::Value& document() {
  static const asl::Value doc = asl::parseJsonValue(kDocument).value();
  return doc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  asl::Limits limits;
  auto tree = asl::lang::jsonata::parseJsonata(text, limits);
  if (!tree.ok()) return 0;
  jn::EvalOptions options;
  options.timeLimitMs = 1000;
  options.maxDepth = 500;
  options.nowMillis = 1519907696789;
  options.parser = [limits](std::string_view inner) {
    return asl::lang::jsonata::parseJsonata(inner, limits);
  };
  (void)jn::evaluate(**tree, document(), {{"x", asl::Value::integer(7)}}, options);
  return 0;
}
