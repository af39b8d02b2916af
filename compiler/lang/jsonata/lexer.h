// JSONata tokenizer: turns expression text into tokens, one at a time, on the parser's demand.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "asl/result.h"
#include "runtime/eval/jsonata/error.h"

namespace asl::lang::jsonata {

using eval::jsonata::JsonataError;

enum class TokenKind : uint8_t {
  End,       ///< no more input
  Name,      ///< field name, bare or `backtick quoted`
  Variable,  ///< `$name`; text excludes the '$'
  Operator,  ///< punctuation, and the keywords and/or/in
  String,    ///< text is the decoded value
  Number,
  True,
  False,
  Null,
  Regex,     ///< text is the pattern, flags the letters after the closing '/'
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  std::string flags;
  double number = 0;
  uint32_t start = 0;  ///< first byte of the token
  uint32_t end = 0;    ///< byte just past it (JSONata's "position")
};

struct LexerOptions {
  /// Lex `?:` and `??` as operators (JSONata 2.1). JSONata 2.0.6, which AWS runs, lexes them
  /// as two tokens each.
  bool defaultOperators = false;
};

/// Produces tokens from an expression. Offsets are bytes; JSONata counts UTF-16 units, so
/// positions differ from JSONata's only after non-ASCII text.
class Lexer {
public:
  explicit Lexer(std::string_view source, LexerOptions options = {});

  /// The next token. `infix` says an operator is expected, so '/' means division; otherwise
  /// '/' opens a regular expression literal (as in JSONata, the parser decides).
  Result<Token, JsonataError> next(bool infix);

  uint32_t offset() const { return static_cast<uint32_t>(pos_); }

private:
  Result<Token, JsonataError> scanString(char quote);
  Result<Token, JsonataError> scanRegex();
  Result<Token, JsonataError> scanNumber(size_t length);
  Token make(TokenKind kind, size_t start, std::string text = {}) const;
  char peek(size_t ahead = 0) const;

  std::string_view src_;
  size_t pos_ = 0;
  LexerOptions options_;
};

/// True for bytes that end a bare name: whitespace and every operator character.
bool isNameTerminator(char c);

} // namespace asl::lang::jsonata
