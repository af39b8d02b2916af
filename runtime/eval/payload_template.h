// Payload templates as the runtime holds them: Parameters, ResultSelector, ItemSelector, Result,
// Arguments, Output and Assign, with every subtree that holds no expression built once into a
// shared Value, so that evaluating a template copies handles instead of rebuilding JSON.
#pragma once

#include <vector>

#include "asl/value.h"
#include "runtime/eval/expression.h"

namespace asl::eval {

struct TemplateField;
struct HotTemplate; // runtime/eval/hot_code.h

struct PayloadTemplate {
  enum class Kind : uint8_t {
    Constant, ///< `constant` is the whole value
    Object,   ///< `fields`, some of them dynamic
    Array,    ///< `items`, some of them dynamic
    Dynamic,  ///< `expression`
  };
  Kind kind = Kind::Constant;
  Value constant;
  std::vector<TemplateField> fields;
  std::vector<PayloadTemplate> items;
  Expression expression;
  /// The compact form of a JSONPath object template, when the program has prepared one.
  const HotTemplate* hot = nullptr;
};

/// An object member. `key` is the output name (a String value shared by every evaluation).
/// For a dynamic JSONPath member the definition wrote the key with a ".$" suffix, which AWS
/// names in error messages; `fieldName` is that key as written.
struct TemplateField {
  Value key;
  std::string fieldName;
  PayloadTemplate value;
};

} // namespace asl::eval
