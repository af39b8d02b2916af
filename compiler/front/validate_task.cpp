// Task states: the Resource ARN forms AWS accepts, what Express machines forbid, Credentials.
#include "compiler/front/validate_rules.h"

namespace asl::front {
namespace {

bool isPartition(std::string_view p) {
  return p == "aws" || p == "aws-cn" || p == "aws-us-gov" || p == "aws-iso" || p == "aws-iso-b" ||
         p == "aws-iso-e" || p == "aws-iso-f" || p == "aws-eusc";
}

bool allOf(std::string_view s, bool (*accept)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!accept(c)) return false;
  return true;
}
bool isLowerWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool isDigitChar(char c) { return c >= '0' && c <= '9'; }
bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
bool isActionChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == ':' ||
         c == '-' || c == '_';
}

std::vector<std::string_view> split(std::string_view s, char sep, size_t maxParts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < maxParts) {
    size_t at = s.find(sep);
    if (at == std::string_view::npos) break;
    parts.push_back(s.substr(0, at));
    s.remove_prefix(at + 1);
  }
  parts.push_back(s);
  return parts;
}

enum class ResourceKind : uint8_t { Invalid, Integration, Activity, LambdaFunction };

struct ResourceCheck {
  ResourceKind kind = ResourceKind::Invalid;
  std::string problem;
  std::string_view pattern; ///< .sync, .sync:2, .waitForTaskToken or empty
};

ResourceCheck checkArn(std::string_view arn) {
  ResourceCheck r;
  // arn:partition:service:region:account:resource...
  auto parts = split(arn, ':', 6);
  if (parts.size() < 6 || parts[0] != "arn") {
    r.problem = "is not an ARN (arn:partition:service:region:account:resource)";
    return r;
  }
  if (!isPartition(parts[1])) {
    r.problem = "has an unknown partition " + quote(parts[1]);
    return r;
  }
  std::string_view service = parts[2], region = parts[3], account = parts[4], rest = parts[5];
  if (service == "states" && region.empty() && account.empty()) {
    // arn:aws:states:::service:action[.pattern], or aws-sdk:service:action
    auto pieces = split(rest, ':', 3);
    if (pieces.size() < 2 || !allOf(pieces[0], isLowerWordChar) || !allOf(pieces[1], isActionChar) ||
        (pieces.size() == 3 && !allOf(pieces[2], isActionChar))) {
      r.problem = "is not a service integration ARN such as 'arn:aws:states:::lambda:invoke'";
      return r;
    }
    for (std::string_view p : {".waitForTaskToken", ".sync:2", ".sync"}) {
      size_t at = rest.rfind(p);
      if (at != std::string_view::npos && at + p.size() == rest.size()) {
        r.pattern = p;
        break;
      }
    }
    r.kind = ResourceKind::Integration;
    return r;
  }
  if (!allOf(region, isLowerWordChar) || !allOf(account, isDigitChar)) {
    r.problem = "needs a region and a numeric account ID";
    return r;
  }
  auto pieces = split(rest, ':', 3);
  if (service == "states" && pieces[0] == "activity" && pieces.size() == 2 && !pieces[1].empty() &&
      pieces[1].size() <= 80) {
    r.kind = ResourceKind::Activity;
    return r;
  }
  if (service == "lambda" && pieces[0] == "function" && pieces.size() >= 2) {
    if (pieces[1].size() > 64 || !allOf(pieces[1], isNameChar)) {
      r.problem = "has an invalid Lambda function name " + quote(pieces[1]);
      return r;
    }
    if (pieces.size() == 3 && pieces[2] != "$LATEST" &&
        (pieces[2].size() > 128 || !allOf(pieces[2], isNameChar))) {
      r.problem = "has an invalid Lambda version or alias " + quote(pieces[2]) +
                  " (a number, $LATEST or an alias name)";
      return r;
    }
    r.kind = ResourceKind::LambdaFunction;
    return r;
  }
  r.problem = "is not a resource a Task can run: expected a Lambda function, an activity or "
              "an 'arn:aws:states:::' service integration";
  return r;
}

} // namespace

void validateResource(ValidationContext& ctx, const StateInfo& state, Node resource) {
  (void)state;
  std::string_view arn = ctx.tree.string(*resource.value);
  ResourceCheck r = checkArn(arn);
  if (r.kind == ResourceKind::Invalid) {
    std::string message = "Resource " + quote(arn) + " " + r.problem;
    if (arn.starts_with("${")) message += "; substitute DefinitionSubstitutions placeholders before validating";
    ctx.report(DiagCode::InvalidResource, message, resource);
    return;
  }
  if (ctx.options.machineType != ir::MachineTypeKind::Express) return;
  if (r.kind == ResourceKind::Activity) {
    ctx.report(DiagCode::ExpressUnsupported, "Express state machines do not support activities", resource);
  } else if (!r.pattern.empty()) {
    std::string pattern(r.pattern == ".sync:2" ? ".sync" : r.pattern);
    ctx.report(DiagCode::ExpressUnsupported,
               "Express state machines do not support the '" + pattern + "' integration pattern",
               resource);
  }
}

void validateCredentials(ValidationContext& ctx, const StateInfo& state, Node credentials) {
  const JsonTree& t = ctx.tree;
  bool found = false;
  for (const JsonMember& m : t.members(*credentials.value)) {
    PointerPath at = credentials.at->child(m.key);
    Node field{&t.at(m.value), &at};
    if (m.key == "RoleArn") {
      found = true;
      if (field.value->kind != JsonKind::String)
        ctx.report(DiagCode::FieldType, "RoleArn must be a string", field);
      else if (state.language == QueryLanguageKind::JSONata && isJsonataExpression(t.string(*field.value)))
        checkJsonataString(ctx, field);
    } else if (m.key == "RoleArn.$" && state.language == QueryLanguageKind::JSONPath) {
      found = true;
      if (field.value->kind != JsonKind::String)
        ctx.report(DiagCode::FieldType, "RoleArn.$ must be a JSONPath string", field);
      else checkDynamicValue(ctx, field);
    } else {
      ctx.reportKey(DiagCode::UnknownField,
                    "field " + quote(m.key) + " is not allowed in Credentials (only 'RoleArn'" +
                        (state.language == QueryLanguageKind::JSONPath ? " or 'RoleArn.$')" : ")"),
                    *credentials.at, m);
    }
  }
  if (!found) ctx.report(DiagCode::MissingField, "Credentials needs 'RoleArn'", credentials);
}

} // namespace asl::front
