// JSON output for asl::Value: compact (AWS's form), pretty, and the size of the compact form.
#include "runtime/value/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <vector>

#include "runtime/base/json_escape.h"
#include "runtime/value/value_node.h"

namespace asl {
namespace {

constexpr size_t kNumberBuffer = 40; // "-1.2345678901234567E-308" fits with room to spare

// Formats a finite double as Java's Double.toString does; returns the length written.
size_t formatDouble(double d, char* out) {
  char* p = out;
  if (d == 0) {
    const char* zero = std::signbit(d) ? "-0.0" : "0.0";
    size_t n = std::strlen(zero);
    std::memcpy(out, zero, n);
    return n;
  }
  // Shortest round-trip digits from to_chars, laid out afresh: "[-]D[.DDD]e[+-]XX".
  char sci[kNumberBuffer];
  char* end = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific).ptr;
  if (std::find(sci, end, '.') == end) {
    // Java always prints a second significant digit, and when one digit would do it prints
    // the two-digit decimal closest to d: 4.9E-324, not 5.0E-324, for the smallest double.
    end = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific, 1).ptr;
  }
  const char* s = sci;
  if (*s == '-') {
    *p++ = '-';
    ++s;
  }
  char digits[24];
  size_t count = 0;
  while (s < end && *s != 'e') {
    if (*s != '.') digits[count++] = *s;
    ++s;
  }
  while (count > 1 && digits[count - 1] == '0')
    --count; // 1.0E23 comes back as "10"
  int exponent = 0;
  std::from_chars(s[1] == '+' ? s + 2 : s + 1, end, exponent);

  if (exponent >= -3 && exponent < 7) {
    if (exponent >= 0) {
      for (int i = 0; i <= exponent; ++i)
        *p++ = static_cast<size_t>(i) < count ? digits[i] : '0';
      *p++ = '.';
      if (count > static_cast<size_t>(exponent) + 1) {
        for (size_t i = static_cast<size_t>(exponent) + 1; i < count; ++i)
          *p++ = digits[i];
      } else {
        *p++ = '0';
      }
    } else {
      *p++ = '0';
      *p++ = '.';
      for (int i = -1; i > exponent; --i)
        *p++ = '0';
      for (size_t i = 0; i < count; ++i)
        *p++ = digits[i];
    }
    return static_cast<size_t>(p - out);
  }
  *p++ = digits[0];
  *p++ = '.';
  if (count > 1) {
    for (size_t i = 1; i < count; ++i)
      *p++ = digits[i];
  } else {
    *p++ = '0';
  }
  *p++ = 'E';
  p = std::to_chars(p, out + kNumberBuffer, exponent).ptr;
  return static_cast<size_t>(p - out);
}

size_t formatNumber(const Value& v, char* out) {
  if (v.isInteger())
    return static_cast<size_t>(std::to_chars(out, out + kNumberBuffer, v.asInteger()).ptr - out);
  return formatDouble(v.asDouble(), out);
}

struct StringSink {
  std::string& out;
  void put(char c) { out.push_back(c); }
  void put(std::string_view s) { out.append(s); }
  void putString(std::string_view s) { appendJsonString(out, s); }
};

struct SizeSink {
  size_t size = 0;
  void put(char) { ++size; }
  void put(std::string_view s) { size += s.size(); }
  void putString(std::string_view s) { size += jsonStringSize(s); }
};

// One open array or object: which child comes next.
struct Frame {
  const Value* container;
  size_t next;
};

template <class Sink> void newline(Sink& sink, int indent, size_t depth) {
  sink.put('\n');
  for (size_t i = 0; i < depth * static_cast<size_t>(indent); ++i)
    sink.put(' ');
}

// Writes `root` with an explicit stack, so nesting depth costs heap rather than call stack.
// indent == 0 is the compact form.
template <class Sink> void writeJson(Sink& sink, const Value& root, int indent) {
  std::vector<Frame> stack;
  const Value* current = &root;
  while (true) {
    if (current) {
      switch (current->kind()) {
      case ValueKind::Null:
        sink.put("null");
        break;
      case ValueKind::Bool:
        sink.put(current->asBool() ? std::string_view("true") : "false");
        break;
      case ValueKind::Number: {
        char buffer[kNumberBuffer];
        sink.put(std::string_view(buffer, formatNumber(*current, buffer)));
        break;
      }
      case ValueKind::String:
        sink.putString(current->asString());
        break;
      case ValueKind::Array:
      case ValueKind::Object:
        if (current->size() == 0) {
          sink.put(current->isArray() ? std::string_view("[]") : "{}");
          break;
        }
        sink.put(current->isArray() ? '[' : '{');
        stack.push_back(Frame{current, 0});
        break;
      }
      current = nullptr;
    }
    if (stack.empty()) return;
    Frame& top = stack.back();
    if (top.next == top.container->size()) {
      if (indent > 0) newline(sink, indent, stack.size() - 1);
      sink.put(top.container->isArray() ? ']' : '}');
      stack.pop_back();
      continue;
    }
    if (top.next > 0) sink.put(',');
    if (indent > 0) newline(sink, indent, stack.size());
    if (top.container->isArray()) {
      current = &top.container->items()[top.next];
    } else {
      const Member& m = top.container->members()[top.next];
      sink.putString(m.key.asString());
      sink.put(indent > 0 ? std::string_view(": ") : ":");
      current = &m.value;
    }
    ++top.next;
  }
}

} // namespace

void appendJsonDouble(std::string& out, double d) {
  char buffer[kNumberBuffer];
  out.append(buffer, formatDouble(d, buffer));
}

void appendJson(std::string& out, const Value& value) {
  StringSink sink{out};
  writeJson(sink, value, 0);
}

std::string toJson(const Value& value) {
  std::string out;
  appendJson(out, value);
  return out;
}

std::string toPrettyJson(const Value& value, int indent) {
  std::string out;
  StringSink sink{out};
  writeJson(sink, value, indent < 0 ? 0 : indent);
  return out;
}

namespace {

size_t integerSize(int64_t i) {
  size_t size = i < 0 ? 2 : 1;
  uint64_t magnitude = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  while (magnitude >= 10) {
    magnitude /= 10;
    ++size;
  }
  return size;
}

std::atomic<size_t>* cachedSizeOf(const Value& value) {
  using detail::ValueAccess;
  if (value.kind() < ValueKind::String) return nullptr;
  // Strings, arrays and objects all start with a SizedNode.
  return &static_cast<const detail::SizedNode*>(ValueAccess::node(value))->jsonSize;
}

// Scalars and strings; a string's size (its escapes counted) is kept with it, since keys and
// shared strings are measured again in every payload they appear in.
size_t leafSize(const Value& value) {
  switch (value.kind()) {
  case ValueKind::Null:
    return 4;
  case ValueKind::Bool:
    return value.asBool() ? 4 : 5;
  case ValueKind::Number:
    if (value.isInteger()) return integerSize(value.asInteger());
    break;
  case ValueKind::String: {
    std::atomic<size_t>* cache = cachedSizeOf(value);
    if (size_t known = cache->load(std::memory_order_relaxed)) return known;
    size_t size = jsonStringSize(value.asString());
    cache->store(size, std::memory_order_relaxed);
    return size;
  }
  default:
    break;
  }
  SizeSink sink;
  writeJson(sink, value, 0);
  return sink.size;
}

} // namespace

// Post-order over the containers whose size is not cached yet, with an explicit stack: values
// may nest far deeper than the call stack allows.
size_t jsonSize(const Value& value) {
  if (!value.isArray() && !value.isObject()) return leafSize(value);
  std::atomic<size_t>* rootCache = cachedSizeOf(value);
  if (size_t known = rootCache->load(std::memory_order_relaxed)) return known;
  struct Pending {
    const Value* container = nullptr;
    size_t next = 0; // child to visit next
    size_t size = 2; // brackets so far
  };
  // The first levels live on the stack: a state's new output is usually a shallow object
  // over cached parts, and measuring it should not allocate.
  constexpr size_t kLocalDepth = 32;
  Pending local[kLocalDepth];
  std::vector<Pending> deeper;
  size_t depth = 0;
  auto frame = [&](size_t level) -> Pending& {
    return level < kLocalDepth ? local[level] : deeper[level - kLocalDepth];
  };
  auto push = [&](const Value* container) {
    if (depth < kLocalDepth)
      local[depth] = Pending{container};
    else
      deeper.push_back(Pending{container});
    ++depth;
  };
  push(&value);
  for (;;) {
    Pending& top = frame(depth - 1);
    const Value& c = *top.container;
    size_t count = c.size();
    if (top.next < count) {
      size_t i = top.next++;
      bool isObject = c.isObject();
      const Value& child = isObject ? c.members()[i].value : c.items()[i];
      if (i > 0) top.size += 1;
      if (isObject) top.size += leafSize(c.members()[i].key) + 1;
      if (!child.isArray() && !child.isObject()) {
        top.size += leafSize(child);
      } else if (size_t known = cachedSizeOf(child)->load(std::memory_order_relaxed)) {
        top.size += known;
      } else {
        push(&child);
      }
      continue;
    }
    size_t size = top.size;
    cachedSizeOf(c)->store(size, std::memory_order_relaxed);
    if (depth > kLocalDepth) deeper.pop_back();
    --depth;
    if (depth == 0) return size;
    frame(depth - 1).size += size;
  }
}

} // namespace asl
