#include "runtime/vm/aws_jsonata_functions.h"

#include <vector>

#include "runtime/eval/intrinsic_functions.h"

namespace asl::vm {
namespace {

using eval::jsonata::CallArgs;
using eval::jsonata::Evaluator;
using eval::jsonata::JsonataError;
using eval::jsonata::JValue;

thread_local eval::RandomSource* tRandom = nullptr;

JsonataError hostError(std::string message) {
  JsonataError e;
  e.code = "L0003";
  e.value = std::move(message);
  e.valueIsLiteral = true;
  return e;
}

// Calls an intrinsic with the JSONata arguments as JSON values; its failure becomes a JSONata
// error carrying the intrinsic's cause.
template <class F> Result<JValue, JsonataError> viaIntrinsic(CallArgs& call, F intrinsic) {
  std::vector<Value> args;
  for (size_t i = 0; i < call.size(); ++i) {
    if (call[i].isUndefined()) break;
    Value v;
    if (!eval::jsonata::toJson(call[i], v)) return fail(hostError("an argument is not JSON"));
    args.push_back(std::move(v));
  }
  eval::ExecResult<Value> result = intrinsic(std::span<const Value>(args));
  if (!result.ok()) return fail(hostError(std::move(result).error().cause));
  return JValue::fromJson(*result);
}

eval::jsonata::FunctionRegistry build() {
  eval::jsonata::FunctionRegistry r = eval::jsonata::FunctionRegistry::standard();
  r.hide("eval"); // AWS does not offer $eval inside state machines
  auto add = [&](std::string_view name, std::string_view signature, eval::jsonata::HostFunction f) {
    auto added = r.add(name, signature, std::move(f));
    (void)added; // the signatures below are fixed and valid
  };
  add("partition", "<an:a>", [](Evaluator&, CallArgs& call) {
    return viaIntrinsic(call, eval::intrinsics::arrayPartition);
  });
  add("range", "<nnn:a>", [](Evaluator&, CallArgs& call) -> Result<JValue, JsonataError> {
    // AWS returns the range as a JSONata sequence: a single number stands alone.
    auto range = viaIntrinsic(call, eval::intrinsics::arrayRange);
    if (!range.ok() || !range->jsonData() || !range->jsonData()->isArray()) return range;
    JValue sequence = JValue::newArray(true);
    for (const Value& item : range->jsonData()->items())
      sequence.ownedArray()->items.push_back(JValue::fromJson(item));
    return sequence;
  });
  add("hash", "<ss:s>",
      [](Evaluator&, CallArgs& call) { return viaIntrinsic(call, eval::intrinsics::hash); });
  add("parse", "<s:x>", [](Evaluator&, CallArgs& call) {
    return viaIntrinsic(call, eval::intrinsics::stringToJson);
  });
  add("uuid", "<:s>", [](Evaluator&, CallArgs&) -> Result<JValue, JsonataError> {
    auto v = eval::intrinsics::uuid(tRandom);
    if (!v.ok()) return fail(hostError(std::move(v).error().cause));
    return JValue::fromJson(*v);
  });
  add("random", "<n?:n>", [](Evaluator&, CallArgs& call) -> Result<JValue, JsonataError> {
    // With a seed the sequence repeats, as AWS documents; without one it draws from the run.
    std::optional<eval::SeededRandomSource> seeded;
    eval::RandomSource* random = tRandom;
    if (call.size() > 0 && call[0].isNumber())
      random = &seeded.emplace(static_cast<uint64_t>(call[0].asNumber()));
    if (!random) return fail(hostError("$random needs a source of randomness"));
    return JValue::number(static_cast<double>(random->nextBits() >> 11) * 0x1.0p-53);
  });
  return r;
}

} // namespace

const eval::jsonata::FunctionRegistry& awsJsonataFunctions() {
  static const eval::jsonata::FunctionRegistry registry = build();
  return registry;
}

JsonataRandomScope::JsonataRandomScope(eval::RandomSource* random) : previous_(tRandom) {
  tRandom = random;
}
JsonataRandomScope::~JsonataRandomScope() {
  tRandom = previous_;
}

} // namespace asl::vm
