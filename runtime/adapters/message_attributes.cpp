#include "runtime/adapters/message_attributes.h"

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/task_parameters.h"

namespace asl::adapters {

Result<MessageAttributes, TaskError>
readMessageAttributes(const Value& attributes, std::string_view field, std::string_view resource) {
  std::string where =
      "The field '" + std::string(field) + "' of the resource '" + std::string(resource) + "'";
  if (!attributes.isObject()) return fail(parameterError(where + " must be an object"));
  MessageAttributes out;
  for (const Member& m : attributes.members()) {
    std::string name(m.key.asString());
    std::string attribute = "The message attribute '" + name + "'";
    if (!m.value.isObject())
      return fail(parameterError(attribute + " must be an object with DataType and StringValue "
                                             "or BinaryValue"));
    const Value* type = m.value.find("DataType");
    const Value* text = m.value.find("StringValue");
    const Value* binary = m.value.find("BinaryValue");
    for (const Member& f : m.value.members()) {
      std::string_view key = f.key.asString();
      if (key != "DataType" && key != "StringValue" && key != "BinaryValue")
        return fail(
            parameterError(attribute + " has the unknown field '" + std::string(key) + "'"));
      if (!f.value.isString())
        return fail(parameterError("The field '" + std::string(key) +
                                   "' of the message attribute '" + name + "' must be a string"));
    }
    if (!type) return fail(parameterError(attribute + " has no DataType"));
    if ((text != nullptr) == (binary != nullptr))
      return fail(parameterError(attribute + " must have one of StringValue and BinaryValue"));
    MessageAttribute value{std::string(type->asString()), {}};
    if (binary) {
      auto bytes = aws::base64Decode(binary->asString());
      if (!bytes)
        return fail(parameterError("The BinaryValue of the message attribute '" + name +
                                   "' is not base64"));
      value.value = std::move(*bytes);
    } else {
      value.value = std::string(text->asString());
    }
    out.emplace(std::move(name), std::move(value));
  }
  return out;
}

Value envelopeAttributes(const MessageAttributes& attributes) {
  std::vector<Member> members;
  for (const auto& [name, attribute] : attributes)
    members.push_back(makeMember(
        name,
        Value::object({makeMember("Type", Value::string(attribute.dataType)),
                       makeMember("Value", Value::string(attribute.isBinary()
                                                             ? aws::base64Encode(attribute.value)
                                                             : attribute.value))})));
  return Value::object(std::move(members));
}

} // namespace asl::adapters
