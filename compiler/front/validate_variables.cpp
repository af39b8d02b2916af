// VARIABLE_BEFORE_ASSIGN: which workflow variables may have been assigned on entry to each
// state (the union over incoming edges of what the predecessor had plus what the edge
// assigns), and the reads of variables that no path assigns.
//
// Scoping, as AWS describes it: every field of a state, its Assign and its Catch included,
// reads the variables as they were on entry, so a state's own Assign only reaches its
// successors. Next and Default apply the state's Assign, a matched Choice rule and a catcher
// apply their own instead. Parallel branches and inline Map processors read the variables the
// Parallel or Map state itself sees; a distributed Map's processor reads none from outside.
// What a branch or processor assigns stays inside it.
//
// Reads are collected while the validator parses each expression and settled when its machine
// is done; a read the machine cannot settle moves up to the enclosing state.
#include <algorithm>

#include "compiler/front/validate_rules.h"
#include "runtime/eval/intrinsic.h"
#include "runtime/eval/jsonata/ast.h"
#include "runtime/eval/path.h"

namespace asl::front {
namespace {

// JSONata's own functions and those AWS adds: in an expression they look like variables.
// Kept sorted for binary_search.
// clang-format off
constexpr std::string_view kJsonataFunctions[] = {
    "abs", "append", "assert", "average", "base64decode", "base64encode", "boolean", "ceil",
    "clone", "contains", "count", "decodeUrl", "decodeUrlComponent", "distinct", "each",
    "encodeUrl", "encodeUrlComponent", "error", "eval", "exists", "filter", "floor", "formatBase",
    "formatInteger", "formatNumber", "fromMillis", "hash", "join", "keys", "length", "lookup",
    "lowercase", "map", "match", "max", "merge", "millis", "min", "not", "now", "number", "pad",
    "parse", "parseInteger", "partition", "power", "random", "range", "reduce", "replace",
    "reverse", "round", "shuffle", "sift", "single", "sort", "split", "spread", "sqrt", "string",
    "substring", "substringAfter", "substringBefore", "sum", "toMillis", "trim", "type",
    "uppercase", "uuid", "zip",
};
// clang-format on
static_assert(std::is_sorted(std::begin(kJsonataFunctions), std::end(kJsonataFunctions)));

bool isJsonataFunction(std::string_view name) {
  return std::binary_search(std::begin(kJsonataFunctions), std::end(kJsonataFunctions), name);
}

void noteRead(ValidationContext& ctx, Node node, std::string_view name, size_t index) {
  // "$states" holds the state's input, result and context; it is never assigned.
  if (ctx.variables.state == UINT32_MAX || name == "states") return;
  ctx.variables.pending.push_back({std::string(name), node.at->str(),
                                   ctx.tree.sourceOffsetInString(*node.value, index),
                                   ctx.variables.state, ctx.variables.stateObject});
}

// Where `$name` appears in `text` as a whole name; filter paths keep no offsets of their own.
size_t findVariable(std::string_view text, std::string_view name) {
  auto isNameChar = [](char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (size_t at = text.find('$'); at != std::string_view::npos; at = text.find('$', at + 1)) {
    size_t end = at + 1 + name.size();
    if (text.substr(at + 1, name.size()) == name && (end >= text.size() || !isNameChar(text[end])))
      return at;
  }
  return 0;
}

void notePathReads(ValidationContext& ctx, Node node, const eval::Path& path, size_t index);

void noteFilterReads(ValidationContext& ctx, Node node, const eval::FilterExpr& expr) {
  if (expr.kind == eval::FilterExprKind::Path && expr.path) {
    if (expr.path->root == eval::PathRootKind::Variable)
      notePathReads(ctx, node, *expr.path,
                    findVariable(ctx.tree.string(*node.value), expr.path->variable));
    else
      notePathReads(ctx, node, *expr.path, 0);
  }
  for (const eval::FilterExpr& operand : expr.operands)
    noteFilterReads(ctx, node, operand);
}

// `index` is where the path starts in the string; only a variable root uses it.
void notePathReads(ValidationContext& ctx, Node node, const eval::Path& path, size_t index) {
  if (path.root == eval::PathRootKind::Variable) noteRead(ctx, node, path.variable, index);
  for (const eval::PathSegment& segment : path.segments)
    if (segment.expr) noteFilterReads(ctx, node, *segment.expr);
}

void noteCallReads(ValidationContext& ctx, Node node, const eval::IntrinsicCall& call) {
  for (const eval::IntrinsicArg& arg : call.args) {
    if (arg.kind == eval::IntrinsicArgKind::Path)
      notePathReads(ctx, node, arg.path, arg.offset);
    else if (arg.kind == eval::IntrinsicArgKind::Call && !arg.call.empty())
      noteCallReads(ctx, node, arg.call.front());
  }
}

// The variables a JSONata expression reads and the names it binds itself (`:=`, lambda
// parameters, `@$x`, `#$i`). A bound name counts as local everywhere in the expression: that
// may miss a bug but never reports a local as a workflow variable.
struct JsonataNames {
  // "" is `$` (the context), "$" is `$$` (the input); functions and "$states" are never assigned.
  static bool isWorkflowVariable(std::string_view name) {
    return !name.empty() && name != "$" && name != "states" && !isJsonataFunction(name);
  }

  std::vector<const eval::jsonata::Node*> reads;
  std::vector<std::string_view> bound;

  void walk(const eval::jsonata::Node* n) {
    using eval::jsonata::NodeKind;
    if (!n) return;
    if (n->kind == NodeKind::Variable && isWorkflowVariable(n->text)) reads.push_back(n);
    if (n->kind == NodeKind::Bind && n->lhs) bound.push_back(n->lhs->text);
    for (const std::string& p : n->params)
      bound.push_back(p);
    if (n->focus) bound.push_back(*n->focus);
    if (n->index) bound.push_back(*n->index);
    for (const eval::jsonata::NodePtr* child :
         {&n->lhs, &n->rhs, &n->procedure, &n->condition, &n->then, &n->otherwise, &n->pattern,
          &n->update, &n->deletion, &n->body})
      walk(child->get());
    for (const eval::jsonata::NodePtr& item : n->items)
      walk(item.get());
    for (const eval::jsonata::ObjectPair& pair : n->pairs)
      walk(pair.key.get()), walk(pair.value.get());
    if (n->group)
      for (const eval::jsonata::ObjectPair& pair : n->group->pairs)
        walk(pair.key.get()), walk(pair.value.get());
    for (const eval::jsonata::SortTerm& term : n->sortTerms)
      walk(term.expr.get());
    for (const auto* stages : {&n->stages, &n->predicate}) {
      for (const eval::jsonata::Stage& stage : *stages) {
        if (stage.kind == eval::jsonata::StageKind::Index) bound.push_back(stage.variable);
        walk(stage.expr.get());
      }
    }
  }
};

// Interned names of the variables read in one machine, so that sets are bit rows.
class NameIndex {
public:
  explicit NameIndex(std::span<const VariableRead> reads) {
    for (const VariableRead& read : reads)
      names_.push_back(read.name);
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  }
  size_t size() const { return names_.size(); }
  /// The id of `name`, or SIZE_MAX when no read in the machine uses it.
  size_t find(std::string_view name) const {
    auto it = std::lower_bound(names_.begin(), names_.end(), name);
    return it != names_.end() && *it == name ? static_cast<size_t>(it - names_.begin()) : SIZE_MAX;
  }

private:
  std::vector<std::string_view> names_;
};

// Rows of bits, one per state or edge, in one allocation.
class BitRows {
public:
  BitRows(size_t rows, size_t bits) : words_((bits + 63) / 64), bits_(rows * words_, 0) {}
  void set(size_t row, size_t bit) { bits_[row * words_ + bit / 64] |= uint64_t{1} << (bit % 64); }
  bool test(size_t row, size_t bit) const {
    return (bits_[row * words_ + bit / 64] >> (bit % 64)) & 1;
  }
  /// to |= from | extra (a row of `other`); true when `to` grew.
  bool mergeInto(size_t to, size_t from, const BitRows& other, size_t extra) {
    bool grew = false;
    for (size_t w = 0; w < words_; ++w) {
      uint64_t next =
          bits_[to * words_ + w] | bits_[from * words_ + w] | other.bits_[extra * words_ + w];
      grew = grew || next != bits_[to * words_ + w];
      bits_[to * words_ + w] = next;
    }
    return grew;
  }

private:
  size_t words_;
  std::vector<uint64_t> bits_;
};

// Marks on each edge the variables its Assign sets, among those the machine reads.
BitRows edgeAssigns(const ValidationContext& ctx, std::span<const VariableEdge> edges,
                    const NameIndex& names) {
  BitRows assigns(edges.size(), names.size());
  for (size_t e = 0; e < edges.size(); ++e) {
    if (!edges[e].assignOwner) continue;
    const JsonValue* assign = ctx.tree.findValue(*edges[e].assignOwner, "Assign");
    if (!assign || assign->kind != JsonKind::Object) continue;
    for (const JsonMember& m : ctx.tree.members(*assign)) {
      // "name.$" assigns "name" in JSONPath states; a JSONata name ending in ".$" could not be
      // read back anyway, so stripping it there too only errs towards silence.
      std::string_view name = m.key.ends_with(".$") ? m.key.substr(0, m.key.size() - 2) : m.key;
      if (size_t id = names.find(name); id != SIZE_MAX) assigns.set(e, id);
    }
  }
  return assigns;
}

void reportReads(ValidationContext& ctx, std::span<const VariableRead> reads,
                 MachineScopeKind scope) {
  // One warning per reading state and variable: the first read in the source.
  std::vector<uint32_t> order(reads.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const VariableRead& x = reads[a];
    const VariableRead& y = reads[b];
    if (x.reader != y.reader) return std::less<>()(x.reader, y.reader);
    if (x.name != y.name) return x.name < y.name;
    return x.offset < y.offset;
  });
  for (size_t k = 0; k < order.size(); ++k) {
    const VariableRead& read = reads[order[k]];
    if (k > 0 && reads[order[k - 1]].reader == read.reader && reads[order[k - 1]].name == read.name)
      continue;
    std::string message =
        "variable $" + read.name + " is read here but no Assign before this state sets it";
    if (scope == MachineScopeKind::DistributedMap)
      message +=
          " (a distributed Map's ItemProcessor cannot read the variables of the states around it)";
    ctx.report(DiagCode::VariableBeforeAssign, std::move(message), read.pointer, read.offset);
  }
}

} // namespace

void noteVariableReads(ValidationContext& ctx, Node node, const eval::Path& path) {
  notePathReads(ctx, node, path, 0);
}

void noteVariableReads(ValidationContext& ctx, Node node, const eval::IntrinsicCall& call) {
  noteCallReads(ctx, node, call);
}

void noteVariableReads(ValidationContext& ctx, Node node, const eval::jsonata::Node& body) {
  JsonataNames names;
  names.walk(&body);
  for (const eval::jsonata::Node* read : names.reads) {
    if (std::find(names.bound.begin(), names.bound.end(), read->text) != names.bound.end())
      continue;
    noteRead(ctx, node, read->text, 2 + read->start); // +2 skips the "{%"
  }
}

void settleVariableReads(ValidationContext& ctx, size_t firstRead, MachineScopeKind scope,
                         uint32_t stateCount, uint32_t start, std::span<const VariableEdge> edges) {
  std::vector<VariableRead>& pending = ctx.variables.pending;
  if (pending.size() <= firstRead) return;
  std::span<VariableRead> reads(pending.data() + firstRead, pending.size() - firstRead);
  if (start >= stateCount) { // a broken machine: no paths to follow, and errors explain it
    pending.resize(firstRead);
    return;
  }

  NameIndex names(reads);
  BitRows assigns = edgeAssigns(ctx, edges, names);
  // Edges come grouped by their source state; edgeStart[s] is the first of state s.
  std::vector<uint32_t> edgeStart(stateCount + 1, 0);
  for (const VariableEdge& e : edges)
    ++edgeStart[e.from + 1];
  for (uint32_t s = 0; s < stateCount; ++s)
    edgeStart[s + 1] += edgeStart[s];

  // Iterate to a fixed point: sets only grow and are bounded, so this ends.
  BitRows entry(stateCount, names.size());
  std::vector<bool> reached(stateCount, false), queued(stateCount, false);
  std::vector<uint32_t> work{start};
  reached[start] = queued[start] = true;
  while (!work.empty()) {
    uint32_t s = work.back();
    work.pop_back();
    queued[s] = false;
    for (uint32_t e = edgeStart[s]; e < edgeStart[s + 1]; ++e) {
      uint32_t to = edges[e].to;
      bool grew = entry.mergeInto(to, s, assigns, e);
      if ((grew || !reached[to]) && !queued[to]) work.push_back(to), queued[to] = true;
      reached[to] = true;
    }
  }

  // Keep the reads no path settles; reads in unreachable states are dropped (an error says why).
  // Decided before any read moves: the name index views the reads' names.
  std::vector<bool> unsettled(reads.size());
  for (size_t i = 0; i < reads.size(); ++i) {
    const VariableRead& read = reads[i];
    unsettled[i] = read.state < stateCount && reached[read.state] &&
                   !entry.test(read.state, names.find(read.name));
  }
  size_t kept = firstRead;
  for (size_t i = 0; i < reads.size(); ++i) {
    if (!unsettled[i]) continue;
    if (kept != firstRead + i) pending[kept] = std::move(reads[i]);
    ++kept;
  }
  pending.resize(kept);
  if (scope == MachineScopeKind::Top || scope == MachineScopeKind::DistributedMap) {
    reportReads(ctx, std::span<const VariableRead>(pending.data() + firstRead, kept - firstRead),
                scope);
    pending.resize(firstRead);
    return;
  }
  for (size_t i = firstRead; i < kept; ++i)
    pending[i].state = ctx.variables.state;
}

} // namespace asl::front
