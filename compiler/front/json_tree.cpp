// Builds a JsonTree with simdjson's On-Demand API, recording the byte offset of every key and
// value. Nothing borrowed from simdjson outlives parsing: strings are copied into the tree.
#include "compiler/front/json_tree.h"

#include <simdjson.h>

#include <charconv>

#include "compiler/front/json_error_locator.h"

namespace asl::front {

namespace od = simdjson::ondemand;

std::string_view jsonKindName(JsonKind kind) {
  switch (kind) {
  case JsonKind::Null: return "null";
  case JsonKind::Bool: return "boolean";
  case JsonKind::Number: return "number";
  case JsonKind::String: return "string";
  case JsonKind::Array: return "array";
  case JsonKind::Object: return "object";
  }
  return "value";
}

const JsonMember* JsonTree::find(const JsonValue& object, std::string_view key) const {
  if (object.kind != JsonKind::Object) return nullptr;
  for (const JsonMember& m : members(object))
    if (m.key == key) return &m;
  return nullptr;
}

const JsonValue* JsonTree::findValue(const JsonValue& object, std::string_view key) const {
  const JsonMember* m = find(object, key);
  return m ? &values_[m->value] : nullptr;
}

uint32_t JsonTree::sourceOffsetInString(const JsonValue& value, size_t index) const {
  // Walk the raw token from just after its opening quote, one decoded byte at a time.
  size_t pos = value.offset + 1;
  size_t decoded = 0;
  std::string_view src = text();
  while (pos < src.size() && src[pos] != '"' && decoded < index) {
    if (src[pos] != '\\') {
      ++pos;
      ++decoded;
      continue;
    }
    char e = pos + 1 < src.size() ? src[pos + 1] : 0;
    if (e != 'u') {
      pos += 2;
      ++decoded;
      continue;
    }
    // \uXXXX (or a surrogate pair) decodes to 1-4 UTF-8 bytes.
    unsigned cp = 0;
    std::from_chars(src.data() + pos + 2, src.data() + std::min(pos + 6, src.size()), cp, 16);
    pos += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && pos + 1 < src.size() && src[pos] == '\\' &&
        src[pos + 1] == 'u') {
      pos += 6;
      decoded += 4;
    } else {
      decoded += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    }
  }
  return static_cast<uint32_t>(pos);
}

class JsonTreeBuilder {
public:
  JsonTreeBuilder(const ParseOptions& options) : options_(options) {}

  Result<ParsedJson> build(std::string text) {
    auto tree = std::make_shared<JsonTree>();
    tree->textSize_ = text.size();
    tree_ = tree.get();
    if (text.size() > options_.limits.maxDefinitionBytes) {
      return fail(makeDiagnostic(DiagCode::DefinitionTooLarge,
                                 "the definition is " + std::to_string(text.size()) +
                                     " bytes; the limit is " +
                                     std::to_string(options_.limits.maxDefinitionBytes) +
                                     " bytes (--max-definition-bytes)"));
    }
    tree->text_ = std::move(text);
    tree->text_.resize(tree->textSize_ + simdjson::SIMDJSON_PADDING, '\0');
    // Unescaped strings are never longer than their source, so one reservation keeps every
    // string_view into the pool stable.
    tree->strings_.reserve(tree->textSize_ + 1);

    std::string_view source = tree->text();
    if (source.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return fail(makeDiagnostic(DiagCode::MissingDescription,
                                 "the definition is empty: expected a JSON object"));
    }

    od::parser parser(tree->textSize_ + 64);
    simdjson::padded_string_view input(tree->text_.data(), tree->textSize_, tree->text_.size());
    od::document doc;
    auto error = parser.iterate(input).get(doc);
    od::json_type rootType{};
    if (!error) error = doc.type().get(rootType);
    if (!error && rootType != od::json_type::object) {
      if (auto syntax = locateJsonError(source)) return syntaxFailure(*syntax);
      return fail(makeDiagnostic(DiagCode::NotAnObject,
                                 "the definition must be a JSON object, not a JSON " +
                                     std::string(rootTypeName(rootType)),
                                 ""));
    }
    od::object root;
    if (!error) error = doc.get_object().get(root);
    uint32_t rootIndex = 0;
    if (!error) {
      uint32_t offset = static_cast<uint32_t>(source.find('{'));
      if (!walkObject(root, offset, 1, rootIndex)) {
        if (!broken_) return fail(std::move(*fatal_)); // a limit, already located
        error = simdjson::TAPE_ERROR;
      } else if (!doc.current_location().error()) {
        // simdjson stops after the root value; anything still in bounds is trailing content.
        error = simdjson::TRAILING_CONTENT;
      }
    }
    if (error) {
      if (auto syntax = locateJsonError(source)) return syntaxFailure(*syntax);
      return fail(makeDiagnostic(DiagCode::InvalidJson, std::string("the JSON parser rejected the input: ") +
                                                            simdjson::error_message(error)));
    }
    tree->rootIndex_ = rootIndex;
    ParsedJson parsed;
    parsed.problems = std::move(problems_);
    parsed.tree = std::move(tree);
    return parsed;
  }

private:
  static std::string_view rootTypeName(od::json_type type) {
    switch (type) {
    case od::json_type::array: return "array";
    case od::json_type::object: return "object";
    case od::json_type::number: return "number";
    case od::json_type::string: return "string";
    case od::json_type::boolean: return "boolean";
    case od::json_type::null: return "null";
    }
    return "value";
  }

  Result<ParsedJson> syntaxFailure(const JsonSyntaxError& syntax) {
    Diagnostic d = makeDiagnostic(DiagCode::InvalidJson, syntax.message);
    d.location.offset = static_cast<uint32_t>(syntax.offset);
    return fail(std::move(d));
  }

  uint32_t offsetOf(const char* p) const {
    return static_cast<uint32_t>(p - tree_->text_.data());
  }

  // Returns false with fatal_ set on a limit; simdjson errors are reported through error_.
  bool walkValue(od::value value, uint32_t depth, uint32_t& out) {
    std::string_view token = value.raw_json_token();
    uint32_t offset = offsetOf(token.data());
    od::json_type type;
    if (value.type().get(type)) return markBroken();
    switch (type) {
    case od::json_type::object: {
      od::object object;
      if (value.get_object().get(object)) return markBroken();
      return walkObject(object, offset, depth + 1, out);
    }
    case od::json_type::array: {
      od::array array;
      if (value.get_array().get(array)) return markBroken();
      return walkArray(array, offset, depth + 1, out);
    }
    case od::json_type::string: {
      std::string_view s;
      if (value.get_string().get(s)) return markBroken();
      JsonValue v;
      v.kind = JsonKind::String;
      v.offset = offset;
      v.first = internString(s);
      v.count = static_cast<uint32_t>(s.size());
      return push(v, out);
    }
    case od::json_type::number: {
      double d = 0;
      if (value.get_double().get(d)) {
        // Integers beyond 64 bits are still valid JSON; keep their approximate value.
        if (!parseNumberText(token, d)) return markBroken();
      }
      JsonValue v;
      v.kind = JsonKind::Number;
      v.offset = offset;
      v.number = d;
      size_t len = 0;
      while (len < token.size() && token[len] != ' ' && token[len] != '\t' && token[len] != '\n' &&
             token[len] != '\r' && token[len] != ',' && token[len] != '}' && token[len] != ']')
        ++len;
      v.rawLength = static_cast<uint32_t>(len);
      std::string_view raw = token.substr(0, len);
      v.isInteger = raw.find_first_of(".eE") == std::string_view::npos;
      return push(v, out);
    }
    case od::json_type::boolean: {
      bool b = false;
      if (value.get_bool().get(b)) return markBroken();
      JsonValue v;
      v.kind = JsonKind::Bool;
      v.offset = offset;
      v.boolean = b;
      return push(v, out);
    }
    case od::json_type::null: {
      bool isNull = false;
      if (value.is_null().get(isNull) || !isNull) return markBroken();
      JsonValue v;
      v.kind = JsonKind::Null;
      v.offset = offset;
      return push(v, out);
    }
    }
    return markBroken();
  }

  static bool parseNumberText(std::string_view token, double& out) {
    auto result = std::from_chars(token.data(), token.data() + token.size(), out);
    return result.ec == std::errc() || result.ec == std::errc::result_out_of_range;
  }

  bool checkDepth(uint32_t depth, uint32_t offset) {
    if (depth <= options_.limits.maxNestingDepth) return true;
    Diagnostic d = makeDiagnostic(DiagCode::NestingTooDeep,
                                  "JSON nesting is deeper than the limit of " +
                                      std::to_string(options_.limits.maxNestingDepth) +
                                      " levels (--max-nesting-depth)");
    d.location.offset = offset;
    fatal_ = std::move(d);
    return false;
  }

  bool walkObject(od::object object, uint32_t offset, uint32_t depth, uint32_t& out) {
    if (!checkDepth(depth, offset)) return false;
    std::vector<JsonMember> members;
    for (auto fieldResult : object) {
      od::field field;
      if (std::move(fieldResult).get(field)) return markBroken();
      const char* rawKey = field.key().raw();
      uint32_t keyOffset = offsetOf(rawKey) - 1;
      std::string_view key;
      if (field.unescaped_key().get(key)) return markBroken();
      JsonMember m{};
      m.keyOffset = keyOffset;
      uint32_t keyIndex = internString(key);
      m.key = std::string_view(tree_->strings_.data() + keyIndex, key.size());
      if (!walkValue(field.value(), depth, m.value)) return false;
      if (options_.rejectDuplicateKeys) {
        for (const JsonMember& earlier : members) {
          if (earlier.key == m.key) {
            Diagnostic d = makeDiagnostic(DiagCode::DuplicateKey,
                                          "duplicate key \"" + std::string(m.key) + "\" in an object");
            d.location.offset = keyOffset;
            d.notes.push_back("the first \"" + std::string(m.key) + "\" is at byte " +
                              std::to_string(earlier.keyOffset));
            problems_.push_back(std::move(d));
            break;
          }
        }
      }
      members.push_back(m);
    }
    JsonValue v;
    v.kind = JsonKind::Object;
    v.offset = offset;
    v.first = static_cast<uint32_t>(tree_->members_.size());
    v.count = static_cast<uint32_t>(members.size());
    tree_->members_.insert(tree_->members_.end(), members.begin(), members.end());
    return push(v, out);
  }

  bool walkArray(od::array array, uint32_t offset, uint32_t depth, uint32_t& out) {
    if (!checkDepth(depth, offset)) return false;
    std::vector<uint32_t> elements;
    for (auto elementResult : array) {
      od::value element;
      if (std::move(elementResult).get(element)) return markBroken();
      uint32_t index = 0;
      if (!walkValue(element, depth, index)) return false;
      elements.push_back(index);
    }
    JsonValue v;
    v.kind = JsonKind::Array;
    v.offset = offset;
    v.first = static_cast<uint32_t>(tree_->elements_.size());
    v.count = static_cast<uint32_t>(elements.size());
    tree_->elements_.insert(tree_->elements_.end(), elements.begin(), elements.end());
    return push(v, out);
  }

  uint32_t internString(std::string_view s) {
    uint32_t at = static_cast<uint32_t>(tree_->strings_.size());
    tree_->strings_.append(s);
    return at;
  }

  bool push(const JsonValue& v, uint32_t& out) {
    out = static_cast<uint32_t>(tree_->values_.size());
    tree_->values_.push_back(v);
    return true;
  }

  // A simdjson error: the strict scanner will say where and why.
  bool markBroken() {
    fatal_ = makeDiagnostic(DiagCode::InvalidJson, "the JSON parser rejected the input");
    broken_ = true;
    return false;
  }

  const ParseOptions& options_;
  JsonTree* tree_ = nullptr;
  std::vector<Diagnostic> problems_;
  std::optional<Diagnostic> fatal_;
  bool broken_ = false;

};

Result<ParsedJson> parseJson(std::string text, const ParseOptions& options) {
  JsonTreeBuilder builder(options);
  return builder.build(std::move(text));
}

} // namespace asl::front
