// The registry of functions callable by name, and the standard library's table.
#include "runtime/eval/jsonata/evaluator_core.h"
#include "runtime/eval/jsonata/signature.h"

namespace asl::eval::jsonata {
namespace {

std::shared_ptr<Function> functionValueOf(const BuiltinFunction* builtin) {
  auto fn = std::make_shared<Function>();
  fn->kind = FunctionKind::Builtin;
  fn->builtin = builtin;
  return fn;
}

} // namespace

const FunctionRegistry& FunctionRegistry::standard() {
  // Built once, then only read: every evaluation may share it.
  static const FunctionRegistry registry = [] {
    FunctionRegistry r;
    registerStringFunctions(r);
    registerRegexFunctions(r);
    registerNumericFunctions(r);
    registerArrayFunctions(r);
    registerObjectFunctions(r);
    registerHigherOrderFunctions(r);
    registerDateTimeFunctions(r);
    registerNumberFormatFunctions(r);
    return r;
  }();
  return registry;
}

Result<void, JsonataError> FunctionRegistry::add(std::string_view name, std::string_view signature,
                                                 HostFunction impl) {
  auto parsed = parseSignature(signature, 0);
  if (!parsed.ok()) return fail(std::move(parsed).error());
  auto fn = std::make_shared<BuiltinFunction>();
  fn->name = std::string(name);
  fn->signature = std::move(parsed).value();
  fn->arity = static_cast<int>(fn->signature.params.size());
  fn->host = std::move(impl);
  fn->value = functionValueOf(fn.get());
  functions_[fn->name] = std::move(fn);
  return {};
}

void FunctionRegistry::addBuiltin(std::string_view name, std::string_view signature,
                                  BuiltinImpl impl, int arity) {
  auto parsed = parseSignature(signature, 0);
  auto fn = std::make_shared<BuiltinFunction>();
  fn->name = std::string(name);
  if (parsed.ok()) fn->signature = std::move(parsed).value();
  fn->arity = arity >= 0 ? arity : static_cast<int>(fn->signature.params.size());
  fn->impl = impl;
  fn->value = functionValueOf(fn.get());
  functions_[fn->name] = std::move(fn);
}

void FunctionRegistry::hide(std::string_view name) {
  auto it = functions_.find(name);
  if (it != functions_.end()) functions_.erase(it);
}

const BuiltinFunction* FunctionRegistry::find(std::string_view name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : it->second.get();
}

} // namespace asl::eval::jsonata
