// JsonTree: a definition parsed by simdjson into an owned tree where every value and key keeps
// its byte offset, so every diagnostic can name file:line:col.
#pragma once

#include <cstdint>
#include <deque>
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
  bool escaped = false;   ///< String: held in the tree's pool (its source had escapes)
  uint32_t offset = 0;    ///< byte offset of the value's first character
  uint32_t first = 0;     ///< Object: first member; Array: first element;
                          ///< String: source offset of its first character, or pool index
  uint32_t count = 0;     ///< members, elements, or string bytes
  uint32_t rawLength = 0; ///< Number: length of its source text
  double number = 0;
};

struct JsonMember {
  std::string_view key; ///< unescaped; points into the source or the tree's pool
  uint32_t keyOffset;   ///< byte offset of the key's opening quote
  uint32_t value;       ///< index of the value
};

/// An immutable parsed document. Owns its source text and every unescaped string.
class JsonTree {
public:
  JsonTree() = default;
  JsonTree(const JsonTree&) = delete;
  JsonTree& operator=(const JsonTree&) = delete;
  ~JsonTree();

  const JsonValue& root() const { return values_[rootIndex_]; }
  const JsonValue& at(uint32_t index) const { return values_[index]; }

  std::span<const JsonMember> members(const JsonValue& object) const {
    return {members_.data() + object.first, object.count};
  }
  std::span<const uint32_t> elements(const JsonValue& array) const {
    return {elements_.data() + array.first, array.count};
  }
  std::string_view string(const JsonValue& value) const {
    if (value.escaped) return escaped_[value.first];
    return {source_->data() + value.first, value.count};
  }
  /// The number exactly as written in the source.
  std::string_view numberText(const JsonValue& value) const {
    return text().substr(value.offset, value.rawLength);
  }
  /// The member of `object` named `key`, or nullptr.
  const JsonMember* find(const JsonValue& object, std::string_view key) const;
  const JsonValue* findValue(const JsonValue& object, std::string_view key) const;

  /// The source text (the exact bytes parsed).
  std::string_view text() const { return *source_; }
  /// Byte offset in the source of the character at `index` of the decoded string value,
  /// accounting for escapes (\n, \u00e9, ...). Used to point inside expressions.
  uint32_t sourceOffsetInString(const JsonValue& value, size_t index) const;

  size_t valueCount() const { return values_.size(); }

private:
  friend class JsonTreeBuilder;
  struct Buffers {
    std::vector<JsonValue> values;
    std::vector<JsonMember> members;
    std::vector<uint32_t> elements;
  };
  static Buffers& bufferPool();

  /// The source bytes, shared with the caller; its capacity holds simdjson's padding.
  std::shared_ptr<const std::string> source_;
  std::vector<JsonValue> values_;
  std::vector<JsonMember> members_;
  std::vector<uint32_t> elements_;
  /// Strings whose source has escapes, unescaped. A deque never moves its elements, so views
  /// into them (member keys) stay valid. Strings without escapes are viewed in place.
  std::deque<std::string> escaped_;
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

/// A string sized for simdjson: its capacity leaves the padding simdjson may read past the end.
std::shared_ptr<const std::string> makePaddedSource(std::string text);

/// Parses `source` (any bytes; see makePaddedSource). On failure the diagnostic's
/// location.offset is the exact byte where the JSON stops being valid; callers add file and
/// line:col with a SourceMap. The tree shares `source` rather than copying it.
Result<ParsedJson> parseJson(std::shared_ptr<const std::string> source, const ParseOptions& options);
/// Convenience for tests and tools: pads and parses `text`.
Result<ParsedJson> parseJson(std::string text, const ParseOptions& options);

} // namespace asl::front
