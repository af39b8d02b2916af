// Helpers the core and the function libraries share: truthiness, equality, sequences,
// cloning, JSONata's $string formatting, errors, and signature validation.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "runtime/base/json_escape.h"
#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {

JsonataError makeError(std::string_view code, uint32_t position) {
  return makeJsonataError(code, position, position);
}

void throwError(std::string_view code, uint32_t position) {
  throw JsonataThrow{makeError(code, position)};
}

void throwError(JsonataError error) {
  throw JsonataThrow{std::move(error)};
}

void throwValueError(std::string_view code, const JValue& value, uint32_t position) {
  JsonataError e = makeError(code, position);
  e.value = describeValue(value);
  e.valueIsLiteral = true;
  throw JsonataThrow{std::move(e)};
}

void checkNesting(uint32_t depth) {
  if (depth <= kMaxValueNesting) return;
  JsonataError e = makeError("U1001");
  e.value = "Value nests deeper than " + std::to_string(kMaxValueNesting) + " levels";
  e.valueIsLiteral = true;
  throw JsonataThrow{std::move(e)};
}

bool isTruthy(const JValue& value) {
  JValue b = toBoolean(value);
  return b.isBool() && b.asBool();
}

JValue toBoolean(const JValue& value, uint32_t depth) {
  checkNesting(depth);
  switch (value.kind()) {
  case JKind::Undefined:
    return JValue();
  case JKind::Null:
    return JValue::boolean(false);
  case JKind::Bool:
    return value;
  case JKind::Number:
    return JValue::boolean(value.asNumber() != 0);
  case JKind::String:
    return JValue::boolean(!value.asString().empty());
  case JKind::Object:
    return JValue::boolean(value.memberCount() > 0);
  case JKind::Function:
    return JValue::boolean(false);
  case JKind::Array: {
    size_t n = value.length();
    if (n == 1) return toBoolean(value.at(0), depth + 1);
    for (size_t i = 0; i < n; ++i) {
      JValue b = toBoolean(value.at(i), depth + 1);
      if (b.isBool() && b.asBool()) return JValue::boolean(true);
    }
    return JValue::boolean(false);
  }
  }
  return JValue::boolean(false);
}

bool deepEqual(const JValue& a, const JValue& b, uint32_t depth) {
  checkNesting(depth);
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
  case JKind::Undefined:
  case JKind::Null:
    return true;
  case JKind::Bool:
    return a.asBool() == b.asBool();
  case JKind::Number:
    return a.asNumber() == b.asNumber();
  case JKind::String:
    return a.asString() == b.asString();
  case JKind::Function:
    return a.identity() == b.identity();
  case JKind::Array: {
    if (a.length() != b.length()) return false;
    for (size_t i = 0; i < a.length(); ++i)
      if (!deepEqual(a.at(i), b.at(i), depth + 1)) return false;
    return true;
  }
  case JKind::Object: {
    if (a.memberCount() != b.memberCount()) return false;
    for (size_t i = 0; i < a.memberCount(); ++i) {
      JValue other = b.get(a.keyAt(i));
      if (!deepEqual(a.valueAt(i), other, depth + 1)) return false;
    }
    return true;
  }
  }
  return false;
}

JValue singletonSequence(const JValue& value) {
  JValue seq = JValue::newArray(true);
  seq.ownedArray()->items.push_back(value);
  return seq;
}

void pushItems(std::vector<JValue>& out, const JValue& value) {
  if (value.isUndefined()) return;
  if (!value.isArray()) {
    out.push_back(value);
    return;
  }
  if (const JArray* owned = value.ownedArray()) {
    out.insert(out.end(), owned->items.begin(), owned->items.end());
    return;
  }
  size_t n = value.length();
  out.reserve(out.size() + n);
  for (size_t i = 0; i < n; ++i)
    out.push_back(value.at(i));
}

std::vector<JValue> itemsOf(const JValue& value) {
  std::vector<JValue> out;
  pushItems(out, value);
  return out;
}

JValue appendValues(const JValue& a, const JValue& b) {
  if (a.isUndefined()) return b;
  if (b.isUndefined()) return a;
  std::vector<JValue> items;
  pushItems(items, a);
  pushItems(items, b);
  return makeArray(std::move(items), false);
}

JValue deepClone(const JValue& value, uint32_t depth) {
  checkNesting(depth);
  if (value.isArray()) {
    auto arr = std::make_shared<JArray>();
    if (const JArray* owned = value.ownedArray()) {
      arr->sequence = owned->sequence;
      arr->cons = owned->cons;
    }
    for (size_t i = 0; i < value.length(); ++i)
      arr->items.push_back(deepClone(value.at(i), depth + 1));
    return JValue::array(std::move(arr));
  }
  if (value.isObject()) {
    auto obj = std::make_shared<JObject>();
    obj->members.reserve(value.memberCount());
    for (size_t i = 0; i < value.memberCount(); ++i)
      obj->members.emplace_back(std::string(value.keyAt(i)),
                                deepClone(value.valueAt(i), depth + 1));
    return JValue::object(std::move(obj));
  }
  return value;
}

std::string formatJsNumber(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
  if (d == 0) return "0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, end);
  // sci is like "-1.2345e+02": split into sign, digits and exponent.
  std::string out;
  size_t i = 0;
  if (sci[0] == '-') {
    out += '-';
    i = 1;
  }
  size_t e = sci.find('e');
  std::string digits;
  for (size_t k = i; k < e; ++k)
    if (sci[k] != '.') digits += sci[k];
  int exponent = std::atoi(sci.c_str() + e + 1);
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<size_t>(n));
    out += '.';
    out += digits.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

namespace {

double toPrecision15(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14e", d);
  return std::strtod(buf, nullptr);
}

void newline(std::string& out, bool pretty, int level) {
  if (!pretty) return;
  out += '\n';
  out.append(static_cast<size_t>(level) * 2, ' ');
}

void stringifyInto(std::string& out, const JValue& v, bool pretty, int level) {
  checkNesting(static_cast<uint32_t>(level));
  switch (v.kind()) {
  case JKind::Undefined:
  case JKind::Null:
    out += "null";
    return;
  case JKind::Bool:
    out += v.asBool() ? "true" : "false";
    return;
  case JKind::Number:
    if (!std::isfinite(v.asNumber())) throwValueError("D1001", v);
    out += formatJsNumber(toPrecision15(v.asNumber()));
    return;
  case JKind::String:
    appendJsonString(out, v.asString());
    return;
  case JKind::Function:
    out += "\"\"";
    return;
  case JKind::Array: {
    size_t n = v.length();
    if (n == 0) {
      out += "[]";
      return;
    }
    out += '[';
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out += ',';
      newline(out, pretty, level + 1);
      stringifyInto(out, v.at(i), pretty, level + 1);
    }
    newline(out, pretty, level);
    out += ']';
    return;
  }
  case JKind::Object: {
    bool any = false;
    out += '{';
    for (size_t i = 0; i < v.memberCount(); ++i) {
      JValue member = v.valueAt(i);
      if (member.isUndefined()) continue;
      if (any) out += ',';
      any = true;
      newline(out, pretty, level + 1);
      appendJsonString(out, v.keyAt(i));
      out += pretty ? ": " : ":";
      stringifyInto(out, member, pretty, level + 1);
    }
    if (any) newline(out, pretty, level);
    out += '}';
    return;
  }
  }
}

} // namespace

std::string stringify(const JValue& value, bool pretty) {
  std::string out;
  stringifyInto(out, value, pretty, 0);
  return out;
}

std::string describeValue(const JValue& value) {
  if (value.isUndefined()) return "undefined";
  if (value.isFunction()) return "function";
  if (value.isNumber()) return formatJsNumber(value.asNumber());
  try {
    return stringify(value, false);
  } catch (const JsonataThrow&) {
    return "?";
  }
}

size_t codePointLength(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// --- Signature validation ----------------------------------------------------------------

namespace {

char symbolOf(const JValue& v) {
  switch (v.kind()) {
  case JKind::Function:
    return 'f';
  case JKind::String:
    return 's';
  case JKind::Number:
    return 'n';
  case JKind::Bool:
    return 'b';
  case JKind::Null:
    return 'l';
  case JKind::Array:
    return 'a';
  case JKind::Object:
    return 'o';
  case JKind::Undefined:
    return 'm';
  }
  return 'm';
}

// Whether a parameter accepts an argument's symbol (jsonata-js builds a regex character class
// from the symbols; this answers without building anything, as it runs on every call).
bool accepts(const SignatureParam& p, char symbol) {
  switch (p.type) {
  case 'a':
  case 'x':
    return true; // "asnblfom": every symbol there is
  case 'j':
    return symbol != 'f';
  case '(':
    return symbol == 'm' || p.choice.find(symbol) != std::string::npos;
  default:
    return symbol == p.type || symbol == 'm';
  }
}

struct ParamMatch {
  size_t begin = 0;
  size_t length = 0;
};

// Matches the argument symbols against the parameters as the anchored regex
// ^(p1)(p2)...$ would, greedy with backtracking. Each parameter matches one symbol, or
// optionally none (`?`, `-`), or one or more (`+`).
bool matchParams(const std::vector<SignatureParam>& params, std::string_view symbols, size_t p,
                 size_t pos, ParamMatch* out) {
  if (p == params.size()) return pos == symbols.size();
  const SignatureParam& param = params[p];
  size_t run = 0;
  while (pos + run < symbols.size() && accepts(param, symbols[pos + run])) {
    ++run;
    if (!param.variadic) break;
  }
  bool mayBeEmpty = param.optional || param.useContext;
  size_t minimum = mayBeEmpty ? 0 : 1;
  for (size_t len = run + 1; len-- > minimum;) {
    out[p] = ParamMatch{pos, len};
    if (matchParams(params, symbols, p + 1, pos + len, out)) return true;
    if (len == 0) break;
  }
  return false;
}

// Length of the longest prefix of `symbols` the first `count` parameters match, or npos.
size_t partialMatch(const std::vector<SignatureParam>& params, std::string_view symbols,
                    size_t count) {
  // Greedy without the end anchor, as jsonata-js's partial regexes.
  std::vector<SignatureParam> head(params.begin(), params.begin() + static_cast<long>(count));
  std::vector<ParamMatch> ignored(count);
  for (size_t len = symbols.size() + 1; len-- > 0;) {
    if (matchParams(head, symbols.substr(0, len), 0, 0, ignored.data())) return len;
  }
  return std::string::npos;
}

[[noreturn]] void throwMismatch(const std::vector<JValue>& args, size_t index) {
  JsonataError e = makeError("T0410");
  e.value = std::to_string(index + 1);
  e.valueIsLiteral = true;
  (void)args;
  throwError(std::move(e));
}

} // namespace

std::vector<JValue> validateArguments(const Signature& sig, std::vector<JValue>& args,
                                      const JValue& context) {
  // Built-ins take a handful of parameters: their symbols and matches fit on the stack.
  std::string symbols;
  symbols.reserve(args.size());
  for (const JValue& a : args)
    symbols += symbolOf(a);
  constexpr size_t kInline = 8;
  ParamMatch inlineMatches[kInline];
  std::vector<ParamMatch> heapMatches;
  ParamMatch* matches = inlineMatches;
  if (sig.params.size() > kInline) {
    heapMatches.resize(sig.params.size());
    matches = heapMatches.data();
  }
  if (!matchParams(sig.params, symbols, 0, 0, matches)) {
    size_t goodTo = 0;
    for (size_t i = 1; i <= sig.params.size(); ++i) {
      size_t len = partialMatch(sig.params, symbols, i);
      if (len == std::string::npos) throwMismatch(args, goodTo);
      goodTo = len;
    }
    throwMismatch(args, goodTo);
  }
  std::vector<JValue> validated;
  validated.reserve(sig.params.size());
  size_t argIndex = 0;
  for (size_t p = 0; p < sig.params.size(); ++p) {
    const SignatureParam& param = sig.params[p];
    const ParamMatch& m = matches[p];
    if (m.length == 0) {
      if (param.useContext) {
        char type = symbolOf(context);
        if (!accepts(param, type)) {
          JsonataError e = makeError("T0411");
          e.value = std::to_string(argIndex + 1);
          e.valueIsLiteral = true;
          throwError(std::move(e));
        }
        validated.push_back(context);
      } else {
        validated.push_back(argIndex < args.size() ? args[argIndex] : JValue());
        ++argIndex;
      }
      continue;
    }
    for (size_t k = 0; k < m.length; ++k) {
      char single = symbols[m.begin + k];
      JValue arg = argIndex < args.size() ? args[argIndex] : JValue();
      if (param.type == 'a') {
        if (single == 'm') {
          arg = JValue();
        } else {
          bool arrayOk = true;
          if (!param.subtype.empty()) {
            if (single != 'a' && std::string(1, single) != param.subtype) {
              arrayOk = false;
            } else if (single == 'a' && arg.length() > 0) {
              char itemType = symbolOf(arg.at(0));
              if (itemType != param.subtype[0]) {
                arrayOk = false;
              } else {
                for (size_t i = 0; i < arg.length(); ++i)
                  if (symbolOf(arg.at(i)) != itemType) arrayOk = false;
              }
            }
          }
          if (!arrayOk) {
            JsonataError e = makeError("T0412");
            e.value = std::to_string(argIndex + 1);
            e.valueIsLiteral = true;
            throwError(std::move(e));
          }
          if (single != 'a') arg = makeArray({arg}, false);
        }
      }
      validated.push_back(std::move(arg));
      ++argIndex;
    }
  }
  return validated;
}

} // namespace asl::eval::jsonata
