// Populating the heap up front for a short-lived process about to build large trees.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace asl::tools {

/// Grows the heap once by a budget derived from the sizes of `files` and populates those pages
/// with one madvise call. aslc lives a few milliseconds, and on virtual machines each first touch
/// of a page costs a trap of several microseconds: a 300 KB definition touches ~300 fresh pages
/// while parsing and validating, which is a third of the whole process's run time. Populating
/// them in one call costs a fraction of that. Does nothing where the kernel lacks
/// MADV_POPULATE_WRITE (before Linux 5.14) or the inputs are small.
/// `bytesPerInputByte`: the heap the command needs per byte of input (validation about 6,
/// compiling and running about 45, mostly the IR and the program).
void warmHeapFor(const std::vector<std::string>& files, uintmax_t bytesPerInputByte);

} // namespace asl::tools
