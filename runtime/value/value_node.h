// The heap payloads behind asl::Value (strings, arrays, objects); internal to runtime/value.
//
// Each payload is one allocation: its header, then its bytes, items or members inline, so
// building an object costs one malloc, not one for the node and one for a vector.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "asl/value.h"

namespace asl::detail {

// Every payload starts with a HeapNode (asl/value.h): its reference count. Immortal payloads
// (interned strings: the keys of compiled templates) are never freed and skip the count, so
// the keys every state writes cost no atomic operations.

// The compact JSON size of a payload, computed on first request (0: not yet). Values never
// change, so once known it stays right: a state that wraps a large document in a new object
// then pays only for the new parts when its payload size is checked.
struct SizedNode : HeapNode {
  mutable std::atomic<size_t> jsonSize{0};
};

// The header, then `size` bytes and a NUL (so the bytes can reach C APIs).
struct StringNode : SizedNode {
  size_t size = 0;
  const char* bytes() const { return reinterpret_cast<const char*>(this + 1); }
  char* bytes() { return reinterpret_cast<char*>(this + 1); }
  std::string_view view() const { return {bytes(), size}; }
};

// The header, then `capacity` item slots of which the first `size` are live.
struct ArrayNode : SizedNode {
  uint32_t size = 0;
  uint32_t capacity = 0;
  Value* data() { return reinterpret_cast<Value*>(this + 1); }
  const Value* data() const { return reinterpret_cast<const Value*>(this + 1); }
  std::span<const Value> items() const { return {data(), size}; }
};

// The header, then `capacity` member slots of which the first `size` are live, then for
// objects above Value::kIndexedMembers an open-addressing index: `slotCount` uint32 slots
// (a power of two at least twice the member count, so probes stay short), each a member
// index + 1, 0 = empty.
struct ObjectNode : SizedNode {
  uint32_t size = 0;
  uint32_t capacity = 0;
  uint32_t slotCount = 0;
  Member* data() { return reinterpret_cast<Member*>(this + 1); }
  const Member* data() const { return reinterpret_cast<const Member*>(this + 1); }
  std::span<const Member> members() const { return {data(), size}; }
  uint32_t* slots() { return reinterpret_cast<uint32_t*>(data() + capacity); }
  const uint32_t* slots() const { return reinterpret_cast<const uint32_t*>(data() + capacity); }
};

static_assert(sizeof(ArrayNode) % alignof(Value) == 0 && sizeof(ObjectNode) % alignof(Member) == 0,
              "items and members follow their headers aligned");

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
