// parseJsonValue: simdjson DOM parse, then an iterative copy into asl::Value.
#include "runtime/value/json_reader.h"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "runtime/base/json_error_locator.h"
#include "runtime/base/source_map.h"

namespace asl {
namespace {

namespace dom = simdjson::dom;

Diagnostic located(DiagCode code, std::string message, std::string_view text, size_t offset) {
  Diagnostic d = makeDiagnostic(code, std::move(message));
  d.location = SourceMap("", text).locate(static_cast<uint32_t>(offset));
  d.location.offset = static_cast<uint32_t>(offset);
  return d;
}

// Where nesting first exceeds `maxDepth`: the bracket that opens level maxDepth + 1. Runs only
// after a failure, on text that is otherwise well-formed.
size_t offsetPastDepth(std::string_view text, uint32_t maxDepth) {
  uint64_t depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 0;
}

Diagnostic depthFailure(std::string_view text, uint32_t maxDepth) {
  return located(DiagCode::NestingTooDeep,
                 "JSON nesting is deeper than the limit of " + std::to_string(maxDepth) + " levels",
                 text, offsetPastDepth(text, maxDepth));
}

// Calls `visit(start, end)` for every number token outside strings, in order.
template <class Visit> void forEachNumber(std::string_view text, Visit&& visit) {
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < text.size() && std::strchr("0123456789+-.eE", text[end]) && text[end] != '\0')
        ++end;
      visit(i, end);
      i = end - 1;
    }
  }
}

bool isIntegerToken(std::string_view token) {
  return token.find_first_of(".eE") == std::string_view::npos;
}

// simdjson rejects integers beyond 64 bits; Jackson reads them (as BigInteger), and AWS then
// treats them as numbers. Appending ".0" turns each such token into a decimal simdjson reads
// as the nearest double. Runs only after simdjson has refused the text.
std::string widenBigIntegers(std::string_view text) {
  std::string out;
  size_t copied = 0;
  forEachNumber(text, [&](size_t start, size_t end) {
    std::string_view token = text.substr(start, end - start);
    int64_t fits = 0;
    if (!isIntegerToken(token) ||
        std::from_chars(token.data(), token.data() + token.size(), fits).ec !=
            std::errc::result_out_of_range)
      return;
    out.append(text.substr(copied, end - copied));
    out += ".0";
    copied = end;
  });
  out.append(text.substr(copied));
  return out;
}

// The first decimal too large for a double (1e400), which no reading can represent.
std::optional<size_t> findOverflowingNumber(std::string_view text) {
  std::optional<size_t> found;
  forEachNumber(text, [&](size_t start, size_t end) {
    if (found) return;
    std::string token(text.substr(start, end - start));
    if (std::isinf(std::strtod(token.c_str(), nullptr))) found = start;
  });
  return found;
}

// A JSON document repeats the same keys (an array of records): the reader shares one key
// string per distinct key among recent ones instead of allocating it for every object.
// Direct-mapped and fixed in size, so it needs no allocation of its own and cannot grow.
class KeyCache {
public:
  Value get(std::string_view key) {
    if (key.size() > kMaxKeyBytes) return Value::string(key);
    Value& slot = slots_[std::hash<std::string_view>{}(key) % kSlots];
    if (!slot.isString() || slot.asString() != key) slot = Value::string(key);
    return slot;
  }

private:
  static constexpr size_t kSlots = 256;
  static constexpr size_t kMaxKeyBytes = 64;
  Value slots_[kSlots];
};

// Jackson keeps the last value of a repeated key at its first position.
void mergeDuplicateKeys(std::vector<Member>& members) {
  auto keep = [&](auto&& firstIndexOf) {
    size_t out = 0;
    for (size_t i = 0; i < members.size(); ++i) {
      size_t first = firstIndexOf(i, out);
      if (first == out) {
        if (out != i) members[out] = std::move(members[i]);
        ++out;
      } else {
        members[first].value = std::move(members[i].value);
      }
    }
    members.resize(out);
  };
  if (members.size() <= Value::kIndexedMembers) {
    bool duplicated = false;
    for (size_t i = 1; i < members.size() && !duplicated; ++i)
      for (size_t j = 0; j < i && !duplicated; ++j)
        duplicated = members[i].key.asString() == members[j].key.asString();
    if (!duplicated) return;
    keep([&](size_t i, size_t out) {
      for (size_t j = 0; j < out; ++j)
        if (members[j].key.asString() == members[i].key.asString()) return j;
      return out;
    });
    return;
  }
  std::unordered_map<std::string_view, size_t> seen;
  seen.reserve(members.size());
  bool duplicated = false;
  for (const Member& m : members)
    duplicated |= !seen.emplace(m.key.asString(), 0).second;
  if (!duplicated) return;
  seen.clear();
  keep([&](size_t i, size_t out) {
    auto [it, inserted] = seen.emplace(members[i].key.asString(), out);
    return inserted ? out : it->second;
  });
}

// One open container of the DOM being copied.
struct Frame {
  bool isObject = false;
  Value keyInParent; // where the finished container goes when its parent is an object
  dom::array::iterator item, itemsEnd;
  dom::object::iterator member, membersEnd;
  std::vector<Value> items;
  std::vector<Member> members;
};

enum class StepKind : uint8_t { Scalar, Container, TooDeep };

class Converter {
public:
  explicit Converter(uint32_t maxDepth) : maxDepth_(maxDepth) {}

  // Copies the DOM with an explicit stack, so nesting costs heap, not call stack. False when
  // the nesting exceeds the limit.
  bool convert(dom::element root, Value& done) {
    StepKind step = enter(root, Value(), done);
    if (step == StepKind::TooDeep) return false;
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      dom::element next;
      Value key;
      if (top.isObject) {
        if (top.member == top.membersEnd) {
          finish(done);
          continue;
        }
        dom::key_value_pair kv = *top.member;
        ++top.member;
        key = keys_.get(kv.key);
        next = kv.value;
      } else {
        if (top.item == top.itemsEnd) {
          finish(done);
          continue;
        }
        next = *top.item;
        ++top.item;
      }
      step = enter(next, std::move(key), done);
      if (step == StepKind::TooDeep) return false;
    }
    return true;
  }

private:
  // A scalar goes straight into the open container (or `out` at the root); a container opens a
  // frame that finish() closes.
  StepKind enter(dom::element e, Value key, Value& out) {
    Value scalar;
    switch (e.type()) {
    case dom::element_type::ARRAY: {
      if (stack_.size() >= maxDepth_) return StepKind::TooDeep;
      dom::array a = e.get_array().value_unsafe();
      Frame& f = stack_.emplace_back();
      f.keyInParent = std::move(key);
      f.item = a.begin();
      f.itemsEnd = a.end();
      f.items.reserve(a.size());
      return StepKind::Container;
    }
    case dom::element_type::OBJECT: {
      if (stack_.size() >= maxDepth_) return StepKind::TooDeep;
      dom::object o = e.get_object().value_unsafe();
      Frame& f = stack_.emplace_back();
      f.isObject = true;
      f.keyInParent = std::move(key);
      f.member = o.begin();
      f.membersEnd = o.end();
      f.members.reserve(o.size());
      return StepKind::Container;
    }
    case dom::element_type::INT64:
      scalar = Value::integer(e.get_int64().value_unsafe());
      break;
    case dom::element_type::UINT64:
      scalar = Value::number(static_cast<double>(e.get_uint64().value_unsafe()));
      break;
    case dom::element_type::DOUBLE:
      scalar = Value::number(e.get_double().value_unsafe());
      break;
    case dom::element_type::STRING:
      scalar = Value::string(e.get_string().value_unsafe());
      break;
    case dom::element_type::BOOL:
      scalar = Value::boolean(e.get_bool().value_unsafe());
      break;
    case dom::element_type::NULL_VALUE:
      break;
    }
    if (stack_.empty())
      out = std::move(scalar);
    else
      place(std::move(key), std::move(scalar));
    return StepKind::Scalar;
  }

  void finish(Value& done) {
    Frame& top = stack_.back();
    Value key = std::move(top.keyInParent);
    Value built;
    if (top.isObject) {
      mergeDuplicateKeys(top.members);
      built = Value::object(std::move(top.members));
    } else {
      built = Value::array(std::move(top.items));
    }
    stack_.pop_back();
    if (stack_.empty())
      done = std::move(built);
    else
      place(std::move(key), std::move(built));
  }

  void place(Value key, Value value) {
    Frame& f = stack_.back();
    if (f.isObject)
      f.members.push_back(Member{std::move(key), std::move(value)});
    else
      f.items.push_back(std::move(value));
  }

  uint32_t maxDepth_;
  std::vector<Frame> stack_;
  KeyCache keys_;
};

} // namespace

Result<Value> parseJsonValue(std::string_view text, const JsonReadLimits& limits) {
  if (text.size() > limits.maxBytes) {
    return fail(
        makeDiagnostic(DiagCode::InvalidJson, "the JSON text is " + std::to_string(text.size()) +
                                                  " bytes; the limit is " +
                                                  std::to_string(limits.maxBytes) + " bytes"));
  }
  // One parser and one padded copy buffer per thread, reused: simdjson's buffers are sized
  // to the largest document seen, so repeated parses neither allocate nor fault in pages.
  thread_local dom::parser parser;
  thread_local std::vector<char> padded;
  // simdjson's own depth limit must not stop a document that ours accepts.
  size_t wantDepth = static_cast<size_t>(limits.maxDepth) + 2;
  if (parser.max_depth() < wantDepth) {
    if (parser.allocate(std::max(parser.capacity(), text.size()), wantDepth)) {
      return fail(makeDiagnostic(DiagCode::InvalidJson, "out of memory preparing the JSON parser"));
    }
  }
  if (padded.size() < text.size() + simdjson::SIMDJSON_PADDING)
    padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  if (!text.empty()) std::memcpy(padded.data(), text.data(), text.size());
  std::memset(padded.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);

  dom::element root;
  simdjson::error_code error = parser.parse(padded.data(), text.size(), false).get(root);
  std::string widened;
  if (error) {
    if (auto syntax = locateJsonError(text))
      return fail(located(DiagCode::InvalidJson, syntax->message, text, syntax->offset));
    if (error == simdjson::DEPTH_ERROR) return fail(depthFailure(text, limits.maxDepth));
    if (error == simdjson::NUMBER_ERROR) {
      if (auto at = findOverflowingNumber(text))
        return fail(
            located(DiagCode::InvalidJson, "the number is too large for a double", text, *at));
      widened = widenBigIntegers(text);
      // simdjson reads a std::string with padding of its own making.
      error = parser.parse(widened).get(root);
    }
  }
  if (error) {
    return fail(
        makeDiagnostic(DiagCode::InvalidJson, std::string("the JSON parser rejected the input: ") +
                                                  simdjson::error_message(error)));
  }
  Value value;
  if (!Converter(limits.maxDepth).convert(root, value))
    return fail(depthFailure(text, limits.maxDepth));
  return value;
}

} // namespace asl
