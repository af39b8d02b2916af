// JSONata tokenizer: strings with JSON escapes, numbers, names, variables, regex literals,
// comments, and the one- and two-character operators.
#include "compiler/lang/jsonata/lexer.h"

#include <charconv>
#include <cstring>

namespace asl::lang::jsonata {
namespace {

constexpr std::string_view kSingleCharOperators = ".[]{}(),@#;:?+-*/%|=<>^&!~";
constexpr std::string_view kWhitespace = " \t\n\r\v";

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

uint32_t hexValue(std::string_view digits) {
  uint32_t v = 0;
  for (char c : digits) v = v * 16 + static_cast<uint32_t>(isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
  return v;
}

// Length of the longest prefix matching JSONata's number grammar
// (0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?, or 0.
size_t numberLength(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (i < s.size() && s[i] >= '1' && s[i] <= '9') {
    while (i < s.size() && isDigit(s[i])) ++i;
  } else {
    return 0;
  }
  if (i + 1 < s.size() && s[i] == '.' && isDigit(s[i + 1])) {
    i += 2;
    while (i < s.size() && isDigit(s[i])) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j < s.size() && isDigit(s[j])) {
      while (j < s.size() && isDigit(s[j])) ++j;
      i = j;
    }
  }
  return i;
}

// Decimal exponent of the leading significant digit, to tell overflow from underflow when
// the number does not fit a double.
long decimalMagnitude(std::string_view s) {
  size_t e = s.find_first_of("eE");
  std::string_view mantissa = s.substr(0, e);
  long exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view exp = s.substr(e + 1);
    bool negative = !exp.empty() && exp[0] == '-';
    if (!exp.empty() && (exp[0] == '-' || exp[0] == '+')) exp.remove_prefix(1);
    for (char c : exp) exponent = exponent < 100000000 ? exponent * 10 + (c - '0') : exponent;
    if (negative) exponent = -exponent;
  }
  size_t dot = mantissa.find('.');
  std::string_view intPart = mantissa.substr(0, dot);
  if (intPart != "0") return exponent + static_cast<long>(intPart.size()) - 1;
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : mantissa.substr(dot + 1);
  size_t zeros = frac.find_first_not_of('0');
  if (zeros == std::string_view::npos) return -1000000;  // zero
  return exponent - static_cast<long>(zeros) - 1;
}

} // namespace

bool isNameTerminator(char c) {
  return kWhitespace.find(c) != std::string_view::npos ||
         kSingleCharOperators.find(c) != std::string_view::npos;
}

Lexer::Lexer(std::string_view source, LexerOptions options) : src_(source), options_(options) {}

char Lexer::peek(size_t ahead) const {
  return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
}

Token Lexer::make(TokenKind kind, size_t start, std::string text) const {
  Token t;
  t.kind = kind;
  t.text = std::move(text);
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(pos_);
  return t;
}

Result<Token, JsonataError> Lexer::next(bool infix) {
  for (;;) {
    while (pos_ < src_.size() && kWhitespace.find(src_[pos_]) != std::string_view::npos) ++pos_;
    if (peek() != '/' || peek(1) != '*') break;
    size_t commentStart = pos_;
    size_t close = src_.find("*/", pos_ + 2);
    if (close == std::string_view::npos) {
      pos_ = src_.size();
      JsonataError e = eval::jsonata::makeJsonataError("S0106", static_cast<uint32_t>(commentStart),
                                                        static_cast<uint32_t>(commentStart));
      return fail(std::move(e));
    }
    pos_ = close + 2;
  }
  if (pos_ >= src_.size()) return make(TokenKind::End, pos_);

  size_t start = pos_;
  char c = src_[pos_];
  if (c == '/' && !infix) {
    ++pos_;
    return scanRegex();
  }

  static constexpr std::string_view kTwoCharOperators[] = {"..", ":=", "!=", ">=", "<=", "**", "~>"};
  std::string_view two = src_.substr(pos_, 2);
  for (std::string_view op : kTwoCharOperators) {
    if (two == op) {
      pos_ += 2;
      return make(TokenKind::Operator, start, std::string(op));
    }
  }
  if (options_.defaultOperators && (two == "?:" || two == "??")) {
    pos_ += 2;
    return make(TokenKind::Operator, start, std::string(two));
  }
  if (kSingleCharOperators.find(c) != std::string_view::npos) {
    ++pos_;
    return make(TokenKind::Operator, start, std::string(1, c));
  }
  if (c == '"' || c == '\'') return scanString(c);

  if (size_t length = numberLength(src_.substr(pos_)); length > 0) return scanNumber(length);

  if (c == '`') {
    size_t close = src_.find('`', pos_ + 1);
    if (close == std::string_view::npos) {
      pos_ = src_.size();
      return fail(eval::jsonata::makeJsonataError("S0105", static_cast<uint32_t>(start),
                                                   static_cast<uint32_t>(pos_)));
    }
    std::string name(src_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return make(TokenKind::Name, start, std::move(name));
  }

  size_t end = pos_;
  while (end < src_.size() && !isNameTerminator(src_[end])) ++end;
  std::string_view word = src_.substr(pos_, end - pos_);
  pos_ = end;
  if (word[0] == '$') return make(TokenKind::Variable, start, std::string(word.substr(1)));
  if (word == "and" || word == "or" || word == "in") return make(TokenKind::Operator, start, std::string(word));
  if (word == "true") return make(TokenKind::True, start, "true");
  if (word == "false") return make(TokenKind::False, start, "false");
  if (word == "null") return make(TokenKind::Null, start, "null");
  return make(TokenKind::Name, start, std::string(word));
}

Result<Token, JsonataError> Lexer::scanString(char quote) {
  size_t start = pos_++;
  std::string value;
  uint32_t pendingHigh = 0;  // a \uD800-\uDBFF escape waiting for its low surrogate
  auto flushHigh = [&] {
    if (pendingHigh != 0) appendUtf8(value, 0xFFFD);  // a lone surrogate has no UTF-8 form
    pendingHigh = 0;
  };
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == '\\') {
      ++pos_;
      char e = peek();
      const char* simple = nullptr;
      switch (e) {
      case '"': simple = "\""; break;
      case '\\': simple = "\\"; break;
      case '/': simple = "/"; break;
      case 'b': simple = "\b"; break;
      case 'f': simple = "\f"; break;
      case 'n': simple = "\n"; break;
      case 'r': simple = "\r"; break;
      case 't': simple = "\t"; break;
      default: break;
      }
      if (simple != nullptr) {
        flushHigh();
        value += simple;
      } else if (e == 'u') {
        // Like JSONata: up to four following characters, all of them hex digits.
        std::string_view digits = src_.substr(pos_ + 1, 4);
        bool ok = !digits.empty();
        for (char d : digits) ok = ok && isHex(d);
        if (!ok) {
          return fail(eval::jsonata::makeJsonataError("S0104", static_cast<uint32_t>(pos_ - 1),
                                                       static_cast<uint32_t>(pos_)));
        }
        uint32_t unit = hexValue(digits);
        if (unit >= 0xDC00 && unit <= 0xDFFF && pendingHigh != 0) {
          appendUtf8(value, 0x10000 + ((pendingHigh - 0xD800) << 10) + (unit - 0xDC00));
          pendingHigh = 0;
        } else {
          flushHigh();
          if (unit >= 0xD800 && unit <= 0xDBFF) pendingHigh = unit;
          else if (unit >= 0xDC00 && unit <= 0xDFFF) appendUtf8(value, 0xFFFD);
          else appendUtf8(value, unit);
        }
        pos_ += 4;
      } else {
        JsonataError err = eval::jsonata::makeJsonataError("S0103", static_cast<uint32_t>(pos_ - 1),
                                                           static_cast<uint32_t>(pos_));
        if (pos_ < src_.size()) err.token = std::string(1, e);
        return fail(std::move(err));
      }
    } else if (c == quote) {
      flushHigh();
      ++pos_;
      return make(TokenKind::String, start, std::move(value));
    } else {
      flushHigh();
      value += c;
    }
    ++pos_;
  }
  pos_ = src_.size();
  return fail(eval::jsonata::makeJsonataError("S0101", static_cast<uint32_t>(start),
                                               static_cast<uint32_t>(pos_)));
}

Result<Token, JsonataError> Lexer::scanNumber(size_t length) {
  size_t start = pos_;
  std::string_view text = src_.substr(pos_, length);
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  (void)ptr;
  if (ec == std::errc::result_out_of_range) {
    // Underflow rounds to zero in JavaScript; only overflow (to Infinity) is an error.
    if (decimalMagnitude(text) > 0) {
      JsonataError err = eval::jsonata::makeJsonataError("S0102", static_cast<uint32_t>(start),
                                                         static_cast<uint32_t>(start));
      err.token = std::string(text);
      return fail(std::move(err));
    }
    value = 0;
  }
  pos_ += length;
  Token t = make(TokenKind::Number, start, std::string(text));
  t.number = value;
  return t;
}

Result<Token, JsonataError> Lexer::scanRegex() {
  // pos_ is just past the opening '/'. The pattern ends at an unescaped '/' outside any
  // bracket pair, where a bracket counts unless the byte before it is a backslash.
  size_t start = pos_ - 1;
  size_t patternStart = pos_;
  int depth = 0;
  while (pos_ < src_.size()) {
    char c = src_[pos_];
    if (c == '/' && depth == 0) {
      size_t backslashes = 0;
      while (pos_ - backslashes > patternStart && src_[pos_ - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) {
        if (pos_ == patternStart) {
          return fail(eval::jsonata::makeJsonataError("S0301", static_cast<uint32_t>(start),
                                                       static_cast<uint32_t>(pos_)));
        }
        std::string pattern(src_.substr(patternStart, pos_ - patternStart));
        ++pos_;
        size_t flagsStart = pos_;
        while (pos_ < src_.size() && (src_[pos_] == 'i' || src_[pos_] == 'm')) ++pos_;
        Token t = make(TokenKind::Regex, start, std::move(pattern));
        t.flags = std::string(src_.substr(flagsStart, pos_ - flagsStart));
        return t;
      }
    }
    bool escaped = pos_ > 0 && src_[pos_ - 1] == '\\';
    if ((c == '(' || c == '[' || c == '{') && !escaped) ++depth;
    if ((c == ')' || c == ']' || c == '}') && !escaped) --depth;
    ++pos_;
  }
  return fail(eval::jsonata::makeJsonataError("S0302", static_cast<uint32_t>(start),
                                               static_cast<uint32_t>(pos_)));
}

} // namespace asl::lang::jsonata
