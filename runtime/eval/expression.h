// An expression parsed once at compile time: a JSONPath, an intrinsic call or a JSONata body.
// The compiler's IR and the runtime's programs share this type; the IR adds a source span.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "runtime/eval/intrinsic.h"
#include "runtime/eval/path.h"

namespace asl::eval {

namespace jsonata {
struct Node;
}

struct HotPath; // runtime/eval/hot_code.h

enum class ExpressionKind : uint8_t {
  Path,      ///< a JSONPath, context path or variable path
  Intrinsic, ///< States.Format(...) and the other intrinsic functions
  Jsonata,   ///< the body of a "{% ... %}" string
};

struct Expression {
  ExpressionKind kind = ExpressionKind::Path;
  std::string text; ///< as written (for Jsonata, without the {% %}); AWS quotes it in errors
  std::shared_ptr<const Path> path;
  std::shared_ptr<const IntrinsicCall> intrinsic;
  std::shared_ptr<const jsonata::Node> jsonata;
  /// The path's compact form, when the program has prepared one (bc::prepareProgram).
  const HotPath* hot = nullptr;
};

} // namespace asl::eval
