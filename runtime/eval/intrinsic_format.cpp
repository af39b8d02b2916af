// States.Format and the way it prints each kind of value.
#include <string>

#include "runtime/eval/intrinsic_args.h"
#include "runtime/eval/intrinsic_functions.h"
#include "runtime/value/json_writer.h"

namespace asl::eval::intrinsics {

namespace {

/// Where `{}` occurs in a template read from a path. Such a template never went through the
/// intrinsic parser, so a backslash there is an ordinary character.
std::vector<uint32_t> findPlaceholders(std::string_view text) {
  std::vector<uint32_t> found;
  for (size_t at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", at + 2)) {
    found.push_back(static_cast<uint32_t>(at));
  }
  return found;
}

} // namespace

void appendFormatted(std::string& out, const Value& value) {
  // AWS substitutes String.valueOf of the Java object it holds: maps print as {k=v, k=v} and
  // lists as [a, b], strings inside them raw (the corpus records "{Arg1=1, Arg2=[]}").
  switch (value.kind()) {
  case ValueKind::String:
    out += value.asString();
    return;
  case ValueKind::Array: {
    out += '[';
    bool first = true;
    for (const Value& item : value.items()) {
      if (!first) out += ", ";
      first = false;
      appendFormatted(out, item);
    }
    out += ']';
    return;
  }
  case ValueKind::Object: {
    out += '{';
    bool first = true;
    for (const Member& m : value.members()) {
      if (!first) out += ", ";
      first = false;
      out += m.key.asString();
      out += '=';
      appendFormatted(out, m.value);
    }
    out += '}';
    return;
  }
  case ValueKind::Null:
  case ValueKind::Bool:
  case ValueKind::Number:
    // Scalars print as their JSON does: null, true, 1, 1.1, 1.0E7.
    appendJson(out, value);
    return;
  }
}

ExecResult<Value> format(Args args, const std::vector<uint32_t>* literalPlaceholders) {
  constexpr IntrinsicId id = IntrinsicId::Format;
  auto text = stringArg(id, args, 0);
  if (!text) return Unexpected<ExecError>{std::move(text).error()};
  const std::vector<uint32_t> scanned =
      literalPlaceholders ? std::vector<uint32_t>{} : findPlaceholders(*text);
  const std::vector<uint32_t>& placeholders = literalPlaceholders ? *literalPlaceholders : scanned;
  const size_t values = args.size() - 1;
  if (placeholders.size() != values) {
    return intrinsicFailure(id, "the template has " + std::to_string(placeholders.size()) +
                                    " '{}' placeholders but " + std::to_string(values) +
                                    (values == 1 ? " value follows it" : " values follow it"));
  }
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < placeholders.size(); ++i) {
    const size_t at = placeholders[i];
    if (at < copied || at + 2 > text->size()) {
      return intrinsicFailure(id, "a placeholder offset lies outside the template");
    }
    out.append(*text, copied, at - copied);
    appendFormatted(out, args[i + 1]);
    copied = at + 2;
  }
  out.append(*text, copied);
  return Value::string(out);
}

} // namespace asl::eval::intrinsics
