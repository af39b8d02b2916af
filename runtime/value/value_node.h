// The heap payloads behind asl::Value (strings, arrays, objects); internal to runtime/value.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "asl/value.h"

namespace asl::detail {

// Every payload starts with its reference count; the handle's kind says which payload follows.
struct HeapNode {
  std::atomic<size_t> refs{1};
};

// One allocation: the header, then `size` bytes and a NUL (so the bytes can reach C APIs).
struct StringNode : HeapNode {
  size_t size = 0;
  const char* bytes() const { return reinterpret_cast<const char*>(this + 1); }
  char* bytes() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() const { return {bytes(), size}; }
};

struct ArrayNode : HeapNode {
  std::vector<Value> items;
  // The compact JSON size, computed on first request (0: not yet). Values never change, so
  // once known it stays right; a state that wraps a large document in a new object then pays
  // only for the new parts when its payload size is checked.
  mutable std::atomic<size_t> jsonSize{0};
};

struct ObjectNode : HeapNode {
  std::vector<Member> members;
  // Open addressing over `members` for objects above Value::kIndexedMembers: slot = member
  // index + 1, 0 = empty; the size is a power of two at least twice the member count, so
  // probes stay short. Empty for small objects.
  std::vector<uint32_t> slots;
  mutable std::atomic<size_t> jsonSize{0}; ///< as ArrayNode::jsonSize
};

// Reads and detaches the node of a handle without touching its reference count.
struct ValueAccess {
  static HeapNode* node(const Value& v) { return v.payload_.node; }
  static const StringNode& string(const Value& v) {
    return *static_cast<const StringNode*>(v.payload_.node);
  }
  static const ArrayNode& array(const Value& v) {
    return *static_cast<const ArrayNode*>(v.payload_.node);
  }
  static const ObjectNode& object(const Value& v) {
    return *static_cast<const ObjectNode*>(v.payload_.node);
  }
  static Value adopt(ValueKind kind, HeapNode* node) {
    Value v;
    v.kind_ = kind;
    v.payload_.node = node;
    return v;
  }
  // Leaves `v` null and hands its node (with the reference it held) to the caller.
  static HeapNode* detach(Value& v) {
    HeapNode* n = v.payload_.node;
    v.kind_ = ValueKind::Null;
    v.payload_.integer = 0;
    return n;
  }
};

} // namespace asl::detail
