// Recursive-descent parser for intrinsic calls; arities and argument kinds come from
// intrinsics.def.
#include "compiler/lang/intrinsic_parser.h"

#include <charconv>
#include <optional>
#include <string>
#include <utility>

namespace asl::lang {
namespace {

using eval::IntrinsicArg;
using eval::IntrinsicArgKind;
using eval::IntrinsicCall;
using eval::IntrinsicInfo;

constexpr std::string_view kStatesPrefix = "States.";

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
}

std::string describeChar(std::string_view text, size_t pos) {
  if (pos >= text.size()) return "the end of the text";
  unsigned char u = static_cast<unsigned char>(text[pos]);
  if (u < 0x20 || u == 0x7f) {
    static constexpr char kHex[] = "0123456789abcdef";
    return std::string("'\\x") + kHex[u >> 4] + kHex[u & 15] + "'";
  }
  return "'" + std::string(1, text[pos]) + "'";
}

std::string ordinal(size_t n) {
  std::string suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1)
      suffix = "st";
    else if (n % 10 == 2)
      suffix = "nd";
    else if (n % 10 == 3)
      suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string plural(long n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string arityPhrase(const IntrinsicInfo& info) {
  if (info.maxArgs == 0) return "no arguments";
  if (info.maxArgs < 0) return "at least " + plural(info.minArgs, "argument");
  if (info.minArgs == info.maxArgs) return plural(info.minArgs, "argument");
  if (info.maxArgs == info.minArgs + 1)
    return std::to_string(info.minArgs) + " or " + plural(info.maxArgs, "argument");
  return std::to_string(info.minArgs) + " to " + plural(info.maxArgs, "argument");
}

const char* argKindPhrase(const IntrinsicArg& arg) {
  switch (arg.kind) {
  case IntrinsicArgKind::String:
    return "a string";
  case IntrinsicArgKind::Integer:
  case IntrinsicArgKind::Double:
    return "a number";
  case IntrinsicArgKind::Boolean:
    return "a boolean";
  case IntrinsicArgKind::Null:
    return "null";
  case IntrinsicArgKind::Path:
    return "a path";
  case IntrinsicArgKind::Call:
    return "a call";
  }
  return "a value";
}

// Whether a literal fits an intrinsics.def argument letter; paths and calls always do.
bool literalFits(const IntrinsicArg& arg, char kind) {
  if (arg.kind == IntrinsicArgKind::Path || arg.kind == IntrinsicArgKind::Call) return true;
  switch (kind) {
  case 's':
    return arg.kind == IntrinsicArgKind::String;
  case 'n':
    return arg.kind == IntrinsicArgKind::Integer || arg.kind == IntrinsicArgKind::Double;
  case 'b':
    return arg.kind == IntrinsicArgKind::Boolean;
  case 'A':
  case 'O':
    return false;
  default:
    return true;
  }
}

const char* requiredKindPhrase(char kind) {
  switch (kind) {
  case 's':
    return "a string";
  case 'n':
    return "a number";
  case 'b':
    return "a boolean";
  case 'A':
    return "an array (a path or a call, since no literal is one)";
  case 'O':
    return "an object (a path or a call, since no literal is one)";
  default:
    return "a value";
  }
}

class IntrinsicParser {
public:
  IntrinsicParser(std::string_view text, const ParseOptions& options)
      : text_(text), options_(options) {}

  bool parseCall(IntrinsicCall& call, uint32_t depth) {
    size_t start = pos_;
    if (depth > options_.limits.maxExpressionDepth)
      return fail(start, "intrinsic calls nest deeper than the limit of " +
                             std::to_string(options_.limits.maxExpressionDepth));
    if (text_.substr(pos_, kStatesPrefix.size()) != kStatesPrefix)
      return fail(pos_, "expected an intrinsic function name starting with 'States.', found " +
                            describeChar(text_, pos_));
    pos_ += kStatesPrefix.size();
    while (pos_ < text_.size() && isWordChar(text_[pos_]))
      ++pos_;
    std::string_view name = text_.substr(start, pos_ - start);
    std::optional<eval::IntrinsicId> id = eval::findIntrinsic(name);
    if (!id) {
      if (name.size() == kStatesPrefix.size())
        return fail(pos_, "expected a function name after 'States.'");
      return fail(start, "unknown intrinsic function '" + std::string(name) + "'");
    }
    call.id = *id;
    call.offset = static_cast<uint32_t>(start);
    skipBlanks();
    if (peek() != '(')
      return fail(pos_, "expected '(' after '" + std::string(name) + "', found " +
                            describeChar(text_, pos_));
    size_t open = pos_++;
    skipBlanks();
    if (peek() != ')') {
      while (true) {
        skipBlanks();
        IntrinsicArg arg;
        if (!parseArg(arg, depth)) return false;
        call.args.push_back(std::move(arg));
        skipBlanks();
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        if (peek() == ')') break;
        if (pos_ >= text_.size())
          return fail(pos_, "expected ')' to close the '(' at character " +
                                std::to_string(expressionColumn(text_, open)));
        return fail(pos_,
                    "expected ',' or ')' after an argument, found " + describeChar(text_, pos_));
      }
    }
    ++pos_; // ')'
    return checkCall(call, name);
  }

  size_t pos() const { return pos_; }
  void skipBlanks() {
    while (pos_ < text_.size() && isBlank(text_[pos_]))
      ++pos_;
  }
  Diagnostic takeError() { return std::move(*error_); }

  bool fail(size_t offset, std::string message) {
    return failWith(DiagCode::InvalidIntrinsic, offset, std::move(message));
  }

private:
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  bool failWith(DiagCode code, size_t offset, std::string message) {
    if (!error_) {
      error_ = makeDiagnostic(code, std::move(message));
      error_->location.offset = static_cast<uint32_t>(offset);
    }
    return false;
  }

  bool checkCall(const IntrinsicCall& call, std::string_view name) {
    const IntrinsicInfo& info = eval::intrinsicInfo(call.id);
    long count = static_cast<long>(call.args.size());
    if (count < info.minArgs || (info.maxArgs >= 0 && count > info.maxArgs))
      return fail(call.offset, std::string(name) + " takes " + arityPhrase(info) + ", got " +
                                   std::to_string(count));
    for (size_t i = 0; i < call.args.size(); ++i) {
      char kind = eval::intrinsicArgKind(info, i);
      if (!literalFits(call.args[i], kind))
        return fail(call.args[i].offset,
                    "the " + ordinal(i + 1) + " argument of " + std::string(name) + " must be " +
                        requiredKindPhrase(kind) + ", got " + argKindPhrase(call.args[i]));
    }
    // A template read from a path can be checked only when the call runs.
    if (options_.checkFormatPlaceholders && call.id == eval::IntrinsicId::Format &&
        call.args.front().kind == IntrinsicArgKind::String) {
      size_t placeholders = call.args.front().placeholders.size();
      size_t values = call.args.size() - 1;
      if (placeholders != values)
        return fail(call.args.front().offset,
                    "States.Format template has " +
                        plural(static_cast<long>(placeholders), "'{}' placeholder") + " but " +
                        plural(static_cast<long>(values), "value") +
                        (values == 1 ? " follows it" : " follow it"));
    }
    return true;
  }

  bool parseArg(IntrinsicArg& arg, uint32_t depth) {
    size_t start = pos_;
    arg.offset = static_cast<uint32_t>(start);
    char c = peek();
    if (c == '\'') return parseString(arg);
    if (c == '$') {
      size_t end = start;
      Result<eval::Path> path = parseEmbeddedPath(text_, start, &end, options_, depth);
      if (!path) {
        Diagnostic d = std::move(path).error();
        return failWith(d.code, d.location.offset, std::move(d.message));
      }
      arg.kind = IntrinsicArgKind::Path;
      arg.path = std::move(path).value();
      pos_ = end;
      return true;
    }
    if (isDigit(c) || c == '-') return parseNumber(arg);
    if (text_.substr(pos_, kStatesPrefix.size()) == kStatesPrefix) {
      IntrinsicCall inner;
      if (!parseCall(inner, depth + 1)) return false;
      arg.kind = IntrinsicArgKind::Call;
      arg.call.push_back(std::move(inner));
      return true;
    }
    if (isWordChar(c)) {
      while (isWordChar(peek()))
        ++pos_;
      std::string_view word = text_.substr(start, pos_ - start);
      if (word == "true" || word == "false") {
        arg.kind = IntrinsicArgKind::Boolean;
        arg.boolValue = word == "true";
        return true;
      }
      if (word == "null") {
        arg.kind = IntrinsicArgKind::Null;
        return true;
      }
      return fail(start, "unexpected word '" + std::string(word) +
                             "'; an argument is a string in single quotes, a number, true, "
                             "false, null, a path or an intrinsic call");
    }
    if (c == '"') return fail(start, "strings in intrinsic calls use single quotes");
    if (c == ')' || c == ',')
      return fail(start, "expected an argument, found " + describeChar(text_, pos_));
    if (pos_ >= text_.size()) return fail(start, "expected an argument, found the end of the text");
    return fail(start, "expected an argument, found " + describeChar(text_, pos_));
  }

  bool parseString(IntrinsicArg& arg) {
    size_t open = pos_++;
    arg.kind = IntrinsicArgKind::String;
    std::string& out = arg.text;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '\'') return true;
      if (c == '\\' && pos_ < text_.size()) {
        char next = text_[pos_];
        if (next == '\'' || next == '\\' || next == '{' || next == '}') {
          out.push_back(next);
          ++pos_;
          continue;
        }
        // Other backslashes are kept as written; AWS documents escapes only for ' { } \.
        out.push_back(c);
        continue;
      }
      if (c == '{' && peek() == '}') {
        arg.placeholders.push_back(static_cast<uint32_t>(out.size()));
        out += "{}";
        ++pos_;
        continue;
      }
      out.push_back(c);
    }
    return fail(open, "unterminated string: no closing ' for the one at character " +
                          std::to_string(expressionColumn(text_, open)));
  }

  // JSON number syntax; integers that fit int64 stay integers.
  bool parseNumber(IntrinsicArg& arg) {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (!isDigit(peek())) return fail(start, "expected a digit after '-'");
    if (peek() == '0' && isDigit(peek(1))) return fail(start, "numbers cannot have leading zeros");
    while (isDigit(peek()))
      ++pos_;
    bool isDouble = false;
    if (peek() == '.') {
      ++pos_;
      if (!isDigit(peek())) return fail(pos_, "expected a digit after '.'");
      isDouble = true;
      while (isDigit(peek()))
        ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!isDigit(peek())) return fail(pos_, "expected a digit in the exponent");
      isDouble = true;
      while (isDigit(peek()))
        ++pos_;
    }
    if (isWordChar(peek()))
      return fail(pos_, "unexpected " + describeChar(text_, pos_) + " after a number");
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (!isDouble) {
      auto [ptr, ec] = std::from_chars(first, last, arg.intValue);
      if (ec == std::errc() && ptr == last) {
        arg.kind = IntrinsicArgKind::Integer;
        return true;
      }
    }
    auto [ptr, ec] = std::from_chars(first, last, arg.doubleValue);
    if (ec != std::errc() || ptr != last)
      return fail(start,
                  "number " + std::string(text_.substr(start, pos_ - start)) + " is out of range");
    arg.kind = IntrinsicArgKind::Double;
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  const ParseOptions& options_;
  std::optional<Diagnostic> error_;
};

} // namespace

bool looksLikeIntrinsic(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && isBlank(text[i]))
    ++i;
  return text.substr(i, kStatesPrefix.size()) == kStatesPrefix;
}

Result<eval::IntrinsicCall> parseIntrinsic(std::string_view text, const ParseOptions& options) {
  IntrinsicParser parser(text, options);
  if (text.size() > options.limits.maxExpressionBytes) {
    parser.fail(0, "intrinsic call is " + std::to_string(text.size()) +
                       " bytes long, over the limit of " +
                       std::to_string(options.limits.maxExpressionBytes));
    return fail(parser.takeError());
  }
  if (!text.empty() && isBlank(text.front())) {
    // statelint rejects " States.Array(...)"; AWS documents no form with leading blanks.
    parser.fail(0, "an intrinsic call must start with 'States.', not a blank");
    return fail(parser.takeError());
  }
  eval::IntrinsicCall call;
  if (!parser.parseCall(call, 1)) return fail(parser.takeError());
  parser.skipBlanks();
  if (parser.pos() < text.size()) {
    parser.fail(parser.pos(),
                "unexpected " + describeChar(text, parser.pos()) + " after the end of the call");
    return fail(parser.takeError());
  }
  return call;
}

} // namespace asl::lang
