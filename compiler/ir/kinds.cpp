// Names of the IR's enumerations, as ASL spells them.
#include "compiler/ir/kinds.h"

namespace asl::ir {

std::string_view stateKindName(StateKind kind) {
  switch (kind) {
  case StateKind::Pass: return "Pass";
  case StateKind::Task: return "Task";
  case StateKind::Choice: return "Choice";
  case StateKind::Wait: return "Wait";
  case StateKind::Succeed: return "Succeed";
  case StateKind::Fail: return "Fail";
  case StateKind::Parallel: return "Parallel";
  case StateKind::Map: return "Map";
  }
  return "?";
}

std::optional<StateKind> stateKindFromName(std::string_view name) {
  for (auto kind : {StateKind::Pass, StateKind::Task, StateKind::Choice, StateKind::Wait,
                    StateKind::Succeed, StateKind::Fail, StateKind::Parallel, StateKind::Map})
    if (stateKindName(kind) == name) return kind;
  return std::nullopt;
}

std::string_view queryLanguageName(QueryLanguageKind kind) {
  return kind == QueryLanguageKind::JSONata ? "JSONata" : "JSONPath";
}

} // namespace asl::ir
