// StringMatches patterns: globs whose only wildcard is `*`, compiled once when the rule is
// built and matched against each value the rule sees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace asl::eval {

/// A compiled StringMatches pattern.
///
/// As the ASL specification and AWS's guide describe it: `*` matches zero or more characters
/// and no other character is special (`?`, `[` and `.` match themselves). `\*` matches a
/// literal `*` and `\\` a literal `\` (in the definition's JSON these are written "\\*" and
/// "\\\\"). A backslash before any other character, or at the end, stands for itself.
class StringPattern {
public:
  StringPattern() = default; ///< the pattern "", which matches only ""
  explicit StringPattern(std::string_view pattern);

  /// Whether the whole of `text` matches (not a search for a matching part).
  bool matches(std::string_view text) const;

  /// The pattern as written.
  const std::string& source() const { return source_; }

private:
  std::string source_;
  // The literal runs between unescaped stars, escapes resolved: "a*b\*c*" is {"a", "b*c", ""}.
  // One run means no star at all.
  std::vector<std::string> runs_{std::string()};
};

} // namespace asl::eval
