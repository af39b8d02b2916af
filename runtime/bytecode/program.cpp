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
constexpr OperandKind none = OperandKind::None, expression = OperandKind::Expression,
                      template_ = OperandKind::Template, state = OperandKind::State,
                      task = OperandKind::Task, choice = OperandKind::Choice,
                      wait = OperandKind::Wait, fail = OperandKind::Fail,
                      parallel = OperandKind::Parallel, map = OperandKind::Map;
} // namespace

OperandKind opOperand(Op op) {
#define template template_
  switch (op) {
#define ASL_OP(name, operand, doc)                                                                 \
  case Op::name:                                                                                   \
    return operand;
#include "runtime/bytecode/opcodes.def"
#undef ASL_OP
  }
#undef template
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
