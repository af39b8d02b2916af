// JSONata regexes on PCRE2. JavaScript's semantics where PCRE2's defaults differ: `$` matches
// only at the very end (DOLLAR_ENDONLY), \u and \x escapes are ECMAScript's (ALT_BSUX), a
// back reference to an unset group matches the empty string (MATCH_UNSET_BACKREF), and \w,
// \d, \b stay ASCII as in JavaScript without the `u` flag.
#define PCRE2_CODE_UNIT_WIDTH 8
#include "runtime/eval/jsonata/regex.h"

#include <pcre2.h>

#include "runtime/eval/jsonata/evaluator_core.h"

namespace asl::eval::jsonata {

RegexCode::~RegexCode() {
  if (void* c = code.load(std::memory_order_acquire)) pcre2_code_free(static_cast<pcre2_code*>(c));
}

CompiledRegex::~CompiledRegex() {
  if (matchData) pcre2_match_data_free(static_cast<pcre2_match_data*>(matchData));
  if (code && ownsCode) pcre2_code_free(static_cast<pcre2_code*>(code));
}

std::optional<RegexMatch> CompiledRegex::exec(std::string_view subject, size_t from) const {
  if (from > subject.size()) return std::nullopt;
  auto* md = static_cast<pcre2_match_data*>(matchData);
  int rc = pcre2_match(static_cast<pcre2_code*>(code), reinterpret_cast<PCRE2_SPTR>(subject.data()),
                       subject.size(), from, PCRE2_NO_UTF_CHECK, md, nullptr);
  if (rc < 0) return std::nullopt;
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  uint32_t pairs = 0;
  pcre2_pattern_info(static_cast<pcre2_code*>(code), PCRE2_INFO_CAPTURECOUNT, &pairs);
  RegexMatch m;
  m.start = ov[0];
  m.end = ov[1];
  for (uint32_t g = 1; g <= pairs; ++g) {
    if (static_cast<int>(g) < rc && ov[2 * g] != PCRE2_UNSET) {
      m.groups.emplace_back(std::string(subject.substr(ov[2 * g], ov[2 * g + 1] - ov[2 * g])));
    } else {
      m.groups.emplace_back(std::nullopt);
    }
  }
  return m;
}

std::shared_ptr<CompiledRegex> compileRegex(const Node& regex) {
  auto compiled = std::make_shared<CompiledRegex>();
  compiled->source = regex.text;
  compiled->position = regex.position;
  uint32_t flags = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF;
  for (char f : regex.regexFlags) {
    if (f == 'i') flags |= PCRE2_CASELESS;
    if (f == 'm') flags |= PCRE2_MULTILINE;
  }
  void* code = regex.regex.code.load(std::memory_order_acquire);
  if (!code) {
    int error = 0;
    PCRE2_SIZE offset = 0;
    code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(regex.text.data()), regex.text.size(),
                         flags, &error, &offset, nullptr);
    if (!code) {
      JsonataError e = makeError("S0302", regex.position);
      throwError(std::move(e));
    }
    // Another thread may have compiled it meanwhile: keep the first, free this one.
    void* expected = nullptr;
    if (!regex.regex.code.compare_exchange_strong(expected, code, std::memory_order_acq_rel)) {
      pcre2_code_free(static_cast<pcre2_code*>(code));
      code = expected;
    }
  }
  compiled->code = code;
  compiled->ownsCode = false;
  compiled->matchData =
      pcre2_match_data_create_from_pattern(static_cast<pcre2_code*>(code), nullptr);
  return compiled;
}

std::shared_ptr<CompiledRegex> compilePattern(std::string_view pattern, bool caseless) {
  uint32_t flags = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | (caseless ? PCRE2_CASELESS : 0);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   flags, &error, &offset, nullptr);
  if (!code) return nullptr;
  auto compiled = std::make_shared<CompiledRegex>();
  compiled->source = std::string(pattern);
  compiled->code = code;
  compiled->matchData = pcre2_match_data_create_from_pattern(code, nullptr);
  return compiled;
}

size_t byteOffsetOfCodePoint(std::string_view s, size_t index) {
  size_t byte = 0;
  for (size_t cp = 0; cp < index && byte < s.size(); ++cp) {
    ++byte;
    while (byte < s.size() && (static_cast<unsigned char>(s[byte]) & 0xC0) == 0x80)
      ++byte;
  }
  return byte;
}

size_t codePointIndexOfByte(std::string_view s, size_t byte) {
  size_t cp = 0;
  for (size_t i = 0; i < byte && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++cp;
  return cp;
}

JValue regexMatchObject(Evaluator& ev, const std::shared_ptr<CompiledRegex>& regex,
                        const JValue& subject, size_t fromByte) {
  if (!subject.isString()) return JValue();
  std::string_view str = subject.asString();
  std::optional<RegexMatch> m = regex->exec(str, fromByte);
  if (!m) return JValue();
  (void)ev;
  auto obj = std::make_shared<JObject>();
  obj->set("match", JValue::string(str.substr(m->start, m->end - m->start)));
  size_t startCp = codePointIndexOfByte(str, m->start);
  size_t endCp = startCp + codePointIndexOfByte(str.substr(m->start), m->end - m->start);
  obj->set("start", JValue::number(static_cast<double>(startCp)));
  obj->set("end", JValue::number(static_cast<double>(endCp)));
  JValue groups = JValue::newArray(false);
  for (auto& g : m->groups)
    groups.ownedArray()->items.push_back(JValue::string(g ? *g : std::string()));
  obj->set("groups", groups);
  auto next = std::make_shared<Function>();
  next->kind = FunctionKind::Native;
  size_t lastIndex = m->end;
  next->native = [regex, subject, lastIndex](Evaluator& e, CallArgs&) -> JValue {
    if (lastIndex >= subject.asString().size()) return JValue();
    JValue following = regexMatchObject(e, regex, subject, lastIndex);
    if (following.isObject()) {
      JValue text = following.get("match");
      if (text.isString() && text.asString().empty()) {
        JsonataError err = makeError("D1004", regex->position);
        err.value = regex->source;
        throwError(std::move(err));
      }
    }
    return following;
  };
  obj->set("next", JValue::function(std::move(next)));
  return JValue::object(std::move(obj));
}

} // namespace asl::eval::jsonata
