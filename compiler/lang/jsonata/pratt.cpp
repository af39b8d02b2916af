// Pratt parser for JSONata: binding powers, prefix (nud) and infix (led) forms, and the
// syntax errors JSONata raises while reading tokens (S0201-S0214, S0401/S0402).
#include "compiler/lang/jsonata/pratt.h"

#include <algorithm>
#include <string>

#include "compiler/lang/jsonata/lexer.h"
#include "compiler/lang/jsonata/try.h"

namespace asl::lang::jsonata {
namespace {

using eval::jsonata::makeJsonataError;

// Left binding powers (JSONata's operator table). Tokens not listed bind nothing.
int bindingPower(const Token& t) {
  if (t.kind != TokenKind::Operator) return 0;
  struct Entry {
    std::string_view op;
    int bp;
  };
  static constexpr Entry kTable[] = {
      {".", 75}, {"[", 80}, {"{", 70}, {"(", 80}, {"@", 80}, {"#", 80}, {"?", 20},
      {"+", 50}, {"-", 50}, {"*", 60}, {"/", 60}, {"%", 60}, {"=", 40}, {"<", 40},
      {">", 40}, {"!=", 40}, {"<=", 40}, {">=", 40}, {"^", 40}, {"~>", 40}, {"&", 50},
      {"and", 30}, {"or", 25}, {"in", 40}, {":=", 10}, {"?:", 40}, {"??", 40},
  };
  for (const Entry& e : kTable)
    if (e.op == t.text) return e.bp;
  return 0;
}

// Operator tokens the lexer knows only so that they end names; the parser has no use for them.
bool isUnknownOperator(const Token& t) {
  return t.kind == TokenKind::Operator && (t.text == "!" || t.text == "~");
}

bool isOp(const Token& t, std::string_view op) {
  return t.kind == TokenKind::Operator && t.text == op;
}

// The token's "value" as JSONata reports it in errors and rebuilds signatures from.
std::string tokenValue(const Token& t) {
  switch (t.kind) {
  case TokenKind::End: return "(end)";
  case TokenKind::Number: return t.text;
  case TokenKind::Regex: return "/" + t.text + "/" + t.flags;
  default: return t.text;
  }
}

bool isLiteralToken(const Token& t) {
  return t.kind == TokenKind::Number || t.kind == TokenKind::True || t.kind == TokenKind::False ||
         t.kind == TokenKind::Null;
}

// Above this many levels the raw tree is refused: later stages (post-processing, evaluation,
// destruction) recurse over it. Left-associative chains such as a+b+c+... grow it without
// nesting, so this is separate from Limits::maxExpressionDepth.
constexpr uint32_t kMaxTreeHeight = 1000;

class PrattParser {
public:
  PrattParser(std::string_view source, const Limits& limits, ParseOptions options)
      : lexer_(source, LexerOptions{options.defaultOperators}), limits_(limits) {}

  Result<RawPtr, JsonataError> parseAll() {
    ASL_JSONATA_CHECK(advance());
    ASL_JSONATA_ASSIGN(expr, expression(0));
    if (node_.kind != TokenKind::End) return fail(tokenError("S0201", node_));
    return expr;
  }

private:
  JsonataError tokenError(std::string_view code, const Token& t) const {
    JsonataError e = makeJsonataError(code, t.start, t.end);
    e.token = tokenValue(t);
    e.tokenIsLiteral = isLiteralToken(t);
    return e;
  }

  // Moves to the next token, first checking that the current one is `expected` (if given).
  // `infix` tells the lexer an operator is expected, so '/' is division, not a regex.
  Result<void, JsonataError> advance(std::string_view expected = {}, bool infix = false) {
    if (!expected.empty() && !isOp(node_, expected)) {
      JsonataError e = tokenError(node_.kind == TokenKind::End ? "S0203" : "S0202", node_);
      e.value = std::string(expected);
      return fail(std::move(e));
    }
    ASL_JSONATA_ASSIGN(next, lexer_.next(infix));
    if (isUnknownOperator(next)) return fail(tokenError("S0204", next));
    node_ = std::move(next);
    return {};
  }

  RawPtr makeRaw(RawKind kind, const Token& t) const {
    auto n = std::make_unique<RawNode>();
    n->kind = kind;
    n->text = t.text;
    n->start = t.start;
    n->position = t.end;
    return n;
  }

  // Records the height of `n` from its children; fails when the tree grows too tall.
  Result<void, JsonataError> seal(RawNode& n) {
    uint32_t h = 0;
    auto see = [&h](const RawPtr& c) {
      if (c) h = std::max(h, c->height);
    };
    see(n.lhs);
    see(n.rhs);
    see(n.third);
    for (const RawPtr& c : n.items) see(c);
    for (const auto& [k, v] : n.pairs) {
      see(k);
      see(v);
    }
    for (const RawSortTerm& t : n.terms) see(t.expr);
    n.height = h + 1;
    if (n.height > kMaxTreeHeight) return fail(limitError(kMaxTreeHeight, n));
    return {};
  }

  JsonataError limitError(uint32_t limit, const RawNode& at) const {
    JsonataError e = makeJsonataError("L0001", at.start, at.position);
    e.value = std::to_string(limit);
    e.valueIsLiteral = true;
    return e;
  }

  Result<RawPtr, JsonataError> expression(int rbp) {
    if (depth_ >= limits_.maxExpressionDepth) {
      JsonataError e = makeJsonataError("L0001", node_.start, node_.end);
      e.value = std::to_string(limits_.maxExpressionDepth);
      e.valueIsLiteral = true;
      return fail(std::move(e));
    }
    ++depth_;
    Token t = std::move(node_);
    ASL_JSONATA_CHECK(advance({}, true));
    ASL_JSONATA_ASSIGN(left, nud(t));
    while (rbp < bindingPower(node_)) {
      Token op = std::move(node_);
      ASL_JSONATA_CHECK(advance());
      ASL_JSONATA_ASSIGN(next, led(op, std::move(left)));
      left = std::move(next);
    }
    --depth_;
    return left;
  }

  Result<RawPtr, JsonataError> nud(const Token& t) {
    switch (t.kind) {
    case TokenKind::End: return makeRaw(RawKind::End, t);
    case TokenKind::Name: return makeRaw(RawKind::Name, t);
    case TokenKind::Variable: return makeRaw(RawKind::Variable, t);
    case TokenKind::String: return makeRaw(RawKind::String, t);
    case TokenKind::True: return makeRaw(RawKind::True, t);
    case TokenKind::False: return makeRaw(RawKind::False, t);
    case TokenKind::Null: return makeRaw(RawKind::Null, t);
    case TokenKind::Number: {
      RawPtr n = makeRaw(RawKind::Number, t);
      n->number = t.number;
      return n;
    }
    case TokenKind::Regex: {
      RawPtr n = makeRaw(RawKind::Regex, t);
      n->flags = t.flags;
      return n;
    }
    case TokenKind::Operator: break;
    }
    const std::string& op = t.text;
    if (op == "and" || op == "or" || op == "in") return makeRaw(RawKind::KeywordName, t);
    if (op == "*") return makeRaw(RawKind::Wildcard, t);
    if (op == "**") return makeRaw(RawKind::Descendant, t);
    if (op == "%") return makeRaw(RawKind::Parent, t);
    if (op == "-") {
      RawPtr n = makeRaw(RawKind::Negate, t);
      ASL_JSONATA_ASSIGN(operand, expression(70));
      n->lhs = std::move(operand);
      return sealed(std::move(n));
    }
    if (op == "(") return block(t);
    if (op == "[") return arrayConstructor(t);
    if (op == "{") return objectConstructor(t, nullptr);
    if (op == "|") return transform(t);
    return fail(tokenError("S0211", t));
  }

  Result<RawPtr, JsonataError> sealed(RawPtr n) {
    ASL_JSONATA_CHECK(seal(*n));
    return n;
  }

  Result<RawPtr, JsonataError> block(const Token& t) {
    RawPtr n = makeRaw(RawKind::Block, t);
    while (!isOp(node_, ")")) {
      ASL_JSONATA_ASSIGN(item, expression(0));
      n->items.push_back(std::move(item));
      if (!isOp(node_, ";")) break;
      ASL_JSONATA_CHECK(advance(";"));
    }
    ASL_JSONATA_CHECK(advance(")", true));
    return sealed(std::move(n));
  }

  Result<RawPtr, JsonataError> arrayConstructor(const Token& t) {
    RawPtr n = makeRaw(RawKind::ArrayCons, t);
    if (!isOp(node_, "]")) {
      for (;;) {
        ASL_JSONATA_ASSIGN(item, expression(0));
        if (isOp(node_, "..")) {
          RawPtr range = makeRaw(RawKind::Binary, node_);
          range->lhs = std::move(item);
          ASL_JSONATA_CHECK(advance(".."));
          ASL_JSONATA_ASSIGN(to, expression(0));
          range->rhs = std::move(to);
          ASL_JSONATA_CHECK(seal(*range));
          item = std::move(range);
        }
        n->items.push_back(std::move(item));
        if (!isOp(node_, ",")) break;
        ASL_JSONATA_CHECK(advance(","));
      }
    }
    ASL_JSONATA_CHECK(advance("]", true));
    return sealed(std::move(n));
  }

  // `{k: v, ...}` as a constructor (left == nullptr) or as a grouping on `left`.
  Result<RawPtr, JsonataError> objectConstructor(const Token& t, RawPtr left) {
    RawPtr n = makeRaw(left ? RawKind::Binary : RawKind::ObjectCons, t);
    if (!isOp(node_, "}")) {
      for (;;) {
        ASL_JSONATA_ASSIGN(key, expression(0));
        ASL_JSONATA_CHECK(advance(":"));
        ASL_JSONATA_ASSIGN(value, expression(0));
        n->pairs.emplace_back(std::move(key), std::move(value));
        if (!isOp(node_, ",")) break;
        ASL_JSONATA_CHECK(advance(","));
      }
    }
    ASL_JSONATA_CHECK(advance("}", true));
    n->lhs = std::move(left);
    return sealed(std::move(n));
  }

  Result<RawPtr, JsonataError> transform(const Token& t) {
    RawPtr n = makeRaw(RawKind::Transform, t);
    ASL_JSONATA_ASSIGN(pattern, expression(0));
    n->lhs = std::move(pattern);
    ASL_JSONATA_CHECK(advance("|"));
    ASL_JSONATA_ASSIGN(update, expression(0));
    n->rhs = std::move(update);
    if (isOp(node_, ",")) {
      ASL_JSONATA_CHECK(advance(","));
      ASL_JSONATA_ASSIGN(deletion, expression(0));
      n->third = std::move(deletion);
    }
    ASL_JSONATA_CHECK(advance("|"));
    return sealed(std::move(n));
  }

  Result<RawPtr, JsonataError> led(const Token& t, RawPtr left) {
    const std::string& op = t.text;
    if (op == "(") return call(t, std::move(left));
    if (op == "[") return filter(t, std::move(left));
    if (op == "^") return orderBy(t, std::move(left));
    if (op == "{") return objectConstructor(t, std::move(left));
    if (op == "?") {
      RawPtr n = makeRaw(RawKind::Condition, t);
      n->lhs = std::move(left);
      ASL_JSONATA_ASSIGN(then, expression(0));
      n->rhs = std::move(then);
      if (isOp(node_, ":")) {
        ASL_JSONATA_CHECK(advance(":"));
        ASL_JSONATA_ASSIGN(otherwise, expression(0));
        n->third = std::move(otherwise);
      }
      return sealed(std::move(n));
    }
    if (op == "?:" || op == "??") {
      RawPtr n = makeRaw(op == "?:" ? RawKind::Elvis : RawKind::Coalesce, t);
      n->lhs = std::move(left);
      ASL_JSONATA_ASSIGN(rhs, expression(0));
      n->rhs = std::move(rhs);
      return sealed(std::move(n));
    }
    if (op == ":=") {
      if (left->kind != RawKind::Variable) {
        JsonataError e = makeJsonataError("S0212", left->start, left->position);
        e.token = left->text;
        return fail(std::move(e));
      }
      RawPtr n = makeRaw(RawKind::Binary, t);
      n->lhs = std::move(left);
      ASL_JSONATA_ASSIGN(rhs, expression(bindingPower(t) - 1));  // right-associative
      n->rhs = std::move(rhs);
      return sealed(std::move(n));
    }
    RawPtr n = makeRaw(RawKind::Binary, t);
    n->lhs = std::move(left);
    ASL_JSONATA_ASSIGN(rhs, expression(bindingPower(t)));
    if ((op == "@" || op == "#") && rhs->kind != RawKind::Variable) {
      JsonataError e = makeJsonataError("S0214", rhs->start, rhs->position);
      e.token = op;
      return fail(std::move(e));
    }
    n->rhs = std::move(rhs);
    return sealed(std::move(n));
  }

  Result<RawPtr, JsonataError> call(const Token& t, RawPtr procedure) {
    RawPtr n = makeRaw(RawKind::Call, t);
    if (!isOp(node_, ")")) {
      for (;;) {
        if (isOp(node_, "?")) {
          n->kind = RawKind::Partial;
          n->items.push_back(makeRaw(RawKind::Placeholder, node_));
          ASL_JSONATA_CHECK(advance("?"));
        } else {
          ASL_JSONATA_ASSIGN(arg, expression(0));
          n->items.push_back(std::move(arg));
        }
        if (!isOp(node_, ",")) break;
        ASL_JSONATA_CHECK(advance(","));
      }
    }
    ASL_JSONATA_CHECK(advance(")", true));
    bool isLambda = procedure->kind == RawKind::Name &&
                    (procedure->text == "function" || procedure->text == "\xCE\xBB");
    n->lhs = std::move(procedure);
    if (!isLambda) return sealed(std::move(n));

    for (size_t i = 0; i < n->items.size(); ++i) {
      const RawNode& param = *n->items[i];
      if (param.kind != RawKind::Variable) {
        JsonataError e = makeJsonataError("S0208", param.start, param.position);
        e.token = param.kind == RawKind::Placeholder ? "?" : param.text;
        e.tokenIsLiteral = param.kind == RawKind::Number || param.kind == RawKind::True ||
                           param.kind == RawKind::False || param.kind == RawKind::Null;
        e.value = std::to_string(i + 1);
        e.valueIsLiteral = true;
        return fail(std::move(e));
      }
    }
    n->kind = RawKind::Lambda;
    if (isOp(node_, "<")) {
      // JSONata rebuilds the signature from the tokens up to the matching '>'.
      uint32_t signatureOffset = node_.start;
      int depth = 1;
      std::string text = "<";
      while (depth > 0 && !isOp(node_, "{") && node_.kind != TokenKind::End) {
        ASL_JSONATA_CHECK(advance());
        if (isOp(node_, ">")) --depth;
        else if (isOp(node_, "<")) ++depth;
        text += tokenValue(node_);
      }
      ASL_JSONATA_CHECK(advance(">"));
      ASL_JSONATA_ASSIGN(signature, parseSignature(text, signatureOffset));
      n->signature = std::move(signature);
    }
    ASL_JSONATA_CHECK(advance("{"));
    ASL_JSONATA_ASSIGN(body, expression(0));
    n->rhs = std::move(body);
    ASL_JSONATA_CHECK(advance("}"));
    return sealed(std::move(n));
  }

  Result<RawPtr, JsonataError> filter(const Token& t, RawPtr left) {
    if (isOp(node_, "]")) {
      // `[]` keeps singleton arrays; it marks the step under any predicates already applied.
      RawNode* step = left.get();
      while (step->kind == RawKind::Binary && step->text == "[") step = step->lhs.get();
      step->keepArray = true;
      ASL_JSONATA_CHECK(advance("]"));
      return left;
    }
    RawPtr n = makeRaw(RawKind::Binary, t);
    n->lhs = std::move(left);
    ASL_JSONATA_ASSIGN(predicate, expression(0));
    n->rhs = std::move(predicate);
    ASL_JSONATA_CHECK(advance("]", true));
    return sealed(std::move(n));
  }

  Result<RawPtr, JsonataError> orderBy(const Token& t, RawPtr left) {
    RawPtr n = makeRaw(RawKind::Binary, t);
    n->lhs = std::move(left);
    ASL_JSONATA_CHECK(advance("("));
    for (;;) {
      RawSortTerm term;
      if (isOp(node_, "<")) {
        ASL_JSONATA_CHECK(advance("<"));
      } else if (isOp(node_, ">")) {
        term.descending = true;
        ASL_JSONATA_CHECK(advance(">"));
      }
      ASL_JSONATA_ASSIGN(expr, expression(0));
      term.expr = std::move(expr);
      n->terms.push_back(std::move(term));
      if (!isOp(node_, ",")) break;
      ASL_JSONATA_CHECK(advance(","));
    }
    ASL_JSONATA_CHECK(advance(")"));
    return sealed(std::move(n));
  }

  Lexer lexer_;
  Limits limits_;
  Token node_;
  uint32_t depth_ = 0;
};

} // namespace

Result<RawPtr, JsonataError> parseRaw(std::string_view expr, const Limits& limits,
                                      ParseOptions options) {
  PrattParser parser(expr, limits, options);
  return parser.parseAll();
}

} // namespace asl::lang::jsonata
