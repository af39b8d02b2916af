// ValidationContext: what every validation rule shares: the tree, the options, lazily built
// JSON pointers and the bounded list of diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/front/json_tree.h"
#include "compiler/front/validator.h"
#include "compiler/ir/kinds.h"

namespace asl::front {

/// A JSON pointer kept as a chain of stack frames; turned into text only when reported, so
/// validating a valid definition allocates no pointer strings.
struct PointerPath {
  const PointerPath* parent = nullptr;
  std::string_view key;
  uint32_t index = 0;
  bool isIndex = false;

  PointerPath child(std::string_view k) const { return {this, k, 0, false}; }
  PointerPath child(uint32_t i) const { return {this, {}, i, true}; }
  std::string str() const;
};

/// A value being checked and where it is.
struct Node {
  const JsonValue* value;
  const PointerPath* at;
};

/// Where a machine sits: the top level, a Parallel branch or a Map's processor.
enum class MachineScopeKind : uint8_t { Top, Branch, InlineMap, DistributedMap };

class ValidationContext {
public:
  ValidationContext(const JsonTree& definition, const ValidateOptions& validateOptions)
      : tree(definition), options(validateOptions) {}

  const JsonTree& tree;
  const ValidateOptions& options;

  /// Reports at a value (offset of the value itself).
  void report(DiagCode code, std::string message, const PointerPath& at, uint32_t offset);
  void report(DiagCode code, std::string message, Node node) {
    report(code, std::move(message), *node.at, node.value->offset);
  }
  /// Reports at the key of member `key` inside `object` (for unknown or misplaced fields).
  void reportKey(DiagCode code, std::string message, const PointerPath& objectAt,
                 const JsonMember& member);
  /// True once maxDiagnostics were reported; rules may stop early.
  bool full() const { return full_; }

  std::vector<Diagnostic> take() { return std::move(diagnostics_); }

  /// Every state name in the definition (names are unique across nested machines).
  std::unordered_map<std::string_view, uint32_t> stateNames;
  /// Machine nesting depth while walking (bounded by Limits::maxMachineDepth).
  uint32_t machineDepth = 0;
  /// The definition's QueryLanguage: nested machines inherit it, not their state's.
  ir::QueryLanguageKind rootLanguage = ir::QueryLanguageKind::JSONPath;

private:
  std::vector<Diagnostic> diagnostics_;
  uint32_t errorCount_ = 0;
  bool full_ = false;
};

// Small helpers used by many rules.
std::string quote(std::string_view s);
bool isJsonataExpression(std::string_view s);
/// The expression between "{%" and "%}".
std::string_view jsonataBody(std::string_view s);

} // namespace asl::front
