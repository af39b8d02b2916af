// JSONata regular expressions on PCRE2, configured to behave like JavaScript's RegExp, and
// the match objects ({match, start, end, groups, next}) JSONata's matcher protocol uses.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/eval/jsonata/ast.h"
#include "runtime/eval/jsonata/jvalue.h"

namespace asl::eval::jsonata {

class Evaluator;

/// One match: byte offsets into the subject and the capture groups (unset groups are nullopt).
struct RegexMatch {
  size_t start = 0;
  size_t end = 0;
  std::vector<std::optional<std::string>> groups;
};

/// A compiled pattern. Not shared across threads (it owns its match data).
struct CompiledRegex {
  std::string source;
  uint32_t position = 0;
  void* code = nullptr;      // pcre2_code_8
  void* matchData = nullptr; // pcre2_match_data_8
  bool ownsCode = true;      // false: the code is a tree's RegexCode, which frees it

  CompiledRegex() = default;
  CompiledRegex(const CompiledRegex&) = delete;
  CompiledRegex& operator=(const CompiledRegex&) = delete;
  ~CompiledRegex();

  /// The first match at or after byte `from`, or nullopt.
  std::optional<RegexMatch> exec(std::string_view subject, size_t from) const;
};

/// A regex literal ready to match: its pattern is compiled once per tree and kept on the node;
/// a pattern PCRE2 rejects fails with error S0302.
std::shared_ptr<CompiledRegex> compileRegex(const Node& regex);

/// Compiles a pattern the library builds itself (date/time pictures); nullptr if invalid.
std::shared_ptr<CompiledRegex> compilePattern(std::string_view pattern, bool caseless);

/// Runs a regex as a function does when called with a string: the match object or undefined.
JValue regexMatchObject(Evaluator& ev, const std::shared_ptr<CompiledRegex>& regex,
                        const JValue& subject, size_t fromByte);

/// Byte offset of code point `index` in UTF-8 text (clamped to the end), and the reverse.
size_t byteOffsetOfCodePoint(std::string_view s, size_t index);
size_t codePointIndexOfByte(std::string_view s, size_t byte);

} // namespace asl::eval::jsonata
