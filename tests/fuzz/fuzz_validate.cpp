// libFuzzer target: any bytes through parse, validation, IR building and printing must end in
// diagnostics or IR, never a crash, hang or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "compiler/ir/ir_printer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  asl::front::ValidateOptions options;
  std::string text(reinterpret_cast<const char*>(data), size);
  asl::front::CheckedDefinition checked = asl::front::checkDefinition("fuzz.asl.json", std::move(text), options);
  if (!checked.hasErrors() && checked.tree) {
    auto module = asl::front::buildModule(checked, options.limits);
    if (module.ok()) (void)asl::ir::printModule(*module);
  }
  return 0;
}
