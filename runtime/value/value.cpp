// asl::Value: construction, reference counting, iterative teardown, lookup and equality.
#include "asl/value.h"

#include <cassert>
#include <cmath>
#include <cstring>
#include <algorithm>
#include <functional>
#include <mutex>
#include <unordered_map>
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

uint32_t indexSlotsFor(size_t members) {
  if (members <= Value::kIndexedMembers) return 0;
  uint32_t capacity = 1;
  while (capacity < members * 2)
    capacity <<= 1;
  return capacity;
}

ObjectNode* newObjectNode(size_t capacity) {
  if (capacity > UINT32_MAX / 4) throw std::bad_alloc(); // far beyond every payload limit
  uint32_t slotCount = indexSlotsFor(capacity);
  void* memory = ::operator new(sizeof(ObjectNode) + capacity * sizeof(Member) +
                                slotCount * sizeof(uint32_t));
  auto* node = new (memory) ObjectNode();
  node->capacity = static_cast<uint32_t>(capacity);
  node->slotCount = slotCount;
  return node;
}

ArrayNode* newArrayNode(size_t capacity) {
  if (capacity > UINT32_MAX / 4) throw std::bad_alloc();
  void* memory = ::operator new(sizeof(ArrayNode) + capacity * sizeof(Value));
  auto* node = new (memory) ArrayNode();
  node->capacity = static_cast<uint32_t>(capacity);
  return node;
}

// Fills the index of an object whose members are all in place (only objects above
// kIndexedMembers have one; a builder that finished with fewer members than its capacity
// may still have slots, and an index over few members is merely unnecessary).
void buildIndex(ObjectNode& node) {
  if (node.slotCount == 0) return;
  uint32_t* slots = node.slots();
  std::fill(slots, slots + node.slotCount, 0u);
  size_t mask = node.slotCount - 1;
  const Member* members = node.data();
  for (uint32_t i = 0; i < node.size; ++i) {
    size_t slot = hashKey(keyOf(members[i])) & mask;
    while (slots[slot] != 0) {
      assert(keyOf(members[slots[slot] - 1]) != keyOf(members[i]) && "duplicate object key");
      slot = (slot + 1) & mask;
    }
    slots[slot] = i + 1;
  }
}

void checkKeys(const ObjectNode& node) {
#ifndef NDEBUG
  for (const Member& m : node.members())
    assert(m.key.isString() && "object keys are strings");
  if (node.slotCount == 0) {
    std::span<const Member> members = node.members();
    for (size_t i = 0; i < members.size(); ++i)
      for (size_t j = i + 1; j < members.size(); ++j)
        assert(keyOf(members[i]) != keyOf(members[j]) && "duplicate object key");
  }
#else
  (void)node;
#endif
}

void freeString(HeapNode* node) {
  auto* s = static_cast<StringNode*>(node);
  s->~StringNode();
  ::operator delete(s);
}

void freeArray(ArrayNode* array) {
  array->~ArrayNode(); // its items are all null or scalars now: nothing to release
  ::operator delete(array);
}

void freeObject(ObjectNode* object) {
  object->~ObjectNode();
  ::operator delete(object);
}

using DeadList = std::vector<std::pair<ValueKind, HeapNode*>>;

// A container whose children are all scalars or strings dies without the work list; most
// objects a state builds are such leaves, and their teardown should not allocate.
bool destroyLeaf(ValueKind kind, HeapNode* node) {
  if (kind == ValueKind::Array) {
    auto* array = static_cast<ArrayNode*>(node);
    Value* items = array->data();
    for (uint32_t i = 0; i < array->size; ++i)
      if (items[i].kind() > ValueKind::String) return false;
    for (uint32_t i = 0; i < array->size; ++i)
      items[i] = Value();
    freeArray(array);
    return true;
  }
  auto* object = static_cast<ObjectNode*>(node);
  Member* members = object->data();
  for (uint32_t i = 0; i < object->size; ++i)
    if (members[i].value.kind() > ValueKind::String) return false;
  for (uint32_t i = 0; i < object->size; ++i) {
    members[i].key = Value();
    members[i].value = Value();
  }
  freeObject(object);
  return true;
}

// Drops a container's reference to a child. A child that dies is freed at once if it is a
// string or a leaf container; a deeper one goes on `dead` instead of being destroyed by
// recursion, so depth costs heap, not stack (and the list allocates only then).
void releaseChild(Value& child, DeadList& dead) {
  if (child.kind() < ValueKind::String) return;
  ValueKind kind = child.kind();
  HeapNode* node = ValueAccess::detach(child);
  if (node->immortal) return;
  // acq_rel: the last owner must see every write other owners made before letting go.
  if (node->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
  if (kind == ValueKind::String)
    freeString(node);
  else if (!destroyLeaf(kind, node))
    dead.emplace_back(kind, node);
}

void destroyContainer(ValueKind kind, HeapNode* node, DeadList& dead) {
  if (kind == ValueKind::Array) {
    auto* array = static_cast<ArrayNode*>(node);
    Value* items = array->data();
    for (uint32_t i = 0; i < array->size; ++i)
      releaseChild(items[i], dead);
    freeArray(array);
  } else {
    auto* object = static_cast<ObjectNode*>(node);
    Member* members = object->data();
    for (uint32_t i = 0; i < object->size; ++i) {
      releaseChild(members[i].key, dead);
      releaseChild(members[i].value, dead);
    }
    freeObject(object);
  }
}

} // namespace

void Value::destroyNode() noexcept {
  HeapNode* node = payload_.node;
  if (kind_ == ValueKind::String) {
    freeString(node);
    return;
  }
  if (destroyLeaf(kind_, node)) return;
  DeadList dead;
  destroyContainer(kind_, node, dead);
  while (!dead.empty()) {
    auto [kind, next] = dead.back();
    dead.pop_back();
    destroyContainer(kind, next, dead);
  }
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

Value Value::interned(std::string_view s) {
  // A node-based set keeps each string's address for the life of the process.
  static std::mutex mutex;
  static std::unordered_map<std::string_view, Value>* table =
      new std::unordered_map<std::string_view, Value>(); // never destroyed: values outlive it
  std::lock_guard lock(mutex);
  auto found = table->find(s);
  if (found != table->end()) return found->second;
  Value v = Value::string(s);
  ValueAccess::node(v)->immortal = true;
  table->emplace(v.asString(), v);
  return v;
}

Value Value::array(std::vector<Value> items) {
  ArrayBuilder builder(items.size());
  for (Value& item : items)
    builder.add(std::move(item));
  return builder.finish();
}

Value Value::object(std::vector<Member> members) {
  ObjectBuilder builder(members.size());
  for (Member& m : members)
    builder.add(std::move(m.key), std::move(m.value));
  return builder.finish();
}

ObjectBuilder::ObjectBuilder(size_t capacity) : node_(newObjectNode(capacity)) {}

ObjectBuilder::~ObjectBuilder() {
  if (node_) ValueAccess::adopt(ValueKind::Object, node_); // the handle frees what was added
}

void ObjectBuilder::add(Value key, Value value) {
  auto* node = static_cast<ObjectNode*>(node_);
  assert(node->size < node->capacity && "more members than the builder's capacity");
  new (node->data() + node->size) Member{std::move(key), std::move(value)};
  ++node->size;
}

size_t ObjectBuilder::size() const {
  return static_cast<ObjectNode*>(node_)->size;
}

Value& ObjectBuilder::valueAt(size_t index) {
  return static_cast<ObjectNode*>(node_)->data()[index].value;
}

Value ObjectBuilder::finish() {
  auto* node = static_cast<ObjectNode*>(node_);
  node_ = nullptr;
  buildIndex(*node);
  checkKeys(*node);
  return ValueAccess::adopt(ValueKind::Object, node);
}

ArrayBuilder::ArrayBuilder(size_t capacity) : node_(newArrayNode(capacity)) {}

ArrayBuilder::~ArrayBuilder() {
  if (node_) ValueAccess::adopt(ValueKind::Array, node_);
}

void ArrayBuilder::add(Value item) {
  auto* node = static_cast<ArrayNode*>(node_);
  assert(node->size < node->capacity && "more items than the builder's capacity");
  new (node->data() + node->size) Value(std::move(item));
  ++node->size;
}

size_t ArrayBuilder::size() const {
  return static_cast<ArrayNode*>(node_)->size;
}

Value& ArrayBuilder::at(size_t index) {
  return static_cast<ArrayNode*>(node_)->data()[index];
}

Value ArrayBuilder::finish() {
  HeapNode* node = node_;
  node_ = nullptr;
  return ValueAccess::adopt(ValueKind::Array, node);
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
  return ValueAccess::array(*this).items();
}

std::span<const Member> Value::members() const {
  if (kind_ != ValueKind::Object) return {};
  return ValueAccess::object(*this).members();
}

size_t Value::size() const {
  switch (kind_) {
  case ValueKind::String:
    return ValueAccess::string(*this).size;
  case ValueKind::Array:
    return ValueAccess::array(*this).size;
  case ValueKind::Object:
    return ValueAccess::object(*this).size;
  default:
    return 0;
  }
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != ValueKind::Object) return nullptr;
  const ObjectNode& node = ValueAccess::object(*this);
  const Member* members = node.data();
  if (node.slotCount == 0) {
    for (uint32_t i = 0; i < node.size; ++i)
      if (keyOf(members[i]) == key) return &members[i].value;
    return nullptr;
  }
  const uint32_t* slots = node.slots();
  size_t mask = node.slotCount - 1;
  for (size_t slot = hashKey(key) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
    const Member& m = members[slots[slot] - 1];
    if (keyOf(m) == key) return &m.value;
  }
  return nullptr;
}

const Value* Value::find(const Value& key) const {
  if (kind_ != ValueKind::Object || !key.isString()) return nullptr;
  const ObjectNode& node = ValueAccess::object(*this);
  if (node.slotCount != 0) return find(key.asString());
  const HeapNode* keyNode = ValueAccess::node(key);
  std::string_view text = ValueAccess::string(key).view();
  const Member* members = node.data();
  for (uint32_t i = 0; i < node.size; ++i) {
    if (ValueAccess::node(members[i].key) == keyNode) return &members[i].value;
    if (keyOf(members[i]) == text) return &members[i].value;
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
  if (kind_ != other.kind_) return false;
  switch (kind_) { // scalars and strings without the work list below
  case ValueKind::Null:
    return true;
  case ValueKind::Bool:
    return boolean_ == other.boolean_;
  case ValueKind::Number:
    return numbersEqual(*this, other);
  case ValueKind::String:
    return payload_.node == other.payload_.node || asString() == other.asString();
  default:
    if (payload_.node == other.payload_.node) return true;
    break;
  }
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
