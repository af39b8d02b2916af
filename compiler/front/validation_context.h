// ValidationContext: what every validation rule shares: the tree, the options, lazily built
// JSON pointers and the bounded list of diagnostics.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/front/json_tree.h"
#include "compiler/front/name_map.h"
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

/// A workflow variable that an expression reads, kept until the Assigns of the machines around
/// it are known (validate_variables.cpp).
struct VariableRead {
  std::string name;    ///< without the '$'
  std::string pointer; ///< the field holding the expression
  uint32_t offset = 0; ///< source offset of the '$'
  uint32_t state = 0;  ///< the reading state's index in the machine that settles it next
  const JsonValue* reader = nullptr; ///< the reading state, for one warning per state and variable
};

/// Variable reads not yet matched with an Assign, and the state whose fields are being walked.
struct VariableReads {
  std::vector<VariableRead> pending;
  uint32_t state = UINT32_MAX; ///< index in its machine; UINT32_MAX outside any state
  const JsonValue* stateObject = nullptr;
};

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
  /// Reports at a pointer already turned into text (for rules that report after the walk).
  void report(DiagCode code, std::string message, std::string pointer, uint32_t offset);
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
  /// Catch-all catchers seen that would get CATCH_ALL_HIDES_RUNTIME (reported once).
  uint32_t catchAllWarnings = 0;
  /// The definition's QueryLanguage: nested machines inherit it, not their state's.
  ir::QueryLanguageKind rootLanguage = ir::QueryLanguageKind::JSONPath;
  /// For VARIABLE_BEFORE_ASSIGN; filled only when warnings are on.
  VariableReads variables;
  /// Expressions already parsed without error and without variable reads, per kind of check
  /// (see validate_expressions.cpp). Definitions repeat the same few paths in many states; a
  /// repeat is then a hash lookup instead of a parse. Keys view the tree's strings.
  std::array<NameMap<bool>, 6> knownGoodExpressions;

private:
  /// False when the diagnostic is to be dropped (a warning while warnings are off, or the
  /// list is full); reports TOO_MANY_DIAGNOSTICS once the error limit is passed.
  bool admit(DiagCode code, uint32_t offset);

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
