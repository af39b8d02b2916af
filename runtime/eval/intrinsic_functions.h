// One C++ function per intrinsic, over argument values already evaluated; intrinsic_eval.cpp
// dispatches to them. Internal to asl_runtime (and its tests).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/random_source.h"

namespace asl::eval::intrinsics {

using Args = std::span<const Value>;

// Arrays (intrinsic_array.cpp).
ExecResult<Value> array(Args args);
ExecResult<Value> arrayPartition(Args args);
ExecResult<Value> arrayContains(Args args);
ExecResult<Value> arrayRange(Args args);
ExecResult<Value> arrayGetItem(Args args);
ExecResult<Value> arrayLength(Args args);
ExecResult<Value> arrayUnique(Args args);

// Encoding and hashing (intrinsic_codec.cpp).
ExecResult<Value> base64Encode(Args args);
ExecResult<Value> base64Decode(Args args);
ExecResult<Value> hash(Args args);

// JSON and strings (intrinsic_json.cpp, intrinsic_format.cpp).
ExecResult<Value> stringToJson(Args args);
ExecResult<Value> jsonToString(Args args);
ExecResult<Value> jsonMerge(Args args);
ExecResult<Value> stringSplit(Args args);
/// `literalPlaceholders`: the `{}` offsets the parser found when the template is a literal
/// (escaped braces are not among them); null when the template came from a path.
ExecResult<Value> format(Args args, const std::vector<uint32_t>* literalPlaceholders);

// Math and identifiers (intrinsic_math.cpp). `random` may be null; see IntrinsicEnv.
ExecResult<Value> mathAdd(Args args);
ExecResult<Value> mathRandom(Args args, RandomSource* random);
ExecResult<Value> uuid(RandomSource* random);

// Helpers shared by the files above, exposed for their tests.

/// Appends `value` as Java's String.valueOf prints the object AWS holds for it, which is what
/// States.Format substitutes: strings raw, numbers as the JSON writer prints them, objects as
/// `{a=1, b=[x, y]}`, arrays as `[1, 2]`, `true`, `null`.
void appendFormatted(std::string& out, const Value& value);
/// Length in UTF-16 code units, as Java's String.length() counts the "characters" AWS limits.
size_t utf16Length(std::string_view utf8);
/// Java's Math.round: the nearest integer, halves toward positive infinity.
int64_t roundHalfUp(double d);
/// RFC 4648 base64 with padding.
std::string encodeBase64(std::string_view bytes);
/// Decodes RFC 4648 base64 as Java's basic decoder does: padding optional, no whitespace or
/// other characters. nullopt when the text is not base64.
std::optional<std::string> decodeBase64(std::string_view text);
/// The first value of `new java.util.Random(seed).nextInt(bound)`, the JVM's documented
/// generator, so that a seeded States.MathRandom repeats across runs. bound must be positive.
int32_t javaRandomNextInt(int64_t seed, int32_t bound);

} // namespace asl::eval::intrinsics
