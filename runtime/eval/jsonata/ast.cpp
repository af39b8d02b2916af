// Node allocation and the names of node kinds and operators.
#include "runtime/eval/jsonata/ast.h"

namespace asl::eval::jsonata {

NodePtr makeNode(NodeKind kind, uint32_t start, uint32_t position) {
  return std::make_unique<Node>(kind, start, position);
}

const char* nodeKindName(NodeKind kind) {
  switch (kind) {
  case NodeKind::Path: return "path";
  case NodeKind::Binary: return "binary";
  case NodeKind::Negate: return "negate";
  case NodeKind::Array: return "array";
  case NodeKind::Object: return "object";
  case NodeKind::String: return "string";
  case NodeKind::Number: return "number";
  case NodeKind::Bool: return "bool";
  case NodeKind::Null: return "null";
  case NodeKind::Regex: return "regex";
  case NodeKind::Name: return "name";
  case NodeKind::Variable: return "variable";
  case NodeKind::Wildcard: return "wildcard";
  case NodeKind::Descendant: return "descendant";
  case NodeKind::Parent: return "parent";
  case NodeKind::Call: return "call";
  case NodeKind::Partial: return "partial";
  case NodeKind::Placeholder: return "placeholder";
  case NodeKind::Lambda: return "lambda";
  case NodeKind::Condition: return "condition";
  case NodeKind::Elvis: return "elvis";
  case NodeKind::Coalesce: return "coalesce";
  case NodeKind::Block: return "block";
  case NodeKind::Bind: return "bind";
  case NodeKind::Apply: return "apply";
  case NodeKind::Transform: return "transform";
  case NodeKind::Sort: return "sort";
  }
  return "?";
}

const char* binaryOpName(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add: return "+";
  case BinaryOp::Subtract: return "-";
  case BinaryOp::Multiply: return "*";
  case BinaryOp::Divide: return "/";
  case BinaryOp::Modulo: return "%";
  case BinaryOp::Equal: return "=";
  case BinaryOp::NotEqual: return "!=";
  case BinaryOp::Less: return "<";
  case BinaryOp::LessEqual: return "<=";
  case BinaryOp::Greater: return ">";
  case BinaryOp::GreaterEqual: return ">=";
  case BinaryOp::And: return "and";
  case BinaryOp::Or: return "or";
  case BinaryOp::In: return "in";
  case BinaryOp::Concat: return "&";
  case BinaryOp::Range: return "..";
  }
  return "?";
}

} // namespace asl::eval::jsonata
