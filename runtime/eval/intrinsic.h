// Parsed intrinsic-function calls (States.Format(...) and friends) and the table describing them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/eval/path.h"

namespace asl::eval {

/// One id per intrinsic function; the list lives in intrinsics.def.
enum class IntrinsicId : uint8_t {
#define ASL_INTRINSIC(id, name, minArgs, maxArgs, argKinds) id,
#include "runtime/eval/intrinsics.def"
#undef ASL_INTRINSIC
};

/// What the table knows about one intrinsic.
struct IntrinsicInfo {
  IntrinsicId id;
  std::string_view name; ///< "States.Format"
  int minArgs;
  int maxArgs;               ///< -1: unbounded
  std::string_view argKinds; ///< see intrinsics.def
};

/// The table row for a function.
const IntrinsicInfo& intrinsicInfo(IntrinsicId id);
/// Finds a function by its full name ("States.Format"); case-sensitive, as AWS is.
std::optional<IntrinsicId> findIntrinsic(std::string_view name);
/// Every function, in declaration order.
const std::vector<IntrinsicInfo>& allIntrinsics();
/// The argKinds letter that applies to argument `index` (0-based), or 'a' when there is none.
char intrinsicArgKind(const IntrinsicInfo& info, size_t index);

enum class IntrinsicArgKind : uint8_t { String, Integer, Double, Boolean, Null, Path, Call };

struct IntrinsicCall;

/// One argument of a call.
struct IntrinsicArg {
  IntrinsicArgKind kind = IntrinsicArgKind::Null;
  std::string text; ///< String: the value with escapes resolved
  /// String: byte offsets into `text` of each unescaped `{}`. States.Format substitutes these;
  /// an escaped `\{\}` is plain text and is not listed.
  std::vector<uint32_t> placeholders;
  int64_t intValue = 0;
  double doubleValue = 0;
  bool boolValue = false;
  Path path;                       ///< Path
  std::vector<IntrinsicCall> call; ///< Call: exactly one element (a vector keeps the type complete)
  uint32_t offset = 0;             ///< where the argument starts in the expression text
};

/// A parsed call such as `States.MathAdd($.a, 1)`.
struct IntrinsicCall {
  IntrinsicId id = IntrinsicId::UUID;
  std::vector<IntrinsicArg> args;
  uint32_t offset = 0; ///< where the call's name starts in the expression text

  /// Canonical form: `States.Name(arg, arg)` with one space after each comma; strings in single
  /// quotes with `'`, `\` and every brace that is not a `{}` placeholder written as `\'`, `\\`,
  /// `\{`, `\}`; numbers in shortest round-trip form; paths as Path::toString.
  std::string toString() const;
};

} // namespace asl::eval
