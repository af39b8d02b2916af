// The evaluator's internals, shared by the core (evaluator.cpp) and the function libraries
// (functions_*.cpp). Not part of the runtime's interface.
//
// Errors travel as a C++ exception (JsonataThrow) inside one evaluation only: a JSONata error
// unwinds through arbitrarily deep recursion and user callbacks, and success costs nothing.
// evaluate() catches it, so no exception leaves the module.
#pragma once

#include <chrono>
#include <deque>
#include <random>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/eval/jsonata/evaluator.h"
#include "runtime/eval/jsonata/function.h"
#include "runtime/eval/jsonata/jvalue.h"
#include "runtime/eval/random_source.h"

namespace asl::eval::jsonata {

struct JsonataThrow {
  JsonataError error;
};

/// A scope of variable bindings. Frames live in the evaluation's arena, so closures may refer
/// to them without reference cycles (a recursive function is bound in the frame it captures).
struct Frame {
  Frame* parent = nullptr;
  std::vector<std::pair<std::string, JValue>> bindings;

  void bind(std::string_view name, JValue value);
  /// The innermost binding of `name`, or nullptr.
  const JValue* lookup(std::string_view name) const;
};

/// Builds an error; `value` is quoted in the message as JSON unless it is a number or literal.
JsonataError makeError(std::string_view code, uint32_t position = 0);
[[noreturn]] void throwError(std::string_view code, uint32_t position = 0);
[[noreturn]] void throwError(JsonataError error);
/// An error whose message shows a value (T2001's "The left side...", D3030's value...).
[[noreturn]] void throwValueError(std::string_view code, const JValue& value,
                                  uint32_t position = 0);

class Evaluator {
public:
  Evaluator(const EvalOptions& options, const FunctionRegistry& functions);

  JValue evaluate(const Node& expr, const JValue& input, Frame* env);
  /// Calls a function value with arguments (validated against its signature), running tail
  /// calls in a loop.
  JValue apply(const JValue& fn, std::vector<JValue> args, const JValue& input, Frame* env);
  /// Calls a function the way higher-order library functions do: with as many of (value,
  /// index, array) as it takes.
  JValue applyHof(const JValue& fn, const JValue& value, const JValue& index, const JValue& array,
                  Frame* env);

  Frame* newFrame(Frame* parent);
  Frame* rootFrame() { return root_; }
  const EvalOptions& options() const { return options_; }
  const FunctionRegistry& functions() const { return functions_; }
  int64_t nowMillis();
  /// Seeded on first use: most evaluations never draw, and seeding costs more than they do.
  std::mt19937_64& random() {
    if (!random_) random_.emplace(freshSeed());
    return *random_;
  }

  /// Keeps a tree parsed during the evaluation ($eval) alive as long as closures may use it.
  const Node& keepTree(NodePtr tree) {
    trees_.push_back(std::move(tree));
    return *trees_.back();
  }

  /// Counts one step against the time budget (long-running library loops call it).
  void tick();

private:
  friend class EvalScope;

  JValue evaluateInner(const Node& expr, const JValue& input, Frame* env);
  JValue evaluatePath(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateStep(const Node& step, const JValue& input, Frame* env, bool lastStep);
  JValue evaluateTupleStep(const Node& step, const JValue& input, JValue tupleBindings, Frame* env);
  JValue evaluateStages(const std::vector<Stage>& stages, JValue input, Frame* env);
  JValue evaluateFilter(const Node& predicate, const JValue& input, Frame* env);
  JValue evaluateSort(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateGroup(const std::vector<ObjectPair>& pairs, uint32_t position, JValue input,
                       Frame* env);
  JValue evaluateBinary(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateArray(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateCall(const Node& expr, const JValue& input, Frame* env, const JValue* applyTo);
  JValue evaluatePartial(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateApply(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateTransform(const Node& expr, const JValue& input, Frame* env);
  JValue evaluateLambda(const Node& expr, const JValue& input, Frame* env);
  JValue applyInner(const JValue& fn, std::vector<JValue>& args, const JValue& input, Frame* env);
  Frame* frameFromTuple(Frame* env, const JValue& tuple);
  void checkBudget();

  const EvalOptions& options_;
  const FunctionRegistry& functions_;
  Frame rootFrame_;
  std::optional<std::deque<Frame>> frames_;
  std::vector<NodePtr> trees_;
  Frame* root_ = nullptr;
  uint32_t depth_ = 0;
  uint32_t ticks_ = 0;
  std::chrono::steady_clock::time_point started_;
  const char* stackBase_ = nullptr;
  std::optional<int64_t> now_;
  std::optional<std::mt19937_64> random_;
};

// Helpers shared by the libraries (evaluator_support.cpp).

/// Throws U1001 when a recursive walk over a value is deeper than kMaxValueNesting.
void checkNesting(uint32_t depth);

/// JSONata's truthiness ($boolean): undefined stays undefined.
JValue toBoolean(const JValue& value, uint32_t depth = 0);
bool isTruthy(const JValue& value);
/// Deep equality (JSONata's `=`).
bool deepEqual(const JValue& a, const JValue& b, uint32_t depth = 0);
/// A new sequence holding `value` (or nothing when undefined is not wanted).
JValue singletonSequence(const JValue& value);
/// $append's rule: undefined is dropped, non-arrays are wrapped, the result is a plain array.
JValue appendValues(const JValue& a, const JValue& b);
/// Copies the items of an array value (or the value itself) into `out`.
void pushItems(std::vector<JValue>& out, const JValue& value);
/// The items of an array value as a vector (a non-array is one item, undefined none).
std::vector<JValue> itemsOf(const JValue& value);
/// A deep copy whose arrays and objects are all owned (transform mutates it in place).
JValue deepClone(const JValue& value, uint32_t depth = 0);
/// JSONata's $string formatting (JSON with numbers to 15 significant digits).
std::string stringify(const JValue& value, bool pretty);
/// JavaScript's Number.prototype.toString.
std::string formatJsNumber(double d);
/// The JSON text of an error value (for messages).
std::string describeValue(const JValue& value);
/// The number of code points of UTF-8 text (JavaScript counts UTF-16 units; see docs).
size_t codePointLength(std::string_view s);

/// Registers each function family's functions (functions_*.cpp).
void registerStringFunctions(FunctionRegistry& r);
void registerNumericFunctions(FunctionRegistry& r);
void registerArrayFunctions(FunctionRegistry& r);
void registerObjectFunctions(FunctionRegistry& r);
void registerHigherOrderFunctions(FunctionRegistry& r);
void registerDateTimeFunctions(FunctionRegistry& r);
void registerRegexFunctions(FunctionRegistry& r);
void registerNumberFormatFunctions(FunctionRegistry& r);

/// Validates arguments against a signature as jsonata-js does (T0410, T0411, T0412),
/// substituting the context for a missing `-` argument and wrapping scalars given for `a`.
std::vector<JValue> validateArguments(const Signature& sig, std::vector<JValue>& args,
                                      const JValue& context);

} // namespace asl::eval::jsonata
