// JValue: the values a JSONata evaluation works on. JSON data read from the input stays an
// asl::Value and is wrapped without copying; arrays and objects the expression builds are
// owned here, because JSONata marks arrays (sequence, keep-singleton...) and may hold
// functions inside arrays and objects, which asl::Value cannot.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "asl/value.h"

namespace asl::eval::jsonata {

enum class JKind : uint8_t { Undefined, Null, Bool, Number, String, Array, Object, Function };

class JValue;
struct Function;

/// An array built during evaluation, with the flags jsonata-js keeps on its arrays.
struct JArray {
  JArray() = default;
  JArray(const JArray&) = default;
  JArray& operator=(const JArray&) = default;
  ~JArray(); // iterative: a deeply nested value must not exhaust the stack when freed

  std::vector<JValue> items;
  bool sequence = false;      ///< a result sequence: a singleton unwraps, empty is undefined
  bool keepSingleton = false; ///< `[]` on a path step: a singleton sequence stays an array
  bool outerWrapper = false;  ///< the array wrapping a top-level array input
  bool tupleStream = false;   ///< items are tuples (objects binding '@' and variables)
  bool cons = false;          ///< built by an array constructor: not flattened by a path
};

/// An object built during evaluation: members in insertion order, keys unique.
struct JObject {
  JObject() = default;
  JObject(const JObject&) = default;
  JObject& operator=(const JObject&) = default;
  ~JObject(); // iterative, as JArray's

  std::vector<std::pair<std::string, JValue>> members;

  const JValue* find(std::string_view key) const;
  /// Sets or replaces a member (replacing keeps the original position, as JavaScript does).
  void set(std::string_view key, JValue value);
  void erase(std::string_view key);
};

class JValue {
public:
  JValue() = default; ///< undefined

  static JValue undefined() { return JValue(); }
  static JValue null() { return JValue(JKind::Null); }
  static JValue boolean(bool b) {
    JValue v(JKind::Bool);
    v.boolean_ = b;
    return v;
  }
  static JValue number(double d) {
    JValue v(JKind::Number);
    v.number_ = d;
    return v;
  }
  static JValue string(std::string_view s);
  static JValue string(asl::Value s); ///< s must be a String value: shared, not copied
  /// Wraps JSON data without copying it.
  static JValue fromJson(const asl::Value& value);
  static JValue array(std::shared_ptr<JArray> a);
  static JValue object(std::shared_ptr<JObject> o);
  static JValue function(std::shared_ptr<Function> f);

  /// A new empty array, marked as a sequence when `sequence`.
  static JValue newArray(bool sequence = false);
  static JValue newObject();

  JKind kind() const { return kind_; }
  bool isUndefined() const { return kind_ == JKind::Undefined; }
  bool isDefined() const { return kind_ != JKind::Undefined; }
  bool isNull() const { return kind_ == JKind::Null; }
  bool isBool() const { return kind_ == JKind::Bool; }
  bool isNumber() const { return kind_ == JKind::Number; }
  bool isString() const { return kind_ == JKind::String; }
  bool isArray() const { return kind_ == JKind::Array; }
  bool isObject() const { return kind_ == JKind::Object; }
  bool isFunction() const { return kind_ == JKind::Function; }

  bool asBool() const { return boolean_; }
  double asNumber() const { return number_; }
  std::string_view asString() const { return json_.asString(); }
  const asl::Value& stringValue() const { return json_; }
  /// The JSON data an array or object wraps, or nullptr when it is owned.
  const asl::Value* jsonData() const {
    return json_.isArray() || json_.isObject() ? &json_ : nullptr;
  }
  std::shared_ptr<Function> asFunction() const { return std::static_pointer_cast<Function>(heap_); }
  Function* functionPtr() const { return static_cast<Function*>(heap_.get()); }

  // Arrays, whichever their storage.
  size_t length() const;
  JValue at(size_t i) const;
  /// The owned array, or nullptr for JSON data (which has no flags).
  JArray* ownedArray() const { return isArray() && !json_.isArray() ? arr() : nullptr; }
  bool isSequence() const { return ownedArray() && arr()->sequence; }
  bool isTupleStream() const { return ownedArray() && arr()->tupleStream; }
  bool isCons() const { return ownedArray() && arr()->cons; }
  bool isOuterWrapper() const { return ownedArray() && arr()->outerWrapper; }
  bool keepSingleton() const { return ownedArray() && arr()->keepSingleton; }

  // Objects, whichever their storage.
  JValue get(std::string_view key) const; ///< undefined when absent
  size_t memberCount() const;
  std::string_view keyAt(size_t i) const;
  JValue valueAt(size_t i) const;
  JObject* ownedObject() const { return isObject() && !json_.isObject() ? obj() : nullptr; }

  /// True when this handle is the only owner of an owned array or object.
  bool uniquelyOwned() const { return heap_ && heap_.use_count() == 1 && kind_ != JKind::Function; }

  /// Identity of the payload (for `in` and `=` on functions, as JavaScript's ===).
  const void* identity() const;

private:
  explicit JValue(JKind k) : kind_(k) {}

  JKind kind_ = JKind::Undefined;
  bool boolean_ = false;
  double number_ = 0;
  asl::Value json_; // strings; arrays and objects read from JSON
  // The owned array, object or function, as kind_ says (one pointer keeps JValue small).
  std::shared_ptr<void> heap_;
  JArray* arr() const { return static_cast<JArray*>(heap_.get()); }
  JObject* obj() const { return static_cast<JObject*>(heap_.get()); }
};

/// Builds an owned array from items.
JValue makeArray(std::vector<JValue> items, bool sequence = false);

/// The JSON data of a value, for output: numbers that JavaScript prints without a fraction
/// become integers; functions become absent members, null array items or (top level) nothing.
/// Returns false when the value (or a number inside) is not finite, or nests deeper than
/// kMaxValueNesting.
bool toJson(const JValue& value, asl::Value& out, uint32_t depth = 0);

/// Deepest nesting of arrays and objects the library walks recursively (output, $string,
/// equality, cloning, `**`); deeper values end the evaluation with an error, not a crash.
constexpr uint32_t kMaxValueNesting = 10000;

} // namespace asl::eval::jsonata
