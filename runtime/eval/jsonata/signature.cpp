// Lambda signature parsing (`<s-n?:b>`): parameter types, modifiers and type parameters,
// with JSONata's S0401/S0402 errors.
#include <algorithm>
#include <string>

#include "runtime/eval/jsonata/signature.h"

namespace asl::eval::jsonata {
namespace {

// Index of the bracket closing the one at `open`, or text.size() when unbalanced.
size_t findClosing(std::string_view text, size_t open, char opening, char closing) {
  int depth = 1;
  size_t i = open;
  while (i < text.size()) {
    ++i;
    if (i >= text.size()) break;
    if (text[i] == closing) {
      if (--depth == 0) break;
    } else if (text[i] == opening) {
      ++depth;
    }
  }
  return std::min(i, text.size());
}

std::string describeType(const SignatureParam& p) {
  return p.type == '(' ? "(" + p.choice + ")" : std::string(1, p.type);
}

} // namespace

Result<Signature, JsonataError> parseSignature(std::string_view text, uint32_t offset) {
  Signature sig;
  sig.definition = std::string(text);
  auto error = [&](std::string_view code, size_t at, std::string value) {
    // JSONata counts from just past the '<' token.
    JsonataError e = makeJsonataError(code, offset + static_cast<uint32_t>(at),
                                                     offset + 1 + static_cast<uint32_t>(at));
    e.value = std::move(value);
    return e;
  };
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    SignatureParam* prev = sig.params.empty() ? nullptr : &sig.params.back();
    switch (c) {
    case ':': {
      std::string_view rest = text.substr(i + 1);
      if (!rest.empty() && rest.back() == '>') rest.remove_suffix(1);
      sig.returnType = std::string(rest);
      return sig;
    }
    case 's': case 'n': case 'b': case 'l': case 'o': case 'a': case 'f': case 'j': case 'x': {
      SignatureParam p;
      p.type = c;
      sig.params.push_back(std::move(p));
      break;
    }
    case '-':
      if (prev) prev->useContext = true;
      break;
    case '?':
      if (prev) prev->optional = true;
      break;
    case '+':
      if (prev) prev->variadic = true;
      break;
    case '(': {
      size_t close = findClosing(text, i, '(', ')');
      std::string choice(text.substr(i + 1, close - i - 1));
      if (choice.find('<') != std::string::npos) return asl::fail(error("S0402", i, choice));
      SignatureParam p;
      p.type = '(';
      p.choice = std::move(choice);
      sig.params.push_back(std::move(p));
      i = close;
      break;
    }
    case '<': {
      if (!prev || (prev->type != 'a' && prev->type != 'f'))
        return asl::fail(error("S0401", i, prev ? describeType(*prev) : std::string()));
      size_t close = findClosing(text, i, '<', '>');
      prev->subtype = std::string(text.substr(i + 1, close - i - 1));
      i = close;
      break;
    }
    default:
      break;  // JSONata ignores anything else, including the closing '>'
    }
  }
  return sig;
}

} // namespace asl::eval::jsonata
