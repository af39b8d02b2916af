// asl::Value: construction, reference counting, iterative teardown, lookup and equality.
#include "asl/value.h"

#include <cassert>
#include <cmath>
#include <cstring>
#include <functional>
#include <new>
#include <utility>

#include "runtime/value/value_node.h"

namespace asl {

using detail::ArrayNode;
using detail::HeapNode;
using detail::ObjectNode;
using detail::StringNode;
using detail::ValueAccess;

namespace {

size_t hashKey(std::string_view key) {
  return std::hash<std::string_view>{}(key);
}

std::string_view keyOf(const Member& m) {
  return ValueAccess::string(m.key).view();
}

void buildIndex(ObjectNode& node) {
  size_t capacity = 1;
  while (capacity < node.members.size() * 2)
    capacity <<= 1;
  node.slots.assign(capacity, 0);
  size_t mask = capacity - 1;
  for (uint32_t i = 0; i < node.members.size(); ++i) {
    size_t slot = hashKey(keyOf(node.members[i])) & mask;
    while (node.slots[slot] != 0) {
      assert(keyOf(node.members[node.slots[slot] - 1]) != keyOf(node.members[i]) &&
             "duplicate object key");
      slot = (slot + 1) & mask;
    }
    node.slots[slot] = i + 1;
  }
}

void freeString(HeapNode* node) {
  auto* s = static_cast<StringNode*>(node);
  s->~StringNode();
  ::operator delete(s);
}

// Drops one reference from a detached node. A container that dies has its children detached
// and pushed on `dead` instead of being destroyed by recursion, so depth costs heap, not stack.
void dropReference(ValueKind kind, HeapNode* node,
                   std::vector<std::pair<ValueKind, HeapNode*>>& dead) {
  // acq_rel: the last owner must see every write other owners made before letting go.
  if (node->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  if (kind == ValueKind::String)
    freeString(node);
  else
    dead.emplace_back(kind, node);
}

void detachChild(Value& child, std::vector<std::pair<ValueKind, HeapNode*>>& dead) {
  if (child.kind() < ValueKind::String) return;
  ValueKind kind = child.kind();
  dropReference(kind, ValueAccess::detach(child), dead);
}

void destroyContainers(std::vector<std::pair<ValueKind, HeapNode*>>& dead) {
  while (!dead.empty()) {
    auto [kind, node] = dead.back();
    dead.pop_back();
    if (kind == ValueKind::Array) {
      auto* array = static_cast<ArrayNode*>(node);
      for (Value& item : array->items)
        detachChild(item, dead);
      delete array; // its items are all null now
    } else {
      auto* object = static_cast<ObjectNode*>(node);
      for (Member& m : object->members) {
        detachChild(m.key, dead);
        detachChild(m.value, dead);
      }
      delete object;
    }
  }
}

} // namespace

void Value::retainNode() const noexcept {
  // relaxed: taking a reference needs no ordering, only the final release does.
  payload_.node->refs.fetch_add(1, std::memory_order_relaxed);
}

void Value::releaseNode() noexcept {
  HeapNode* node = payload_.node;
  if (node->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  if (kind_ == ValueKind::String) {
    freeString(node);
    return;
  }
  std::vector<std::pair<ValueKind, HeapNode*>> dead;
  dead.emplace_back(kind_, node);
  destroyContainers(dead);
}

Value& Value::operator=(const Value& other) noexcept {
  Value copy(other); // copy first: `other` may be owned by this value's payload
  *this = std::move(copy);
  return *this;
}

Value& Value::operator=(Value&& other) noexcept {
  if (this == &other) return *this;
  Value old(std::move(*this)); // released on return, after this handle is valid again
  kind_ = other.kind_;
  integral_ = other.integral_;
  boolean_ = other.boolean_;
  payload_ = other.payload_;
  other.kind_ = ValueKind::Null;
  return *this;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind_ = ValueKind::Bool;
  v.boolean_ = b;
  return v;
}

Value Value::integer(int64_t i) {
  Value v;
  v.kind_ = ValueKind::Number;
  v.integral_ = true;
  v.payload_.integer = i;
  return v;
}

Value Value::number(double d) {
  if (!std::isfinite(d)) return Value();
  Value v;
  v.kind_ = ValueKind::Number;
  v.payload_.real = d;
  return v;
}

Value Value::string(std::string_view s) {
  void* memory = ::operator new(sizeof(StringNode) + s.size() + 1);
  auto* node = new (memory) StringNode();
  node->size = s.size();
  if (!s.empty()) std::memcpy(node->bytes(), s.data(), s.size());
  node->bytes()[s.size()] = '\0';
  return ValueAccess::adopt(ValueKind::String, node);
}

Value Value::array(std::vector<Value> items) {
  auto* node = new ArrayNode();
  node->items = std::move(items);
  return ValueAccess::adopt(ValueKind::Array, node);
}

Value Value::object(std::vector<Member> members) {
  auto* node = new ObjectNode();
  node->members = std::move(members);
#ifndef NDEBUG
  for (const Member& m : node->members)
    assert(m.key.isString() && "object keys are strings");
  if (node->members.size() <= kIndexedMembers) {
    for (size_t i = 0; i < node->members.size(); ++i)
      for (size_t j = i + 1; j < node->members.size(); ++j)
        assert(keyOf(node->members[i]) != keyOf(node->members[j]) && "duplicate object key");
  }
#endif
  if (node->members.size() > kIndexedMembers) buildIndex(*node);
  return ValueAccess::adopt(ValueKind::Object, node);
}

bool Value::asBool() const {
  return kind_ == ValueKind::Bool && boolean_;
}

int64_t Value::asInteger() const {
  if (kind_ != ValueKind::Number) return 0;
  if (integral_) return payload_.integer;
  double d = payload_.real;
  // Saturate instead of the undefined behaviour of an out-of-range conversion.
  if (d >= 9223372036854775807.0) return INT64_MAX;
  if (d <= -9223372036854775808.0) return INT64_MIN;
  return static_cast<int64_t>(d);
}

double Value::asDouble() const {
  if (kind_ != ValueKind::Number) return 0;
  return integral_ ? static_cast<double>(payload_.integer) : payload_.real;
}

std::string_view Value::asString() const {
  return kind_ == ValueKind::String ? ValueAccess::string(*this).view() : std::string_view();
}

std::span<const Value> Value::items() const {
  if (kind_ != ValueKind::Array) return {};
  return ValueAccess::array(*this).items;
}

std::span<const Member> Value::members() const {
  if (kind_ != ValueKind::Object) return {};
  return ValueAccess::object(*this).members;
}

size_t Value::size() const {
  switch (kind_) {
  case ValueKind::String:
    return ValueAccess::string(*this).size;
  case ValueKind::Array:
    return ValueAccess::array(*this).items.size();
  case ValueKind::Object:
    return ValueAccess::object(*this).members.size();
  default:
    return 0;
  }
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != ValueKind::Object) return nullptr;
  const ObjectNode& node = ValueAccess::object(*this);
  if (node.slots.empty()) {
    for (const Member& m : node.members)
      if (keyOf(m) == key) return &m.value;
    return nullptr;
  }
  size_t mask = node.slots.size() - 1;
  for (size_t slot = hashKey(key) & mask; node.slots[slot] != 0; slot = (slot + 1) & mask) {
    const Member& m = node.members[node.slots[slot] - 1];
    if (keyOf(m) == key) return &m.value;
  }
  return nullptr;
}

const void* Value::payloadIdentity() const {
  return hasNode() ? payload_.node : nullptr;
}

namespace {

// 1 == 1.0, but 2^53 + 1 (an integer) != 2^53 (a double): compare exactly, never through a
// lossy conversion of the integer.
bool numbersEqual(const Value& a, const Value& b) {
  if (a.isInteger() && b.isInteger()) return a.asInteger() == b.asInteger();
  if (!a.isInteger() && !b.isInteger()) return a.asDouble() == b.asDouble();
  const Value& i = a.isInteger() ? a : b;
  double d = a.isInteger() ? b.asDouble() : a.asDouble();
  if (d != std::trunc(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0) return false;
  return static_cast<int64_t>(d) == i.asInteger();
}

} // namespace

bool Value::operator==(const Value& other) const {
  // An explicit work list: comparing two deeply nested values must not exhaust the stack.
  std::vector<std::pair<const Value*, const Value*>> pending{{this, &other}};
  while (!pending.empty()) {
    auto [a, b] = pending.back();
    pending.pop_back();
    if (a->kind_ != b->kind_) return false;
    switch (a->kind_) {
    case ValueKind::Null:
      break;
    case ValueKind::Bool:
      if (a->boolean_ != b->boolean_) return false;
      break;
    case ValueKind::Number:
      if (!numbersEqual(*a, *b)) return false;
      break;
    case ValueKind::String:
      if (a->payload_.node != b->payload_.node && a->asString() != b->asString()) return false;
      break;
    case ValueKind::Array: {
      if (a->payload_.node == b->payload_.node) break;
      std::span<const Value> x = a->items(), y = b->items();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i)
        pending.emplace_back(&x[i], &y[i]);
      break;
    }
    case ValueKind::Object: {
      if (a->payload_.node == b->payload_.node) break;
      if (a->size() != b->size()) return false;
      for (const Member& m : a->members()) {
        const Value* match = b->find(m.key.asString());
        if (!match) return false;
        pending.emplace_back(&m.value, match);
      }
      break;
    }
    }
  }
  return true;
}

} // namespace asl
