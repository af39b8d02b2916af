// Recursive-descent parser for ASL JSONPath, with depth bounded by Limits::maxExpressionDepth.
#include "compiler/lang/jsonpath_parser.h"

#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace asl::lang {
namespace {

using eval::FilterExpr;
using eval::FilterExprKind;
using eval::Path;
using eval::PathRootKind;
using eval::PathSegment;
using eval::PathSegmentKind;

// No-argument functions Jayway accepts at the end of a path.
constexpr std::string_view kPathFunctions[] = {"length", "size", "min",  "max",   "avg",
                                               "stddev", "sum",  "keys", "first", "last"};

bool isAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
// Bytes of multi-byte UTF-8 sequences count as letters: AWS allows Unicode identifiers.
bool isIdentStart(char c) {
  return isAsciiAlpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool isIdentChar(char c) {
  return isIdentStart(c) || isDigit(c);
}

// Jayway reads a dot-notation name up to the next '.', '[', '(' or blank. We also stop at the
// characters that end an embedded path or would make the canonical form ambiguous.
bool isDotNameChar(char c) {
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || isBlank(c)) return false;
  switch (c) {
  case '.':
  case '[':
  case ']':
  case '(':
  case ')':
  case '\'':
  case '"':
  case ',':
    return false;
  default:
    return true;
  }
}

// Inside filters and scripts names are identifiers, so that `@.length-1` and `@.a==1` split
// where a reader expects.
bool isFilterNameChar(char c) {
  return isIdentChar(c) || c == '$';
}

std::string describeChar(std::string_view text, size_t pos) {
  if (pos >= text.size()) return "the end of the path";
  char c = text[pos];
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
    static constexpr char kHex[] = "0123456789abcdef";
    unsigned char u = static_cast<unsigned char>(c);
    return std::string("'\\x") + kHex[u >> 4] + kHex[u & 15] + "'";
  }
  return "'" + std::string(1, c) + "'";
}

std::string segmentKindPhrase(const PathSegment& s) {
  if (s.recursive) return "a recursive descent ('..')";
  switch (s.kind) {
  case PathSegmentKind::Wildcard:
    return "a wildcard";
  case PathSegmentKind::Slice:
    return "a slice";
  case PathSegmentKind::Union:
    return "a union";
  case PathSegmentKind::Filter:
    return "a filter";
  case PathSegmentKind::Script:
    return "a script expression";
  case PathSegmentKind::Function:
    return "a function call";
  default:
    return "an unsupported segment";
  }
}

class PathParser {
public:
  PathParser(std::string_view text, size_t pos, const ParseOptions& options, uint32_t depth)
      : text_(text), pos_(pos), options_(options), depth_(depth) {}

  // Parses root and segments; `inFilter` allows `@` and uses the stricter name rule.
  bool parsePath(Path& path, bool inFilter) {
    size_t start = pos_;
    if (!parseRoot(path, inFilter)) return false;
    if (!parseSegments(path, inFilter)) return false;
    path.source = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  size_t pos() const { return pos_; }
  const std::vector<size_t>& segmentOffsets() const { return segmentOffsets_; }
  Diagnostic takeError() { return std::move(*error_); }

  bool fail(size_t offset, std::string message) {
    if (!error_) {
      error_ = makeDiagnostic(DiagCode::InvalidPath, std::move(message));
      error_->location.offset = static_cast<uint32_t>(offset);
    }
    return false;
  }

private:
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool atEnd() const { return pos_ >= text_.size(); }
  void skipBlanks() {
    while (!atEnd() && isBlank(text_[pos_]))
      ++pos_;
  }

  bool enter(size_t offset) {
    if (++depth_ > options_.limits.maxExpressionDepth)
      return fail(offset, "expression nests deeper than the limit of " +
                              std::to_string(options_.limits.maxExpressionDepth));
    return true;
  }
  void leave() { --depth_; }

  bool parseRoot(Path& path, bool inFilter) {
    size_t start = pos_;
    if (inFilter && peek() == '@') {
      path.root = PathRootKind::Current;
      ++pos_;
      return true;
    }
    if (peek() != '$') return fail(pos_, "a path must start with '$'");
    ++pos_;
    if (peek() == '$') {
      ++pos_;
      if (!options_.allowContext)
        return fail(start, "the context object ('$$') is not allowed here");
      path.root = PathRootKind::Context;
      return true;
    }
    if (isIdentStart(peek())) {
      while (isIdentChar(peek()))
        ++pos_;
      path.root = PathRootKind::Variable;
      path.variable = std::string(text_.substr(start + 1, pos_ - start - 1));
      if (!options_.allowVariables)
        return fail(start, "variables ('$" + path.variable + "') are not allowed here");
      return true;
    }
    path.root = PathRootKind::Input;
    return true;
  }

  bool parseSegments(Path& path, bool inFilter) {
    while (!atEnd()) {
      size_t start = pos_;
      char c = peek();
      if (!path.segments.empty() && path.segments.back().kind == PathSegmentKind::Function &&
          (c == '.' || c == '['))
        return fail(start,
                    "a function such as '" + path.segments.back().name + "()' must end the path");
      PathSegment segment;
      if (c == '.' && peek(1) == '.') {
        pos_ += 2;
        segment.recursive = true;
        if (peek() == '[') {
          if (!parseBracket(segment)) return false;
        } else if (peek() == '*') {
          ++pos_;
          segment.kind = PathSegmentKind::Wildcard;
        } else if (!parseDotName(segment, inFilter, /*allowFunction=*/false)) {
          return fail(pos_,
                      "expected a name, '*' or '[' after '..', found " + describeChar(text_, pos_));
        }
      } else if (c == '.') {
        ++pos_;
        if (peek() == '*') {
          ++pos_;
          segment.kind = PathSegmentKind::Wildcard;
        } else if (!parseDotName(segment, inFilter, /*allowFunction=*/true)) {
          if (error_) return false;
          return fail(pos_, "expected a name or '*' after '.', found " + describeChar(text_, pos_));
        }
      } else if (c == '[') {
        if (!parseBracket(segment)) return false;
      } else {
        break;
      }
      if (!inFilter) segmentOffsets_.push_back(start);
      path.segments.push_back(std::move(segment));
    }
    return true;
  }

  // Reads a dot-notation name (and a following "()" when allowed); false with no error when
  // there is no name here.
  bool parseDotName(PathSegment& segment, bool inFilter, bool allowFunction) {
    size_t start = pos_;
    while (!atEnd() && (inFilter ? isFilterNameChar(peek()) : isDotNameChar(peek())))
      ++pos_;
    if (pos_ == start) return false;
    segment.kind = PathSegmentKind::Member;
    segment.name = std::string(text_.substr(start, pos_ - start));
    if (peek() != '(') return true;
    if (!allowFunction) return fail(pos_, "a function cannot follow '..'");
    size_t open = pos_;
    ++pos_;
    skipBlanks();
    if (peek() != ')')
      return fail(open,
                  "path functions with arguments are not supported ('" + segment.name + "(...)')");
    ++pos_;
    bool known = false;
    for (std::string_view f : kPathFunctions)
      known = known || f == segment.name;
    if (!known) return fail(start, "unknown path function '" + segment.name + "()'");
    segment.kind = PathSegmentKind::Function;
    return true;
  }

  bool expectClose(size_t open) {
    skipBlanks();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    return fail(pos_, "expected ']' to close the bracket opened at character " +
                          std::to_string(expressionColumn(text_, open)));
  }

  bool parseBracket(PathSegment& segment) {
    size_t open = pos_;
    ++pos_; // '['
    skipBlanks();
    char c = peek();
    if (c == '*') {
      ++pos_;
      segment.kind = PathSegmentKind::Wildcard;
      return expectClose(open);
    }
    if (c == '\'' || c == '"') return parseNameList(segment, open);
    if (c == '?') {
      ++pos_;
      skipBlanks();
      if (peek() != '(') return fail(pos_, "expected '(' after '[?'");
      segment.kind = PathSegmentKind::Filter;
      return parseParenExpr(segment) && expectClose(open);
    }
    if (c == '(') {
      segment.kind = PathSegmentKind::Script;
      return parseParenExpr(segment) && expectClose(open);
    }
    if (isDigit(c) || c == '-' || c == ':') return parseIndexes(segment, open);
    if (atEnd())
      return fail(pos_, "expected ']' to close the bracket opened at character " +
                            std::to_string(expressionColumn(text_, open)));
    return fail(pos_,
                "expected a quoted name, an index, a slice, '*' or a filter after '[', found " +
                    describeChar(text_, pos_));
  }

  bool parseParenExpr(PathSegment& segment) {
    size_t open = pos_;
    ++pos_; // '('
    if (!enter(open)) return false;
    FilterExpr expr;
    if (!parseOr(expr)) return false;
    leave();
    skipBlanks();
    if (peek() != ')')
      return fail(pos_, "expected ')' to close the '(' at character " +
                            std::to_string(expressionColumn(text_, open)) + ", found " +
                            describeChar(text_, pos_));
    ++pos_;
    segment.expr = std::make_shared<const FilterExpr>(std::move(expr));
    return true;
  }

  bool parseQuoted(std::string& out) {
    size_t open = pos_;
    char quote = text_[pos_++];
    while (!atEnd()) {
      char c = text_[pos_++];
      if (c == quote) return true;
      if (c == '\\' && !atEnd() && (peek() == quote || peek() == '\\')) {
        out.push_back(text_[pos_++]);
        continue;
      }
      // Any other backslash stays: AWS reads $['a\"b'] as the member named a\"b.
      out.push_back(c);
    }
    return fail(open, std::string("unterminated string: no closing ") + quote +
                          " for the one at character " +
                          std::to_string(expressionColumn(text_, open)));
  }

  bool parseNameList(PathSegment& segment, size_t open) {
    std::vector<eval::UnionEntry> entries;
    while (true) {
      skipBlanks();
      if (peek() != '\'' && peek() != '"')
        return fail(pos_, "expected a quoted name after ',', found " + describeChar(text_, pos_));
      eval::UnionEntry entry;
      if (!parseQuoted(entry.name)) return false;
      entries.push_back(std::move(entry));
      skipBlanks();
      if (peek() != ',') break;
      ++pos_;
    }
    if (entries.size() == 1) {
      segment.kind = PathSegmentKind::Member;
      segment.name = std::move(entries.front().name);
    } else {
      segment.kind = PathSegmentKind::Union;
      segment.entries = std::move(entries);
    }
    return expectClose(open);
  }

  // Reads an optionally signed integer; false with no error when none is here.
  bool parseInteger(std::optional<int64_t>& out) {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (!isDigit(peek())) {
      if (pos_ != start) return fail(start, "expected a digit after '-'");
      return false;
    }
    while (isDigit(peek()))
      ++pos_;
    int64_t value = 0;
    auto [ptr, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    (void)ptr;
    if (ec != std::errc())
      return fail(start,
                  "index " + std::string(text_.substr(start, pos_ - start)) + " is out of range");
    out = value;
    return true;
  }

  bool parseIndexes(PathSegment& segment, size_t open) {
    std::optional<int64_t> first;
    if (!parseInteger(first) && error_) return false;
    skipBlanks();
    if (peek() == ':') {
      segment.kind = PathSegmentKind::Slice;
      segment.sliceStart = first;
      ++pos_;
      skipBlanks();
      if (!parseInteger(segment.sliceEnd) && error_) return false;
      skipBlanks();
      if (peek() == ':') {
        ++pos_;
        skipBlanks();
        size_t stepAt = pos_;
        if (!parseInteger(segment.sliceStep) && error_) return false;
        if (segment.sliceStep && *segment.sliceStep == 0)
          return fail(stepAt, "a slice step cannot be 0");
      }
      return expectClose(open);
    }
    if (!first) return fail(pos_, "expected an index");
    if (peek() != ',') {
      segment.kind = PathSegmentKind::Index;
      segment.index = *first;
      return expectClose(open);
    }
    segment.kind = PathSegmentKind::Union;
    segment.entries.push_back({true, {}, *first});
    while (peek() == ',') {
      ++pos_;
      skipBlanks();
      std::optional<int64_t> next;
      if (!parseInteger(next)) {
        if (error_) return false;
        return fail(pos_, "expected an index after ',', found " + describeChar(text_, pos_));
      }
      segment.entries.push_back({true, {}, *next});
      skipBlanks();
    }
    return expectClose(open);
  }

  // Filter and script expressions, loosest binding first.
  bool parseOr(FilterExpr& out) {
    if (!parseAnd(out)) return false;
    while (skipBlanks(), peek() == '|' && peek(1) == '|') {
      pos_ += 2;
      FilterExpr right;
      if (!parseAnd(right)) return false;
      out = binary(FilterExprKind::Or, std::move(out), std::move(right));
    }
    return true;
  }

  bool parseAnd(FilterExpr& out) {
    if (!parseNot(out)) return false;
    while (skipBlanks(), peek() == '&' && peek(1) == '&') {
      pos_ += 2;
      FilterExpr right;
      if (!parseNot(right)) return false;
      out = binary(FilterExprKind::And, std::move(out), std::move(right));
    }
    return true;
  }

  bool parseNot(FilterExpr& out) {
    skipBlanks();
    if (peek() == '!' && peek(1) != '=') {
      size_t at = pos_++;
      if (!enter(at)) return false;
      FilterExpr operand;
      if (!parseNot(operand)) return false;
      leave();
      out = FilterExpr{};
      out.kind = FilterExprKind::Not;
      out.operands.push_back(std::move(operand));
      return true;
    }
    return parseCompare(out);
  }

  std::optional<eval::CompareOpKind> readCompareOp() {
    using eval::CompareOpKind;
    char a = peek(), b = peek(1);
    if (a == '=' && b == '=') return pos_ += 2, CompareOpKind::Eq;
    if (a == '!' && b == '=') return pos_ += 2, CompareOpKind::Ne;
    if (a == '<' && b == '=') return pos_ += 2, CompareOpKind::Le;
    if (a == '>' && b == '=') return pos_ += 2, CompareOpKind::Ge;
    if (a == '=' && b == '~') return pos_ += 2, CompareOpKind::Match;
    if (a == '<') return pos_ += 1, CompareOpKind::Lt;
    if (a == '>') return pos_ += 1, CompareOpKind::Gt;
    return std::nullopt;
  }

  bool parseCompare(FilterExpr& out) {
    if (!parseSum(out)) return false;
    skipBlanks();
    size_t at = pos_;
    std::optional<eval::CompareOpKind> op = readCompareOp();
    if (!op) {
      if (peek() == '=') return fail(at, "expected '==' or '=~', found a single '='");
      return true;
    }
    FilterExpr right;
    if (!parseSum(right)) return false;
    out = binary(FilterExprKind::Compare, std::move(out), std::move(right));
    out.compareOp = *op;
    skipBlanks();
    if (readCompareOp()) return fail(at, "comparisons cannot be chained; use '&&'");
    return true;
  }

  bool parseSum(FilterExpr& out) {
    if (!parseProduct(out)) return false;
    while (skipBlanks(), peek() == '+' || peek() == '-') {
      eval::ArithOpKind op = peek() == '+' ? eval::ArithOpKind::Add : eval::ArithOpKind::Sub;
      ++pos_;
      FilterExpr right;
      if (!parseProduct(right)) return false;
      out = binary(FilterExprKind::Arith, std::move(out), std::move(right));
      out.arithOp = op;
    }
    return true;
  }

  bool parseProduct(FilterExpr& out) {
    if (!parsePrimary(out)) return false;
    while (skipBlanks(), peek() == '*' || peek() == '/' || peek() == '%') {
      char c = peek();
      eval::ArithOpKind op = c == '*'   ? eval::ArithOpKind::Mul
                             : c == '/' ? eval::ArithOpKind::Div
                                        : eval::ArithOpKind::Mod;
      ++pos_;
      FilterExpr right;
      if (!parsePrimary(right)) return false;
      out = binary(FilterExprKind::Arith, std::move(out), std::move(right));
      out.arithOp = op;
    }
    return true;
  }

  bool parsePrimary(FilterExpr& out) {
    skipBlanks();
    out = FilterExpr{};
    char c = peek();
    size_t start = pos_;
    if (c == '(') {
      ++pos_;
      if (!enter(start)) return false;
      if (!parseOr(out)) return false;
      leave();
      skipBlanks();
      if (peek() != ')')
        return fail(pos_, "expected ')' to close the '(' at character " +
                              std::to_string(expressionColumn(text_, start)) + ", found " +
                              describeChar(text_, pos_));
      ++pos_;
      return true;
    }
    if (c == '@' || c == '$') {
      if (!enter(start)) return false;
      Path path;
      if (!parsePath(path, /*inFilter=*/true)) return false;
      leave();
      out.kind = FilterExprKind::Path;
      out.path = std::make_shared<const Path>(std::move(path));
      return true;
    }
    if (c == '\'' || c == '"') {
      out.kind = FilterExprKind::String;
      return parseQuoted(out.text);
    }
    if (c == '/') return parseRegex(out);
    if (isDigit(c) || (c == '-' && isDigit(peek(1)))) return parseNumber(out);
    if (isIdentStart(c)) {
      while (isIdentChar(peek()))
        ++pos_;
      std::string_view word = text_.substr(start, pos_ - start);
      if (word == "true" || word == "false") {
        out.kind = FilterExprKind::Boolean;
        out.boolValue = word == "true";
      } else if (word == "null") {
        out.kind = FilterExprKind::Null;
      } else {
        // A bare word compares as a string: AWS accepts [?(@.OutputKey == FooBar)].
        out.kind = FilterExprKind::String;
        out.text = std::string(word);
      }
      return true;
    }
    if (atEnd())
      return fail(pos_, "unterminated expression: expected a value, found the end of the path");
    return fail(pos_, "expected a path, a literal or '(' in the expression, found " +
                          describeChar(text_, pos_));
  }

  bool parseRegex(FilterExpr& out) {
    size_t open = pos_++;
    out.kind = FilterExprKind::Regex;
    while (!atEnd() && peek() != '/') {
      if (peek() == '\\' && pos_ + 1 < text_.size()) out.text.push_back(text_[pos_++]);
      out.text.push_back(text_[pos_++]);
    }
    if (atEnd())
      return fail(open, "unterminated regular expression: no closing '/' for the one at character " +
                            std::to_string(expressionColumn(text_, open)));
    ++pos_;
    while (isAsciiAlpha(peek()))
      out.flags.push_back(text_[pos_++]);
    return true;
  }

  bool parseNumber(FilterExpr& out) {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    while (isDigit(peek()))
      ++pos_;
    bool isDouble = false;
    if (peek() == '.' && isDigit(peek(1))) {
      isDouble = true;
      ++pos_;
      while (isDigit(peek()))
        ++pos_;
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
      isDouble = true;
      pos_ += 2;
      while (isDigit(peek()))
        ++pos_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (!isDouble) {
      auto [ptr, ec] = std::from_chars(first, last, out.intValue);
      if (ec == std::errc() && ptr == last) {
        out.kind = FilterExprKind::Integer;
        return true;
      }
    }
    auto [ptr, ec] = std::from_chars(first, last, out.doubleValue);
    if (ec != std::errc() || ptr != last)
      return fail(start,
                  "number " + std::string(text_.substr(start, pos_ - start)) + " is out of range");
    out.kind = FilterExprKind::Double;
    return true;
  }

  static FilterExpr binary(FilterExprKind kind, FilterExpr left, FilterExpr right) {
    FilterExpr e;
    e.kind = kind;
    e.operands.push_back(std::move(left));
    e.operands.push_back(std::move(right));
    return e;
  }

  std::string_view text_;
  size_t pos_;
  const ParseOptions& options_;
  uint32_t depth_;
  std::vector<size_t> segmentOffsets_; // top-level segments only
  std::optional<Diagnostic> error_;
};

Diagnostic pathError(size_t offset, std::string message) {
  Diagnostic d = makeDiagnostic(DiagCode::InvalidPath, std::move(message));
  d.location.offset = static_cast<uint32_t>(offset);
  return d;
}

} // namespace

uint32_t expressionColumn(std::string_view text, size_t offset) {
  uint32_t column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

Result<eval::Path> parseEmbeddedPath(std::string_view text, size_t start, size_t* end,
                                     const ParseOptions& options, uint32_t depth) {
  PathParser parser(text, start, options, depth);
  eval::Path path;
  if (!parser.parsePath(path, /*inFilter=*/false)) return fail(parser.takeError());
  if (end) *end = parser.pos();
  return path;
}

Result<eval::Path> parsePath(std::string_view text, PathSyntaxKind syntax,
                             const ParseOptions& options) {
  if (text.size() > options.limits.maxExpressionBytes)
    return fail(pathError(0, "path is " + std::to_string(text.size()) +
                                 " bytes long, over the limit of " +
                                 std::to_string(options.limits.maxExpressionBytes)));
  PathParser parser(text, 0, options, 0);
  eval::Path path;
  if (!parser.parsePath(path, /*inFilter=*/false)) return fail(parser.takeError());
  size_t pos = parser.pos();
  // Jayway trims the path, so trailing blanks are harmless; anything else is not.
  while (pos < text.size() && isBlank(text[pos]))
    ++pos;
  if (pos < text.size()) {
    if (isBlank(text[parser.pos()]))
      return fail(pathError(pos, "unexpected " + describeChar(text, pos) +
                                     " after a blank; names with blanks need ['name']"));
    return fail(pathError(pos, "unexpected " + describeChar(text, pos) +
                                   "; expected '.', '[' or the end of the path"));
  }
  if (syntax == PathSyntaxKind::ReferencePath) {
    for (size_t i = 0; i < path.segments.size(); ++i) {
      const PathSegment& s = path.segments[i];
      if (!s.recursive && (s.kind == PathSegmentKind::Member || s.kind == PathSegmentKind::Index))
        continue;
      return fail(pathError(parser.segmentOffsets()[i],
                            "reference paths allow only '.name', \"['name']\" and '[index]' "
                            "segments; found " +
                                segmentKindPhrase(s)));
    }
  }
  return path;
}

} // namespace asl::lang
