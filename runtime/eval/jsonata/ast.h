// The JSONata syntax tree the evaluator runs: parsed, then post-processed the way JSONata
// does it (paths flattened into steps, predicates and groups attached to steps, context and
// index bindings, parent (%) resolution, tail calls marked), with a byte position on every node.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace asl::eval::jsonata {

enum class NodeKind : uint8_t {
  Path,         ///< items = steps, evaluated left to right as a mapping
  Binary,       ///< op, lhs, rhs
  Negate,       ///< unary minus; lhs is the operand (negated number literals are folded)
  Array,        ///< [ items... ]
  Object,       ///< { pairs... } constructor
  String,       ///< text = the decoded value
  Number,       ///< number
  Bool,         ///< boolean
  Null,         ///< null
  Regex,        ///< text = pattern, regexFlags = "i"/"m" (matching is always global)
  Name,         ///< field name; appears only as a step of a Path
  Variable,     ///< text = name without '$'; "" is `$` (context), "$" is `$$` (root)
  Wildcard,     ///< `*`
  Descendant,   ///< `**`
  Parent,       ///< `%`; text = the label of the ancestor step it refers to
  Call,         ///< procedure(items...)
  Partial,      ///< procedure(items...) where some items are Placeholder
  Placeholder,  ///< `?` in a partial application
  Lambda,       ///< function(params)<signature>{body}
  Condition,    ///< condition ? then : otherwise (otherwise may be null)
  Elvis,        ///< lhs ?: rhs (JSONata 2.1; off unless ParseOptions allow it)
  Coalesce,     ///< lhs ?? rhs (JSONata 2.1; off unless ParseOptions allow it)
  Block,        ///< ( items; ... )
  Bind,         ///< lhs := rhs, lhs a Variable
  Apply,        ///< lhs ~> rhs
  Transform,    ///< | pattern | update, deletion |
  Sort,         ///< a path step: order by sortTerms
};

enum class BinaryOp : uint8_t {
  Add, Subtract, Multiply, Divide, Modulo,
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  And, Or, In, Concat, Range,
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

/// A regex literal's compiled pattern, made on first use and then shared by every evaluation
/// of the tree, on any thread (PCRE2's compiled code is read-only while matching). Copies start
/// empty. Defined with the regex support (regex.cpp), which owns PCRE2.
struct RegexCode {
  RegexCode() = default;
  RegexCode(const RegexCode&) {}
  RegexCode& operator=(const RegexCode&) { return *this; }
  ~RegexCode();
  mutable std::atomic<void*> code{nullptr}; // pcre2_code_8
};

/// One parameter of a function signature such as `<s-n?:b>`.
struct SignatureParam {
  char type = 'x';        ///< s n b l o a f j x, or '(' for a choice
  std::string choice;     ///< the type letters of a choice `(sn)`
  std::string subtype;    ///< the type parameter of `a<n>` or `f<n:n>`
  bool optional = false;  ///< `?`
  bool variadic = false;  ///< `+`
  bool useContext = false;  ///< `-`: the context value stands in when the argument is missing
};

/// A parsed, validated lambda signature.
struct Signature {
  std::string definition;  ///< the text between and including the angle brackets
  std::vector<SignatureParam> params;
  std::string returnType;  ///< after ':' (JSONata does not check it)
};

struct ObjectPair {
  NodePtr key;
  NodePtr value;
};

/// The `{...}` grouping attached to a step.
struct Group {
  std::vector<ObjectPair> pairs;
  uint32_t start = 0;
  uint32_t position = 0;
};

enum class StageKind : uint8_t { Filter, Index };

/// A predicate `[expr]` or an index binding `#$i`, applied in order.
struct Stage {
  StageKind kind = StageKind::Filter;
  NodePtr expr;          ///< Filter
  std::string variable;  ///< Index: name without '$'
  uint32_t start = 0;
  uint32_t position = 0;
};

struct SortTerm {
  bool descending = false;
  NodePtr expr;
};

/// A syntax-tree node. One struct for all kinds keeps the evaluator's dispatch simple; the
/// comment on each NodeKind says which fields it uses. Strings are owned.
struct Node {
  NodeKind kind = NodeKind::Null;
  BinaryOp op = BinaryOp::Add;
  /// Byte offset where the node's defining token starts.
  uint32_t start = 0;
  /// Byte offset just past that token: the "position" JSONata reports in errors.
  uint32_t position = 0;

  double number = 0;
  bool boolean = false;
  std::string text;
  std::string regexFlags;
  RegexCode regex;  ///< Regex

  NodePtr lhs, rhs;
  std::vector<NodePtr> items;
  std::vector<ObjectPair> pairs;

  NodePtr procedure;      ///< Call, Partial
  bool tailCall = false;  ///< Call in tail position of a lambda body: the evaluator returns a
                          ///< thunk (procedure + arguments) for its trampoline

  NodePtr condition, then, otherwise;  ///< Condition
  NodePtr pattern, update, deletion;   ///< Transform

  std::vector<std::string> params;  ///< Lambda: names without '$'
  std::optional<Signature> signature;
  NodePtr body;

  std::vector<SortTerm> sortTerms;  ///< Sort

  // Decorations set by post-parse processing. On path steps unless noted.
  std::vector<Stage> stages;     ///< predicates and index bindings evaluated within the step
  std::vector<Stage> predicate;  ///< filters on an expression that is not a path step
  std::unique_ptr<Group> group;
  std::optional<std::string> focus;  ///< `@$x`: the step binds $x instead of changing context
  std::optional<std::string> index;  ///< `#$i`: the step binds its position to $i
  std::string ancestorLabel;  ///< non-empty: a `%` elsewhere refers to this step's input
  bool keepArray = false;     ///< `[]` on the step: keep singleton arrays
  bool consArray = false;     ///< an array constructor that must not be flattened
  bool tuple = false;         ///< evaluate in tuple-stream mode (bindings flow along the path)
  bool keepSingletonArray = false;  ///< Path: some step has keepArray

  Node() = default;
  Node(NodeKind k, uint32_t s, uint32_t p) : kind(k), start(s), position(p) {}
};

/// Allocates a node.
NodePtr makeNode(NodeKind kind, uint32_t start, uint32_t position);

/// The name of a kind, e.g. "path" (diagnostics and dumps).
const char* nodeKindName(NodeKind kind);
/// The operator's JSONata spelling, e.g. "!=" or "and".
const char* binaryOpName(BinaryOp op);

/// Prints the tree as one S-expression, e.g. `(path Account (with Order (stages (filter 0))))`.
/// The format is documented in ast_print.cpp; tests and `--emit` dumps rely on it.
std::string toSExpression(const Node& node);

} // namespace asl::eval::jsonata
