// States.MathAdd, States.MathRandom and States.UUID.
#include <cmath>
#include <limits>

#include "runtime/eval/intrinsic_args.h"
#include "runtime/eval/intrinsic_functions.h"

namespace asl::eval::intrinsics {

namespace {

// AWS documents the math functions' arguments as Java ints.
constexpr int64_t kMinInt32 = std::numeric_limits<int32_t>::min();
constexpr int64_t kMaxInt32 = std::numeric_limits<int32_t>::max();

/// A number rounded as AWS rounds non-integers ("to the nearest integer", Java's Math.round),
/// which must then fit a Java int.
ExecResult<int64_t> roundedIntArg(IntrinsicId id, Args args, size_t index) {
  const Value& v = args[index];
  if (!v.isNumber()) return argumentTypeFailure(id, index, ExpectedArgKind::Number, v);
  if (v.isInteger()) {
    const int64_t n = v.asInteger();
    if (n >= kMinInt32 && n <= kMaxInt32) return n;
  } else {
    const double d = v.asDouble();
    if (d >= static_cast<double>(kMinInt32) - 0.5 && d < static_cast<double>(kMaxInt32) + 0.5) {
      return roundHalfUp(d);
    }
  }
  return intrinsicFailure(id, "argument " + std::to_string(index + 1) +
                                  " must be between -2147483648 and 2147483647");
}

// java.util.Random's 48-bit linear congruential generator, as its API documentation specifies.
constexpr uint64_t kJavaMultiplier = 0x5DEECE66Dull;
constexpr uint64_t kJavaAddend = 0xBull;
constexpr uint64_t kJavaMask = (1ull << 48) - 1;

class JavaRandom {
public:
  explicit JavaRandom(int64_t seed)
      : seed_((static_cast<uint64_t>(seed) ^ kJavaMultiplier) & kJavaMask) {}

  int32_t next(int bits) {
    seed_ = (seed_ * kJavaMultiplier + kJavaAddend) & kJavaMask;
    // The top `bits` of the 48, read as a signed Java int.
    return static_cast<int32_t>(static_cast<uint32_t>(seed_ >> (48 - bits)));
  }

  int32_t nextInt(int32_t bound) {
    if ((bound & -bound) == bound) { // a power of two: take the high bits
      return static_cast<int32_t>((static_cast<int64_t>(bound) * next(31)) >> 31);
    }
    int32_t bits, value;
    do {
      bits = next(31);
      value = bits % bound;
      // Java's int arithmetic wraps; the draw is rejected when bits - value + bound - 1 does.
    } while (static_cast<int64_t>(bits) - value + (bound - 1) > kMaxInt32);
    return value;
  }

private:
  uint64_t seed_;
};

Unexpected<ExecError> missingRandomness(IntrinsicId id) {
  return raise(StateErrorId::Runtime,
               std::string(intrinsicInfo(id).name) + " needs a source of randomness");
}

} // namespace

int64_t roundHalfUp(double d) {
  const double floor = std::floor(d);
  // d - floor is exact for doubles, unlike d + 0.5 (which rounds 0.49999999999999994 up).
  return static_cast<int64_t>(d - floor >= 0.5 ? floor + 1 : floor);
}

int32_t javaRandomNextInt(int64_t seed, int32_t bound) {
  return JavaRandom(seed).nextInt(bound);
}

ExecResult<Value> mathAdd(Args args) {
  constexpr IntrinsicId id = IntrinsicId::MathAdd;
  auto a = roundedIntArg(id, args, 0);
  if (!a) return Unexpected<ExecError>{std::move(a).error()};
  auto b = roundedIntArg(id, args, 1);
  if (!b) return Unexpected<ExecError>{std::move(b).error()};
  return Value::integer(*a + *b);
}

ExecResult<Value> mathRandom(Args args, RandomSource* random) {
  constexpr IntrinsicId id = IntrinsicId::MathRandom;
  auto start = roundedIntArg(id, args, 0);
  if (!start) return Unexpected<ExecError>{std::move(start).error()};
  auto end = roundedIntArg(id, args, 1);
  if (!end) return Unexpected<ExecError>{std::move(end).error()};
  // The start is inclusive and the end exclusive, so the range must hold at least one integer,
  // and (drawn as a Java int) at most 2^31 - 1 of them.
  const int64_t width = *end - *start;
  if (width <= 0) {
    return intrinsicFailure(id, "the end (" + std::to_string(*end) +
                                    ") must be greater than the start (" + std::to_string(*start) +
                                    ")");
  }
  if (width > kMaxInt32) {
    return intrinsicFailure(id, "the range from start to end must hold at most 2147483647 "
                                "integers");
  }
  if (args.size() > 2) {
    auto seed = roundedIntArg(id, args, 2);
    if (!seed) return Unexpected<ExecError>{std::move(seed).error()};
    return Value::integer(*start + javaRandomNextInt(*seed, static_cast<int32_t>(width)));
  }
  if (random == nullptr) return missingRandomness(id);
  return Value::integer(*start +
                        static_cast<int64_t>(uniformBelow(*random, static_cast<uint64_t>(width))));
}

ExecResult<Value> uuid(RandomSource* random) {
  if (random == nullptr) return missingRandomness(IntrinsicId::UUID);
  uint8_t bytes[16];
  for (int half = 0; half < 2; ++half) {
    const uint64_t bits = random->nextBits();
    for (int i = 0; i < 8; ++i)
      bytes[half * 8 + i] = static_cast<uint8_t>(bits >> (8 * i));
  }
  // RFC 4122 section 4.4: version 4 in the high nibble of byte 6, variant 10 in byte 8.
  bytes[6] = static_cast<uint8_t>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<uint8_t>((bytes[8] & 0x3F) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text += '-';
    text += kHex[bytes[i] >> 4];
    text += kHex[bytes[i] & 15];
  }
  return Value::string(text);
}

} // namespace asl::eval::intrinsics
