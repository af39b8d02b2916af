// Top-level and nested machines: StartAt, States, state names, transitions, reachability and
// terminal states. Field-level rules live in validate_fields.cpp.
#include <span>

#include "compiler/front/validate_rules.h"
#include "compiler/front/name_map.h"

namespace asl::front {
namespace {

constexpr size_t kMaxStateNameLength = 80;

// A transition, kept as cheap references; its JSON pointer is built only if it is reported.
struct Edge {
  std::string_view target;
  const JsonValue* value;       ///< the string naming the target
  std::string_view listKey;     ///< "Choices" or "Catch", or empty for Next/Default
  uint32_t listIndex = 0;
  std::string_view field;       ///< "Next" or "Default"
  const JsonValue* assignOwner; ///< whose Assign applies on the edge: the state, rule or catcher
};

struct MachineGraph {
  std::vector<std::string_view> names;
  std::unordered_map<std::string_view, uint32_t> index;
  std::vector<uint32_t> successorStart; ///< CSR adjacency: successors of s are
  std::vector<uint32_t> successors;     ///< successors[successorStart[s] .. successorStart[s+1])
  std::vector<bool> terminal;
};

std::optional<QueryLanguageKind> parseQueryLanguage(ValidationContext& ctx, Node node) {
  if (node.value->kind != JsonKind::String) {
    ctx.report(DiagCode::FieldType, "QueryLanguage must be a string: 'JSONPath' or 'JSONata'", node);
    return std::nullopt;
  }
  std::string_view s = ctx.tree.string(*node.value);
  if (s == "JSONPath") return QueryLanguageKind::JSONPath;
  if (s == "JSONata") return QueryLanguageKind::JSONata;
  ctx.report(DiagCode::FieldValue,
             "QueryLanguage must be 'JSONPath' or 'JSONata', not " + quote(s), node);
  return std::nullopt;
}

// Collects the transitions a state makes, for the graph checks.
void collectEdges(const JsonTree& t, const JsonValue& state, std::vector<Edge>& edges) {
  auto add = [&](const JsonValue* v, std::string_view listKey, uint32_t listIndex, std::string_view field,
                 const JsonValue* assignOwner) {
    if (v && v->kind == JsonKind::String)
      edges.push_back({t.string(*v), v, listKey, listIndex, field, assignOwner});
  };
  add(t.findValue(state, "Next"), {}, 0, "Next", &state);
  add(t.findValue(state, "Default"), {}, 0, "Default", &state);
  for (std::string_view listKey : {std::string_view("Choices"), std::string_view("Catch")}) {
    const JsonValue* list = t.findValue(state, listKey);
    if (!list || list->kind != JsonKind::Array) continue;
    uint32_t i = 0;
    for (uint32_t element : t.elements(*list)) {
      const JsonValue& rule = t.at(element);
      if (rule.kind == JsonKind::Object) add(t.findValue(rule, "Next"), listKey, i, "Next", &rule);
      ++i;
    }
  }
}

// `kind` is empty when the state's Type is missing or unknown: its End still counts.
bool isTerminal(const JsonTree& t, std::optional<StateKind> kind, const JsonValue& object) {
  if (kind == StateKind::Succeed || kind == StateKind::Fail) return true;
  const JsonValue* end = t.findValue(object, "End");
  return end && end->kind == JsonKind::Bool && end->boolean;
}

void validateStateName(ValidationContext& ctx, const PointerPath& statesAt,
                       const JsonMember& member) {
  std::string_view name = member.key;
  size_t codePoints = 0;
  for (char c : name)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++codePoints;
  if (name.empty()) {
    ctx.reportKey(DiagCode::InvalidStateName, "a state name must not be empty", statesAt, member);
  } else if (codePoints > kMaxStateNameLength) {
    ctx.reportKey(DiagCode::InvalidStateName,
                  "state name is " + std::to_string(codePoints) + " characters; the limit is " +
                      std::to_string(kMaxStateNameLength),
                  statesAt, member);
  }
  auto [it, inserted] = ctx.stateNames.emplace(name, member.keyOffset);
  if (!inserted) {
    ctx.reportKey(DiagCode::DuplicateStateName,
                  "state name " + quote(name) +
                      " is already used in this definition; names must be unique across all "
                      "branches and iterations",
                  statesAt, member);
  }
}

} // namespace

void validateMachine(ValidationContext& ctx, Node machine, QueryLanguageKind language,
                     MachineScopeKind scope) {
  const JsonTree& t = ctx.tree;
  if (machine.value->kind != JsonKind::Object) {
    ctx.report(DiagCode::FieldType,
               "a state machine must be a JSON object, not " +
                   std::string(jsonKindName(machine.value->kind)),
               machine);
    return;
  }
  if (++ctx.machineDepth > ctx.options.limits.maxMachineDepth) {
    ctx.report(DiagCode::NestingTooDeep,
               "Map and Parallel states are nested deeper than the limit of " +
                   std::to_string(ctx.options.limits.maxMachineDepth),
               machine);
    --ctx.machineDepth;
    return;
  }
  const JsonValue& object = *machine.value;

  // Which fields this kind of machine may carry.
  for (const JsonMember& m : t.members(object)) {
    std::string_view k = m.key;
    bool allowed = k == "StartAt" || k == "States" || k == "Comment" ||
                   (scope == MachineScopeKind::Top &&
                    (k == "Version" || k == "TimeoutSeconds" || k == "QueryLanguage")) ||
                   ((scope == MachineScopeKind::InlineMap || scope == MachineScopeKind::DistributedMap) &&
                    k == "ProcessorConfig");
    if (!allowed) {
      ctx.reportKey(DiagCode::UnknownField,
                    "field " + quote(k) + " is not allowed " +
                        (scope == MachineScopeKind::Top ? "at the top level of a state machine"
                         : scope == MachineScopeKind::Branch ? "in a Parallel branch"
                                                             : "in a Map's ItemProcessor"),
                    *machine.at, m);
      continue;
    }
    PointerPath at = machine.at->child(k);
    Node field{&t.at(m.value), &at};
    if (k == "Comment" && field.value->kind != JsonKind::String) {
      ctx.report(DiagCode::FieldType, "Comment must be a string", field);
    } else if (k == "Version" && field.value->kind != JsonKind::String) {
      ctx.report(DiagCode::FieldType, "Version must be a string such as '1.0'", field);
    } else if (k == "TimeoutSeconds") {
      const JsonValue& v = *field.value;
      if (v.kind != JsonKind::Number || !v.isInteger || v.number < 1 || v.number > 99999999)
        ctx.report(DiagCode::FieldValue,
                   "TimeoutSeconds must be an integer from 1 to 99999999", field);
    } else if (k == "QueryLanguage") {
      if (auto lang = parseQueryLanguage(ctx, field)) language = *lang;
    }
  }
  if (scope == MachineScopeKind::Top) ctx.rootLanguage = language;

  const JsonMember* startAt = t.find(object, "StartAt");
  const JsonMember* states = t.find(object, "States");
  if (!startAt || !states) {
    std::string missing = !startAt && !states ? "'StartAt' and 'States'"
                          : !startAt          ? "'StartAt'"
                                              : "'States'";
    ctx.report(DiagCode::MissingField,
               "missing required field" + std::string(!startAt && !states ? "s " : " ") + missing,
               machine);
  }
  if (startAt && t.at(startAt->value).kind != JsonKind::String) {
    PointerPath at = machine.at->child("StartAt");
    ctx.report(DiagCode::FieldType, "StartAt must be a string naming a state",
               Node{&t.at(startAt->value), &at});
  }
  if (!states) {
    --ctx.machineDepth;
    return;
  }
  PointerPath statesAt = machine.at->child("States");
  const JsonValue& statesObject = t.at(states->value);
  if (statesObject.kind != JsonKind::Object) {
    ctx.report(DiagCode::FieldType, "States must be an object mapping state names to states",
               Node{&statesObject, &statesAt});
    --ctx.machineDepth;
    return;
  }
  if (statesObject.count == 0) {
    ctx.report(DiagCode::FieldValue, "States must contain at least one state",
               Node{&statesObject, &statesAt});
  }

  // Reads by this machine's states (and by machines inside them) start here; the enclosing
  // state's place is restored once they are settled.
  size_t firstRead = ctx.variables.pending.size();
  uint32_t outerState = ctx.variables.state;
  const JsonValue* outerStateObject = ctx.variables.stateObject;

  MachineGraph graph;
  graph.index.reserve(statesObject.count);
  std::vector<bool> duplicate;  // a second state under a name already used in this object
  bool incomplete = false;      // a state without a usable Type or transition: no dead-end warning
  std::vector<Edge> edges;
  std::vector<uint32_t> edgeStart; // edges of state s: [edgeStart[s], edgeStart[s + 1])
  for (const JsonMember& m : t.members(statesObject)) {
    if (ctx.full()) break;
    validateStateName(ctx, statesAt, m);
    uint32_t stateIndex = static_cast<uint32_t>(graph.names.size());
    graph.names.push_back(m.key);
    duplicate.push_back(!graph.index.emplace(m.key, stateIndex).second);
    graph.terminal.push_back(false);
    edgeStart.push_back(static_cast<uint32_t>(edges.size()));

    PointerPath stateAtStorage = statesAt.child(m.key);
    const PointerPath* stateAt = &stateAtStorage;
    const JsonValue& stateObject = t.at(m.value);
    if (stateObject.kind != JsonKind::Object) {
      ctx.report(DiagCode::FieldType, "state " + quote(m.key) + " must be a JSON object",
                 Node{&stateObject, stateAt});
      continue;
    }
    // Transitions and End count even when the Type is wrong, so one mistake does not cascade
    // into reachability errors.
    std::optional<StateKind> kind;
    if (const JsonValue* type = t.findValue(stateObject, "Type"); type && type->kind == JsonKind::String)
      kind = ir::stateKindFromName(t.string(*type));
    graph.terminal[stateIndex] = isTerminal(t, kind, stateObject);
    collectEdges(t, stateObject, edges);
    bool hasTransition = graph.terminal[stateIndex] || t.find(stateObject, "Next") ||
                         kind == StateKind::Choice;
    if (!kind || !hasTransition) incomplete = true;

    const JsonValue* type = t.findValue(stateObject, "Type");
    if (!type) {
      ctx.report(DiagCode::MissingField, "state " + quote(m.key) + " has no 'Type'",
                 Node{&stateObject, stateAt});
      continue;
    }
    PointerPath typeAt = stateAt->child("Type");
    if (type->kind != JsonKind::String) {
      ctx.report(DiagCode::FieldType, "Type must be a string", Node{type, &typeAt});
      continue;
    }
    if (!kind) {
      ctx.report(DiagCode::UnknownStateType,
                 "unknown state type " + quote(t.string(*type)) +
                     "; expected Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map",
                 Node{type, &typeAt});
      continue;
    }
    QueryLanguageKind stateLanguage = language;
    if (const JsonValue* ql = t.findValue(stateObject, "QueryLanguage")) {
      PointerPath qlAt = stateAt->child("QueryLanguage");
      if (auto lang = parseQueryLanguage(ctx, Node{ql, &qlAt})) {
        if (ctx.rootLanguage == QueryLanguageKind::JSONata && *lang == QueryLanguageKind::JSONPath) {
          ctx.report(DiagCode::FieldValue,
                     "a state cannot use JSONPath when the state machine's QueryLanguage is JSONata",
                     Node{ql, &qlAt});
        }
        stateLanguage = *lang;
      }
    }
    StateInfo info{m.key, *kind, stateLanguage, &stateObject, stateAt, scope};
    ctx.variables.state = stateIndex;
    ctx.variables.stateObject = &stateObject;
    validateStateFields(ctx, info);
  }
  edgeStart.resize(graph.names.size(), static_cast<uint32_t>(edges.size()));
  edgeStart.push_back(static_cast<uint32_t>(edges.size()));

  // Transitions name states of this machine, never of an enclosing or nested one.
  bool brokenEdges = false;
  graph.successorStart.reserve(graph.names.size() + 1);
  for (uint32_t s = 0; s < graph.names.size(); ++s) {
    graph.successorStart.push_back(static_cast<uint32_t>(graph.successors.size()));
    for (uint32_t e = edgeStart[s]; e < edgeStart[s + 1]; ++e) {
      const Edge& edge = edges[e];
      auto it = graph.index.find(edge.target);
      if (it != graph.index.end()) {
        graph.successors.push_back(it->second);
        continue;
      }
      brokenEdges = true;
      PointerPath stateAt = statesAt.child(graph.names[s]);
      PointerPath listAt = stateAt.child(edge.listKey);
      PointerPath entryAt = listAt.child(edge.listIndex);
      PointerPath at = edge.listKey.empty() ? stateAt.child(edge.field) : entryAt.child(edge.field);
      ctx.report(DiagCode::MissingTransitionTarget,
                 "no state named " + quote(edge.target) + " in this " +
                     (scope == MachineScopeKind::Top ? "state machine" : "branch or processor"),
                 at, edge.value->offset);
    }
  }
  graph.successorStart.push_back(static_cast<uint32_t>(graph.successors.size()));
  auto successorsOf = [&](uint32_t s) {
    return std::span<const uint32_t>(graph.successors.data() + graph.successorStart[s],
                                     graph.successorStart[s + 1] - graph.successorStart[s]);
  };

  uint32_t start = UINT32_MAX;
  if (startAt && t.at(startAt->value).kind == JsonKind::String) {
    std::string_view name = t.string(t.at(startAt->value));
    auto it = graph.index.find(name);
    if (it == graph.index.end()) {
      PointerPath at = machine.at->child("StartAt");
      ctx.report(DiagCode::MissingTransitionTarget,
                 "StartAt names " + quote(name) + ", which is not a state of this machine",
                 Node{&t.at(startAt->value), &at});
    } else {
      start = it->second;
    }
  }

  bool anyTerminal = false;
  for (bool terminal : graph.terminal) anyTerminal = anyTerminal || terminal;
  if (!anyTerminal && !graph.names.empty()) {
    ctx.report(DiagCode::MissingEndState,
               "no terminal state: at least one state must have \"End\": true or be a Succeed "
               "or Fail state",
               Node{&statesObject, &statesAt});
  }

  if (start != UINT32_MAX) {
    std::vector<bool> reached(graph.names.size(), false);
    std::vector<uint32_t> work{start};
    reached[start] = true;
    while (!work.empty()) {
      uint32_t s = work.back();
      work.pop_back();
      for (uint32_t n : successorsOf(s)) {
        if (!reached[n]) {
          reached[n] = true;
          work.push_back(n);
        }
      }
    }
    uint32_t i = 0;
    for (const JsonMember& m : t.members(statesObject)) {
      if (i < reached.size() && !reached[i] && !duplicate[i]) {
        ctx.reportKey(DiagCode::UnreachableState,
                      "state " + quote(m.key) + " is not reachable from StartAt", statesAt, m);
      }
      ++i;
    }

    // Warn about reachable states from which no terminal state can be reached (only when the
    // graph is whole: a missing target already explains a dead end).
    if (anyTerminal && !brokenEdges && !incomplete && ctx.options.warnings) {
      // Predecessors in CSR form, from the successor lists.
      size_t n = graph.names.size();
      std::vector<uint32_t> predecessorStart(n + 1, 0), predecessors(graph.successors.size());
      for (uint32_t target : graph.successors) ++predecessorStart[target + 1];
      for (size_t k = 0; k < n; ++k) predecessorStart[k + 1] += predecessorStart[k];
      std::vector<uint32_t> fill(predecessorStart.begin(), predecessorStart.end() - 1);
      for (uint32_t s = 0; s < n; ++s)
        for (uint32_t target : successorsOf(s)) predecessors[fill[target]++] = s;
      std::vector<bool> canEnd(n, false);
      std::vector<uint32_t> back;
      for (uint32_t s = 0; s < n; ++s)
        if (graph.terminal[s]) canEnd[s] = true, back.push_back(s);
      while (!back.empty()) {
        uint32_t s = back.back();
        back.pop_back();
        for (uint32_t k = predecessorStart[s]; k < predecessorStart[s + 1]; ++k) {
          uint32_t p = predecessors[k];
          if (!canEnd[p]) canEnd[p] = true, back.push_back(p);
        }
      }
      i = 0;
      for (const JsonMember& m : t.members(statesObject)) {
        if (i < reached.size() && reached[i] && !canEnd[i]) {
          ctx.reportKey(DiagCode::NoPathToEnd,
                        "no path from state " + quote(m.key) +
                            " reaches a terminal state: it can only loop or fail",
                        statesAt, m);
        }
        ++i;
      }
    }
  }

  ctx.variables.state = outerState;
  ctx.variables.stateObject = outerStateObject;
  if (ctx.variables.pending.size() > firstRead) {
    // A missing target leaves paths unknown: settle nothing rather than guess.
    std::vector<VariableEdge> flow;
    if (!brokenEdges) {
      flow.reserve(edges.size());
      for (uint32_t s = 0; s < graph.names.size(); ++s)
        for (uint32_t e = edgeStart[s]; e < edgeStart[s + 1]; ++e)
          flow.push_back({s, graph.successors[e], edges[e].assignOwner});
    }
    settleVariableReads(ctx, firstRead, scope, static_cast<uint32_t>(graph.names.size()),
                        brokenEdges ? UINT32_MAX : start, flow);
  }
  --ctx.machineDepth;
}

std::vector<Diagnostic> validateDefinition(const JsonTree& tree, const ValidateOptions& options) {
  ValidationContext ctx(tree, options);
  PointerPath root;
  validateMachine(ctx, Node{&tree.root(), &root}, QueryLanguageKind::JSONPath,
                  MachineScopeKind::Top);
  std::vector<Diagnostic> diagnostics = ctx.take();
  if (ctx.catchAllWarnings > 1) {
    for (Diagnostic& d : diagnostics) {
      if (d.code != DiagCode::CatchAllHidesRuntime) continue;
      d.notes.push_back("the same holds for the " + std::to_string(ctx.catchAllWarnings - 1) +
                        " other States.ALL catcher" + (ctx.catchAllWarnings > 2 ? "s" : "") +
                        " in this definition");
      break;
    }
  }
  return diagnostics;
}

} // namespace asl::front
