#include "compiler/bytecode/writer.h"

#include <cassert>

#include "runtime/bytecode/format.h"
#include "runtime/eval/jsonata/ast.h"

namespace asl::bytecode {
namespace {

using namespace bc::format;

// Encodes one section at a time into `out`; every function mirrors a reader in
// runtime/bytecode/loader.cpp and a grammar rule in docs/bytecode.md.
class Encoder {
public:
  std::string out;

  void u8(uint8_t v) { out += static_cast<char>(v); }
  void varint(uint64_t v) { appendVarint(out, v); }
  void sint(int64_t v) { appendVarint(out, zigzag(v)); }
  void f64(double v) { appendDouble(out, v); }
  void boolean(bool v) { u8(v ? 1 : 0); }
  void str(std::string_view s) {
    varint(s.size());
    out.append(s);
  }
  // An optional index: 0 for none, index + 1 otherwise.
  void ref(bc::Index i) { varint(i == bc::kNone ? 0 : uint64_t{i} + 1); }
  template <class T> void enumByte(T v) { u8(static_cast<uint8_t>(v)); }

  void optStr(const std::optional<std::string>& s) {
    boolean(s.has_value());
    if (s) str(*s);
  }

  void strings(const std::vector<std::string>& list) {
    varint(list.size());
    for (const auto& s : list)
      str(s);
  }

  // --- values and templates -----------------------------------------------------------------

  void value(const Value& v) {
    switch (v.kind()) {
    case ValueKind::Null:
      enumByte(ValueTag::Null);
      return;
    case ValueKind::Bool:
      enumByte(v.asBool() ? ValueTag::True : ValueTag::False);
      return;
    case ValueKind::Number:
      if (v.isInteger()) {
        enumByte(ValueTag::Integer);
        sint(v.asInteger());
      } else {
        enumByte(ValueTag::Double);
        f64(v.asDouble());
      }
      return;
    case ValueKind::String:
      enumByte(ValueTag::String);
      str(v.asString());
      return;
    case ValueKind::Array:
      enumByte(ValueTag::Array);
      varint(v.items().size());
      for (const Value& item : v.items())
        value(item);
      return;
    case ValueKind::Object:
      enumByte(ValueTag::Object);
      varint(v.members().size());
      for (const Member& m : v.members()) {
        str(m.key.asString());
        value(m.value);
      }
      return;
    }
  }

  void payloadTemplate(const eval::PayloadTemplate& t) {
    enumByte(t.kind);
    switch (t.kind) {
    case eval::PayloadTemplate::Kind::Constant:
      value(t.constant);
      return;
    case eval::PayloadTemplate::Kind::Object:
      varint(t.fields.size());
      for (const eval::TemplateField& f : t.fields) {
        str(f.key.asString());
        str(f.fieldName);
        payloadTemplate(f.value);
      }
      return;
    case eval::PayloadTemplate::Kind::Array:
      varint(t.items.size());
      for (const auto& item : t.items)
        payloadTemplate(item);
      return;
    case eval::PayloadTemplate::Kind::Dynamic:
      expression(t.expression);
      return;
    }
  }

  // --- expressions --------------------------------------------------------------------------

  void expression(const eval::Expression& e) {
    enumByte(e.kind);
    str(e.text);
    u8(static_cast<uint8_t>((e.path ? 1 : 0) | (e.intrinsic ? 2 : 0) | (e.jsonata ? 4 : 0)));
    if (e.path) path(*e.path);
    if (e.intrinsic) intrinsicCall(*e.intrinsic);
    if (e.jsonata) node(*e.jsonata);
  }

  void optExpression(const std::optional<eval::Expression>& e) {
    boolean(e.has_value());
    if (e) expression(*e);
  }

  void path(const eval::Path& p) {
    enumByte(p.root);
    str(p.variable);
    str(p.source);
    varint(p.segments.size());
    for (const eval::PathSegment& s : p.segments) {
      enumByte(s.kind);
      boolean(s.recursive);
      str(s.name);
      sint(s.index);
      u8(static_cast<uint8_t>((s.sliceStart ? 1 : 0) | (s.sliceEnd ? 2 : 0) |
                              (s.sliceStep ? 4 : 0)));
      if (s.sliceStart) sint(*s.sliceStart);
      if (s.sliceEnd) sint(*s.sliceEnd);
      if (s.sliceStep) sint(*s.sliceStep);
      varint(s.entries.size());
      for (const eval::UnionEntry& u : s.entries) {
        boolean(u.isIndex);
        str(u.name);
        sint(u.index);
      }
      boolean(s.expr != nullptr);
      if (s.expr) filter(*s.expr);
    }
  }

  void filter(const eval::FilterExpr& f) {
    enumByte(f.kind);
    enumByte(f.compareOp);
    enumByte(f.arithOp);
    str(f.text);
    str(f.flags);
    sint(f.intValue);
    f64(f.doubleValue);
    boolean(f.boolValue);
    boolean(f.path != nullptr);
    if (f.path) path(*f.path);
    varint(f.operands.size());
    for (const auto& operand : f.operands)
      filter(operand);
  }

  void intrinsicCall(const eval::IntrinsicCall& c) {
    enumByte(c.id);
    varint(c.offset);
    varint(c.args.size());
    for (const eval::IntrinsicArg& a : c.args) {
      enumByte(a.kind);
      str(a.text);
      varint(a.placeholders.size());
      for (uint32_t p : a.placeholders)
        varint(p);
      sint(a.intValue);
      f64(a.doubleValue);
      boolean(a.boolValue);
      path(a.path);
      varint(a.call.size());
      for (const auto& call : a.call)
        intrinsicCall(call);
      varint(a.offset);
    }
  }

  // --- JSONata ------------------------------------------------------------------------------

  void optNode(const eval::jsonata::NodePtr& n) {
    boolean(n != nullptr);
    if (n) node(*n);
  }

  void pairs(const std::vector<eval::jsonata::ObjectPair>& list) {
    varint(list.size());
    for (const auto& p : list) {
      optNode(p.key);
      optNode(p.value);
    }
  }

  void stages(const std::vector<eval::jsonata::Stage>& list) {
    varint(list.size());
    for (const auto& s : list) {
      enumByte(s.kind);
      optNode(s.expr);
      str(s.variable);
      varint(s.start);
      varint(s.position);
    }
  }

  void node(const eval::jsonata::Node& n) {
    enumByte(n.kind);
    enumByte(n.op);
    varint(n.start);
    varint(n.position);
    f64(n.number);
    u8(static_cast<uint8_t>((n.boolean ? 1 : 0) | (n.tailCall ? 2 : 0) | (n.keepArray ? 4 : 0) |
                            (n.consArray ? 8 : 0) | (n.tuple ? 16 : 0) |
                            (n.keepSingletonArray ? 32 : 0)));
    str(n.text);
    str(n.regexFlags);
    const eval::jsonata::NodePtr* children[] = {
        &n.lhs,       &n.rhs,     &n.procedure, &n.condition, &n.then,
        &n.otherwise, &n.pattern, &n.update,    &n.deletion,  &n.body};
    uint64_t mask = 0;
    for (size_t i = 0; i < std::size(children); ++i)
      if (*children[i]) mask |= uint64_t{1} << i;
    varint(mask);
    for (const auto* child : children)
      if (*child) node(**child);
    varint(n.items.size());
    for (const auto& item : n.items)
      optNode(item);
    pairs(n.pairs);
    strings(n.params);
    boolean(n.signature.has_value());
    if (n.signature) signature(*n.signature);
    varint(n.sortTerms.size());
    for (const auto& term : n.sortTerms) {
      boolean(term.descending);
      optNode(term.expr);
    }
    stages(n.stages);
    stages(n.predicate);
    boolean(n.group != nullptr);
    if (n.group) {
      pairs(n.group->pairs);
      varint(n.group->start);
      varint(n.group->position);
    }
    optStr(n.focus);
    optStr(n.index);
    str(n.ancestorLabel);
  }

  void signature(const eval::jsonata::Signature& s) {
    str(s.definition);
    varint(s.params.size());
    for (const auto& p : s.params) {
      u8(static_cast<uint8_t>(p.type));
      str(p.choice);
      str(p.subtype);
      u8(static_cast<uint8_t>((p.optional ? 1 : 0) | (p.variadic ? 2 : 0) |
                              (p.useContext ? 4 : 0)));
    }
    str(s.returnType);
  }

  // --- pools --------------------------------------------------------------------------------

  void dynamicNumber(const bc::DynamicNumber& n) {
    u8(static_cast<uint8_t>((n.literal ? 1 : 0) | (n.expression ? 2 : 0)));
    if (n.literal) f64(*n.literal);
    if (n.expression) expression(*n.expression);
  }

  void task(const bc::Task& t) {
    str(t.resource);
    dynamicNumber(t.timeoutSeconds);
    dynamicNumber(t.heartbeatSeconds);
    ref(t.credentials);
  }

  void choiceRule(const bc::ChoiceRule& r) {
    enumByte(r.kind);
    u8(r.op);
    optExpression(r.variable);
    value(r.operand);
    optExpression(r.operandPath);
    varint(r.children.size());
    for (const auto& child : r.children)
      choiceRule(child);
    optExpression(r.condition);
    ref(r.next);
    ref(r.assign);
    ref(r.output);
  }

  void choice(const bc::Choice& c) {
    varint(c.rules.size());
    for (const auto& rule : c.rules)
      choiceRule(rule);
    ref(c.defaultState);
    ref(c.defaultAssign);
    ref(c.defaultOutput);
  }

  void wait(const bc::Wait& w) {
    dynamicNumber(w.seconds);
    optStr(w.timestamp);
    optExpression(w.timestampExpression);
  }

  void fail(const bc::Fail& f) {
    optStr(f.error);
    optStr(f.cause);
    optExpression(f.errorExpression);
    optExpression(f.causeExpression);
  }

  void parallel(const bc::Parallel& p) {
    varint(p.branches.size());
    for (bc::Index branch : p.branches)
      varint(branch);
  }

  void map(const bc::Map& m) {
    varint(m.processor);
    boolean(m.distributed);
    optExpression(m.itemsPath);
    ref(m.items);
    ref(m.itemSelector);
    dynamicNumber(m.maxConcurrency);
    dynamicNumber(m.toleratedFailurePercentage);
    dynamicNumber(m.toleratedFailureCount);
    ref(m.itemReader);
    ref(m.itemBatcher);
    ref(m.resultWriter);
    str(m.label);
  }

  // --- machines -----------------------------------------------------------------------------

  void retrier(const bc::Retrier& r) {
    strings(r.errors);
    varint(r.intervalSeconds);
    varint(r.maxAttempts);
    f64(r.backoffRate);
    boolean(r.maxDelaySeconds.has_value());
    if (r.maxDelaySeconds) varint(*r.maxDelaySeconds);
    boolean(r.fullJitter);
  }

  void catcher(const bc::Catcher& c) {
    strings(c.errors);
    varint(c.next);
    enumByte(c.resultPathMode);
    ref(c.resultPath);
    ref(c.output);
    ref(c.assign);
  }

  void state(const bc::State& s) {
    str(s.name);
    enumByte(s.type);
    enumByte(s.language);
    varint(s.codeBegin);
    varint(s.codeEnd);
    varint(s.retry.size());
    for (const auto& r : s.retry)
      retrier(r);
    varint(s.catchers.size());
    for (const auto& c : s.catchers)
      catcher(c);
  }

  void machine(const bc::Machine& m) {
    enumByte(m.role);
    varint(m.startAt);
    varint(m.states.size());
    for (const auto& s : m.states)
      state(s);
    varint(m.code.size());
    for (const bc::Instruction& i : m.code) {
      enumByte(i.op);
      // Operand-less instructions carry no operand byte: most of a state's code is such.
      if (bc::opOperand(i.op) != bc::OperandKind::None) varint(i.a);
    }
  }
};

template <class T, class F> void appendPool(Encoder& e, const std::vector<T>& pool, F each) {
  e.varint(pool.size());
  for (const T& item : pool)
    each(e, item);
}

} // namespace

std::string writeProgram(const bc::Program& program, std::string_view producer) {
  std::string payload;
  auto section = [&payload](SectionId id, auto fill) {
    Encoder e;
    fill(e);
    payload += static_cast<char>(id);
    appendVarint(payload, e.out.size());
    payload += e.out;
  };
  section(SectionId::Module, [&](Encoder& e) {
    e.str(producer);
    e.enumByte(program.language);
    e.boolean(program.timeoutSeconds.has_value());
    if (program.timeoutSeconds) e.varint(*program.timeoutSeconds);
    e.str(program.comment);
  });
  section(SectionId::Expressions, [&](Encoder& e) {
    appendPool(e, program.expressions, [](Encoder& en, const auto& x) { en.expression(x); });
  });
  section(SectionId::Templates, [&](Encoder& e) {
    appendPool(e, program.templates, [](Encoder& en, const auto& x) { en.payloadTemplate(x); });
  });
  section(SectionId::Tasks, [&](Encoder& e) {
    appendPool(e, program.tasks, [](Encoder& en, const auto& x) { en.task(x); });
  });
  section(SectionId::Choices, [&](Encoder& e) {
    appendPool(e, program.choices, [](Encoder& en, const auto& x) { en.choice(x); });
  });
  section(SectionId::Waits, [&](Encoder& e) {
    appendPool(e, program.waits, [](Encoder& en, const auto& x) { en.wait(x); });
  });
  section(SectionId::Fails, [&](Encoder& e) {
    appendPool(e, program.fails, [](Encoder& en, const auto& x) { en.fail(x); });
  });
  section(SectionId::Parallels, [&](Encoder& e) {
    appendPool(e, program.parallels, [](Encoder& en, const auto& x) { en.parallel(x); });
  });
  section(SectionId::Maps, [&](Encoder& e) {
    appendPool(e, program.maps, [](Encoder& en, const auto& x) { en.map(x); });
  });
  section(SectionId::Machines, [&](Encoder& e) {
    appendPool(e, program.machines, [](Encoder& en, const auto& x) { en.machine(x); });
  });

  std::string bytes(kMagic, sizeof kMagic);
  appendLittleEndian(bytes, kMajorVersion, 2);
  appendLittleEndian(bytes, kMinorVersion, 2);
  appendLittleEndian(bytes, 0, 4); // flags
  assert(payload.size() <= UINT32_MAX);
  appendLittleEndian(bytes, payload.size(), 4);
  appendLittleEndian(bytes, payloadChecksum(payload), 4);
  bytes += payload;
  return bytes;
}

} // namespace asl::bytecode
