// libFuzzer target: any bytes through the .aslb loader must end in a program or an
// INVALID_BYTECODE diagnostic, never a crash, hang, sanitizer report or runaway allocation.
// A program that loads must write back to bytes that load to the same bytes again.
//
// Almost every mutation breaks the CRC-32, which would keep the fuzzer at the header; so each
// input is also loaded with its header's length and checksum made to agree with its payload,
// which lets mutations reach the section readers and the verifier.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler/bytecode/writer.h"
#include "runtime/bytecode/format.h"
#include "runtime/bytecode/loader.h"

namespace {

void loadAndRewrite(std::string_view bytes) {
  auto loaded = asl::bc::loadProgram(bytes);
  if (!loaded.ok()) return;
  std::string written = asl::bytecode::writeProgram(*loaded);
  auto reloaded = asl::bc::loadProgram(written);
  if (!reloaded.ok() || asl::bytecode::writeProgram(*reloaded) != written) std::abort();
}

std::string withConsistentHeader(std::string_view bytes) {
  namespace format = asl::bc::format;
  std::string out(bytes);
  std::string_view payload = bytes.substr(format::kHeaderSize);
  uint64_t fields = payload.size() | (uint64_t{format::payloadChecksum(payload)} << 32);
  for (int i = 0; i < 8; ++i)
    out[12 + i] = static_cast<char>((fields >> (8 * i)) & 0xff);
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  loadAndRewrite(bytes);
  if (size >= asl::bc::format::kHeaderSize) loadAndRewrite(withConsistentHeader(bytes));
  return 0;
}
