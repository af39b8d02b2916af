// XPath F&O 3.1 format-integer pictures ("001", "#,##0", "i", "A", "w", "1;o"): analysis,
// formatting and parsing. Shared by $formatInteger, $parseInteger and the date/time pictures.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asl::eval::jsonata {

enum class IntegerStyle : uint8_t { Decimal, Letters, Roman, Words, Sequence };
enum class LetterCase : uint8_t { Lower, Upper, Title };

struct GroupingSeparator {
  int position = 0; ///< digits to its right
  std::string character;
};

struct IntegerPicture {
  IntegerStyle style = IntegerStyle::Decimal;
  LetterCase letterCase = LetterCase::Lower;
  bool ordinal = false;
  char32_t zeroCode = U'0';
  int mandatoryDigits = 0;
  int optionalDigits = 0;
  bool regular = false; ///< one separator repeated every `regularEvery` digits
  int regularEvery = 0;
  std::vector<GroupingSeparator> separators;
  std::string token; ///< Sequence: the picture itself
  int width = -1;    ///< date/time year width (n in the spec), -1 when unset
};

/// Analyses a picture; throws D3131 (mixed digit families) as the evaluator's error.
IntegerPicture analyseIntegerPicture(std::string_view picture);
/// Formats |value| with the picture (a '-' in front when negative); throws D3130 for a
/// picture that is a numbering sequence.
std::string formatInteger(double value, const IntegerPicture& picture);
/// A PCRE2 pattern matching what formatInteger produces.
std::string integerRegex(const IntegerPicture& picture);
/// Reads text the pattern matched back into a number.
double parseIntegerText(std::string_view text, const IntegerPicture& picture);

/// English words for a number ("one hundred and twenty-three"), in title case.
std::string numberToWords(double value, bool ordinal);

} // namespace asl::eval::jsonata
