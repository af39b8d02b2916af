// JValue storage: wrapping JSON data, owned arrays and objects, and conversion back to JSON.
#include "runtime/eval/jsonata/jvalue.h"

#include <cmath>

#include "runtime/eval/jsonata/function.h"

namespace asl::eval::jsonata {

namespace {

// Frees values one level at a time: children of a container this handle alone owns are moved
// out before the container dies, so freeing never recurses.
void drain(std::vector<JValue>& pending) {
  while (!pending.empty()) {
    JValue v = std::move(pending.back());
    pending.pop_back();
    if (!v.uniquelyOwned()) continue;
    if (JArray* a = v.ownedArray()) {
      for (JValue& item : a->items)
        pending.push_back(std::move(item));
      a->items.clear();
    } else if (JObject* o = v.ownedObject()) {
      for (auto& member : o->members)
        pending.push_back(std::move(member.second));
      o->members.clear();
    }
  }
}

// True when freeing `v` could recurse: it alone owns an array or object built here.
bool ownsContainer(const JValue& v) {
  return v.uniquelyOwned() && (v.ownedArray() || v.ownedObject());
}

} // namespace

JArray::~JArray() {
  // Most arrays hold scalars or shared data: their items die without recursing.
  bool nested = false;
  for (const JValue& item : items)
    nested = nested || ownsContainer(item);
  if (!nested) return;
  std::vector<JValue> pending;
  pending.swap(items);
  drain(pending);
}

JObject::~JObject() {
  bool nested = false;
  for (const auto& member : members)
    nested = nested || ownsContainer(member.second);
  if (!nested) return;
  std::vector<JValue> pending;
  pending.reserve(members.size());
  for (auto& member : members)
    pending.push_back(std::move(member.second));
  members.clear();
  drain(pending);
}

const JValue* JObject::find(std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

void JObject::set(std::string_view key, JValue value) {
  for (auto& [k, v] : members) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  members.emplace_back(std::string(key), std::move(value));
}

void JObject::erase(std::string_view key) {
  for (auto it = members.begin(); it != members.end(); ++it) {
    if (it->first == key) {
      members.erase(it);
      return;
    }
  }
}

JValue JValue::string(std::string_view s) {
  return string(asl::Value::string(s));
}

JValue JValue::string(asl::Value s) {
  JValue v(JKind::String);
  v.json_ = std::move(s);
  return v;
}

JValue JValue::fromJson(const asl::Value& value) {
  switch (value.kind()) {
  case ValueKind::Null:
    return null();
  case ValueKind::Bool:
    return boolean(value.asBool());
  case ValueKind::Number:
    return number(value.asDouble());
  case ValueKind::String:
    return string(value);
  case ValueKind::Array: {
    JValue v(JKind::Array);
    v.json_ = value;
    return v;
  }
  case ValueKind::Object: {
    JValue v(JKind::Object);
    v.json_ = value;
    return v;
  }
  }
  return JValue();
}

JValue JValue::array(std::shared_ptr<JArray> a) {
  JValue v(JKind::Array);
  v.heap_ = std::move(a);
  return v;
}

JValue JValue::object(std::shared_ptr<JObject> o) {
  JValue v(JKind::Object);
  v.heap_ = std::move(o);
  return v;
}

JValue JValue::function(std::shared_ptr<Function> f) {
  JValue v(JKind::Function);
  v.heap_ = std::move(f);
  return v;
}

JValue JValue::newArray(bool sequence) {
  auto a = std::make_shared<JArray>();
  a->sequence = sequence;
  return array(std::move(a));
}

JValue JValue::newObject() {
  return object(std::make_shared<JObject>());
}

size_t JValue::length() const {
  if (!isArray()) return 0;
  return json_.isArray() ? json_.size() : arr()->items.size();
}

JValue JValue::at(size_t i) const {
  if (json_.isArray()) return fromJson(json_.items()[i]);
  return arr()->items[i];
}

JValue JValue::get(std::string_view key) const {
  if (!isObject()) return JValue();
  if (json_.isObject()) {
    const asl::Value* found = json_.find(key);
    return found ? fromJson(*found) : JValue();
  }
  const JValue* found = obj()->find(key);
  return found ? *found : JValue();
}

size_t JValue::memberCount() const {
  if (!isObject()) return 0;
  return json_.isObject() ? json_.members().size() : obj()->members.size();
}

std::string_view JValue::keyAt(size_t i) const {
  if (json_.isObject()) return json_.members()[i].key.asString();
  return obj()->members[i].first;
}

JValue JValue::valueAt(size_t i) const {
  if (json_.isObject()) return fromJson(json_.members()[i].value);
  return obj()->members[i].second;
}

const void* JValue::identity() const {
  if (json_.isArray() || json_.isObject()) return json_.payloadIdentity();
  return heap_.get();
}

JValue makeArray(std::vector<JValue> items, bool sequence) {
  auto a = std::make_shared<JArray>();
  a->items = std::move(items);
  a->sequence = sequence;
  return JValue::array(std::move(a));
}

namespace {

asl::Value numberToJson(double d) {
  // JavaScript prints integral numbers below 1e21 without a fraction.
  if (d == std::floor(d) && std::fabs(d) < 9.2e18)
    return asl::Value::integer(static_cast<int64_t>(d));
  return asl::Value::number(d);
}

} // namespace

bool toJson(const JValue& value, asl::Value& out, uint32_t depth) {
  if (depth > kMaxValueNesting) return false;
  switch (value.kind()) {
  case JKind::Undefined:
  case JKind::Function:
  case JKind::Null:
    out = asl::Value::null();
    return true;
  case JKind::Bool:
    out = asl::Value::boolean(value.asBool());
    return true;
  case JKind::Number:
    if (!std::isfinite(value.asNumber())) return false;
    out = numberToJson(value.asNumber());
    return true;
  case JKind::String:
    out = value.stringValue();
    return true;
  case JKind::Array: {
    if (const asl::Value* json = value.jsonData()) {
      out = *json;
      return true;
    }
    std::vector<asl::Value> items;
    size_t n = value.length();
    items.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      JValue item = value.at(i);
      asl::Value converted;
      if (!toJson(item, converted, depth + 1)) return false;
      items.push_back(std::move(converted));
    }
    out = asl::Value::array(std::move(items));
    return true;
  }
  case JKind::Object: {
    if (const asl::Value* json = value.jsonData()) {
      out = *json;
      return true;
    }
    std::vector<Member> members;
    size_t n = value.memberCount();
    members.reserve(n);
    for (size_t i = 0; i < n; ++i) {
      JValue member = value.valueAt(i);
      if (member.isUndefined() || member.isFunction()) continue;
      asl::Value converted;
      if (!toJson(member, converted, depth + 1)) return false;
      members.push_back(makeMember(value.keyAt(i), std::move(converted)));
    }
    out = asl::Value::object(std::move(members));
    return true;
  }
  }
  return true;
}

} // namespace asl::eval::jsonata
