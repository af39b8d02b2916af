// JSONata function values (lambdas, built-ins, partial applications, regexes) and the
// registry of built-in and host functions an evaluation can call by name.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "asl/result.h"
#include "runtime/eval/jsonata/ast.h"
#include "runtime/eval/jsonata/error.h"
#include "runtime/eval/jsonata/jvalue.h"

namespace asl::eval::jsonata {

class Evaluator;
struct Frame;
struct CompiledRegex;

/// What a built-in sees of its call: the arguments (validated against its signature), the
/// context value and the evaluator, through which it can call function arguments.
struct CallArgs {
  std::vector<JValue>& args;
  const JValue& input;
  Frame* env;

  const JValue& operator[](size_t i) const {
    static const JValue kUndefined;
    return i < args.size() ? args[i] : kUndefined;
  }
  size_t size() const { return args.size(); }
};

/// A standard-library function: may throw the evaluator's internal error (see evaluator_core.h).
using BuiltinImpl = JValue (*)(Evaluator& ev, CallArgs& call);
/// A function the host adds (AWS's $partition, $uuid...): errors are returned as values.
using HostFunction = std::function<Result<JValue, JsonataError>(Evaluator& ev, CallArgs& call)>;

struct BuiltinFunction {
  std::string name; ///< without '$'
  Signature signature;
  int arity = 0; ///< how many arguments higher-order functions pass it
  BuiltinImpl impl = nullptr;
  HostFunction host; ///< used when impl is null
  /// The function value `$name` evaluates to, made with the entry and shared by every
  /// evaluation (it is never changed once made).
  std::shared_ptr<Function> value;
};

enum class FunctionKind : uint8_t { Lambda, Builtin, Partial, Regex, Native };

/// A function value. Lambdas point into the syntax tree and an environment frame, both owned
/// by the evaluation, so function values never outlive it (results are converted to JSON).
struct Function {
  FunctionKind kind = FunctionKind::Lambda;
  // Lambda
  const Node* lambda = nullptr;
  JValue input;                    ///< the context the lambda was defined in
  Frame* env = nullptr;            ///< the frame it closes over
  const Node* thunkCall = nullptr; ///< a tail call to run in the trampoline (lambda is null)
  // Builtin
  const BuiltinFunction* builtin = nullptr;
  // Partial: the target with some arguments fixed; placeholders are undefined in `bound`
  JValue target;
  std::vector<JValue> bound;
  std::vector<bool> placeholder;
  // Regex
  std::shared_ptr<CompiledRegex> regex;
  // Native: a closure made by the library (a regex match's `next`, a transform)
  std::function<JValue(Evaluator&, CallArgs&)> native;
  const Signature* nativeSignature = nullptr;
  int nativeArity = 0;

  /// The signature arguments are validated against, or nullptr.
  const Signature* signature() const;
  /// How many arguments higher-order functions pass (JavaScript's function length).
  int arity() const;
};

/// The functions callable by name. Starts as the standard library; a host registers its own
/// functions and hides those it does not offer (AWS hides $eval in state machines).
class FunctionRegistry {
public:
  /// The JSONata 2.0.6 standard library.
  static const FunctionRegistry& standard();

  /// Adds or replaces `$name` with signature text such as "<s-n?:s>".
  Result<void, JsonataError> add(std::string_view name, std::string_view signature,
                                 HostFunction impl);
  /// Adds a library function (used to build the standard library).
  void addBuiltin(std::string_view name, std::string_view signature, BuiltinImpl impl,
                  int arity = -1);
  /// Makes `$name` undefined, as if it did not exist.
  void hide(std::string_view name);

  const BuiltinFunction* find(std::string_view name) const;

private:
  std::map<std::string, std::shared_ptr<BuiltinFunction>, std::less<>> functions_;
};

} // namespace asl::eval::jsonata
