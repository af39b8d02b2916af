// JsonTree: a definition parsed by simdjson into an owned tree where every value and key keeps
// its byte offset, so every diagnostic can name file:line:col.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "asl/limits.h"
#include "asl/result.h"

namespace asl::front {

enum class JsonKind : uint8_t { Null, Bool, Number, String, Array, Object };

std::string_view jsonKindName(JsonKind kind);

/// One JSON value. Children live in the owning JsonTree; `first`/`count` index them.
struct JsonValue {
  JsonKind kind = JsonKind::Null;
  bool boolean = false;
  bool isInteger = false; ///< a Number written without fraction or exponent
  uint32_t offset = 0;    ///< byte offset of the value's first character
  uint32_t first = 0;     ///< Object: first member; Array: first element; String: pool offset
  uint32_t count = 0;     ///< members, elements, or string bytes
  uint32_t rawLength = 0; ///< Number: length of its source text
  double number = 0;
};

struct JsonMember {
  std::string_view key; ///< unescaped, owned by the tree
  uint32_t keyOffset;   ///< byte offset of the key's opening quote
  uint32_t value;       ///< index of the value
};

/// An immutable parsed document. Owns its source text and every unescaped string.
class JsonTree {
public:
  const JsonValue& root() const { return values_[rootIndex_]; }
  const JsonValue& at(uint32_t index) const { return values_[index]; }

  std::span<const JsonMember> members(const JsonValue& object) const {
    return {members_.data() + object.first, object.count};
  }
  std::span<const uint32_t> elements(const JsonValue& array) const {
    return {elements_.data() + array.first, array.count};
  }
  std::string_view string(const JsonValue& value) const {
    return {strings_.data() + value.first, value.count};
  }
  /// The number exactly as written in the source.
  std::string_view numberText(const JsonValue& value) const {
    return std::string_view(text_).substr(value.offset, value.rawLength);
  }
  /// The member of `object` named `key`, or nullptr.
  const JsonMember* find(const JsonValue& object, std::string_view key) const;
  const JsonValue* findValue(const JsonValue& object, std::string_view key) const;

  /// The source text (the exact bytes parsed).
  std::string_view text() const { return {text_.data(), textSize_}; }
  /// Byte offset in the source of the character at `index` of the decoded string value,
  /// accounting for escapes (\n, \u00e9, ...). Used to point inside expressions.
  uint32_t sourceOffsetInString(const JsonValue& value, size_t index) const;

  size_t valueCount() const { return values_.size(); }

private:
  friend class JsonTreeBuilder;
  std::string text_; ///< source bytes, followed by simdjson's padding
  size_t textSize_ = 0;
  std::vector<JsonValue> values_;
  std::vector<JsonMember> members_;
  std::vector<uint32_t> elements_;
  std::string strings_; ///< reserved up front so views into it never move
  uint32_t rootIndex_ = 0;
};

struct ParseOptions {
  Limits limits;
  bool rejectDuplicateKeys = true;
};

/// A parsed document and the problems that did not stop parsing (duplicate keys).
struct ParsedJson {
  std::shared_ptr<const JsonTree> tree;
  std::vector<Diagnostic> problems;
};

/// Parses `text` (any bytes). On failure the diagnostic's location.offset is the exact byte
/// where the JSON stops being valid; callers add file and line:col with a SourceMap.
Result<ParsedJson> parseJson(std::string text, const ParseOptions& options);

} // namespace asl::front
