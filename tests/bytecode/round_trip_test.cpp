// A program written as .aslb and loaded back is the same program: the bytes of a second write
// are identical for every definition of the conformance corpus, and loaded programs equal the
// lowered ones field by field.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "compiler/bytecode/writer.h"
#include "runtime/bytecode/loader.h"
#include "tests/bytecode/corpus_modules.h"
#include "tests/bytecode/program_equal.h"

namespace asl::testing {
namespace {

std::string corpusDir() {
  return std::string(ASL_SOURCE_DIR) + "/tests/conformance/corpus";
}

bc::Program compile(std::string name, std::string text) {
  auto program = compileDefinition({std::move(name), std::move(text)});
  EXPECT_TRUE(program.ok()) << (program.ok() ? "" : program.error().message);
  return program.ok() ? std::move(program).value() : bc::Program{};
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void expectRoundTrip(const bc::Program& program) {
  std::string bytes = bytecode::writeProgram(program);
  EXPECT_EQ(bytecode::writeProgram(program), bytes) << "the writer is not deterministic";
  auto loaded = bc::loadProgram(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  expectProgramsEqual(program, *loaded);
  EXPECT_EQ(bytecode::writeProgram(*loaded), bytes);
}

TEST(BytecodeRoundTripTest, EveryCorpusDefinitionWritesTheSameBytesAfterLoading) {
  auto definitions = corpusDefinitions(corpusDir());
  ASSERT_GT(definitions.size(), 800u);
  size_t compiled = 0;
  for (const CorpusDefinition& d : definitions) {
    auto program = compileDefinition(d);
    // Execute cases that AWS rejects at run time may not validate; they have nothing to write.
    if (!program.ok()) continue;
    ++compiled;
    std::string bytes = bytecode::writeProgram(*program);
    auto loaded = bc::loadProgram(bytes);
    ASSERT_TRUE(loaded.ok()) << d.name << ": " << loaded.error().message;
    ASSERT_EQ(bytecode::writeProgram(*loaded), bytes) << d.name;
  }
  std::cout << "[ round trip ] " << compiled << " of " << definitions.size()
            << " corpus definitions compiled, written, loaded and rewritten\n";
  // Every validate case expected valid and nearly every execute case compiles.
  EXPECT_GT(compiled, definitions.size() * 95 / 100) << compiled << " of " << definitions.size();
}

TEST(BytecodeRoundTripTest, SamplesLoadFieldByField) {
  for (const char* sample : {"samples/order-processing/order-processing.asl.json",
                             "samples/jsonata/shipping-quote.asl.json"}) {
    SCOPED_TRACE(sample);
    expectRoundTrip(compile(sample, readFile(std::string(ASL_SOURCE_DIR) + "/" + sample)));
  }
}

TEST(BytecodeRoundTripTest, JsonataDecorationsAndPositionsSurvive) {
  bc::Program p = compile("jsonata", R"json({
"QueryLanguage": "JSONata", "StartAt": "A",
"States": {
 "A": {"Type": "Pass", "Assign": {"total": "{% $sum(Account.Order.Product[Price > 10].(Price * Quantity)) %}",
   "grouped": "{% Account.Order.Product{`Product Name`: Price} %}",
   "indexed": "{% Account.Order#$i.Product@$p[$i < 2].{'n': $p.SKU, 'i': $i} %}",
   "parent": "{% Account.Order.Product.%.OrderID %}",
   "sorted": "{% Account.Order.Product^(>Price, <Quantity)[0] %}",
   "fn": "{% (function($x, $y)<nn:n>{ $x > 0 ? $y : $x }) (1, 2) %}",
   "rec": "{% ($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5)) %}",
   "tf": "{% $ ~> |Account.Order|{'seen': true}, ['x']| %}",
   "re": "{% $match('abc', /b+/i) %}",
   "partial": "{% $substring(?, 0, 2)('hello') %}"},
  "Output": {"items": "{% [1..3][] %}", "lit": [1, 2.5, -3, true, null, "s", {"k": {}}]},
  "Next": "B"},
 "B": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.x = 1 %}", "Next": "C"}], "Default": "D"},
 "C": {"Type": "Wait", "Seconds": "{% 1 + 1 %}", "Next": "D"},
 "D": {"Type": "Fail", "Error": "{% 'E' & 'rr' %}", "Cause": "c"}
}})json");
  expectRoundTrip(p);
}

TEST(BytecodeRoundTripTest, JsonPathTreesMapsAndParallelsSurvive) {
  bc::Program p = compile("jsonpath", R"json({
"Comment": "c", "TimeoutSeconds": 60, "StartAt": "P",
"States": {
 "P": {"Type": "Parallel", "Next": "M", "ResultSelector": {"first.$": "$[0]"},
  "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 4, "BackoffRate": 1.5,
             "MaxDelaySeconds": 10, "JitterStrategy": "FULL"}],
  "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "F"}],
  "Branches": [
   {"StartAt": "B1", "States": {"B1": {"Type": "Pass", "Parameters": {"a.$": "$.items[?(@.price < 10 && @.tag =~ /a.*/i)].name",
      "b.$": "States.Format('x{}y', States.ArrayLength($.items[0:2]))", "c.$": "$..name", "d.$": "$$.Execution.Id",
      "e.$": "$['a','b']", "f.$": "$.items.length()"}, "End": true}}},
   {"StartAt": "B2", "States": {"B2": {"Type": "Wait", "Timestamp": "2024-01-01T00:00:00Z", "End": true}}}]},
 "M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2, "ItemSelector": {"v.$": "$$.Map.Item.Value"},
  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "T",
   "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecondsPath": "$.t",
                    "HeartbeatSeconds": 5, "End": true}}},
  "ResultPath": null, "Next": "C"},
 "C": {"Type": "Choice", "Choices": [
   {"And": [{"Variable": "$.a", "NumericGreaterThanPath": "$.b"}, {"Not": {"Variable": "$.c", "IsNull": true}}], "Next": "S"},
   {"Variable": "$.s", "StringMatches": "a*b", "Next": "F"}], "Default": "S"},
 "S": {"Type": "Succeed", "OutputPath": null},
 "F": {"Type": "Fail", "ErrorPath": "$.e", "Cause": "bad"}
}})json");
  expectRoundTrip(p);
}

} // namespace
} // namespace asl::testing
