// SplitMix64 and unbiased bounded draws for RandomSource.
#include "runtime/eval/random_source.h"

#include <atomic>
#include <random>

namespace asl::eval {

uint64_t SeededRandomSource::nextBits() {
  // SplitMix64 (Steele, Lea, Flood 2014): one add and a finalizing mix per word.
  state_ += 0x9E3779B97F4A7C15ull;
  uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t freshSeed() {
  static const uint64_t processSeed = [] {
    std::random_device device;
    return (uint64_t(device()) << 32) ^ device();
  }();
  static std::atomic<uint64_t> calls{0};
  SeededRandomSource step(processSeed + (calls.fetch_add(1, std::memory_order_relaxed) << 32));
  return step.nextBits() | 1;
}

uint64_t uniformBelow(RandomSource& random, uint64_t bound) {
  // Reject the top partial block of the 64-bit range so that every residue is equally likely.
  const uint64_t limit = UINT64_MAX - (UINT64_MAX % bound);
  uint64_t bits = random.nextBits();
  while (bits >= limit)
    bits = random.nextBits();
  return bits % bound;
}

} // namespace asl::eval
