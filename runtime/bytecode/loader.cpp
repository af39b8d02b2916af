#include "runtime/bytecode/loader.h"

#include <cmath>
#include <memory>
#include <set>
#include <string>

#include "runtime/bytecode/byte_reader.h"
#include "runtime/bytecode/format.h"
#include "runtime/eval/jsonata/ast.h"

namespace asl::bc {
namespace {

using namespace format;
namespace js = eval::jsonata;

constexpr uint8_t kOpCount = 0
#define ASL_OP(name, operand, doc) +1
#include "runtime/bytecode/opcodes.def"
#undef ASL_OP
    ;

constexpr uint8_t kIntrinsicCount = 0
#define ASL_INTRINSIC(id, name, minArgs, maxArgs, argKinds) +1
#include "runtime/eval/intrinsics.def"
#undef ASL_INTRINSIC
    ;

// Which choice operators compare with another path (their operand is operandPath).
constexpr bool kChoiceOperatorTakesPath[] = {
#define ASL_CHOICE_OPERATOR(id, name, operand) std::string_view(#operand) == "Path",
#include "runtime/eval/choice_operators.def"
#undef ASL_CHOICE_OPERATOR
};
constexpr size_t kChoiceOperatorCount = std::size(kChoiceOperatorTakesPath);

// The fewest bytes one item of each kind can take: a count above bytes-left / minimum is
// rejected before anything is allocated for it.
constexpr size_t kMinExpression = 3, kMinTemplate = 2, kMinSegment = 7, kMinFilter = 17,
                 kMinArgument = 19, kMinCall = 3, kMinNode = 27, kMinRule = 10, kMinState = 7,
                 kMinMachine = 4, kMinStage = 5;

bool isTransition(Op op) {
  return op == Op::Next || op == Op::End || op == Op::Choose || op == Op::Fail;
}

class Loader {
public:
  Loader(std::string_view payload, bool newerMinor)
      : r_(payload, kHeaderSize), newerMinor_(newerMinor) {}

  Result<Program> run() {
    section(SectionId::Module, [&] { module(); });
    section(SectionId::Expressions, [&] {
      pool(p_.expressions, kMinExpression, "expressions", [&] { return expression(); });
    });
    section(SectionId::Templates, [&] {
      pool(p_.templates, kMinTemplate, "templates", [&] { return payloadTemplate(); });
    });
    section(SectionId::Tasks, [&] { pool(p_.tasks, 4, "tasks", [&] { return task(); }); });
    section(SectionId::Choices, [&] { pool(p_.choices, 4, "choices", [&] { return choice(); }); });
    section(SectionId::Waits, [&] { pool(p_.waits, 3, "waits", [&] { return wait(); }); });
    section(SectionId::Fails, [&] { pool(p_.fails, 4, "fails", [&] { return failState(); }); });
    section(SectionId::Parallels,
            [&] { pool(p_.parallels, 2, "parallels", [&] { return parallel(); }); });
    section(SectionId::Maps, [&] { pool(p_.maps, 12, "maps", [&] { return map(); }); });
    section(SectionId::Machines, [&] { machines(); });
    r_.setContext("");
    // Sections a later minor version appends are skipped; our own minor has none.
    if (r_.ok() && r_.left() > 0 && !newerMinor_)
      r_.fail(std::to_string(r_.left()) + " bytes after the last section");
    if (!r_.ok()) {
      Diagnostic d = makeDiagnostic(DiagCode::InvalidBytecode, r_.error());
      d.location.offset = static_cast<uint32_t>(r_.errorOffset());
      return asl::fail(std::move(d));
    }
    return std::move(p_);
  }

private:
  // Counts one level of tree nesting for as long as it lives.
  class Nest {
  public:
    explicit Nest(Loader& l) : l_(l) {
      if (++l_.depth_ > kMaxTreeDepth)
        l_.r_.fail("trees nest deeper than " + std::to_string(kMaxTreeDepth) + " levels");
    }
    ~Nest() { --l_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

  private:
    Loader& l_;
  };

  template <class F> void section(SectionId id, F body) {
    if (!r_.ok()) return;
    r_.setContext(sectionName(id));
    size_t at = r_.offset();
    uint8_t got = r_.u8("section id");
    if (r_.ok() && got != static_cast<uint8_t>(id)) {
      r_.fail(at, "expected section " + std::to_string(static_cast<int>(id)) + " (" +
                      std::string(sectionName(id)) + "), found id " + std::to_string(got));
      return;
    }
    size_t size = r_.count("section length");
    if (!r_.beginLimit(size, "section")) return;
    body();
    r_.endLimit(newerMinor_);
  }

  template <class T, class F>
  void pool(std::vector<T>& out, size_t minBytes, const char* what, F readOne) {
    size_t n = r_.count(what, minBytes);
    // No reserve: items nest, and only items actually read may cost memory.
    for (size_t i = 0; i < n && r_.ok(); ++i)
      out.push_back(readOne());
  }

  // --- module -------------------------------------------------------------------------------

  void module() {
    (void)r_.str("producer");
    p_.language = r_.enumByte("query language", QueryLanguage::JSONata);
    if (r_.boolean("timeout present")) p_.timeoutSeconds = r_.u32("TimeoutSeconds");
    p_.comment = r_.str("comment");
  }

  // --- values and templates -----------------------------------------------------------------

  Value value() {
    Nest nest(*this);
    size_t at = r_.offset();
    uint8_t tag = r_.u8("value tag");
    if (!r_.ok()) return {};
    switch (static_cast<ValueTag>(tag)) {
    case ValueTag::Null:
      return Value::null();
    case ValueTag::False:
      return Value::boolean(false);
    case ValueTag::True:
      return Value::boolean(true);
    case ValueTag::Integer:
      return Value::integer(r_.sint("integer"));
    case ValueTag::Double: {
      double d = r_.f64("double");
      // Values never hold NaN or infinities (Value::number turns them into null).
      if (r_.ok() && !std::isfinite(d)) r_.fail(at, "a non-finite double constant");
      return Value::number(d);
    }
    case ValueTag::String:
      return Value::string(r_.str("string"));
    case ValueTag::Array: {
      std::vector<Value> items;
      size_t n = r_.count("array items");
      for (size_t i = 0; i < n && r_.ok(); ++i)
        items.push_back(value());
      return Value::array(std::move(items));
    }
    case ValueTag::Object: {
      std::vector<Member> members;
      std::set<std::string, std::less<>> keys;
      size_t n = r_.count("object members", 2);
      for (size_t i = 0; i < n && r_.ok(); ++i) {
        size_t keyAt = r_.offset();
        std::string key = r_.str("member key");
        if (!keys.insert(key).second) r_.fail(keyAt, "object key '" + key + "' appears twice");
        Value v = value();
        members.push_back(makeMember(key, std::move(v)));
      }
      if (!r_.ok()) return {};
      return Value::object(std::move(members));
    }
    }
    r_.fail(at, "unknown value tag " + std::to_string(tag));
    return {};
  }

  eval::PayloadTemplate payloadTemplate() {
    Nest nest(*this);
    using Kind = eval::PayloadTemplate::Kind;
    eval::PayloadTemplate t;
    t.kind = r_.enumByte("template kind", Kind::Dynamic);
    if (!r_.ok()) return t;
    switch (t.kind) {
    case Kind::Constant:
      t.constant = value();
      break;
    case Kind::Object: {
      std::set<std::string, std::less<>> keys;
      size_t n = r_.count("template fields", 2 + kMinTemplate);
      for (size_t i = 0; i < n && r_.ok(); ++i) {
        size_t keyAt = r_.offset();
        eval::TemplateField f;
        std::string key = r_.str("template key");
        if (!keys.insert(key).second) r_.fail(keyAt, "template key '" + key + "' appears twice");
        f.key = Value::interned(key);
        f.fieldName = r_.str("template field name");
        f.value = payloadTemplate();
        t.fields.push_back(std::move(f));
      }
      break;
    }
    case Kind::Array: {
      size_t n = r_.count("template items", kMinTemplate);
      for (size_t i = 0; i < n && r_.ok(); ++i)
        t.items.push_back(payloadTemplate());
      break;
    }
    case Kind::Dynamic:
      t.expression = expression();
      break;
    }
    return t;
  }

  // --- expressions --------------------------------------------------------------------------

  eval::Expression expression() {
    eval::Expression e;
    size_t at = r_.offset();
    e.kind = r_.enumByte("expression kind", eval::ExpressionKind::Jsonata);
    e.text = r_.str("expression text");
    uint8_t trees = r_.flags("expression trees", 7);
    if (trees & 1) e.path = std::make_shared<const eval::Path>(path());
    if (trees & 2) e.intrinsic = std::make_shared<const eval::IntrinsicCall>(intrinsicCall());
    if (trees & 4) e.jsonata = node();
    bool hasOwnTree = e.kind == eval::ExpressionKind::Path        ? e.path != nullptr
                      : e.kind == eval::ExpressionKind::Intrinsic ? e.intrinsic != nullptr
                                                                  : e.jsonata != nullptr;
    if (r_.ok() && !hasOwnTree) r_.fail(at, "an expression without the tree of its kind");
    return e;
  }

  std::optional<eval::Expression> optExpression(std::string_view what) {
    if (!r_.boolean(what)) return std::nullopt;
    return expression();
  }

  eval::Path path() {
    Nest nest(*this);
    eval::Path p;
    p.root = r_.enumByte("path root", eval::PathRootKind::Current);
    p.variable = r_.str("path variable");
    p.source = r_.str("path source");
    size_t n = r_.count("path segments", kMinSegment);
    for (size_t i = 0; i < n && r_.ok(); ++i) {
      size_t at = r_.offset();
      eval::PathSegment s;
      s.kind = r_.enumByte("path segment kind", eval::PathSegmentKind::Function);
      s.recursive = r_.boolean("recursive");
      s.name = r_.str("segment name");
      s.index = r_.sint("segment index");
      uint8_t slice = r_.flags("slice bounds", 7);
      if (slice & 1) s.sliceStart = r_.sint("slice start");
      if (slice & 2) s.sliceEnd = r_.sint("slice end");
      if (slice & 4) s.sliceStep = r_.sint("slice step");
      size_t entries = r_.count("union entries", 3);
      for (size_t j = 0; j < entries && r_.ok(); ++j) {
        eval::UnionEntry u;
        u.isIndex = r_.boolean("union entry is index");
        u.name = r_.str("union entry name");
        u.index = r_.sint("union entry index");
        s.entries.push_back(std::move(u));
      }
      if (r_.boolean("segment expression present"))
        s.expr = std::make_shared<const eval::FilterExpr>(filter());
      bool needsExpr =
          s.kind == eval::PathSegmentKind::Filter || s.kind == eval::PathSegmentKind::Script;
      if (r_.ok() && needsExpr && !s.expr)
        r_.fail(at, "a filter or script segment without its expression");
      p.segments.push_back(std::move(s));
    }
    if (r_.ok()) eval::flatten(p);
    return p;
  }

  eval::FilterExpr filter() {
    Nest nest(*this);
    using Kind = eval::FilterExprKind;
    eval::FilterExpr f;
    size_t at = r_.offset();
    f.kind = r_.enumByte("filter kind", Kind::Arith);
    f.compareOp = r_.enumByte("comparison operator", eval::CompareOpKind::Match);
    f.arithOp = r_.enumByte("arithmetic operator", eval::ArithOpKind::Mod);
    f.text = r_.str("filter text");
    f.flags = r_.str("regex flags");
    f.intValue = r_.sint("filter integer");
    f.doubleValue = r_.f64("filter double");
    f.boolValue = r_.boolean("filter boolean");
    if (r_.boolean("filter path present")) f.path = std::make_shared<const eval::Path>(path());
    size_t n = r_.count("filter operands", kMinFilter);
    for (size_t i = 0; i < n && r_.ok(); ++i)
      f.operands.push_back(filter());
    if (!r_.ok()) return f;
    size_t needed = f.kind == Kind::Not ? 1
                    : (f.kind == Kind::And || f.kind == Kind::Or || f.kind == Kind::Compare ||
                       f.kind == Kind::Arith)
                        ? 2
                        : 0;
    if (f.operands.size() != needed)
      r_.fail(at, "a filter expression of kind " + std::to_string(static_cast<int>(f.kind)) +
                      " with " + std::to_string(f.operands.size()) + " operands, not " +
                      std::to_string(needed));
    else if (f.kind == Kind::Path && !f.path)
      r_.fail(at, "a path filter expression without its path");
    return f;
  }

  eval::IntrinsicCall intrinsicCall() {
    Nest nest(*this);
    eval::IntrinsicCall c;
    c.id = r_.enumByte("intrinsic function", static_cast<eval::IntrinsicId>(kIntrinsicCount - 1));
    c.offset = r_.u32("call offset");
    size_t n = r_.count("intrinsic arguments", kMinArgument);
    for (size_t i = 0; i < n && r_.ok(); ++i) {
      size_t at = r_.offset();
      eval::IntrinsicArg a;
      a.kind = r_.enumByte("argument kind", eval::IntrinsicArgKind::Call);
      a.text = r_.str("argument text");
      size_t placeholders = r_.count("placeholders");
      for (size_t j = 0; j < placeholders && r_.ok(); ++j) {
        size_t placeAt = r_.offset();
        uint32_t p = r_.u32("placeholder offset");
        // A placeholder is the two bytes "{}" at that offset.
        if (r_.ok() && (p > a.text.size() || a.text.size() - p < 2))
          r_.fail(placeAt, "placeholder offset " + std::to_string(p) + " outside the " +
                               std::to_string(a.text.size()) + "-byte argument");
        a.placeholders.push_back(p);
      }
      a.intValue = r_.sint("argument integer");
      a.doubleValue = r_.f64("argument double");
      a.boolValue = r_.boolean("argument boolean");
      a.path = path();
      size_t calls = r_.count("nested calls", kMinCall);
      if (calls > 1) r_.fail(at, "an argument with " + std::to_string(calls) + " nested calls");
      if (calls == 1 && r_.ok()) a.call.push_back(intrinsicCall());
      if (r_.ok() && a.kind == eval::IntrinsicArgKind::Call && a.call.empty())
        r_.fail(at, "a call argument without its call");
      a.offset = r_.u32("argument offset");
      c.args.push_back(std::move(a));
    }
    return c;
  }

  // --- JSONata ------------------------------------------------------------------------------

  js::NodePtr optNode(std::string_view what) {
    if (!r_.boolean(what)) return nullptr;
    return node();
  }

  js::NodePtr requiredNode(std::string_view what) {
    size_t at = r_.offset();
    js::NodePtr n = optNode(what);
    if (r_.ok() && !n) r_.fail(at, std::string(what) + " is missing");
    return n;
  }

  std::vector<js::ObjectPair> pairs() {
    std::vector<js::ObjectPair> out;
    size_t n = r_.count("object pairs", 2 * kMinNode);
    for (size_t i = 0; i < n && r_.ok(); ++i) {
      js::ObjectPair p;
      p.key = requiredNode("pair key");
      p.value = requiredNode("pair value");
      out.push_back(std::move(p));
    }
    return out;
  }

  std::vector<js::Stage> stages(std::string_view what) {
    std::vector<js::Stage> out;
    size_t n = r_.count(what, kMinStage);
    for (size_t i = 0; i < n && r_.ok(); ++i) {
      js::Stage s;
      size_t at = r_.offset();
      s.kind = r_.enumByte("stage kind", js::StageKind::Index);
      s.expr = optNode("stage expression");
      s.variable = r_.str("stage variable");
      s.start = r_.u32("stage start");
      s.position = r_.u32("stage position");
      if (r_.ok() && s.kind == js::StageKind::Filter && !s.expr)
        r_.fail(at, "a filter stage without its expression");
      out.push_back(std::move(s));
    }
    return out;
  }

  std::optional<js::Signature> signature() {
    js::Signature s;
    s.definition = r_.str("signature");
    size_t n = r_.count("signature parameters", 4);
    for (size_t i = 0; i < n && r_.ok(); ++i) {
      js::SignatureParam p;
      size_t at = r_.offset();
      p.type = static_cast<char>(r_.u8("parameter type"));
      if (r_.ok() && std::string_view("snbloafjx(").find(p.type) == std::string_view::npos)
        r_.fail(at, "unknown signature type '" + std::string(1, p.type) + "'");
      p.choice = r_.str("parameter choice");
      p.subtype = r_.str("parameter subtype");
      uint8_t f = r_.flags("parameter flags", 7);
      p.optional = f & 1;
      p.variadic = f & 2;
      p.useContext = f & 4;
      s.params.push_back(std::move(p));
    }
    s.returnType = r_.str("signature return type");
    return s;
  }

  js::NodePtr node() {
    Nest nest(*this);
    if (!r_.ok()) return nullptr;
    auto n = std::make_unique<js::Node>();
    size_t at = r_.offset();
    n->kind = r_.enumByte("JSONata node kind", js::NodeKind::Sort);
    n->op = r_.enumByte("JSONata operator", js::BinaryOp::Range);
    n->start = r_.u32("node start");
    n->position = r_.u32("node position");
    n->number = r_.f64("node number");
    uint8_t f = r_.flags("node flags", 63);
    n->boolean = f & 1;
    n->tailCall = f & 2;
    n->keepArray = f & 4;
    n->consArray = f & 8;
    n->tuple = f & 16;
    n->keepSingletonArray = f & 32;
    n->text = r_.str("node text");
    n->regexFlags = r_.str("regex flags");
    js::NodePtr* children[] = {&n->lhs,       &n->rhs,     &n->procedure, &n->condition, &n->then,
                               &n->otherwise, &n->pattern, &n->update,    &n->deletion,  &n->body};
    size_t maskAt = r_.offset();
    uint64_t mask = r_.varint("node children");
    if (mask >> std::size(children)) r_.fail(maskAt, "unknown node children bits");
    for (size_t i = 0; i < std::size(children) && r_.ok(); ++i)
      if (mask & (uint64_t{1} << i)) *children[i] = node();
    size_t items = r_.count("node items", 1 + kMinNode);
    for (size_t i = 0; i < items && r_.ok(); ++i)
      n->items.push_back(requiredNode("node item"));
    n->pairs = pairs();
    size_t params = r_.count("lambda parameters");
    for (size_t i = 0; i < params && r_.ok(); ++i)
      n->params.push_back(r_.str("lambda parameter"));
    if (r_.boolean("signature present")) n->signature = signature();
    size_t terms = r_.count("sort terms", 1 + kMinNode);
    for (size_t i = 0; i < terms && r_.ok(); ++i) {
      js::SortTerm term;
      term.descending = r_.boolean("sort descending");
      term.expr = requiredNode("sort term expression");
      n->sortTerms.push_back(std::move(term));
    }
    n->stages = stages("stages");
    n->predicate = stages("predicate");
    if (r_.boolean("group present")) {
      n->group = std::make_unique<js::Group>();
      n->group->pairs = pairs();
      n->group->start = r_.u32("group start");
      n->group->position = r_.u32("group position");
    }
    n->focus = r_.optStr("focus");
    n->index = r_.optStr("index");
    n->ancestorLabel = r_.str("ancestor label");
    if (r_.ok()) checkNodeShape(*n, at);
    return n;
  }

  // The children each kind's evaluation dereferences without looking (ast.h).
  void checkNodeShape(const js::Node& n, size_t at) {
    using K = js::NodeKind;
    auto require = [&](const js::NodePtr& child, const char* name) {
      if (!child && r_.ok())
        r_.fail(at,
                std::string("a JSONata ") + js::nodeKindName(n.kind) + " node without its " + name);
    };
    switch (n.kind) {
    case K::Binary:
    case K::Elvis:
    case K::Coalesce:
    case K::Bind:
    case K::Apply:
      require(n.lhs, "left operand");
      require(n.rhs, "right operand");
      break;
    case K::Negate:
      require(n.lhs, "operand");
      break;
    case K::Call:
    case K::Partial:
      require(n.procedure, "procedure");
      break;
    case K::Lambda:
      require(n.body, "body");
      break;
    case K::Condition:
      require(n.condition, "condition");
      require(n.then, "then branch");
      break;
    case K::Transform:
      require(n.pattern, "pattern");
      require(n.update, "update");
      break;
    default:
      break;
    }
  }

  // --- pools --------------------------------------------------------------------------------

  DynamicNumber dynamicNumber(std::string_view what) {
    DynamicNumber n;
    uint8_t present = r_.flags(what, 3);
    if (present & 1) n.literal = r_.f64(what);
    if (present & 2) n.expression = expression();
    return n;
  }

  Index templateRef(std::string_view what) { return r_.ref(what, p_.templates.size()); }

  Task task() {
    Task t;
    t.resource = r_.str("resource");
    t.timeoutSeconds = dynamicNumber("TimeoutSeconds");
    t.heartbeatSeconds = dynamicNumber("HeartbeatSeconds");
    t.credentials = templateRef("Credentials template");
    return t;
  }

  ChoiceRule choiceRule(bool topLevel) {
    Nest nest(*this);
    using Kind = ChoiceRule::Kind;
    ChoiceRule rule;
    size_t at = r_.offset();
    rule.kind = r_.enumByte("choice rule kind", Kind::Condition);
    size_t opAt = r_.offset();
    rule.op = r_.u8("choice operator");
    if (r_.ok() && rule.op >= kChoiceOperatorCount)
      r_.fail(opAt, "choice operator " + std::to_string(rule.op) + " is out of range");
    rule.variable = optExpression("Variable present");
    rule.operand = value();
    rule.operandPath = optExpression("operand path present");
    size_t n = r_.count("nested rules", kMinRule);
    for (size_t i = 0; i < n && r_.ok(); ++i)
      rule.children.push_back(choiceRule(false));
    rule.condition = optExpression("Condition present");
    // Targets are states of the machine whose Choose uses the choice: checked there.
    rule.next = r_.ref("rule Next", UINT32_MAX);
    rule.assign = templateRef("rule Assign template");
    rule.output = templateRef("rule Output template");
    if (!r_.ok()) return rule;
    auto bad = [&](const std::string& what) { r_.fail(at, "a choice rule " + what); };
    switch (rule.kind) {
    case Kind::Compare:
      if (!rule.variable)
        bad("without its Variable");
      else if (kChoiceOperatorTakesPath[rule.op] && !rule.operandPath)
        bad("without its operand path");
      break;
    case Kind::And:
    case Kind::Or:
      if (rule.children.empty()) bad("combining no rules");
      break;
    case Kind::Not:
      if (rule.children.size() != 1)
        bad("negating " + std::to_string(rule.children.size()) + " rules");
      break;
    case Kind::Condition:
      if (!rule.condition) bad("without its Condition");
      break;
    }
    if (r_.ok() && topLevel && rule.next == kNone) bad("without Next");
    return rule;
  }

  Choice choice() {
    Choice c;
    size_t n = r_.count("choice rules", kMinRule);
    for (size_t i = 0; i < n && r_.ok(); ++i)
      c.rules.push_back(choiceRule(true));
    c.defaultState = r_.ref("Default", UINT32_MAX);
    c.defaultAssign = templateRef("Default Assign template");
    c.defaultOutput = templateRef("Default Output template");
    return c;
  }

  Wait wait() {
    Wait w;
    w.seconds = dynamicNumber("Seconds");
    w.timestamp = r_.optStr("Timestamp");
    w.timestampExpression = optExpression("Timestamp expression present");
    return w;
  }

  Fail failState() {
    Fail f;
    f.error = r_.optStr("Error");
    f.cause = r_.optStr("Cause");
    f.errorExpression = optExpression("Error expression present");
    f.causeExpression = optExpression("Cause expression present");
    return f;
  }

  Parallel parallel() {
    Parallel p;
    size_t at = r_.offset();
    size_t n = r_.count("branches");
    if (r_.ok() && n == 0) r_.fail(at, "a Parallel without branches");
    // Machine indices are checked where RunParallel uses them, once the machine count is known.
    for (size_t i = 0; i < n && r_.ok(); ++i)
      p.branches.push_back(r_.u32("branch machine"));
    return p;
  }

  Map map() {
    Map m;
    m.processor = r_.u32("item processor machine");
    m.distributed = r_.boolean("distributed");
    m.itemsPath = optExpression("ItemsPath present");
    m.items = templateRef("Items template");
    m.itemSelector = templateRef("ItemSelector template");
    m.maxConcurrency = dynamicNumber("MaxConcurrency");
    m.toleratedFailurePercentage = dynamicNumber("ToleratedFailurePercentage");
    m.toleratedFailureCount = dynamicNumber("ToleratedFailureCount");
    m.itemReader = templateRef("ItemReader template");
    m.itemBatcher = templateRef("ItemBatcher template");
    m.resultWriter = templateRef("ResultWriter template");
    m.label = r_.str("label");
    return m;
  }

  // --- machines -----------------------------------------------------------------------------

  Retrier retrier() {
    Retrier r;
    size_t n = r_.count("ErrorEquals");
    for (size_t i = 0; i < n && r_.ok(); ++i)
      r.errors.push_back(r_.str("error name"));
    r.intervalSeconds = r_.u32("IntervalSeconds");
    r.maxAttempts = r_.u32("MaxAttempts");
    r.backoffRate = r_.f64("BackoffRate");
    if (r_.boolean("MaxDelaySeconds present")) r.maxDelaySeconds = r_.u32("MaxDelaySeconds");
    r.fullJitter = r_.boolean("JitterStrategy");
    return r;
  }

  Catcher catcher(size_t stateCount) {
    Catcher c;
    size_t at = r_.offset();
    size_t n = r_.count("ErrorEquals");
    for (size_t i = 0; i < n && r_.ok(); ++i)
      c.errors.push_back(r_.str("error name"));
    c.next = r_.index("catcher Next state", stateCount);
    c.resultPathMode = r_.enumByte("catcher ResultPath mode", Catcher::ResultPathMode::Path);
    c.resultPath = r_.ref("catcher ResultPath expression", p_.expressions.size());
    c.output = templateRef("catcher Output template");
    c.assign = templateRef("catcher Assign template");
    if (r_.ok() && (c.resultPathMode == Catcher::ResultPathMode::Path) != (c.resultPath != kNone))
      r_.fail(at, "a catcher's ResultPath expression does not match its ResultPath mode");
    return c;
  }

  void checkChoiceTargets(const ChoiceRule& rule, size_t stateCount, size_t at) {
    if (rule.next != kNone && rule.next >= stateCount)
      r_.fail(at, "a choice rule goes to state " + std::to_string(rule.next) +
                      " of a machine with " + std::to_string(stateCount) + " states");
    for (const ChoiceRule& child : rule.children)
      checkChoiceTargets(child, stateCount, at);
  }

  // A Parallel branch or Map processor: a later machine (so machines form a tree, never a
  // cycle) of the right role, checked once every machine has been read.
  void childMachine(Index child, Index parent, MachineRole role, size_t at) {
    if (child >= machineCount_ || child <= parent)
      r_.fail(at, "machine " + std::to_string(parent) + " runs machine " + std::to_string(child) +
                      ": child machines come after their parent and before " +
                      std::to_string(machineCount_));
    roleChecks_.push_back({at, child, role});
  }

  Instruction instruction(Index machine, size_t stateCount) {
    Instruction in;
    size_t at = r_.offset();
    in.op = r_.enumByte("opcode", static_cast<Op>(kOpCount - 1));
    if (!r_.ok()) return in;
    switch (opOperand(in.op)) {
    case OperandKind::None:
      break;
    case OperandKind::Expression:
      in.a = r_.index("expression operand", p_.expressions.size());
      break;
    case OperandKind::Template:
      in.a = r_.index("template operand", p_.templates.size());
      break;
    case OperandKind::State:
      in.a = r_.index("state operand", stateCount);
      break;
    case OperandKind::Task:
      in.a = r_.index("task operand", p_.tasks.size());
      break;
    case OperandKind::Choice: {
      in.a = r_.index("choice operand", p_.choices.size());
      if (!r_.ok()) break;
      const Choice& c = p_.choices[in.a];
      for (const ChoiceRule& rule : c.rules)
        checkChoiceTargets(rule, stateCount, at);
      if (c.defaultState != kNone && c.defaultState >= stateCount)
        r_.fail(at, "a choice's Default goes to state " + std::to_string(c.defaultState) +
                        " of a machine with " + std::to_string(stateCount) + " states");
      break;
    }
    case OperandKind::Wait:
      in.a = r_.index("wait operand", p_.waits.size());
      break;
    case OperandKind::Fail:
      in.a = r_.index("fail operand", p_.fails.size());
      break;
    case OperandKind::Parallel:
      in.a = r_.index("parallel operand", p_.parallels.size());
      if (r_.ok())
        for (Index branch : p_.parallels[in.a].branches)
          childMachine(branch, machine, MachineRole::Branch, at);
      break;
    case OperandKind::Map:
      in.a = r_.index("map operand", p_.maps.size());
      if (r_.ok()) childMachine(p_.maps[in.a].processor, machine, MachineRole::MapProcessor, at);
      break;
    }
    return in;
  }

  void machine(Index index, Machine& m) {
    size_t at = r_.offset();
    m.role = r_.enumByte("machine role", MachineRole::MapProcessor);
    if (r_.ok() && (index == 0) != (m.role == MachineRole::Top))
      r_.fail(at, "machine " + std::to_string(index) + " has role " +
                      std::to_string(static_cast<int>(m.role)) +
                      ": machine 0 and only it is the top level");
    size_t startAt = r_.offset();
    m.startAt = r_.u32("StartAt");
    size_t stateCount = r_.count("states", kMinState);
    if (r_.ok() && stateCount == 0) r_.fail(at, "a machine without states");
    if (r_.ok() && m.startAt >= stateCount)
      r_.fail(startAt, "StartAt " + std::to_string(m.startAt) + " is out of range (" +
                           std::to_string(stateCount) + " states)");
    std::vector<size_t> stateOffsets;
    for (size_t i = 0; i < stateCount && r_.ok(); ++i) {
      stateOffsets.push_back(r_.offset());
      State s;
      s.name = r_.str("state name");
      s.type = r_.enumByte("state type", StateType::Map);
      s.language = r_.enumByte("state query language", QueryLanguage::JSONata);
      s.codeBegin = r_.u32("code begin");
      s.codeEnd = r_.u32("code end");
      size_t retriers = r_.count("retriers", 13);
      for (size_t j = 0; j < retriers && r_.ok(); ++j)
        s.retry.push_back(retrier());
      size_t catchers = r_.count("catchers", 6);
      for (size_t j = 0; j < catchers && r_.ok(); ++j)
        s.catchers.push_back(catcher(stateCount));
      m.states.push_back(std::move(s));
    }
    size_t codeSize = r_.count("instructions");
    std::vector<size_t> codeOffsets;
    for (size_t i = 0; i < codeSize && r_.ok(); ++i) {
      codeOffsets.push_back(r_.offset());
      m.code.push_back(instruction(index, stateCount));
    }
    for (size_t i = 0; i < m.states.size() && r_.ok(); ++i) {
      const State& s = m.states[i];
      if (s.codeBegin >= s.codeEnd || s.codeEnd > m.code.size()) {
        r_.fail(stateOffsets[i], "state '" + s.name + "' has code [" + std::to_string(s.codeBegin) +
                                     ", " + std::to_string(s.codeEnd) + ") outside the machine's " +
                                     std::to_string(m.code.size()) + " instructions");
        break;
      }
      for (uint32_t k = s.codeBegin; k + 1 < s.codeEnd && r_.ok(); ++k)
        if (isTransition(m.code[k].op))
          r_.fail(codeOffsets[k],
                  "state '" + s.name + "' has a transition before the end of its code");
      if (r_.ok() && !isTransition(m.code[s.codeEnd - 1].op))
        r_.fail(codeOffsets[s.codeEnd - 1],
                "state '" + s.name + "' does not end with a transition or Fail");
    }
  }

  void machines() {
    size_t at = r_.offset();
    machineCount_ = r_.count("machines", kMinMachine);
    if (r_.ok() && machineCount_ == 0) r_.fail(at, "a program without machines");
    for (size_t i = 0; i < machineCount_ && r_.ok(); ++i) {
      p_.machines.emplace_back();
      machine(static_cast<Index>(i), p_.machines.back());
    }
    for (const RoleCheck& check : roleChecks_) {
      if (!r_.ok()) break;
      if (p_.machines[check.machine].role != check.role)
        r_.fail(check.offset,
                "machine " + std::to_string(check.machine) + " has role " +
                    std::to_string(static_cast<int>(p_.machines[check.machine].role)) +
                    ", not the role " + std::to_string(static_cast<int>(check.role)) +
                    " its use needs");
    }
  }

  struct RoleCheck {
    size_t offset;
    Index machine;
    MachineRole role;
  };

  ByteReader r_;
  bool newerMinor_;
  Program p_;
  uint32_t depth_ = 0;
  size_t machineCount_ = 0;
  std::vector<RoleCheck> roleChecks_;
};

Diagnostic invalid(size_t offset, std::string what) {
  Diagnostic d = makeDiagnostic(DiagCode::InvalidBytecode,
                                "at byte " + std::to_string(offset) + " (header): " + what);
  d.location.offset = static_cast<uint32_t>(offset);
  return d;
}

// The producer string opens the payload in every major version, so that a loader can say who
// wrote a module it cannot read. Empty when even that is unreadable.
std::string producerOf(std::string_view payload) {
  ByteReader r(payload, kHeaderSize);
  if (r.u8("section id") != static_cast<uint8_t>(SectionId::Module)) return {};
  (void)r.varint("section length");
  std::string producer = r.str("producer");
  return r.ok() ? producer : std::string();
}

std::string hexBytes(std::string_view bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (!out.empty()) out += ' ';
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

} // namespace

Result<Program> loadProgram(std::string_view bytes) {
  if (bytes.size() < kHeaderSize)
    return fail(invalid(bytes.size(), "truncated: " + std::to_string(bytes.size()) +
                                          " bytes, shorter than the " +
                                          std::to_string(kHeaderSize) + "-byte header"));
  if (bytes.substr(0, 4) != std::string_view(kMagic, 4))
    return fail(invalid(0, "not an aslc module: it starts with " + hexBytes(bytes.substr(0, 4)) +
                               ", not 'ASLB'"));
  ByteReader header(bytes.substr(0, kHeaderSize), 0);
  header.littleEndian(4, "magic");
  auto major = static_cast<uint16_t>(header.littleEndian(2, "major version"));
  auto minor = static_cast<uint16_t>(header.littleEndian(2, "minor version"));
  auto flags = static_cast<uint32_t>(header.littleEndian(4, "flags"));
  auto length = static_cast<uint32_t>(header.littleEndian(4, "payload length"));
  auto checksum = static_cast<uint32_t>(header.littleEndian(4, "checksum"));
  std::string_view payload = bytes.substr(kHeaderSize);

  if (major != kMajorVersion) {
    std::string producer = producerOf(payload);
    return fail(invalid(4, "module format " + std::to_string(major) + "." + std::to_string(minor) +
                               (major > kMajorVersion ? " is newer than" : " is older than") +
                               " this runtime reads (" + std::to_string(kMajorVersion) + ".x)" +
                               (producer.empty() ? "" : "; it was written by " + producer) +
                               "; recompile the definition with a matching aslc"));
  }
  if (flags & ~kKnownFlags)
    return fail(invalid(8, "unknown flags 0x" + hexBytes(bytes.substr(8, 4))));
  if (length != payload.size())
    return fail(
        invalid(12, length > payload.size()
                        ? "truncated: the header announces " + std::to_string(length) +
                              " payload bytes, the file holds " + std::to_string(payload.size())
                        : std::to_string(payload.size() - length) + " bytes after the announced " +
                              std::to_string(length) + "-byte payload"));
  uint32_t actual = payloadChecksum(payload);
  if (actual != checksum)
    return fail(invalid(16, "checksum mismatch: the header says " + std::to_string(checksum) +
                                ", the payload's CRC-32 is " + std::to_string(actual) +
                                " (the module is corrupt)"));
  return Loader(payload, minor > kMinorVersion).run();
}

} // namespace asl::bc
