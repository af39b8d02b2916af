// asl::Value: the runtime's JSON value. Immutable, reference-counted and cheap to copy, so a
// state can pass a 200 KiB document along, select from it or place it under a ResultPath
// without copying it.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace asl {

enum class ValueKind : uint8_t { Null, Bool, Number, String, Array, Object };

struct Member;

namespace detail {
/// The header of the shared payload of strings, arrays and objects (the payloads themselves:
/// runtime/value/value_node.h). Declared here so that taking and dropping a reference are inlined.
struct HeapNode {
  std::atomic<uint32_t> refs{1};
  /// Interned payloads are never freed and skip the count; set before sharing, never changed.
  bool immortal = false;
};
struct ValueAccess; // lets the payload code read and detach a handle's node
} // namespace detail

/// A JSON value. Copies share the payload (an atomic reference count), so values may cross
/// threads freely; nothing mutates a value once built. 16 bytes.
///
/// Numbers keep whether they are integers: 3 and 3.0 compare equal, but an integral number
/// read or computed as an integer prints as `3`, a double as AWS prints it (see json_writer.h).
class Value {
public:
  Value() noexcept {} ///< null
  Value(const Value& other) noexcept
      : kind_(other.kind_), integral_(other.integral_), boolean_(other.boolean_),
        payload_(other.payload_) {
    if (hasNode()) retainNode();
  }
  Value(Value&& other) noexcept
      : kind_(other.kind_), integral_(other.integral_), boolean_(other.boolean_),
        payload_(other.payload_) {
    other.kind_ = ValueKind::Null; // the payload now belongs to this handle
  }
  Value& operator=(const Value& other) noexcept;
  Value& operator=(Value&& other) noexcept;
  ~Value() {
    if (hasNode()) releaseNode();
  }

  static Value null() { return Value(); }
  static Value boolean(bool b);
  static Value integer(int64_t i);
  /// A double; integral doubles stay doubles (`2.0`), non-finite values become null.
  static Value number(double d);
  static Value string(std::string_view s);
  /// The one process-wide copy of `s`, never freed: copying or dropping it costs nothing.
  /// For the keys and names compiled definitions write over and over, not for data (the
  /// table only grows, by one copy of each distinct string).
  static Value interned(std::string_view s);
  static Value array(std::vector<Value> items);
  /// Members in the given order. Keys must be unique (callers building from JSON keep the last;
  /// debug builds assert it). Objects with more than kIndexedMembers members get a hash index.
  static Value object(std::vector<Member> members);

  /// Objects larger than this are indexed; smaller ones are searched linearly, which for a
  /// handful of short keys is faster than hashing and costs no allocation.
  static constexpr size_t kIndexedMembers = 16;

  ValueKind kind() const { return kind_; }
  bool isNull() const { return kind_ == ValueKind::Null; }
  bool isBool() const { return kind_ == ValueKind::Bool; }
  bool isNumber() const { return kind_ == ValueKind::Number; }
  bool isString() const { return kind_ == ValueKind::String; }
  bool isArray() const { return kind_ == ValueKind::Array; }
  bool isObject() const { return kind_ == ValueKind::Object; }
  /// A Number stored as a 64-bit integer.
  bool isInteger() const { return kind_ == ValueKind::Number && integral_; }

  bool asBool() const;
  int64_t asInteger() const; ///< integers as is; doubles truncated (saturating at the int64 range)
  double asDouble() const;   ///< any Number
  std::string_view asString() const;

  /// Array items, or object members; empty for scalars.
  std::span<const Value> items() const;
  std::span<const Member> members() const;
  size_t size() const; ///< items, members, or string bytes
  /// The member named `key`, or nullptr (objects only). Large objects use a hash index.
  const Value* find(std::string_view key) const;
  /// The same, for a String key: an interned key matches members that share it by identity,
  /// without comparing bytes.
  const Value* find(const Value& key) const;

  /// Deep equality as AWS compares JSON (numbers numerically, object members in any order).
  bool operator==(const Value& other) const;

  /// Identity of the shared payload, for tests that prove a value was not copied.
  const void* payloadIdentity() const;

private:
  friend struct detail::ValueAccess;

  // Strings, arrays and objects live on the heap; the kinds before String fit in the handle.
  bool hasNode() const { return kind_ >= ValueKind::String; }
  void retainNode() const noexcept {
    // relaxed: taking a reference needs no ordering, only the final release does.
    if (!payload_.node->immortal) payload_.node->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void releaseNode() noexcept {
    // acq_rel: the last owner must see every write other owners made before letting go.
    if (!payload_.node->immortal &&
        payload_.node->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
      destroyNode();
  }
  void destroyNode() noexcept; // frees the payload (and, iteratively, its children)

  ValueKind kind_ = ValueKind::Null;
  bool integral_ = false;
  bool boolean_ = false;
  // A named union so that a handle copies its payload whole, whichever member is live.
  union Payload {
    int64_t integer;
    double real;
    detail::HeapNode* node;
  };
  Payload payload_{0};
};

static_assert(sizeof(Value) == 16, "Value is a 16-byte handle");

struct Member {
  Value key; ///< a String value, shared between objects built from the same template
  Value value;
};

/// Builds an object in a single allocation when the member count is known up front (a
/// template's fields, a copy of another object with one member replaced).
class ObjectBuilder {
public:
  explicit ObjectBuilder(size_t capacity);
  ObjectBuilder(const ObjectBuilder&) = delete;
  ObjectBuilder& operator=(const ObjectBuilder&) = delete;
  ~ObjectBuilder();

  /// Appends a member; at most `capacity` in all, keys unique (as Value::object).
  void add(Value key, Value value);
  size_t size() const;
  /// The value of the member added at `index`, to replace it before finishing.
  Value& valueAt(size_t index);
  /// The object, with the members added so far.
  Value finish();

private:
  detail::HeapNode* node_;
};

/// Builds an array in a single allocation when the item count is known up front.
class ArrayBuilder {
public:
  explicit ArrayBuilder(size_t capacity);
  ArrayBuilder(const ArrayBuilder&) = delete;
  ArrayBuilder& operator=(const ArrayBuilder&) = delete;
  ~ArrayBuilder();

  void add(Value item); ///< at most `capacity` in all
  size_t size() const;
  Value& at(size_t index);
  Value finish();

private:
  detail::HeapNode* node_;
};

/// A member whose key is a new String value.
inline Member makeMember(std::string_view key, Value value) {
  return Member{Value::string(key), std::move(value)};
}

} // namespace asl
