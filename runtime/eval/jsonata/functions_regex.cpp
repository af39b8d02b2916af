// Functions that take a string or a matcher: $contains, $match, $replace, $split. A matcher is
// any function following JSONata's protocol (a regex literal, or a user's custom matcher):
// called with a string it returns {match, start, end, groups, next} or undefined.
#include <cmath>

#include "runtime/eval/jsonata/evaluator_core.h"
#include "runtime/eval/jsonata/regex.h"

namespace asl::eval::jsonata {
namespace {

JValue runMatcher(Evaluator& ev, const JValue& matcher, std::vector<JValue> args, Frame* env) {
  JValue result = ev.apply(matcher, std::move(args), JValue(), env);
  if (result.isDefined() &&
      !(result.isObject() && (result.get("start").isNumber() || result.get("end").isNumber() ||
                              result.get("groups").isArray() || result.get("next").isFunction())))
    throwError("T1010");
  return result;
}

JValue nextMatch(Evaluator& ev, const JValue& match, Frame* env) {
  JValue next = match.get("next");
  if (!next.isFunction()) return JValue();
  return runMatcher(ev, next, {}, env);
}

// Byte offset in `s` of a match object's code point index field.
size_t matchOffset(std::string_view s, const JValue& match, const char* field) {
  JValue v = match.get(field);
  double d = v.isNumber() ? v.asNumber() : 0;
  return byteOffsetOfCodePoint(s, d < 0 ? 0 : static_cast<size_t>(d));
}

JValue fnContains(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[1].isString())
    return JValue::boolean(c[0].asString().find(c[1].asString()) != std::string_view::npos);
  return JValue::boolean(runMatcher(ev, c[1], {c[0]}, c.env).isDefined());
}

JValue fnMatch(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[2].isNumber() && c[2].asNumber() < 0) throwValueError("D3040", c[2]);
  JValue result = JValue::newArray(true);
  if (c[2].isDefined() && c[2].asNumber() <= 0) return result;
  double count = 0;
  JValue match = runMatcher(ev, c[1], {c[0]}, c.env);
  while (match.isDefined() && (c[2].isUndefined() || count < c[2].asNumber())) {
    auto obj = std::make_shared<JObject>();
    obj->set("match", match.get("match"));
    obj->set("index", match.get("start"));
    obj->set("groups", match.get("groups"));
    result.ownedArray()->items.push_back(JValue::object(std::move(obj)));
    match = nextMatch(ev, match, c.env);
    count += 1;
  }
  return result;
}

// Expands $0, $1... in a replacement string as jsonata-js does (the number of digits read is
// bounded by the number of groups).
std::string substitute(std::string_view replacement, const JValue& match) {
  JValue groups = match.get("groups");
  size_t groupCount = groups.length();
  std::string out;
  size_t position = 0;
  size_t index = replacement.find('$', position);
  while (index != std::string_view::npos && position < replacement.size()) {
    out.append(replacement.substr(position, index - position));
    position = index + 1;
    char next = position < replacement.size() ? replacement[position] : '\0';
    if (next == '$') {
      out += '$';
      ++position;
    } else if (next == '0') {
      JValue m = match.get("match");
      if (m.isString()) out += m.asString();
      ++position;
    } else {
      size_t maxDigits =
          groupCount == 0
              ? 1
              : static_cast<size_t>(std::floor(std::log10(static_cast<double>(groupCount)))) + 1;
      auto parseDigits = [&](size_t n) -> long {
        std::string_view digits = replacement.substr(position, n);
        size_t k = 0;
        while (k < digits.size() && digits[k] >= '0' && digits[k] <= '9')
          ++k;
        if (k == 0) return -1;
        return std::stol(std::string(digits.substr(0, k)));
      };
      long group = parseDigits(maxDigits);
      if (maxDigits > 1 && group > static_cast<long>(groupCount))
        group = parseDigits(maxDigits - 1);
      if (group >= 0) {
        if (groupCount > 0 && group >= 1 && static_cast<size_t>(group) <= groupCount) {
          JValue g = groups.at(static_cast<size_t>(group - 1));
          if (g.isString()) out += g.asString();
        }
        position += std::to_string(group).size();
      } else {
        out += '$';
      }
    }
    index = replacement.find('$', position);
  }
  if (position < replacement.size()) out.append(replacement.substr(position));
  return out;
}

JValue fnReplace(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[1].isString() && c[1].asString().empty()) throwValueError("D3010", c[1]);
  if (c[3].isNumber() && c[3].asNumber() < 0) throwValueError("D3011", c[3]);
  std::string_view str = c[0].asString();
  bool limited = c[3].isDefined();
  double limit = limited ? c[3].asNumber() : 0;
  if (limited && limit <= 0) return c[0];
  std::string out;
  size_t position = 0;
  double count = 0;
  if (c[1].isString()) {
    std::string_view pattern = c[1].asString();
    std::string replacement = c[2].isString() ? std::string(c[2].asString()) : std::string();
    size_t index = str.find(pattern, position);
    while (index != std::string_view::npos && (!limited || count < limit)) {
      out.append(str.substr(position, index - position));
      out += replacement;
      position = index + pattern.size();
      count += 1;
      index = str.find(pattern, position);
    }
    out.append(str.substr(position));
    return JValue::string(out);
  }
  JValue match = runMatcher(ev, c[1], {c[0]}, c.env);
  if (match.isUndefined()) return c[0];
  while (match.isDefined() && (!limited || count < limit)) {
    size_t start = matchOffset(str, match, "start");
    out.append(str.substr(position, start > position ? start - position : 0));
    JValue with;
    if (c[2].isString()) {
      with = JValue::string(substitute(c[2].asString(), match));
    } else {
      with = ev.apply(c[2], {match}, JValue(), c.env);
    }
    if (!with.isString()) throwValueError("D3012", with);
    out += with.asString();
    JValue text = match.get("match");
    position = start + (text.isString() ? text.asString().size() : 0);
    count += 1;
    match = nextMatch(ev, match, c.env);
  }
  if (position < str.size()) out.append(str.substr(position));
  return JValue::string(out);
}

JValue fnSplit(Evaluator& ev, CallArgs& c) {
  if (c[0].isUndefined()) return JValue();
  if (c[2].isNumber() && c[2].asNumber() < 0) throwValueError("D3020", c[2]);
  std::string_view str = c[0].asString();
  bool limited = c[2].isDefined();
  double limit = limited ? std::floor(c[2].asNumber()) : 0;
  JValue result = JValue::newArray(false);
  auto& items = result.ownedArray()->items;
  if (limited && limit <= 0) return result;
  if (c[1].isString()) {
    std::string_view sep = c[1].asString();
    if (sep.empty()) {
      for (size_t i = 0; i < str.size() && (!limited || items.size() < limit);) {
        size_t j = i + 1;
        while (j < str.size() && (static_cast<unsigned char>(str[j]) & 0xC0) == 0x80)
          ++j;
        items.push_back(JValue::string(str.substr(i, j - i)));
        i = j;
      }
      return result;
    }
    size_t position = 0;
    while (!limited || items.size() < limit) {
      size_t index = str.find(sep, position);
      if (index == std::string_view::npos) {
        items.push_back(JValue::string(str.substr(position)));
        break;
      }
      items.push_back(JValue::string(str.substr(position, index - position)));
      position = index + sep.size();
    }
    return result;
  }
  double count = 0;
  JValue match = runMatcher(ev, c[1], {c[0]}, c.env);
  if (match.isUndefined()) {
    items.push_back(c[0]);
    return result;
  }
  size_t start = 0;
  while (match.isDefined() && (!limited || count < limit)) {
    size_t matchStart = matchOffset(str, match, "start");
    items.push_back(JValue::string(str.substr(start, matchStart > start ? matchStart - start : 0)));
    start = matchOffset(str, match, "end");
    match = nextMatch(ev, match, c.env);
    count += 1;
  }
  if (!limited || count < limit)
    items.push_back(JValue::string(start < str.size() ? str.substr(start) : ""));
  return result;
}

} // namespace

void registerRegexFunctions(FunctionRegistry& r) {
  r.addBuiltin("contains", "<s-(sf):b>", fnContains);
  r.addBuiltin("match", "<s-f<s:o>n?:a<o>>", fnMatch);
  r.addBuiltin("replace", "<s-(sf)(sf)n?:s>", fnReplace);
  r.addBuiltin("split", "<s-(sf)n?:a<s>>", fnSplit);
}

} // namespace asl::eval::jsonata
