// Builds a JsonTree with simdjson's On-Demand API, recording the byte offset of every key and
// value. Nothing borrowed from simdjson outlives parsing: strings are copied into the tree.
#include "compiler/front/json_tree.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>

#include "runtime/base/json_error_locator.h"

namespace asl::front {

namespace od = simdjson::ondemand;

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool readHex4(std::string_view s, size_t at, uint32_t& out) {
  if (at + 4 > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + 4; ++i) {
    int h = hexValue(s[i]);
    if (h < 0) return false;
    out = out * 16 + static_cast<uint32_t>(h);
  }
  return true;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the escapes of a JSON string body. simdjson's own unescaper is reachable only
// through its iterator, and only escaped strings (rare in definitions) come here. A lone
// surrogate becomes U+FFFD, as it has no UTF-8 form.
bool unescapeJsonString(std::string_view s, std::string& out) {
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i >= s.size()) return false;
    switch (s[i]) {
    case '"': out.push_back('"'); break;
    case '\\': out.push_back('\\'); break;
    case '/': out.push_back('/'); break;
    case 'b': out.push_back('\b'); break;
    case 'f': out.push_back('\f'); break;
    case 'n': out.push_back('\n'); break;
    case 'r': out.push_back('\r'); break;
    case 't': out.push_back('\t'); break;
    case 'u': {
      uint32_t cp = 0;
      if (!readHex4(s, i + 1, cp)) return false;
      i += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low = 0;
        if (i + 2 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u' && readHex4(s, i + 3, low) &&
            low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        } else {
          cp = 0xFFFD;
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      appendUtf8(out, cp);
      break;
    }
    default: return false;
    }
  }
  return true;
}

} // namespace

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

JsonTree::Buffers& JsonTree::bufferPool() {
  thread_local Buffers pool;
  return pool;
}

JsonTree::~JsonTree() {
  // Hand the buffers to this thread's next parse, so repeated parsing reuses warm memory
  // instead of faulting in fresh pages.
  Buffers& pool = bufferPool();
  if (pool.values.capacity() < values_.capacity()) pool.values = std::move(values_);
  if (pool.members.capacity() < members_.capacity()) pool.members = std::move(members_);
  if (pool.elements.capacity() < elements_.capacity()) pool.elements = std::move(elements_);
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

  Result<ParsedJson> build(std::shared_ptr<const std::string> sourceText) {
    auto tree = std::make_shared<JsonTree>();
    tree_ = tree.get();
    size_t size = sourceText->size();
    if (size > options_.limits.maxDefinitionBytes) {
      return fail(makeDiagnostic(DiagCode::DefinitionTooLarge,
                                 "the definition is " + std::to_string(size) +
                                     " bytes; the limit is " +
                                     std::to_string(options_.limits.maxDefinitionBytes) +
                                     " bytes (--max-definition-bytes)"));
    }
    if (sourceText->capacity() < size + simdjson::SIMDJSON_PADDING) sourceText = makePaddedSource(*sourceText);
    tree->source_ = std::move(sourceText);
    base_ = tree->source_->data();
    // Buffers come from the thread's pool (what the last destroyed tree left) and go to the new
    // tree without a copy. Reserving generously only claims address space: pages are touched,
    // and faulted in, as values are written.
    JsonTree::Buffers& pool = JsonTree::bufferPool();
    tree->values_ = std::move(pool.values);
    tree->members_ = std::move(pool.members);
    tree->elements_ = std::move(pool.elements);
    tree->values_.clear();
    tree->members_.clear();
    tree->elements_.clear();
    tree->values_.reserve(size / 4 + 16);
    tree->members_.reserve(size / 8 + 16);
    tree->elements_.reserve(size / 16 + 16);

    std::string_view source = tree->text();
    if (source.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return fail(makeDiagnostic(DiagCode::MissingDescription,
                                 "the definition is empty: expected a JSON object"));
    }

    // One parser per thread, reused: simdjson's buffers are sized to the largest document seen,
    // so repeated parses neither allocate nor fault in fresh pages.
    thread_local od::parser parser;
    simdjson::padded_string_view input(base_, size, tree->source_->capacity());
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
    return static_cast<uint32_t>(p - base_);
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
      od::raw_json_string raw;
      if (value.get_raw_json_string().get(raw)) return markBroken();
      RawString body = scanString(raw.raw());
      JsonValue v;
      v.kind = JsonKind::String;
      v.offset = offset;
      if (!body.escaped) {
        v.first = offset + 1;
        v.count = static_cast<uint32_t>(body.text.size());
      } else {
        std::string decoded;
        if (!unescapeJsonString(body.text, decoded)) return markBroken();
        v.escaped = true;
        v.count = static_cast<uint32_t>(decoded.size());
        v.first = static_cast<uint32_t>(tree_->escaped_.size());
        tree_->escaped_.push_back(std::move(decoded));
      }
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

  // The JSON pointer of the value being walked, for problems found while parsing.
  std::string currentPointer() const {
    std::string pointer;
    for (const PathStep& step : path_)
      pointer = step.isIndex ? appendPointer(pointer, static_cast<size_t>(step.index)) : appendPointer(pointer, step.key);
    return pointer.empty() ? "/" : pointer;
  }

  bool checkDepth(uint32_t depth, uint32_t offset) {
    if (depth <= options_.limits.maxNestingDepth) return true;
    Diagnostic d = makeDiagnostic(DiagCode::NestingTooDeep,
                                  "JSON nesting is deeper than the limit of " +
                                      std::to_string(options_.limits.maxNestingDepth) +
                                      " levels (--max-nesting-depth)",
                                  currentPointer());
    d.location.offset = offset;
    fatal_ = std::move(d);
    return false;
  }

  // Cheap key fingerprint so the duplicate check compares bytes only on a likely match.
  static uint64_t keyHash(std::string_view key) {
    uint64_t h = 1469598103934665603ull;
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }

  bool walkObject(od::object object, uint32_t offset, uint32_t depth, uint32_t& out) {
    if (!checkDepth(depth, offset)) return false;
    // Members of nested objects are collected on one shared stack, then moved to the tree in
    // one block, so each object's members stay contiguous without a vector per object.
    size_t base = memberStack_.size();
    for (auto fieldResult : object) {
      od::field field;
      if (std::move(fieldResult).get(field)) return markBroken();
      const char* rawKey = field.key().raw();
      uint32_t keyOffset = offsetOf(rawKey) - 1;
      RawString body = scanString(rawKey);
      JsonMember m{};
      m.keyOffset = keyOffset;
      if (!body.escaped) {
        m.key = body.text;
      } else {
        std::string decoded;
        if (!unescapeJsonString(body.text, decoded)) return markBroken();
        m.key = tree_->escaped_.emplace_back(std::move(decoded));
      }
      uint64_t hash = keyHash(m.key);
      if (options_.rejectDuplicateKeys) {
        for (size_t i = base; i < memberStack_.size(); ++i) {
          if (hashStack_[i] == hash && memberStack_[i].key == m.key) {
            path_.push_back({m.key, 0, false});
            Diagnostic d = makeDiagnostic(DiagCode::DuplicateKey,
                                          "duplicate key \"" + std::string(m.key) + "\" in an object",
                                          currentPointer());
            path_.pop_back();
            d.location.offset = keyOffset;
            d.notes.push_back("the first \"" + std::string(m.key) + "\" is at byte " +
                              std::to_string(memberStack_[i].keyOffset));
            problems_.push_back(std::move(d));
            break;
          }
        }
      }
      // Reserve the slot before walking the value: nested objects push onto the same stack.
      size_t slot = memberStack_.size();
      memberStack_.push_back(m);
      hashStack_.push_back(hash);
      path_.push_back({m.key, 0, false});
      if (!walkValue(field.value(), depth, m.value)) return false;
      path_.pop_back();
      memberStack_[slot].value = m.value;
    }
    JsonValue v;
    v.kind = JsonKind::Object;
    v.offset = offset;
    v.first = static_cast<uint32_t>(tree_->members_.size());
    v.count = static_cast<uint32_t>(memberStack_.size() - base);
    tree_->members_.insert(tree_->members_.end(), memberStack_.begin() + static_cast<std::ptrdiff_t>(base),
                           memberStack_.end());
    memberStack_.resize(base);
    hashStack_.resize(base);
    return push(v, out);
  }

  bool walkArray(od::array array, uint32_t offset, uint32_t depth, uint32_t& out) {
    if (!checkDepth(depth, offset)) return false;
    size_t base = elementStack_.size();
    for (auto elementResult : array) {
      od::value element;
      if (std::move(elementResult).get(element)) return markBroken();
      uint32_t index = 0;
      path_.push_back({{}, elementStack_.size() - base, true});
      if (!walkValue(element, depth, index)) return false;
      path_.pop_back();
      elementStack_.push_back(index);
    }
    JsonValue v;
    v.kind = JsonKind::Array;
    v.offset = offset;
    v.first = static_cast<uint32_t>(tree_->elements_.size());
    v.count = static_cast<uint32_t>(elementStack_.size() - base);
    tree_->elements_.insert(tree_->elements_.end(), elementStack_.begin() + static_cast<std::ptrdiff_t>(base),
                            elementStack_.end());
    elementStack_.resize(base);
    return push(v, out);
  }

  // A string's source between its quotes. Strings without escapes (nearly all of them in a
  // definition) are then viewed in place: no copy, and no call into simdjson's unescaper.
  struct RawString {
    std::string_view text;
    bool escaped;
  };
  RawString scanString(const char* begin) const {
    const char* end = base_ + tree_->source_->size();
    const char* p = begin;
    bool escaped = false;
    while (p < end && *p != '"') {
      if (*p == '\\') {
        escaped = true;
        p += 2;
      } else {
        ++p;
      }
    }
    return {std::string_view(begin, static_cast<size_t>(std::min(p, end) - begin)), escaped};
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


  struct PathStep {
    std::string_view key;
    size_t index;
    bool isIndex;
  };
  std::vector<PathStep> path_;

  const ParseOptions& options_;
  JsonTree* tree_ = nullptr;
  const char* base_ = nullptr;
  std::vector<Diagnostic> problems_;
  std::vector<JsonMember> memberStack_;
  std::vector<uint64_t> hashStack_;
  std::vector<uint32_t> elementStack_;
  std::optional<Diagnostic> fatal_;
  bool broken_ = false;

};

std::shared_ptr<const std::string> makePaddedSource(std::string text) {
  if (text.capacity() >= text.size() + simdjson::SIMDJSON_PADDING) return std::make_shared<const std::string>(std::move(text));
  auto padded = std::make_shared<std::string>();
  padded->reserve(text.size() + simdjson::SIMDJSON_PADDING);
  padded->append(text);
  return padded;
}

Result<ParsedJson> parseJson(std::shared_ptr<const std::string> source, const ParseOptions& options) {
  JsonTreeBuilder builder(options);
  return builder.build(std::move(source));
}

Result<ParsedJson> parseJson(std::string text, const ParseOptions& options) {
  return parseJson(makePaddedSource(std::move(text)), options);
}

} // namespace asl::front
