#include "tools/aslc/heap_warmup.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>

namespace asl::tools {
namespace {

#ifndef MADV_POPULATE_WRITE
constexpr int MADV_POPULATE_WRITE = 23;
#endif

// Below a megabyte the default heap is enough.
constexpr uintmax_t kMinBudget = uintmax_t(1) << 20;
constexpr uintmax_t kMaxBudget = uintmax_t(64) << 20;

} // namespace

void warmHeapFor(const std::vector<std::string>& files, uintmax_t bytesPerInputByte) {
  uintmax_t input = 0;
  for (const std::string& file : files) {
    std::error_code ec;
    if (file == "-") continue;
    uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec) input += size;
  }
  uintmax_t budget = std::min(input * bytesPerInputByte, kMaxBudget);
  if (budget < kMinBudget) return;
  // Keep large blocks (the file text, the parser's index) on the main heap instead of separate
  // mappings, and keep the heap from shrinking back when they are freed.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMaxBudget));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kMaxBudget));
  void* block = malloc(budget);
  if (!block) return;
  free(block);
  void* probe = malloc(1);
  auto pageSize = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t low = (reinterpret_cast<uintptr_t>(probe) + pageSize - 1) & ~(pageSize - 1);
  uintptr_t high = reinterpret_cast<uintptr_t>(sbrk(0));
  if (high > low) madvise(reinterpret_cast<void*>(low), high - low, MADV_POPULATE_WRITE);
  free(probe);
}

} // namespace asl::tools
