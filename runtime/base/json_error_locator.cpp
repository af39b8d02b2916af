// Strict JSON scanner used to explain a parse failure: where it is and what was expected.
#include "runtime/base/json_error_locator.h"

#include <cstdint>
#include <vector>

namespace asl {
namespace {

class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<JsonSyntaxError> run() {
    skipSpace();
    if (atEnd()) return error("the document is empty: expected a JSON value");
    if (!scan()) return error_;
    skipSpace();
    if (!atEnd()) return error("unexpected " + describe(pos_) + " after the end of the JSON value");
    return std::nullopt;
  }

private:
  enum class FrameKind : uint8_t { Array, Object };
  enum class StepKind : uint8_t { Value, Key, AfterValue };

  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }

  void skipSpace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }

  std::optional<JsonSyntaxError> error(std::string message) {
    return JsonSyntaxError{pos_, std::move(message)};
  }
  bool fail(std::string message) {
    error_ = JsonSyntaxError{pos_, std::move(message)};
    return false;
  }
  bool failAt(size_t offset, std::string message) {
    error_ = JsonSyntaxError{offset, std::move(message)};
    return false;
  }

  std::string describe(size_t at) const {
    if (at >= text_.size()) return "end of input";
    unsigned char c = static_cast<unsigned char>(text_[at]);
    if (c < 0x20 || c == 0x7F) {
      static const char* hex = "0123456789ABCDEF";
      return std::string("control character U+00") + hex[c >> 4] + hex[c & 15];
    }
    if (c >= 0x80) return "non-ASCII character";
    // Show a whole bare word (like `not` or `True`) when there is one.
    size_t end = at;
    while (end < text_.size() && isWordChar(text_[end])) ++end;
    if (end - at > 1) return "token '" + std::string(text_.substr(at, std::min<size_t>(end - at, 32))) + "'";
    return std::string("character '") + static_cast<char>(c) + "'";
  }
  static bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  // An explicit stack of open containers instead of recursion: nesting costs heap, not stack.
  bool scan() {
    StepKind step = StepKind::Value;
    while (true) {
      skipSpace();
      switch (step) {
      case StepKind::Value: {
        if (atEnd()) return fail("unexpected end of input: expected a JSON value");
        char c = peek();
        if (c == '{' || c == '[') {
          ++pos_;
          stack_.push_back(c == '{' ? FrameKind::Object : FrameKind::Array);
          skipSpace();
          char close = c == '{' ? '}' : ']';
          if (!atEnd() && peek() == close) {
            ++pos_;
            stack_.pop_back();
            step = StepKind::AfterValue;
          } else {
            step = c == '{' ? StepKind::Key : StepKind::Value;
          }
          break;
        }
        if (!scalar()) return false;
        step = StepKind::AfterValue;
        break;
      }
      case StepKind::Key: {
        if (atEnd()) return fail("unexpected end of input: expected an object key in double quotes");
        if (peek() != '"') {
          if (peek() == '}') return fail("trailing comma before '}'");
          return fail("unexpected " + describe(pos_) + ": expected an object key in double quotes");
        }
        if (!string()) return false;
        skipSpace();
        if (atEnd()) return fail("unexpected end of input: expected ':' after the object key");
        if (peek() != ':')
          return fail("unexpected " + describe(pos_) + ": expected ':' after the object key");
        ++pos_;
        step = StepKind::Value;
        break;
      }
      case StepKind::AfterValue: {
        if (stack_.empty()) return true;
        FrameKind kind = stack_.back();
        char close = kind == FrameKind::Object ? '}' : ']';
        if (atEnd())
          return fail(std::string("unexpected end of input: expected ',' or '") + close + "'");
        char c = peek();
        if (c == ',') {
          ++pos_;
          if (kind == FrameKind::Array) {
            skipSpace();
            if (!atEnd() && peek() == ']') return fail("trailing comma before ']'");
          }
          step = kind == FrameKind::Object ? StepKind::Key : StepKind::Value;
        } else if (c == close) {
          ++pos_;
          stack_.pop_back();
        } else {
          return fail("unexpected " + describe(pos_) + ": expected ',' or '" + close + "'" +
                      (kind == FrameKind::Object ? " after an object member" : " after an array element"));
        }
        break;
      }
      }
    }
  }

  bool scalar() {
    char c = peek();
    switch (c) {
    case '"': return string();
    case 't': return literal("true");
    case 'f': return literal("false");
    case 'n': return literal("null");
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return number();
      return fail("unexpected " + describe(pos_) +
                  ": expected a JSON value (string, number, object, array, true, false or null)");
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) == word) {
      size_t end = pos_ + word.size();
      if (end >= text_.size() || !isWordChar(text_[end])) {
        pos_ = end;
        return true;
      }
    }
    return fail("unexpected " + describe(pos_) +
                ": expected a JSON value (string, number, object, array, true, false or null)");
  }

  bool number() {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (atEnd() || !isDigit(peek())) return fail("expected a digit in the number");
    if (peek() == '0') {
      ++pos_;
      if (!atEnd() && isDigit(peek())) return failAt(start, "numbers must not have leading zeros");
    } else {
      while (!atEnd() && isDigit(peek())) ++pos_;
    }
    if (!atEnd() && peek() == '.') {
      ++pos_;
      if (atEnd() || !isDigit(peek())) return fail("expected a digit after the decimal point");
      while (!atEnd() && isDigit(peek())) ++pos_;
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      ++pos_;
      if (!atEnd() && (peek() == '+' || peek() == '-')) ++pos_;
      if (atEnd() || !isDigit(peek())) return fail("expected a digit in the exponent");
      while (!atEnd() && isDigit(peek())) ++pos_;
    }
    if (!atEnd() && isWordChar(peek())) return fail("unexpected " + describe(pos_) + " after a number");
    return true;
  }
  static bool isDigit(char c) { return c >= '0' && c <= '9'; }
  static bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  bool string() {
    size_t open = pos_;
    ++pos_; // opening quote
    while (true) {
      if (atEnd()) return failAt(open, "unterminated string");
      unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return fail(describe(pos_) + " must be escaped inside a string");
      if (c == '\\') {
        ++pos_;
        if (atEnd()) return failAt(open, "unterminated string");
        char e = peek();
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i) {
            if (pos_ + i >= text_.size() || !isHex(text_[pos_ + i]))
              return failAt(pos_ - 1, "'\\u' must be followed by four hexadecimal digits");
          }
          pos_ += 5;
          continue;
        }
        if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
            e == 't') {
          ++pos_;
          continue;
        }
        return failAt(pos_ - 1, std::string("invalid escape '\\") + e + "' in a string");
      }
      if (c >= 0x80) {
        if (!utf8Sequence()) return false;
        continue;
      }
      ++pos_;
    }
  }

  bool utf8Sequence() {
    unsigned char c = static_cast<unsigned char>(peek());
    int length = 0;
    uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) length = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0) length = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0) length = 4, min = 0x10000;
    else return fail("invalid UTF-8 byte in a string");
    uint32_t cp = c & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
      if (pos_ + i >= text_.size()) return fail("truncated UTF-8 sequence in a string");
      unsigned char cc = static_cast<unsigned char>(text_[pos_ + i]);
      if ((cc & 0xC0) != 0x80) return fail("invalid UTF-8 sequence in a string");
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return fail("invalid UTF-8 sequence in a string");
    pos_ += length;
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<FrameKind> stack_;
  std::optional<JsonSyntaxError> error_;
};

} // namespace

std::optional<JsonSyntaxError> locateJsonError(std::string_view text) { return Scanner(text).run(); }

} // namespace asl
