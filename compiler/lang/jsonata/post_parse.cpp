// Post-parse processing, as JSONata does it after reading tokens: `.` chains become Path
// steps, `[...]` become stages or predicates, `{...}` groupings and `^(...)` sorts attach to
// steps, `@`/`#` bindings turn steps into tuple steps, `%` is resolved to the step it names,
// tail calls in lambda bodies are marked, and the remaining static errors are raised
// (S0207, S0209, S0210, S0213, S0215, S0216, S0217).
#include <charconv>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/lang/jsonata/pratt.h"
#include "compiler/lang/jsonata/try.h"

namespace asl::lang::jsonata {
namespace {

using eval::jsonata::BinaryOp;
using eval::jsonata::Group;
using eval::jsonata::makeJsonataError;
using eval::jsonata::makeNode;
using eval::jsonata::Node;
using eval::jsonata::NodeKind;
using eval::jsonata::ObjectPair;
using eval::jsonata::SortTerm;
using eval::jsonata::Stage;
using eval::jsonata::StageKind;

// A `%` waiting to be tied to the step whose input it denotes. `level` counts how many steps
// back that is; it falls as the search walks left through the path.
struct ParentSlot {
  std::string label;
  int level = 1;
};

bool parseBinaryOp(const std::string& op, BinaryOp& out) {
  struct Entry {
    std::string_view text;
    BinaryOp op;
  };
  static constexpr Entry kOps[] = {
      {"+", BinaryOp::Add},         {"-", BinaryOp::Subtract},   {"*", BinaryOp::Multiply},
      {"/", BinaryOp::Divide},      {"%", BinaryOp::Modulo},     {"=", BinaryOp::Equal},
      {"!=", BinaryOp::NotEqual},   {"<", BinaryOp::Less},       {"<=", BinaryOp::LessEqual},
      {">", BinaryOp::Greater},     {">=", BinaryOp::GreaterEqual}, {"and", BinaryOp::And},
      {"or", BinaryOp::Or},         {"in", BinaryOp::In},        {"&", BinaryOp::Concat},
      {"..", BinaryOp::Range},
  };
  for (const Entry& e : kOps) {
    if (e.text == op) {
      out = e.op;
      return true;
    }
  }
  return false;
}

std::string literalText(const Node& n) {
  switch (n.kind) {
  case NodeKind::Number: {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n.number);
    return ec == std::errc() ? std::string(buf, end) : std::string();
  }
  case NodeKind::Bool: return n.boolean ? "true" : "false";
  default: return "null";
  }
}

class PostParser {
public:
  Result<NodePtr, JsonataError> run(RawNode& root) {
    ASL_JSONATA_ASSIGN(result, process(root));
    if (result->kind == NodeKind::Parent || seeking_.count(result.get()) != 0) {
      JsonataError e = makeJsonataError("S0217", result->start, result->position);
      e.token = eval::jsonata::nodeKindName(result->kind);
      return fail(std::move(e));
    }
    for (auto& [node, slot] : ancestors_) node->ancestorLabel = slots_[slot].label;
    for (auto& [node, slot] : parents_) node->text = slots_[slot].label;
    return result;
  }

private:
  // Slots still looking for their step, per node (JSONata's `seekingParent`). A node with an
  // entry, even an empty one, counts as seeking.
  std::unordered_map<const Node*, std::vector<uint32_t>> seeking_;
  std::unordered_map<Node*, uint32_t> ancestors_;  // step -> slot whose % refers to it
  std::unordered_map<Node*, uint32_t> parents_;    // % node -> its slot
  std::vector<ParentSlot> slots_;

  // Adds the slots `value` seeks (and `value` itself, if it is a %) to those `result` seeks.
  void pushAncestry(const Node& result, const Node& value) {
    auto it = seeking_.find(&value);
    bool isParent = value.kind == NodeKind::Parent;
    if (it == seeking_.end() && !isParent) return;
    std::vector<uint32_t> slots = it != seeking_.end() ? it->second : std::vector<uint32_t>{};
    if (isParent) slots.push_back(parents_.at(const_cast<Node*>(&value)));
    std::vector<uint32_t>& target = seeking_[&result];
    target.insert(target.end(), slots.begin(), slots.end());
  }

  // Walks from `node` towards the step a % in slot `slot` denotes.
  Result<void, JsonataError> seekParent(Node& node, uint32_t slot) {
    switch (node.kind) {
    case NodeKind::Name:
    case NodeKind::Wildcard:
      if (--slots_[slot].level == 0) {
        // The step must carry its input along as a tuple binding for the % to read.
        node.tuple = true;
        auto it = ancestors_.find(&node);
        if (it != ancestors_.end()) {
          // Two %s denote the same step: they share its label.
          slots_[slot].label = slots_[it->second].label;
          it->second = slot;
        } else {
          ancestors_[&node] = slot;
        }
      }
      return {};
    case NodeKind::Parent:
      ++slots_[slot].level;
      return {};
    case NodeKind::Block:
      if (!node.items.empty()) {
        node.tuple = true;
        ASL_JSONATA_CHECK(seekParent(*node.items.back(), slot));
      }
      return {};
    case NodeKind::Path: {
      node.tuple = true;
      size_t index = node.items.size();
      ASL_JSONATA_CHECK(seekParent(*node.items[--index], slot));
      while (slots_[slot].level > 0 && index > 0) ASL_JSONATA_CHECK(seekParent(*node.items[--index], slot));
      return {};
    }
    default: {
      JsonataError e = makeJsonataError("S0217", node.start, node.position);
      e.token = eval::jsonata::nodeKindName(node.kind);
      return fail(std::move(e));
    }
    }
  }

  static bool bindsFocus(const Node& step) { return step.focus && !step.focus->empty(); }

  // Ties the %s sought by the path's last step to earlier steps; unresolved ones move up.
  Result<void, JsonataError> resolveAncestry(Node& path) {
    Node& last = *path.items.back();
    std::vector<uint32_t> slots;
    if (auto it = seeking_.find(&last); it != seeking_.end()) slots = it->second;
    if (last.kind == NodeKind::Parent) slots.push_back(parents_.at(&last));
    for (uint32_t slot : slots) {
      long index = static_cast<long>(path.items.size()) - 2;
      while (slots_[slot].level > 0) {
        if (index < 0) {
          seeking_[&path].push_back(slot);
          break;
        }
        Node* step = path.items[static_cast<size_t>(index--)].get();
        // Consecutive focus-binding steps act as one.
        while (index >= 0 && bindsFocus(*step) && bindsFocus(*path.items[static_cast<size_t>(index)]))
          step = path.items[static_cast<size_t>(index--)].get();
        ASL_JSONATA_CHECK(seekParent(*step, slot));
      }
    }
    return {};
  }

  NodePtr wrapInPath(NodePtr step) {
    NodePtr path = makeNode(NodeKind::Path, step->start, step->position);
    path->items.push_back(std::move(step));
    return path;
  }

  void discard(NodePtr node) { seeking_.erase(node.get()); }

  Result<NodePtr, JsonataError> process(RawNode& raw) {
    ASL_JSONATA_ASSIGN(result, processKind(raw));
    if (raw.keepArray) result->keepArray = true;
    return result;
  }

  Result<NodePtr, JsonataError> processKind(RawNode& raw) {
    switch (raw.kind) {
    case RawKind::Binary: return processBinary(raw);
    case RawKind::String: {
      NodePtr n = leaf(NodeKind::String, raw);
      n->text = std::move(raw.text);
      return n;
    }
    case RawKind::Number: {
      NodePtr n = leaf(NodeKind::Number, raw);
      n->number = raw.number;
      return n;
    }
    case RawKind::True:
    case RawKind::False: {
      NodePtr n = leaf(NodeKind::Bool, raw);
      n->boolean = raw.kind == RawKind::True;
      return n;
    }
    case RawKind::Null: return leaf(NodeKind::Null, raw);
    case RawKind::Regex: {
      NodePtr n = leaf(NodeKind::Regex, raw);
      n->text = std::move(raw.text);
      n->regexFlags = std::move(raw.flags);
      return n;
    }
    case RawKind::Variable: {
      NodePtr n = leaf(NodeKind::Variable, raw);
      n->text = std::move(raw.text);
      return n;
    }
    case RawKind::Wildcard: return leaf(NodeKind::Wildcard, raw);
    case RawKind::Descendant: return leaf(NodeKind::Descendant, raw);
    case RawKind::Placeholder: return leaf(NodeKind::Placeholder, raw);
    case RawKind::Name:
    case RawKind::KeywordName: {
      NodePtr step = leaf(NodeKind::Name, raw);
      step->text = std::move(raw.text);
      step->keepArray = raw.keepArray;  // JSONata's path shares the name node as its step
      NodePtr path = wrapInPath(std::move(step));
      path->keepSingletonArray = raw.keepArray;
      return path;
    }
    case RawKind::Parent: {
      NodePtr n = leaf(NodeKind::Parent, raw);
      uint32_t slot = static_cast<uint32_t>(slots_.size());
      slots_.push_back(ParentSlot{"!" + std::to_string(slot), 1});
      parents_[n.get()] = slot;
      return n;
    }
    case RawKind::End: {
      JsonataError e = makeJsonataError("S0207", raw.start, raw.position);
      e.token = "(end)";
      return fail(std::move(e));
    }
    case RawKind::Negate: {
      ASL_JSONATA_ASSIGN(operand, process(*raw.lhs));
      if (operand->kind == NodeKind::Number) {
        operand->number = -operand->number;
        return operand;
      }
      NodePtr n = leaf(NodeKind::Negate, raw);
      pushAncestry(*n, *operand);
      n->lhs = std::move(operand);
      return n;
    }
    case RawKind::ArrayCons: {
      NodePtr n = leaf(NodeKind::Array, raw);
      for (RawPtr& item : raw.items) {
        ASL_JSONATA_ASSIGN(value, process(*item));
        pushAncestry(*n, *value);
        n->items.push_back(std::move(value));
      }
      return n;
    }
    case RawKind::ObjectCons: {
      NodePtr n = leaf(NodeKind::Object, raw);
      for (auto& [rawKey, rawValue] : raw.pairs) {
        ASL_JSONATA_ASSIGN(key, process(*rawKey));
        pushAncestry(*n, *key);
        ASL_JSONATA_ASSIGN(value, process(*rawValue));
        pushAncestry(*n, *value);
        n->pairs.push_back(ObjectPair{std::move(key), std::move(value)});
      }
      return n;
    }
    case RawKind::Call:
    case RawKind::Partial: {
      NodePtr n = leaf(raw.kind == RawKind::Call ? NodeKind::Call : NodeKind::Partial, raw);
      for (RawPtr& arg : raw.items) {
        ASL_JSONATA_ASSIGN(value, process(*arg));
        pushAncestry(*n, *value);
        n->items.push_back(std::move(value));
      }
      ASL_JSONATA_ASSIGN(procedure, process(*raw.lhs));
      n->procedure = std::move(procedure);
      return n;
    }
    case RawKind::Lambda: {
      NodePtr n = leaf(NodeKind::Lambda, raw);
      for (RawPtr& param : raw.items) n->params.push_back(std::move(param->text));
      n->signature = std::move(raw.signature);
      ASL_JSONATA_ASSIGN(body, process(*raw.rhs));
      markTailCalls(*body);
      n->body = std::move(body);
      return n;
    }
    case RawKind::Condition: {
      NodePtr n = leaf(NodeKind::Condition, raw);
      ASL_JSONATA_ASSIGN(condition, process(*raw.lhs));
      pushAncestry(*n, *condition);
      n->condition = std::move(condition);
      ASL_JSONATA_ASSIGN(then, process(*raw.rhs));
      pushAncestry(*n, *then);
      n->then = std::move(then);
      if (raw.third) {
        ASL_JSONATA_ASSIGN(otherwise, process(*raw.third));
        pushAncestry(*n, *otherwise);
        n->otherwise = std::move(otherwise);
      }
      return n;
    }
    case RawKind::Elvis:
    case RawKind::Coalesce: {
      NodePtr n = leaf(raw.kind == RawKind::Elvis ? NodeKind::Elvis : NodeKind::Coalesce, raw);
      ASL_JSONATA_ASSIGN(lhs, process(*raw.lhs));
      pushAncestry(*n, *lhs);
      n->lhs = std::move(lhs);
      ASL_JSONATA_ASSIGN(rhs, process(*raw.rhs));
      pushAncestry(*n, *rhs);
      n->rhs = std::move(rhs);
      return n;
    }
    case RawKind::Transform: {
      NodePtr n = leaf(NodeKind::Transform, raw);
      ASL_JSONATA_ASSIGN(pattern, process(*raw.lhs));
      n->pattern = std::move(pattern);
      ASL_JSONATA_ASSIGN(update, process(*raw.rhs));
      n->update = std::move(update);
      if (raw.third) {
        ASL_JSONATA_ASSIGN(deletion, process(*raw.third));
        n->deletion = std::move(deletion);
      }
      return n;
    }
    case RawKind::Block: {
      NodePtr n = leaf(NodeKind::Block, raw);
      for (RawPtr& item : raw.items) {
        ASL_JSONATA_ASSIGN(part, process(*item));
        pushAncestry(*n, *part);
        if (part->consArray || (part->kind == NodeKind::Path && part->items[0]->consArray))
          n->consArray = true;
        n->items.push_back(std::move(part));
      }
      return n;
    }
    }
    return fail(makeJsonataError("S0206", raw.start, raw.position));
  }

  NodePtr leaf(NodeKind kind, const RawNode& raw) { return makeNode(kind, raw.start, raw.position); }

  // A call in tail position of a lambda body becomes a thunk for the evaluator's trampoline,
  // so tail recursion does not grow the stack.
  static void markTailCalls(Node& expr) {
    switch (expr.kind) {
    case NodeKind::Call:
      if (expr.predicate.empty()) expr.tailCall = true;
      return;
    case NodeKind::Condition:
      markTailCalls(*expr.then);
      if (expr.otherwise) markTailCalls(*expr.otherwise);
      return;
    case NodeKind::Elvis:
    case NodeKind::Coalesce: markTailCalls(*expr.rhs); return;
    case NodeKind::Block:
      if (!expr.items.empty()) markTailCalls(*expr.items.back());
      return;
    default: return;
    }
  }

  Result<NodePtr, JsonataError> processBinary(RawNode& raw) {
    const std::string& op = raw.text;
    if (op == ".") return processMap(raw);
    if (op == "[") return processFilter(raw);
    if (op == "{") return processGroup(raw);
    if (op == "^") return processSort(raw);
    if (op == "@") return processFocus(raw);
    if (op == "#") return processIndex(raw);
    if (op == ":=" || op == "~>") {
      NodePtr n = leaf(op == ":=" ? NodeKind::Bind : NodeKind::Apply, raw);
      ASL_JSONATA_ASSIGN(lhs, process(*raw.lhs));
      n->lhs = std::move(lhs);
      ASL_JSONATA_ASSIGN(rhs, process(*raw.rhs));
      if (n->kind == NodeKind::Bind) pushAncestry(*n, *rhs);
      n->rhs = std::move(rhs);
      return n;
    }
    NodePtr n = leaf(NodeKind::Binary, raw);
    if (!parseBinaryOp(op, n->op)) {
      JsonataError e = makeJsonataError("S0201", raw.start, raw.position);
      e.token = op;
      return fail(std::move(e));
    }
    ASL_JSONATA_ASSIGN(lhs, process(*raw.lhs));
    n->lhs = std::move(lhs);
    ASL_JSONATA_ASSIGN(rhs, process(*raw.rhs));
    n->rhs = std::move(rhs);
    pushAncestry(*n, *n->lhs);
    pushAncestry(*n, *n->rhs);
    return n;
  }

  // a.b: append to (or start) a path.
  Result<NodePtr, JsonataError> processMap(RawNode& raw) {
    ASL_JSONATA_ASSIGN(lstep, process(*raw.lhs));
    bool leftIsParent = lstep->kind == NodeKind::Parent;
    uint32_t leftSlot = leftIsParent ? parents_.at(lstep.get()) : 0;
    NodePtr result = lstep->kind == NodeKind::Path ? std::move(lstep) : wrapInPath(std::move(lstep));
    if (leftIsParent) seeking_[result.get()] = {leftSlot};

    ASL_JSONATA_ASSIGN(rest, process(*raw.rhs));
    if (rest->kind == NodeKind::Path) {
      for (NodePtr& step : rest->items) result->items.push_back(std::move(step));
      discard(std::move(rest));
    } else {
      if (!rest->predicate.empty()) {
        rest->stages = std::move(rest->predicate);
        rest->predicate.clear();
      }
      result->items.push_back(std::move(rest));
    }
    for (NodePtr& step : result->items) {
      if (step->kind == NodeKind::Number || step->kind == NodeKind::Bool || step->kind == NodeKind::Null) {
        JsonataError e = makeJsonataError("S0213", step->start, step->position);
        e.value = literalText(*step);
        e.valueIsLiteral = true;
        return fail(std::move(e));
      }
      if (step->kind == NodeKind::String) step->kind = NodeKind::Name;  // "a b".c names a field
    }
    for (const NodePtr& step : result->items)
      if (step->keepArray) result->keepSingletonArray = true;
    if (result->items.front()->kind == NodeKind::Array) result->items.front()->consArray = true;
    if (result->items.back()->kind == NodeKind::Array) result->items.back()->consArray = true;
    ASL_JSONATA_CHECK(resolveAncestry(*result));
    return result;
  }

  // a[p]: a stage on the last step of a path, or a predicate on any other expression.
  Result<NodePtr, JsonataError> processFilter(RawNode& raw) {
    ASL_JSONATA_ASSIGN(result, process(*raw.lhs));
    bool onPath = result->kind == NodeKind::Path;
    Node& step = onPath ? *result->items.back() : *result;
    if (step.group) return fail(makeJsonataError("S0209", raw.start, raw.position));
    ASL_JSONATA_ASSIGN(predicate, process(*raw.rhs));
    if (auto it = seeking_.find(predicate.get()); it != seeking_.end()) {
      std::vector<uint32_t> slots = it->second;
      for (uint32_t slot : slots) {
        if (slots_[slot].level == 1) ASL_JSONATA_CHECK(seekParent(step, slot));
        else --slots_[slot].level;
      }
      pushAncestry(step, *predicate);
    }
    Stage stage;
    stage.kind = StageKind::Filter;
    stage.expr = std::move(predicate);
    stage.start = raw.start;
    stage.position = raw.position;
    (onPath ? step.stages : step.predicate).push_back(std::move(stage));
    return result;
  }

  // a{k: v}: group the result of `a` (JSONata attaches it to the whole left-hand side).
  Result<NodePtr, JsonataError> processGroup(RawNode& raw) {
    ASL_JSONATA_ASSIGN(result, process(*raw.lhs));
    if (result->group) return fail(makeJsonataError("S0210", raw.start, raw.position));
    auto group = std::make_unique<Group>();
    group->start = raw.start;
    group->position = raw.position;
    for (auto& [rawKey, rawValue] : raw.pairs) {
      ASL_JSONATA_ASSIGN(key, process(*rawKey));
      ASL_JSONATA_ASSIGN(value, process(*rawValue));
      group->pairs.push_back(ObjectPair{std::move(key), std::move(value)});
    }
    result->group = std::move(group);
    return result;
  }

  // a^(<x, >y): a sort step appended to the path.
  Result<NodePtr, JsonataError> processSort(RawNode& raw) {
    ASL_JSONATA_ASSIGN(lhs, process(*raw.lhs));
    NodePtr result = lhs->kind == NodeKind::Path ? std::move(lhs) : wrapInPath(std::move(lhs));
    NodePtr sort = leaf(NodeKind::Sort, raw);
    for (RawSortTerm& term : raw.terms) {
      ASL_JSONATA_ASSIGN(expr, process(*term.expr));
      pushAncestry(*sort, *expr);
      sort->sortTerms.push_back(SortTerm{term.descending, std::move(expr)});
    }
    result->items.push_back(std::move(sort));
    ASL_JSONATA_CHECK(resolveAncestry(*result));
    return result;
  }

  // a@$x: the step binds each item to $x and keeps the previous context.
  Result<NodePtr, JsonataError> processFocus(RawNode& raw) {
    ASL_JSONATA_ASSIGN(result, process(*raw.lhs));
    Node& step = result->kind == NodeKind::Path ? *result->items.back() : *result;
    if (!step.stages.empty() || !step.predicate.empty())
      return fail(makeJsonataError("S0215", raw.start, raw.position));
    if (step.kind == NodeKind::Sort) return fail(makeJsonataError("S0216", raw.start, raw.position));
    if (raw.keepArray) step.keepArray = true;
    step.focus = raw.rhs->text;
    step.tuple = true;
    return result;
  }

  // a#$i: the step binds each item's position to $i.
  Result<NodePtr, JsonataError> processIndex(RawNode& raw) {
    ASL_JSONATA_ASSIGN(lhs, process(*raw.lhs));
    NodePtr result;
    Node* step = nullptr;
    if (lhs->kind == NodeKind::Path) {
      result = std::move(lhs);
      step = result->items.back().get();
    } else {
      step = lhs.get();
      result = wrapInPath(std::move(lhs));
      if (!step->predicate.empty()) {
        step->stages = std::move(step->predicate);
        step->predicate.clear();
      }
    }
    if (step->stages.empty()) {
      step->index = raw.rhs->text;
    } else {
      Stage stage;
      stage.kind = StageKind::Index;
      stage.variable = raw.rhs->text;
      stage.start = raw.start;
      stage.position = raw.position;
      step->stages.push_back(std::move(stage));
    }
    step->tuple = true;
    return result;
  }
};

} // namespace

Result<NodePtr, JsonataError> processRaw(RawNode& root) {
  PostParser post;
  return post.run(root);
}

} // namespace asl::lang::jsonata
