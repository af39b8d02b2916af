// The compact form the interpreter's hot path reads: payload templates and paths of plain
// members and indexes, laid out contiguously in state order.
//
// Why: a state's templates and paths as parsed are trees of separately allocated nodes (a
// template field is ~200 bytes, a path segment ~140), so a 1,000-state machine touches several
// megabytes per run and each state pays for cache misses more than for its work. The hot form
// keeps only what evaluation reads, in a few hundred bytes per state that the hardware
// prefetcher streams. Everything else (errors, intrinsics, JSONata, nested templates) still
// goes through the full trees, which the hot form points back to.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/path.h"

namespace asl::eval {

struct TemplateField;

/// A path of member names (interned strings) and non-negative indexes from a root.
struct HotPath {
  PathRootKind root = PathRootKind::Input;
  uint32_t stepCount = 0;
  const FlatStep* steps = nullptr;
  Value variable; ///< the variable's name for PathRootKind::Variable
};

struct HotField {
  enum class Kind : uint8_t {
    Constant, ///< `constant`
    Path,     ///< `path`; a miss is worded by the full evaluator from `source`
    Other,    ///< intrinsics, nested templates: evaluated from `source`
  };
  Value key;
  Kind kind = Kind::Other;
  const HotPath* path = nullptr;
  Value constant;
  const TemplateField* source = nullptr;
};

/// An object template in JSONPath mode.
struct HotTemplate {
  uint32_t fieldCount = 0;
  const HotField* fields = nullptr;
};

/// The storage behind the pointers above, owned by the program whose templates and
/// expressions point into it (bc::Program::hotCode).
struct HotCode {
  std::vector<FlatStep> steps;
  std::vector<HotPath> paths;
  std::vector<HotField> fields;
  std::vector<HotTemplate> templates;
};

} // namespace asl::eval
