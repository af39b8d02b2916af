// libFuzzer target: any bytes through the .aslb loader must end in a program or an
// INVALID_BYTECODE diagnostic, never a crash, hang, sanitizer report or runaway allocation.
// A program that loads must write back to bytes that load to the same bytes again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "compiler/bytecode/writer.h"
#include "runtime/bytecode/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto loaded = asl::bc::loadProgram(bytes);
  if (!loaded.ok()) return 0;
  std::string written = asl::bytecode::writeProgram(*loaded);
  auto reloaded = asl::bc::loadProgram(written);
  if (!reloaded.ok() || asl::bytecode::writeProgram(*reloaded) != written) std::abort();
  return 0;
}
