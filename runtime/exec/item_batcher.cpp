#include "runtime/exec/item_batcher.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "runtime/value/json_writer.h"

namespace asl::exec {
namespace {

using eval::ExecResult;
using eval::StateErrorId;

std::string text(const Value& v) {
  return v.isString() ? std::string(v.asString()) : toJson(v);
}

// A positive integer, or a string holding one (as ...Path fields accept elsewhere).
std::optional<uint64_t> positiveInteger(const Value& v) {
  double d = 0;
  if (v.isNumber()) {
    d = v.asDouble();
  } else if (v.isString()) {
    std::string s(v.asString());
    char* end = nullptr;
    d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(d) || d != std::floor(d) || d < 1 || d > 1e15) return std::nullopt;
  return static_cast<uint64_t>(d);
}

ExecResult<uint64_t> limitOf(const Value& batcher, std::string_view field, std::string_view path) {
  std::string pathField = std::string(field) + "Path";
  const Value* literal = batcher.find(field);
  const Value* selected = batcher.find(pathField);
  const Value* v = literal ? literal : selected;
  if (!v) return uint64_t{0};
  if (auto n = positiveInteger(*v)) return *n;
  if (literal)
    return eval::raise(StateErrorId::Runtime, "The field '" + std::string(field) +
                                                  "' must be a positive integer, but was: " +
                                                  text(*v));
  return eval::raise(StateErrorId::Runtime, "The " + pathField + " field refers to value \"" +
                                                text(*v) + "\" which is not a valid integer: " +
                                                std::string(path));
}

} // namespace

ExecResult<BatchSpec> batchSpecOf(const Value& itemBatcher, const BatchPathTexts& paths) {
  BatchSpec spec;
  if (!itemBatcher.isObject()) return spec;
  auto maxItems = limitOf(itemBatcher, "MaxItemsPerBatch", paths.maxItems);
  if (!maxItems.ok()) return fail(std::move(maxItems).error());
  auto maxBytes = limitOf(itemBatcher, "MaxInputBytesPerBatch", paths.maxBytes);
  if (!maxBytes.ok()) return fail(std::move(maxBytes).error());
  spec.maxItems = *maxItems;
  spec.maxBytes = *maxBytes;
  if (const Value* input = itemBatcher.find("BatchInput")) {
    spec.batchInput = *input;
    spec.hasBatchInput = true;
  }
  return spec;
}

std::vector<Value> batchItems(std::span<const Value> items, const BatchSpec& spec,
                              size_t payloadLimit) {
  size_t byteLimit = payloadLimit;
  if (spec.maxBytes) byteLimit = std::min<size_t>(byteLimit, static_cast<size_t>(spec.maxBytes));
  // {"BatchInput":...,"Items":[]} before any item: the bytes every batch carries.
  size_t emptySize = std::string_view(R"({"Items":[]})").size();
  if (spec.hasBatchInput)
    emptySize += std::string_view(R"("BatchInput":,)").size() + jsonSize(spec.batchInput);

  std::vector<Value> batches;
  std::vector<Value> current;
  size_t currentSize = emptySize;
  auto flush = [&] {
    std::vector<Member> members;
    if (spec.hasBatchInput) members.push_back(makeMember("BatchInput", spec.batchInput));
    members.push_back(makeMember("Items", Value::array(std::move(current))));
    batches.push_back(Value::object(std::move(members)));
    current.clear();
    currentSize = emptySize;
  };
  for (const Value& item : items) {
    size_t added = jsonSize(item) + (current.empty() ? 0 : 1); // the comma before it
    bool full = spec.maxItems && current.size() == spec.maxItems;
    if (!current.empty() && (full || currentSize + added > byteLimit)) {
      flush();
      added = jsonSize(item);
    }
    current.push_back(item);
    currentSize += added;
  }
  if (!current.empty()) flush();
  return batches;
}

} // namespace asl::exec
