#include "runtime/bytecode/program.h"

namespace asl::bc {

std::string_view opName(Op op) {
  switch (op) {
#define ASL_OP(name, operand, doc)                                                                 \
  case Op::name:                                                                                   \
    return #name;
#include "runtime/bytecode/opcodes.def"
#undef ASL_OP
  }
  return "?";
}

namespace {
// opcodes.def spells operand kinds as lower-case words, `template` among them; pasting a suffix
// turns each into one of these names without redefining the keyword.
constexpr OperandKind none_ = OperandKind::None, expression_ = OperandKind::Expression,
                      template_ = OperandKind::Template, state_ = OperandKind::State,
                      task_ = OperandKind::Task, choice_ = OperandKind::Choice,
                      wait_ = OperandKind::Wait, fail_ = OperandKind::Fail,
                      parallel_ = OperandKind::Parallel, map_ = OperandKind::Map;
} // namespace

OperandKind opOperand(Op op) {
  switch (op) {
#define ASL_OP(name, operand, doc)                                                                 \
  case Op::name:                                                                                   \
    return operand##_;
#include "runtime/bytecode/opcodes.def"
#undef ASL_OP
  }
  return OperandKind::None;
}

std::string_view stateTypeName(StateType type) {
  switch (type) {
  case StateType::Pass:
    return "Pass";
  case StateType::Task:
    return "Task";
  case StateType::Choice:
    return "Choice";
  case StateType::Wait:
    return "Wait";
  case StateType::Succeed:
    return "Succeed";
  case StateType::Fail:
    return "Fail";
  case StateType::Parallel:
    return "Parallel";
  case StateType::Map:
    return "Map";
  }
  return "Pass";
}

} // namespace asl::bc
