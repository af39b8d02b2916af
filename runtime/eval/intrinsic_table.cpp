// The intrinsic-function table built from intrinsics.def, and canonical printing of calls.
#include "runtime/eval/intrinsic.h"

#include <algorithm>

namespace asl::eval {
namespace {

const std::vector<IntrinsicInfo> kIntrinsics = {
#define ASL_INTRINSIC(id, name, minArgs, maxArgs, argKinds)                                        \
  {IntrinsicId::id, name, minArgs, maxArgs, argKinds},
#include "runtime/eval/intrinsics.def"
#undef ASL_INTRINSIC
};

void appendArg(std::string& out, const IntrinsicArg& arg) {
  switch (arg.kind) {
  case IntrinsicArgKind::String: {
    out.push_back('\'');
    size_t next = 0; // index into placeholders
    for (size_t i = 0; i < arg.text.size(); ++i) {
      char c = arg.text[i];
      if (next < arg.placeholders.size() && arg.placeholders[next] == i) {
        out += "{}";
        ++i;
        ++next;
        continue;
      }
      if (c == '\'' || c == '\\' || c == '{' || c == '}') out.push_back('\\');
      out.push_back(c);
    }
    out.push_back('\'');
    return;
  }
  case IntrinsicArgKind::Integer:
    out += std::to_string(arg.intValue);
    return;
  case IntrinsicArgKind::Double:
    out += formatDouble(arg.doubleValue);
    return;
  case IntrinsicArgKind::Boolean:
    out += arg.boolValue ? "true" : "false";
    return;
  case IntrinsicArgKind::Null:
    out += "null";
    return;
  case IntrinsicArgKind::Path:
    out += arg.path.toString();
    return;
  case IntrinsicArgKind::Call:
    if (!arg.call.empty()) out += arg.call.front().toString();
    return;
  }
}

} // namespace

const IntrinsicInfo& intrinsicInfo(IntrinsicId id) {
  return kIntrinsics[static_cast<size_t>(id)];
}

std::optional<IntrinsicId> findIntrinsic(std::string_view name) {
  auto it = std::find_if(kIntrinsics.begin(), kIntrinsics.end(),
                         [&](const IntrinsicInfo& info) { return info.name == name; });
  if (it == kIntrinsics.end()) return std::nullopt;
  return it->id;
}

const std::vector<IntrinsicInfo>& allIntrinsics() {
  return kIntrinsics;
}

char intrinsicArgKind(const IntrinsicInfo& info, size_t index) {
  if (info.argKinds.empty()) return 'a';
  return info.argKinds[std::min(index, info.argKinds.size() - 1)];
}

std::string IntrinsicCall::toString() const {
  std::string out(intrinsicInfo(id).name);
  out.push_back('(');
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ", ";
    appendArg(out, args[i]);
  }
  out.push_back(')');
  return out;
}

} // namespace asl::eval
