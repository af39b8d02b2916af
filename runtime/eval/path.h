// Parsed JSONPath trees (ASL Paths, Reference Paths and filter expressions) that evaluators walk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "asl/value.h"

namespace asl::eval {

struct Path;
struct FilterExpr;

/// Where a path starts.
enum class PathRootKind : uint8_t {
  Input,    ///< `$`: the state's input (or, inside a filter, the document root)
  Context,  ///< `$$`: the context object
  Variable, ///< `$name`: a workflow variable
  Current,  ///< `@`: the node a filter or script is applied to (only inside filters)
};

enum class PathSegmentKind : uint8_t {
  Member,   ///< `.name`, `['name']`
  Index,    ///< `[3]`, `[-1]`
  Wildcard, ///< `.*`, `[*]`
  Slice,    ///< `[a:b]`, `[a:b:c]`, any bound optional
  Union,    ///< `[0,1]`, `['a','b']`
  Filter,   ///< `[?(expr)]`
  Script,   ///< `[(expr)]`: the expression's value selects a member or index
  Function, ///< `.length()` and the other no-argument functions Jayway supports; always last
};

/// One entry of a union segment: a member name or an array index.
struct UnionEntry {
  bool isIndex = false;
  std::string name;
  int64_t index = 0;
};

/// One step of a path. `recursive` marks the descendant form (`..name`, `..*`, `..[0]`):
/// the step applies to the node and to every node below it.
struct PathSegment {
  PathSegmentKind kind = PathSegmentKind::Member;
  bool recursive = false;
  std::string name; ///< Member: the name; Function: the function name without "()"
  int64_t index = 0;
  std::optional<int64_t> sliceStart, sliceEnd, sliceStep;
  std::vector<UnionEntry> entries;
  std::shared_ptr<const FilterExpr> expr; ///< Filter and Script
};

/// A parsed path. Trees are immutable once built; filter sub-trees are shared between copies.
/// A step of Path::flat: a member name (an interned string), or an index when `name` is null.
struct FlatStep {
  Value name;
  int64_t index = 0;
};

struct Path {
  PathRootKind root = PathRootKind::Input;
  std::string variable; ///< the name after `$` when root is Variable
  std::vector<PathSegment> segments;
  /// The text the path was parsed from, verbatim: AWS quotes it in run-time error causes.
  std::string source;
  /// The segments again as a compact chain when every one is a plain member or a
  /// non-negative index (`$.order.items[0].sku`, most paths in definitions): selection walks
  /// this first and falls back to the segments only on a miss. Filled by flatten().
  std::vector<FlatStep> flat;
  bool isFlat = false;

  /// True when the path can select at most one node: every segment is a non-recursive
  /// Member or Index, optionally followed by a Function.
  bool isDefinite() const;
  /// True when the path names one node that can be written: only Member and Index segments.
  bool isReferencePath() const;
  /// The canonical form, see below.
  std::string toString() const { return prefixToString(segments.size()); }
  /// The canonical form of the root and the first `count` segments (AWS's "Missing property in
  /// path $['no']" names such a prefix).
  ///
  /// Canonical form, stable because the IR printer and golden tests use it. It follows the one
  /// Jayway JsonPath (which AWS runs) prints, so that messages match AWS's:
  ///   root        `$`, `$$`, `$name`, `@`
  ///   member      `['name']`, with `\` and `'` escaped as `\\` and `\'`
  ///   index       `[3]`, `[-1]`
  ///   wildcard    `[*]`
  ///   slice       `[1:5]`, `[:2]`, `[-2:]`, `[0:10:2]` (absent bounds are left empty)
  ///   union       `['a','b']`, `[0,1]`
  ///   filter      `[?(expr)]`; script `[(expr)]`; expressions as FilterExpr::toString prints them
  ///   function    `.length()`
  ///   recursive   `..` before the segment's bracket form: `..['name']`, `..[*]`, `..[0]`
  std::string prefixToString(size_t count) const;
};

enum class FilterExprKind : uint8_t {
  Path,    ///< a relative (`@...`) or absolute (`$...`) path
  String,  ///< `'text'` or `"text"`; a bare word such as `FooBar` is read as a string too
  Integer, ///< `10`, `-3`
  Double,  ///< `1.5`, `1e3`
  Boolean, ///< `true`, `false`
  Null,    ///< `null`
  Regex,   ///< `/pattern/flags`, the right side of `=~`
  Not,     ///< `!operand`
  And,     ///< `a && b`
  Or,      ///< `a || b`
  Compare, ///< `a op b`, op in CompareOpKind
  Arith,   ///< `a op b`, op in ArithOpKind (scripts such as `@.length-1`)
};

enum class CompareOpKind : uint8_t { Eq, Ne, Lt, Le, Gt, Ge, Match };
enum class ArithOpKind : uint8_t { Add, Sub, Mul, Div, Mod };

/// A filter or script expression.
struct FilterExpr {
  FilterExprKind kind = FilterExprKind::Null;
  CompareOpKind compareOp = CompareOpKind::Eq;
  ArithOpKind arithOp = ArithOpKind::Add;
  std::string text;  ///< String: the value; Regex: the pattern
  std::string flags; ///< Regex: the flags after the closing `/`
  int64_t intValue = 0;
  double doubleValue = 0;
  bool boolValue = false;
  std::shared_ptr<const Path> path; ///< Path
  std::vector<FilterExpr> operands; ///< Not: 1; And, Or, Compare, Arith: 2

  /// Canonical form: paths as Path::toString, strings in single quotes (`\\` and `\'`
  /// escaped), numbers in shortest round-trip form, binary operators with one space either
  /// side, and parentheses only where precedence needs them.
  std::string toString() const;
};

/// The spelling of an operator, e.g. "<=" or "=~".
/// Fills path.flat and path.isFlat from the segments; parsers and the bytecode loader call it
/// once a path's segments are final.
void flatten(Path& path);

const char* compareOpSpelling(CompareOpKind op);
const char* arithOpSpelling(ArithOpKind op);
/// Shortest text that reads back as the same double.
std::string formatDouble(double value);

} // namespace asl::eval
