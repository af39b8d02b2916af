// The loader rejects every malformed module with INVALID_BYTECODE naming the byte offset and
// the problem: truncation, each header field, corruption the checksum catches, and well-formed
// bytes that break the verifier's rules (indices, transitions, counts, depth).
#include <gtest/gtest.h>

#include <limits>

#include "compiler/bytecode/writer.h"
#include "runtime/bytecode/format.h"
#include "runtime/bytecode/loader.h"
#include "tests/bytecode/corpus_modules.h"

namespace asl::testing {
namespace {

namespace format = bc::format;
using namespace std::string_literals;

constexpr const char* kSmall = R"({"StartAt": "A", "States": {
  "A": {"Type": "Pass", "Result": {"x": [1, 2.5, "s"]}, "ResultPath": "$.r", "Next": "B"},
  "B": {"Type": "Choice", "Choices": [{"Variable": "$.r.x[0]", "NumericEquals": 1, "Next": "C"}], "Default": "D"},
  "C": {"Type": "Succeed"},
  "D": {"Type": "Fail", "Error": "E"}}})";

bc::Program smallProgram() {
  auto p = compileDefinition({"small", kSmall});
  EXPECT_TRUE(p.ok());
  return std::move(p).value();
}

std::string smallModule() {
  return bytecode::writeProgram(smallProgram());
}

void setLittleEndian(std::string& bytes, size_t at, uint64_t v, int size) {
  for (int i = 0; i < size; ++i)
    bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Makes the header agree with the payload again, so that the loader reads past the checksum.
std::string withHeaderFixed(std::string bytes) {
  std::string_view payload = std::string_view(bytes).substr(format::kHeaderSize);
  setLittleEndian(bytes, 12, payload.size(), 4);
  setLittleEndian(bytes, 16, format::payloadChecksum(payload), 4);
  return bytes;
}

// The module with one section's content replaced (header fixed up).
std::string withSection(const std::string& module, format::SectionId id,
                        const std::string& content) {
  std::string out = module.substr(0, format::kHeaderSize);
  size_t pos = format::kHeaderSize;
  while (pos < module.size()) {
    auto sectionId = static_cast<uint8_t>(module[pos++]);
    uint64_t size = 0;
    for (int shift = 0;; shift += 7) {
      auto b = static_cast<uint8_t>(module[pos++]);
      size |= uint64_t{b & 0x7fu} << shift;
      if (!(b & 0x80)) break;
    }
    std::string body = module.substr(pos, size);
    pos += size;
    if (sectionId == static_cast<uint8_t>(id)) body = content;
    out += static_cast<char>(sectionId);
    format::appendVarint(out, body.size());
    out += body;
  }
  return withHeaderFixed(out);
}

std::string loadError(std::string_view bytes) {
  auto loaded = bc::loadProgram(bytes);
  if (loaded.ok()) return "loaded";
  EXPECT_EQ(loaded.error().code, DiagCode::InvalidBytecode);
  return loaded.error().message;
}

std::string writeAndLoadError(const bc::Program& p) {
  return loadError(bytecode::writeProgram(p));
}

TEST(BytecodeLoaderTest, TheSmallModuleLoads) {
  EXPECT_EQ(loadError(smallModule()), "loaded");
}

TEST(BytecodeLoaderTest, EveryTruncationIsRejected) {
  std::string bytes = smallModule();
  for (size_t n = 0; n < bytes.size(); ++n)
    EXPECT_NE(loadError(bytes.substr(0, n)), "loaded") << n;
  EXPECT_EQ(loadError(bytes.substr(0, 7)),
            "at byte 7 (header): truncated: 7 bytes, shorter than the 20-byte header");
  EXPECT_EQ(loadError(bytes.substr(0, 30)),
            "at byte 12 (header): truncated: the header announces " +
                std::to_string(bytes.size() - 20) + " payload bytes, the file holds 10");
}

TEST(BytecodeLoaderTest, EveryTruncatedPayloadWithAConsistentHeaderIsRejected) {
  std::string bytes = smallModule();
  for (size_t n = format::kHeaderSize; n < bytes.size(); ++n)
    EXPECT_NE(loadError(withHeaderFixed(bytes.substr(0, n))), "loaded") << n;
}

TEST(BytecodeLoaderTest, WrongMagicIsNotAModule) {
  std::string bytes = smallModule();
  bytes[0] = '{';
  EXPECT_EQ(loadError(bytes),
            "at byte 0 (header): not an aslc module: it starts with 7b 53 4c 42, not 'ASLB'");
}

TEST(BytecodeLoaderTest, NewerMajorVersionIsRefusedNamingBothVersionsAndTheProducer) {
  std::string bytes = bytecode::writeProgram(smallProgram(), "aslc 9.9.9");
  setLittleEndian(bytes, 4, 2, 2);
  setLittleEndian(bytes, 6, 3, 2);
  EXPECT_EQ(loadError(bytes),
            "at byte 4 (header): module format 2.3 is newer than this runtime reads "
            "(1.x); it was written by aslc 9.9.9; recompile the definition with a "
            "matching aslc");
  setLittleEndian(bytes, 4, 0, 2);
  EXPECT_NE(loadError(bytes).find("module format 0.3 is older than this runtime reads (1.x)"),
            std::string::npos);
}

TEST(BytecodeLoaderTest, NewerMinorVersionLoads) {
  std::string bytes = smallModule();
  setLittleEndian(bytes, 6, format::kMinorVersion + 1, 2);
  EXPECT_EQ(loadError(bytes), "loaded");
}

TEST(BytecodeLoaderTest, UnknownFlagsAreRejected) {
  std::string bytes = smallModule();
  bytes[8] = 1;
  EXPECT_EQ(loadError(bytes), "at byte 8 (header): unknown flags 0x01 00 00 00");
}

TEST(BytecodeLoaderTest, PayloadLengthMustMatchTheFile) {
  std::string bytes = smallModule();
  EXPECT_EQ(loadError(bytes + "xy"), "at byte 12 (header): 2 bytes after the announced " +
                                         std::to_string(bytes.size() - 20) + "-byte payload");
}

TEST(BytecodeLoaderTest, AFlippedPayloadByteFailsTheChecksum) {
  std::string bytes = smallModule();
  for (size_t at = format::kHeaderSize; at < bytes.size(); ++at) {
    std::string corrupt = bytes;
    corrupt[at] = static_cast<char>(corrupt[at] ^ 0x10);
    auto loaded = bc::loadProgram(corrupt);
    ASSERT_FALSE(loaded.ok()) << at;
    EXPECT_EQ(loaded.error().location.offset, 16u);
    EXPECT_NE(loaded.error().message.find("checksum mismatch"), std::string::npos);
  }
  std::string corrupt = bytes;
  corrupt[16] = static_cast<char>(corrupt[16] ^ 1);
  EXPECT_NE(loadError(corrupt).find("checksum mismatch"), std::string::npos);
}

TEST(BytecodeLoaderTest, AnOutOfRangeOperandIsRejectedWithItsOffset) {
  bc::Program p = smallProgram();
  ASSERT_EQ(p.machines[0].code.back().op, bc::Op::Fail);
  p.machines[0].code.back().a = 7;
  std::string message = writeAndLoadError(p);
  EXPECT_NE(message.find("(machines): fail operand 7 is out of range (1 entries)"),
            std::string::npos)
      << message;

  p = smallProgram();
  for (auto& in : p.machines[0].code)
    if (in.op == bc::Op::Next) in.a = 4;
  EXPECT_NE(writeAndLoadError(p).find("state operand 4 is out of range (4 entries)"),
            std::string::npos);
}

TEST(BytecodeLoaderTest, ChoiceTargetsMustBeStatesOfTheMachine) {
  bc::Program p = smallProgram();
  p.choices[0].rules[0].next = 9;
  EXPECT_NE(writeAndLoadError(p).find("a choice rule goes to state 9 of a machine with 4 states"),
            std::string::npos);
  p = smallProgram();
  p.choices[0].defaultState = 4;
  EXPECT_NE(writeAndLoadError(p).find("Default goes to state 4"), std::string::npos);
}

TEST(BytecodeLoaderTest, StateCodeMustEndWithATransition) {
  bc::Program p = smallProgram();
  p.machines[0].states[0].codeEnd -= 1;
  EXPECT_NE(writeAndLoadError(p).find("state 'A' does not end with a transition or Fail"),
            std::string::npos);
  p = smallProgram();
  p.machines[0].states[0].codeEnd = 1000;
  EXPECT_NE(writeAndLoadError(p).find("state 'A' has code [0, 1000) outside the machine's"),
            std::string::npos);
  p = smallProgram();
  p.machines[0].states[0].codeEnd = p.machines[0].states[1].codeEnd;
  EXPECT_NE(writeAndLoadError(p).find("state 'A' has a transition before the end of its code"),
            std::string::npos);
  p = smallProgram();
  p.machines[0].startAt = 4;
  EXPECT_NE(writeAndLoadError(p).find("StartAt 4 is out of range (4 states)"), std::string::npos);
}

TEST(BytecodeLoaderTest, ChildMachinesMustComeLaterWithTheirRole) {
  auto compiled = compileDefinition(
      {"parallel", R"({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
    "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]}}})"});
  ASSERT_TRUE(compiled.ok());
  bc::Program p = *compiled;
  EXPECT_EQ(writeAndLoadError(p), "loaded");
  p.parallels[0].branches[0] = 0; // a machine running itself would never end
  EXPECT_NE(
      writeAndLoadError(p).find("machine 0 runs machine 0: child machines come after their parent"),
      std::string::npos);
  p = *compiled;
  p.machines[1].role = bc::MachineRole::MapProcessor;
  EXPECT_NE(writeAndLoadError(p).find("machine 1 has role 2, not the role 1 its use needs"),
            std::string::npos);
}

TEST(BytecodeLoaderTest, AHugeCountIsRejectedBeforeAllocating) {
  std::string content;
  format::appendVarint(content, uint64_t{1} << 60);
  std::string bytes = withSection(smallModule(), format::SectionId::Expressions, content);
  EXPECT_EQ(loadError(bytes), "at byte 32 (expressions): expressions: count 1152921504606846976 "
                              "cannot fit in the 0 bytes left");
}

TEST(BytecodeLoaderTest, ADeepTreeIsRejected) {
  // templates: one constant template holding 100000 nested arrays.
  std::string content;
  format::appendVarint(content, 1);
  content += '\0'; // Kind::Constant
  for (int i = 0; i < 100000; ++i)
    content += "\x06\x01"; // an array of one item
  content += '\0';
  std::string bytes = withSection(smallModule(), format::SectionId::Templates, content);
  EXPECT_NE(loadError(bytes).find("trees nest deeper than 512 levels"), std::string::npos);
}

TEST(BytecodeLoaderTest, DuplicateKeysAndNonFiniteNumbersAreRejected) {
  std::string content;
  format::appendVarint(content, 1);
  content += '\0';
  content += "\x07\x02\x01k\x00\x01k\x00"s;
  EXPECT_NE(loadError(withSection(smallModule(), format::SectionId::Templates, content))
                .find("object key 'k' appears twice"),
            std::string::npos);
  content.resize(2);
  content += '\x04';
  format::appendDouble(content, std::numeric_limits<double>::infinity());
  EXPECT_NE(loadError(withSection(smallModule(), format::SectionId::Templates, content))
                .find("a non-finite double constant"),
            std::string::npos);
}

TEST(BytecodeLoaderTest, SectionsMustComeInOrderAndBeReadWhole) {
  std::string module = smallModule();
  std::string bytes = withSection(module, format::SectionId::Waits, std::string("\x00\x00", 2));
  EXPECT_NE(loadError(bytes).find("(waits): 1 unread bytes at the end of the section"),
            std::string::npos)
      << loadError(bytes);
  bytes = module;
  bytes[20] = 2;
  EXPECT_NE(loadError(withHeaderFixed(bytes)).find("expected section 1 (module), found id 2"),
            std::string::npos);
}

} // namespace
} // namespace asl::testing
