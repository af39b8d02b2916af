// docs/bytecode.md lists every instruction of opcodes.def with the pool its operand indexes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace asl {
namespace {

TEST(BytecodeDocTest, EveryOpcodeIsDocumentedWithItsOperand) {
  std::string path = std::string(ASL_SOURCE_DIR) + "/docs/bytecode.md";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  int code = 0;
#define ASL_OP(name, operand, summary)                                                             \
  {                                                                                                \
    std::string row = "| " + std::to_string(code) + " | `" #name "` | " #operand " |";             \
    EXPECT_NE(doc.find(row), std::string::npos) << "docs/bytecode.md lacks the row " << row;       \
    ++code;                                                                                        \
  }
#include "runtime/bytecode/opcodes.def"
#undef ASL_OP
}

} // namespace
} // namespace asl
