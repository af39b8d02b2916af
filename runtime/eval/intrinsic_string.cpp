// States.StringSplit, and the UTF-16 length AWS's character limits count in.
#include <vector>

#include "runtime/eval/intrinsic_args.h"
#include "runtime/eval/intrinsic_functions.h"

namespace asl::eval::intrinsics {

namespace {

/// Lengths of the UTF-8 sequences that start each code point; a stray byte counts as one.
size_t sequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

/// Splits UTF-8 text into its code points (as byte ranges), so that a multi-byte delimiter
/// character matches whole.
std::vector<std::string_view> codePoints(std::string_view text) {
  std::vector<std::string_view> points;
  for (size_t i = 0; i < text.size();) {
    const size_t n = std::min(sequenceLength(static_cast<unsigned char>(text[i])), text.size() - i);
    points.push_back(text.substr(i, n));
    i += n;
  }
  return points;
}

} // namespace

size_t utf16Length(std::string_view utf8) {
  size_t units = 0;
  for (size_t i = 0; i < utf8.size();) {
    const size_t n = sequenceLength(static_cast<unsigned char>(utf8[i]));
    units += n == 4 ? 2 : 1; // code points past U+FFFF are surrogate pairs in Java
    i += n;
  }
  return units;
}

ExecResult<Value> stringSplit(Args args) {
  constexpr IntrinsicId id = IntrinsicId::StringSplit;
  auto text = stringArg(id, args, 0);
  if (!text) return Unexpected<ExecError>{std::move(text).error()};
  auto delimiters = stringArg(id, args, 1);
  if (!delimiters) return Unexpected<ExecError>{std::move(delimiters).error()};
  // Every character of the second argument is a delimiter, and empty pieces are dropped: the
  // corpus records "This.is+a,test=string" split on ".+,=" as five words and ",,,," as [].
  const std::vector<std::string_view> delimiterPoints = codePoints(*delimiters);
  auto isDelimiter = [&](std::string_view point) {
    for (std::string_view d : delimiterPoints) {
      if (d == point) return true;
    }
    return false;
  };
  std::vector<Value> pieces;
  size_t pieceStart = 0, at = 0;
  for (std::string_view point : codePoints(*text)) {
    if (isDelimiter(point)) {
      if (at > pieceStart)
        pieces.push_back(Value::string(text->substr(pieceStart, at - pieceStart)));
      pieceStart = at + point.size();
    }
    at += point.size();
  }
  if (at > pieceStart) pieces.push_back(Value::string(text->substr(pieceStart, at - pieceStart)));
  return Value::array(std::move(pieces));
}

} // namespace asl::eval::intrinsics
