// Where States.UUID and an unseeded States.MathRandom get their randomness: an interface the
// caller supplies, so that production code can use the system's entropy and tests a fixed seed.
#pragma once

#include <cstdint>

namespace asl::eval {

/// A source of uniformly distributed 64-bit words.
class RandomSource {
public:
  virtual ~RandomSource() = default;
  /// The next 64 random bits.
  virtual uint64_t nextBits() = 0;
};

/// A small deterministic generator (SplitMix64): the same seed gives the same sequence on every
/// platform, which is what tests and replayable executions need. Not for secrets.
class SeededRandomSource final : public RandomSource {
public:
  explicit SeededRandomSource(uint64_t seed) : state_(seed) {}
  uint64_t nextBits() override;

private:
  uint64_t state_;
};

/// A fresh nonzero seed, different on every call and in every process: the system's entropy
/// read once per process (opening std::random_device costs tens of microseconds, more than a
/// short execution), stepped by SplitMix64 per call. Thread-safe.
uint64_t freshSeed();

/// A value in [0, bound) without modulo bias; bound must be positive.
uint64_t uniformBelow(RandomSource& random, uint64_t bound);

} // namespace asl::eval
