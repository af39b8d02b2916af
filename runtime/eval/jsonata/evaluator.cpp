// The JSONata evaluator core: one function per node kind, following the semantics of
// jsonata-js 2.0.6 (sequences, flattening, tuple streams for `@`/`#`/`%`, singleton
// unwrapping), with depth, stack and time bounds.
#include "runtime/eval/jsonata/evaluator_core.h"

#include <cmath>
#include <unordered_map>

#include "runtime/eval/jsonata/regex.h"
#include "runtime/eval/utf16_order.h"

namespace asl::eval::jsonata {

void Frame::bind(std::string_view name, JValue value) {
  for (auto& [k, v] : bindings) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  bindings.emplace_back(std::string(name), std::move(value));
}

const JValue* Frame::lookup(std::string_view name) const {
  for (const Frame* f = this; f; f = f->parent)
    for (const auto& [k, v] : f->bindings)
      if (k == name) return &v;
  return nullptr;
}

/// Counts nesting on entry and leaves on exit, whichever way the evaluation ends.
class EvalScope {
public:
  explicit EvalScope(Evaluator& ev) : ev_(ev) {
    ++ev_.depth_;
    ev_.checkBudget();
  }
  ~EvalScope() { --ev_.depth_; }
  EvalScope(const EvalScope&) = delete;
  EvalScope& operator=(const EvalScope&) = delete;

private:
  Evaluator& ev_;
};

Evaluator::Evaluator(const EvalOptions& options, const FunctionRegistry& functions)
    : options_(options), functions_(functions), started_(std::chrono::steady_clock::now()),
      now_(options.nowMillis) {
  char marker = 0;
  stackBase_ = &marker;
  root_ = &rootFrame_;
}

Frame* Evaluator::newFrame(Frame* parent) {
  // Made on first use: many evaluations need no frame but the root, and a deque allocates as
  // soon as it exists.
  if (!frames_) frames_.emplace();
  frames_->emplace_back();
  frames_->back().parent = parent;
  return &frames_->back();
}

int64_t Evaluator::nowMillis() {
  if (!now_) {
    now_ = std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
               .count();
  }
  return *now_;
}

void Evaluator::tick() {
  // Reading the clock costs more than a step; every 256 steps is precise enough.
  if ((++ticks_ & 0xFF) != 0 || options_.timeLimitMs == 0) return;
  auto elapsed = std::chrono::steady_clock::now() - started_;
  if (elapsed > std::chrono::milliseconds(options_.timeLimitMs)) {
    JsonataError e = makeError("U1001");
    e.value = "Expression evaluation timeout: Check for infinite loop";
    e.valueIsLiteral = true;
    throw JsonataThrow{std::move(e)};
  }
}

void Evaluator::checkBudget() {
  char marker = 0;
  size_t used =
      static_cast<size_t>(stackBase_ > &marker ? stackBase_ - &marker : &marker - stackBase_);
  if (depth_ > options_.maxDepth || used > options_.maxStackBytes) {
    JsonataError e = makeError("U1001");
    e.value = "Stack overflow error: Check for non-terminating recursive function.  Consider "
              "rewriting as tail-recursive.";
    e.valueIsLiteral = true;
    throw JsonataThrow{std::move(e)};
  }
  tick();
}

Frame* Evaluator::frameFromTuple(Frame* env, const JValue& tuple) {
  Frame* frame = newFrame(env);
  size_t n = tuple.memberCount();
  frame->bindings.reserve(n);
  for (size_t i = 0; i < n; ++i)
    frame->bindings.emplace_back(std::string(tuple.keyAt(i)), tuple.valueAt(i));
  return frame;
}

JValue Evaluator::evaluate(const Node& expr, const JValue& input, Frame* env) {
  EvalScope scope(*this);
  JValue result = evaluateInner(expr, input, env);
  for (const Stage& stage : expr.predicate)
    result = evaluateFilter(*stage.expr, result, env);
  if (expr.kind != NodeKind::Path && expr.group)
    result = evaluateGroup(expr.group->pairs, expr.group->position, result, env);
  if (JArray* seq = result.ownedArray(); seq && seq->sequence && !seq->tupleStream) {
    // `~>` keeps arrays when either side asks to (jsonata-js sets this when building the tree).
    bool keepArray = expr.keepArray ||
                     (expr.kind == NodeKind::Apply && (expr.lhs->keepArray || expr.rhs->keepArray));
    if (keepArray) seq->keepSingleton = true;
    if (seq->items.empty()) return JValue();
    if (seq->items.size() == 1 && !seq->keepSingleton) return seq->items[0];
  }
  return result;
}

namespace {

// fn.lookup: an object gives its member, an array maps the lookup over its items and
// flattens what they give.
JValue lookupName(const JValue& input, std::string_view name, uint32_t depth = 0) {
  checkNesting(depth);
  if (input.isObject()) return input.get(name);
  if (!input.isArray()) return JValue();
  JValue out = JValue::newArray(true);
  auto& items = out.ownedArray()->items;
  size_t n = input.length();
  for (size_t i = 0; i < n; ++i) {
    JValue res = lookupName(input.at(i), name, depth + 1);
    if (res.isUndefined()) continue;
    if (res.isArray()) {
      pushItems(items, res);
    } else {
      items.push_back(std::move(res));
    }
  }
  return out;
}

} // namespace

JValue Evaluator::evaluateInner(const Node& expr, const JValue& input, Frame* env) {
  switch (expr.kind) {
  case NodeKind::Path:
    return evaluatePath(expr, input, env);
  case NodeKind::Binary:
    return evaluateBinary(expr, input, env);
  case NodeKind::Negate: {
    JValue v = evaluate(*expr.lhs, input, env);
    if (v.isUndefined()) return v;
    if (v.isNumber()) return JValue::number(-v.asNumber());
    JsonataError e = makeError("D1002", expr.position);
    e.token = "-";
    e.value = describeValue(v);
    e.valueIsLiteral = true;
    throwError(std::move(e));
  }
  case NodeKind::Array:
    return evaluateArray(expr, input, env);
  case NodeKind::Object:
    return evaluateGroup(expr.pairs, expr.position, input, env);
  case NodeKind::String:
    return JValue::string(expr.text);
  case NodeKind::Number:
    return JValue::number(expr.number);
  case NodeKind::Bool:
    return JValue::boolean(expr.boolean);
  case NodeKind::Null:
    return JValue::null();
  case NodeKind::Regex: {
    auto fn = std::make_shared<Function>();
    fn->kind = FunctionKind::Regex;
    fn->regex = compileRegex(expr);
    return JValue::function(std::move(fn));
  }
  case NodeKind::Name:
    return lookupName(input, expr.text);
  case NodeKind::Variable: {
    if (expr.text.empty())
      return input.isOuterWrapper() && input.length() > 0 ? input.at(0) : input;
    if (const JValue* v = env->lookup(expr.text)) return *v;
    if (const BuiltinFunction* b = functions_.find(expr.text)) {
      if (b->value) return JValue::function(b->value);
      auto fn = std::make_shared<Function>();
      fn->kind = FunctionKind::Builtin;
      fn->builtin = b;
      return JValue::function(std::move(fn));
    }
    return JValue();
  }
  case NodeKind::Wildcard: {
    JValue out = JValue::newArray(true);
    JValue subject = input;
    if (subject.isOuterWrapper() && subject.length() > 0) subject = subject.at(0);
    auto addMember = [&](const JValue& value) {
      if (value.isArray()) {
        // fn.append(results, flatten(value)) returns a plain array, dropping the sequence flag.
        std::vector<JValue> flat;
        std::function<void(const JValue&, uint32_t)> flatten = [&](const JValue& v,
                                                                   uint32_t depth) {
          checkNesting(depth);
          if (v.isArray()) {
            for (size_t i = 0; i < v.length(); ++i)
              flatten(v.at(i), depth + 1);
          } else {
            flat.push_back(v);
          }
        };
        flatten(value, 0);
        JArray* arr = out.ownedArray();
        for (auto& f : flat)
          arr->items.push_back(std::move(f));
        arr->sequence = false;
      } else {
        out.ownedArray()->items.push_back(value);
      }
    };
    if (subject.isObject()) {
      for (size_t i = 0; i < subject.memberCount(); ++i)
        addMember(subject.valueAt(i));
    } else if (subject.isArray()) {
      for (size_t i = 0; i < subject.length(); ++i)
        addMember(subject.at(i));
    }
    return out;
  }
  case NodeKind::Descendant: {
    if (input.isUndefined()) return JValue();
    JValue out = JValue::newArray(true);
    auto& items = out.ownedArray()->items;
    std::function<void(const JValue&, uint32_t)> recurse = [&](const JValue& v, uint32_t depth) {
      checkNesting(depth);
      tick();
      if (!v.isArray()) items.push_back(v);
      if (v.isArray()) {
        for (size_t i = 0; i < v.length(); ++i)
          recurse(v.at(i), depth + 1);
      } else if (v.isObject()) {
        for (size_t i = 0; i < v.memberCount(); ++i)
          recurse(v.valueAt(i), depth + 1);
      }
    };
    recurse(input, 0);
    if (items.size() == 1) return items[0];
    return out;
  }
  case NodeKind::Parent: {
    const JValue* v = env->lookup(expr.text);
    return v ? *v : JValue();
  }
  case NodeKind::Call:
    if (expr.tailCall) {
      // A call in tail position returns a thunk; apply()'s trampoline runs it, so tail
      // recursion does not grow the stack.
      auto fn = std::make_shared<Function>();
      fn->kind = FunctionKind::Lambda;
      fn->thunkCall = &expr;
      fn->input = input;
      fn->env = env;
      return JValue::function(std::move(fn));
    }
    return evaluateCall(expr, input, env, nullptr);
  case NodeKind::Partial:
    return evaluatePartial(expr, input, env);
  case NodeKind::Placeholder:
    return JValue();
  case NodeKind::Lambda:
    return evaluateLambda(expr, input, env);
  case NodeKind::Condition: {
    JValue cond = evaluate(*expr.condition, input, env);
    if (isTruthy(cond)) return evaluate(*expr.then, input, env);
    if (expr.otherwise) return evaluate(*expr.otherwise, input, env);
    return JValue();
  }
  case NodeKind::Elvis: {
    JValue lhs = evaluate(*expr.lhs, input, env);
    return isTruthy(lhs) ? lhs : evaluate(*expr.rhs, input, env);
  }
  case NodeKind::Coalesce: {
    JValue lhs = evaluate(*expr.lhs, input, env);
    return lhs.isDefined() && !lhs.isNull() ? lhs : evaluate(*expr.rhs, input, env);
  }
  case NodeKind::Block: {
    Frame* frame = newFrame(env);
    JValue result;
    for (const NodePtr& item : expr.items)
      result = evaluate(*item, input, frame);
    return result;
  }
  case NodeKind::Bind: {
    JValue value = evaluate(*expr.rhs, input, env);
    env->bind(expr.lhs->text, value);
    return value;
  }
  case NodeKind::Apply:
    return evaluateApply(expr, input, env);
  case NodeKind::Transform:
    return evaluateTransform(expr, input, env);
  case NodeKind::Sort:
    return evaluateSort(expr, singletonSequence(input), env);
  }
  return JValue();
}

JValue Evaluator::evaluatePath(const Node& expr, const JValue& input, Frame* env) {
  JValue inputSequence;
  // A path starting with a variable ($, $$, $x) is absolute: it does not map over the input.
  if (input.isArray() && expr.items[0]->kind != NodeKind::Variable) {
    inputSequence = input;
  } else {
    inputSequence = JValue::newArray(true);
    inputSequence.ownedArray()->items.push_back(input);
  }
  JValue resultSequence;
  bool isTupleStream = false;
  JValue tupleBindings;
  for (size_t i = 0; i < expr.items.size(); ++i) {
    const Node& step = *expr.items[i];
    if (step.tuple) isTupleStream = true;
    if (i == 0 && step.consArray) {
      resultSequence = evaluate(step, inputSequence, env);
    } else if (isTupleStream) {
      tupleBindings = evaluateTupleStep(step, inputSequence, tupleBindings, env);
    } else {
      resultSequence = evaluateStep(step, inputSequence, env, i == expr.items.size() - 1);
    }
    if (!isTupleStream && (resultSequence.isUndefined() ||
                           (resultSequence.isArray() && resultSequence.length() == 0)))
      break;
    if (!step.focus) inputSequence = resultSequence;
  }
  if (isTupleStream) {
    if (expr.tuple) {
      resultSequence = tupleBindings;
    } else {
      resultSequence = JValue::newArray(true);
      auto& items = resultSequence.ownedArray()->items;
      for (size_t i = 0; i < tupleBindings.length(); ++i)
        items.push_back(tupleBindings.at(i).get("@"));
    }
  }
  if (expr.keepSingletonArray) {
    if (resultSequence.isCons() && !resultSequence.isSequence()) {
      // An explicitly constructed array becomes the one item of a sequence.
      JValue wrapped = JValue::newArray(true);
      wrapped.ownedArray()->items.push_back(resultSequence);
      resultSequence = wrapped;
    }
    if (JArray* arr = resultSequence.ownedArray()) arr->keepSingleton = true;
  }
  if (expr.group)
    resultSequence = evaluateGroup(expr.group->pairs, expr.group->position,
                                   isTupleStream ? tupleBindings : resultSequence, env);
  return resultSequence;
}

JValue Evaluator::evaluateStep(const Node& step, const JValue& input, Frame* env, bool lastStep) {
  if (step.kind == NodeKind::Sort) {
    JValue result = evaluateSort(step, input, env);
    return step.stages.empty() ? result : evaluateStages(step.stages, result, env);
  }
  JValue out = JValue::newArray(true);
  auto& items = out.ownedArray()->items;
  auto flattenInto = [&items](JValue& res) {
    if (!res.isArray() || res.isCons()) {
      items.push_back(std::move(res));
    } else {
      pushItems(items, res);
    }
  };
  // The first result waits: when it is the only one, the last step may return it as it is.
  JValue first;
  size_t defined = 0;
  size_t n = input.length();
  for (size_t i = 0; i < n; ++i) {
    JValue res = evaluate(step, input.at(i), env);
    for (const Stage& stage : step.stages)
      res = evaluateFilter(*stage.expr, res, env);
    if (res.isUndefined()) continue;
    if (defined == 0) {
      first = std::move(res);
    } else {
      if (defined == 1) flattenInto(first);
      flattenInto(res);
    }
    ++defined;
  }
  if (defined == 1) {
    if (lastStep && first.isArray() && !first.isSequence()) return first;
    flattenInto(first);
  }
  return out;
}

JValue Evaluator::evaluateStages(const std::vector<Stage>& stages, JValue input, Frame* env) {
  JValue result = std::move(input);
  for (const Stage& stage : stages) {
    if (stage.kind == StageKind::Filter) {
      result = evaluateFilter(*stage.expr, result, env);
    } else if (JArray* arr = result.ownedArray()) {
      for (size_t i = 0; i < arr->items.size(); ++i) {
        // Tuples are shared between streams: rebind into a copy.
        JValue& tuple = arr->items[i];
        auto copy = std::make_shared<JObject>(*tuple.ownedObject());
        copy->set(stage.variable, JValue::number(static_cast<double>(i)));
        tuple = JValue::object(std::move(copy));
      }
    }
  }
  return result;
}

JValue Evaluator::evaluateTupleStep(const Node& step, const JValue& input, JValue tupleBindings,
                                    Frame* env) {
  if (step.kind == NodeKind::Sort) {
    JValue result;
    if (tupleBindings.isDefined()) {
      result = evaluateSort(step, tupleBindings, env);
    } else {
      JValue sorted = evaluateSort(step, input, env);
      result = JValue::newArray(true);
      result.ownedArray()->tupleStream = true;
      for (size_t i = 0; i < sorted.length(); ++i) {
        JValue tuple = JValue::newObject();
        tuple.ownedObject()->set("@", sorted.at(i));
        if (step.index)
          tuple.ownedObject()->set(*step.index, JValue::number(static_cast<double>(i)));
        result.ownedArray()->items.push_back(std::move(tuple));
      }
    }
    return step.stages.empty() ? result : evaluateStages(step.stages, result, env);
  }
  JValue result = JValue::newArray(true);
  JArray* out = result.ownedArray();
  out->tupleStream = true;
  if (tupleBindings.isUndefined()) {
    tupleBindings = JValue::newArray(true);
    for (size_t i = 0; i < input.length(); ++i) {
      JValue tuple = JValue::newObject();
      tuple.ownedObject()->set("@", input.at(i));
      tupleBindings.ownedArray()->items.push_back(std::move(tuple));
    }
  }
  for (size_t e = 0; e < tupleBindings.length(); ++e) {
    JValue binding = tupleBindings.at(e);
    Frame* stepEnv = frameFromTuple(env, binding);
    JValue context = binding.get("@");
    JValue res = evaluate(step, context, stepEnv);
    if (res.isUndefined()) continue;
    bool resIsTuples = res.isTupleStream();
    std::vector<JValue> resItems;
    if (res.isArray()) {
      pushItems(resItems, res);
    } else {
      resItems.push_back(res);
    }
    for (size_t b = 0; b < resItems.size(); ++b) {
      auto tuple = std::make_shared<JObject>(*binding.ownedObject());
      if (resIsTuples) {
        const JValue& extra = resItems[b];
        for (size_t m = 0; m < extra.memberCount(); ++m)
          tuple->set(extra.keyAt(m), extra.valueAt(m));
      } else {
        if (step.focus) {
          tuple->set(*step.focus, resItems[b]);
          tuple->set("@", context);
        } else {
          tuple->set("@", resItems[b]);
        }
        if (step.index) tuple->set(*step.index, JValue::number(static_cast<double>(b)));
        if (!step.ancestorLabel.empty()) tuple->set(step.ancestorLabel, context);
      }
      out->items.push_back(JValue::object(std::move(tuple)));
    }
  }
  return step.stages.empty() ? result : evaluateStages(step.stages, result, env);
}

namespace {

bool isArrayOfNumbers(const JValue& v) {
  if (!v.isArray()) return false;
  for (size_t i = 0; i < v.length(); ++i)
    if (!v.at(i).isNumber()) return false;
  return true;
}

} // namespace

JValue Evaluator::evaluateFilter(const Node& predicate, const JValue& input, Frame* env) {
  JValue results = JValue::newArray(true);
  JArray* out = results.ownedArray();
  bool tupleStream = input.isTupleStream();
  out->tupleStream = tupleStream;
  JValue seq = input;
  if (!seq.isArray()) seq = singletonSequence(input);
  size_t n = seq.length();
  if (predicate.kind == NodeKind::Number && predicate.predicate.empty() && !predicate.group) {
    double index = std::floor(predicate.number);
    if (index < 0) index += static_cast<double>(n);
    if (index >= 0 && index < static_cast<double>(n)) {
      JValue item = seq.at(static_cast<size_t>(index));
      if (item.isUndefined()) return results;
      if (item.isArray()) return item;
      out->items.push_back(std::move(item));
    }
    return results;
  }
  for (size_t index = 0; index < n; ++index) {
    JValue item = seq.at(index);
    JValue context = item;
    Frame* frame = env;
    if (tupleStream) {
      context = item.get("@");
      frame = frameFromTuple(env, item);
    }
    JValue res = evaluate(predicate, context, frame);
    if (res.isNumber()) res = makeArray({res});
    if (isArrayOfNumbers(res)) {
      for (size_t k = 0; k < res.length(); ++k) {
        double ii = std::floor(res.at(k).asNumber());
        if (ii < 0) ii += static_cast<double>(n);
        if (ii == static_cast<double>(index)) out->items.push_back(item);
      }
    } else if (isTruthy(res)) {
      out->items.push_back(std::move(item));
    }
  }
  return results;
}

JValue Evaluator::evaluateSort(const Node& expr, const JValue& input, Frame* env) {
  bool tupleSort = input.isTupleStream();
  std::vector<JValue> items = itemsOf(input);
  if (items.size() <= 1) {
    JValue out = makeArray(std::move(items), true);
    out.ownedArray()->tupleStream = tupleSort;
    return out;
  }
  // Sort keys are evaluated per comparison, as jsonata-js does (they may have effects only
  // through errors, which then surface at the same point).
  auto keyOf = [&](const JValue& item, const SortTerm& term) {
    if (!tupleSort) return evaluate(*term.expr, item, env);
    return evaluate(*term.expr, item.get("@"), frameFromTuple(env, item));
  };
  // True when a must come after b.
  auto comesAfter = [&](const JValue& a, const JValue& b) {
    int comp = 0;
    for (size_t t = 0; comp == 0 && t < expr.sortTerms.size(); ++t) {
      const SortTerm& term = expr.sortTerms[t];
      JValue aa = keyOf(a, term);
      JValue bb = keyOf(b, term);
      if (aa.isUndefined()) {
        comp = bb.isUndefined() ? 0 : 1;
        continue;
      }
      if (bb.isUndefined()) {
        comp = -1;
        continue;
      }
      bool aok = aa.isString() || aa.isNumber();
      bool bok = bb.isString() || bb.isNumber();
      if (!aok || !bok) throwValueError("T2008", !aok ? aa : bb, expr.position);
      if (aa.kind() != bb.kind()) throwValueError("T2007", aa, expr.position);
      int c = 0;
      if (aa.isNumber()) {
        c = aa.asNumber() < bb.asNumber() ? -1 : aa.asNumber() > bb.asNumber() ? 1 : 0;
      } else {
        auto o = compareUtf16(aa.asString(), bb.asString());
        c = o < 0 ? -1 : o > 0 ? 1 : 0;
      }
      if (c == 0) continue;
      comp = term.descending ? -c : c;
    }
    return comp == 1;
  };
  // jsonata-js's merge sort: stable, and well defined whatever the comparator does.
  std::vector<JValue> buffer(items.size());
  std::function<void(size_t, size_t)> msort = [&](size_t lo, size_t hi) {
    if (hi - lo <= 1) return;
    size_t mid = lo + (hi - lo) / 2;
    msort(lo, mid);
    msort(mid, hi);
    size_t l = lo, r = mid, o = lo;
    while (l < mid && r < hi) {
      if (comesAfter(items[l], items[r])) {
        buffer[o++] = items[r++];
      } else {
        buffer[o++] = items[l++];
      }
    }
    while (l < mid)
      buffer[o++] = items[l++];
    while (r < hi)
      buffer[o++] = items[r++];
    for (size_t k = lo; k < hi; ++k)
      items[k] = std::move(buffer[k]);
  };
  msort(0, items.size());
  JValue out = makeArray(std::move(items), true);
  out.ownedArray()->tupleStream = tupleSort;
  return out;
}

JValue Evaluator::evaluateGroup(const std::vector<ObjectPair>& pairs, uint32_t position,
                                JValue input, Frame* env) {
  bool reduce = input.isTupleStream();
  std::vector<JValue> items;
  if (input.isArray()) {
    items = itemsOf(input);
  } else {
    items.push_back(input);
  }
  if (items.empty()) items.emplace_back();
  struct Entry {
    JValue data;
    size_t exprIndex;
  };
  std::vector<std::pair<std::string, Entry>> groups;
  std::unordered_map<std::string, size_t> index;
  for (const JValue& item : items) {
    Frame* frame = reduce ? frameFromTuple(env, item) : env;
    JValue context = reduce ? item.get("@") : item;
    for (size_t p = 0; p < pairs.size(); ++p) {
      JValue key = evaluate(*pairs[p].key, context, frame);
      if (key.isUndefined()) continue;
      if (!key.isString()) throwValueError("T1003", key, position);
      std::string k(key.asString());
      auto found = index.find(k);
      if (found == index.end()) {
        index.emplace(k, groups.size());
        groups.push_back({std::move(k), Entry{item, p}});
      } else {
        Entry& entry = groups[found->second].second;
        if (entry.exprIndex != p) throwValueError("D1009", key, position);
        entry.data = appendValues(entry.data, item);
      }
    }
  }
  JValue result = JValue::newObject();
  JObject* obj = result.ownedObject();
  for (auto& [key, entry] : groups) {
    JValue context = entry.data;
    Frame* frame = env;
    if (reduce) {
      // Merge the tuples of the group: each binding becomes the sequence of its values.
      auto merged = std::make_shared<JObject>();
      if (entry.data.isArray()) {
        for (size_t i = 0; i < entry.data.length(); ++i) {
          JValue tuple = entry.data.at(i);
          for (size_t m = 0; m < tuple.memberCount(); ++m) {
            std::string_view name = tuple.keyAt(m);
            const JValue* prev = merged->find(name);
            merged->set(name,
                        i == 0 || !prev ? tuple.valueAt(m) : appendValues(*prev, tuple.valueAt(m)));
          }
        }
      } else {
        *merged = *entry.data.ownedObject();
      }
      const JValue* at = merged->find("@");
      context = at ? *at : JValue();
      merged->erase("@");
      frame = frameFromTuple(env, JValue::object(merged));
    }
    JValue value = evaluate(*pairs[entry.exprIndex].value, context, frame);
    if (value.isDefined()) obj->set(key, std::move(value));
  }
  return result;
}

JValue Evaluator::evaluateArray(const Node& expr, const JValue& input, Frame* env) {
  JValue result = JValue::newArray(false);
  JArray* out = result.ownedArray();
  for (const NodePtr& item : expr.items) {
    JValue value = evaluate(*item, input, env);
    if (value.isUndefined()) continue;
    if (item->kind == NodeKind::Array) {
      out->items.push_back(std::move(value));
    } else {
      pushItems(out->items, value);
    }
  }
  if (expr.consArray) out->cons = true;
  return result;
}

JValue Evaluator::evaluateLambda(const Node& expr, const JValue& input, Frame* env) {
  auto fn = std::make_shared<Function>();
  fn->kind = FunctionKind::Lambda;
  fn->lambda = &expr;
  fn->input = input;
  fn->env = env;
  return JValue::function(std::move(fn));
}

namespace {

// The name a call shows in errors: `$f` is "f", `a.b()` is "a".
std::string procedureName(const Node& procedure) {
  if (procedure.kind == NodeKind::Path && !procedure.items.empty()) return procedure.items[0]->text;
  return procedure.text;
}

bool forgotDollar(const Node& procedure, Frame* env, const FunctionRegistry& functions) {
  if (procedure.kind != NodeKind::Path || procedure.items.empty()) return false;
  const std::string& name = procedure.items[0]->text;
  const JValue* bound = env->lookup(name);
  return (bound && isTruthy(*bound)) || functions.find(name) != nullptr;
}

} // namespace

JValue Evaluator::evaluateCall(const Node& expr, const JValue& input, Frame* env,
                               const JValue* applyTo) {
  JValue proc = evaluate(*expr.procedure, input, env);
  if (proc.isUndefined() && forgotDollar(*expr.procedure, env, functions_)) {
    JsonataError e = makeError("T1005", expr.position);
    e.token = procedureName(*expr.procedure);
    e.tokenIsLiteral = true;
    throwError(std::move(e));
  }
  std::vector<JValue> args;
  args.reserve(expr.items.size() + (applyTo ? 1 : 0));
  if (applyTo) args.push_back(*applyTo);
  for (const NodePtr& arg : expr.items)
    args.push_back(evaluate(*arg, input, env));
  try {
    return apply(proc, std::move(args), input, env);
  } catch (JsonataThrow& t) {
    if (t.error.position == 0) t.error.position = expr.position;
    if (t.error.token.empty()) t.error.token = procedureName(*expr.procedure);
    throw;
  }
}

JValue Evaluator::evaluatePartial(const Node& expr, const JValue& input, Frame* env) {
  auto fn = std::make_shared<Function>();
  fn->kind = FunctionKind::Partial;
  for (const NodePtr& arg : expr.items) {
    bool hole = arg->kind == NodeKind::Placeholder;
    fn->placeholder.push_back(hole);
    fn->bound.push_back(hole ? JValue() : evaluate(*arg, input, env));
  }
  JValue proc = evaluate(*expr.procedure, input, env);
  if (proc.isUndefined() && forgotDollar(*expr.procedure, env, functions_)) {
    JsonataError e = makeError("T1007", expr.position);
    e.token = procedureName(*expr.procedure);
    e.tokenIsLiteral = true;
    throwError(std::move(e));
  }
  if (!proc.isFunction()) {
    JsonataError e = makeError("T1008", expr.position);
    e.token = procedureName(*expr.procedure);
    throwError(std::move(e));
  }
  fn->target = proc;
  return JValue::function(std::move(fn));
}

JValue Evaluator::evaluateApply(const Node& expr, const JValue& input, Frame* env) {
  JValue lhs = evaluate(*expr.lhs, input, env);
  if (expr.rhs->kind == NodeKind::Call && !expr.rhs->tailCall)
    return evaluateCall(*expr.rhs, input, env, &lhs);
  if (expr.rhs->kind == NodeKind::Call) {
    // A tail call on the right of ~> still needs the left as its first argument.
    return evaluateCall(*expr.rhs, input, env, &lhs);
  }
  JValue func = evaluate(*expr.rhs, input, env);
  if (!func.isFunction()) throwValueError("T2006", func, expr.position);
  if (lhs.isFunction()) {
    // Function composition: λ($x){ func(lhs($x)) }.
    auto chain = std::make_shared<Function>();
    chain->kind = FunctionKind::Native;
    chain->nativeArity = 1;
    chain->native = [first = lhs, second = func](Evaluator& ev, CallArgs& call) {
      JValue mid = ev.apply(first, {call[0]}, JValue(), call.env);
      return ev.apply(second, {mid}, JValue(), call.env);
    };
    return JValue::function(std::move(chain));
  }
  return apply(func, {lhs}, JValue(), env);
}

JValue Evaluator::evaluateTransform(const Node& expr, const JValue& input, Frame* env) {
  (void)input;
  auto fn = std::make_shared<Function>();
  fn->kind = FunctionKind::Native;
  fn->nativeArity = 1;
  const Node* node = &expr;
  fn->native = [node, env](Evaluator& ev, CallArgs& call) -> JValue {
    JValue obj = call[0];
    if (obj.isUndefined()) return JValue();
    if (!obj.isObject() && !obj.isArray()) throwValueError("T0410", obj, node->position);
    JValue result = deepClone(obj);
    JValue matches = ev.evaluate(*node->pattern, result, env);
    if (matches.isUndefined()) return result;
    std::vector<JValue> list = itemsOf(matches);
    for (JValue& match : list) {
      JValue update = ev.evaluate(*node->update, match, env);
      if (update.isDefined()) {
        if (!update.isObject()) throwValueError("T2011", update, node->update->position);
        if (JObject* target = match.ownedObject()) {
          for (size_t m = 0; m < update.memberCount(); ++m)
            target->set(update.keyAt(m), update.valueAt(m));
        }
      }
      if (node->deletion) {
        JValue deletions = ev.evaluate(*node->deletion, match, env);
        if (deletions.isUndefined()) continue;
        std::vector<JValue> names = itemsOf(deletions);
        for (const JValue& name : names)
          if (!name.isString()) throwValueError("T2012", deletions, node->deletion->position);
        if (JObject* target = match.ownedObject())
          for (const JValue& name : names)
            target->erase(name.asString());
      }
    }
    return result;
  };
  return JValue::function(std::move(fn));
}

JValue Evaluator::apply(const JValue& fn, std::vector<JValue> args, const JValue& input,
                        Frame* env) {
  JValue result = applyInner(fn, args, input, env);
  while (result.isFunction() && result.functionPtr()->thunkCall) {
    tick();
    Function* thunk = result.functionPtr();
    const Node& call = *thunk->thunkCall;
    JValue thunkInput = thunk->input;
    Frame* thunkEnv = thunk->env;
    JValue next = evaluate(*call.procedure, thunkInput, thunkEnv);
    std::vector<JValue> nextArgs;
    nextArgs.reserve(call.items.size());
    for (const NodePtr& arg : call.items)
      nextArgs.push_back(evaluate(*arg, thunkInput, thunkEnv));
    try {
      result = applyInner(next, nextArgs, input, env);
    } catch (JsonataThrow& t) {
      if (t.error.position == 0) t.error.position = call.position;
      if (t.error.token.empty()) t.error.token = procedureName(*call.procedure);
      throw;
    }
  }
  return result;
}

JValue Evaluator::applyInner(const JValue& fnValue, std::vector<JValue>& args, const JValue& input,
                             Frame* env) {
  if (!fnValue.isFunction()) throwError("T1006");
  Function& fn = *fnValue.functionPtr();
  std::vector<JValue> validated;
  std::vector<JValue>* use = &args;
  if (const Signature* sig = fn.signature()) {
    validated = validateArguments(*sig, args, input);
    use = &validated;
  }
  switch (fn.kind) {
  case FunctionKind::Lambda: {
    const Node& lambda = *fn.lambda;
    Frame* frame = newFrame(fn.env);
    frame->bindings.reserve(lambda.params.size());
    for (size_t i = 0; i < lambda.params.size(); ++i)
      frame->bindings.emplace_back(lambda.params[i], i < use->size() ? (*use)[i] : JValue());
    return evaluate(*lambda.body, fn.input, frame);
  }
  case FunctionKind::Builtin: {
    CallArgs call{*use, input, env};
    if (fn.builtin->impl) return fn.builtin->impl(*this, call);
    auto result = fn.builtin->host(*this, call);
    if (!result.ok()) throw JsonataThrow{std::move(result).error()};
    return std::move(result).value();
  }
  case FunctionKind::Partial: {
    std::vector<JValue> full;
    size_t next = 0;
    for (size_t i = 0; i < fn.bound.size(); ++i) {
      if (fn.placeholder[i]) {
        full.push_back(next < use->size() ? (*use)[next] : JValue());
        ++next;
      } else {
        full.push_back(fn.bound[i]);
      }
    }
    return apply(fn.target, std::move(full), input, env);
  }
  case FunctionKind::Regex:
    return regexMatchObject(*this, fn.regex, (*use).empty() ? JValue() : (*use)[0], 0);
  case FunctionKind::Native: {
    CallArgs call{*use, input, env};
    return fn.native(*this, call);
  }
  }
  return JValue();
}

JValue Evaluator::applyHof(const JValue& fn, const JValue& value, const JValue& index,
                           const JValue& array, Frame* env) {
  std::vector<JValue> args{value};
  int arity = fn.isFunction() ? fn.functionPtr()->arity() : 1;
  if (arity >= 2) args.push_back(index);
  if (arity >= 3) args.push_back(array);
  return apply(fn, std::move(args), JValue(), env);
}

const Signature* Function::signature() const {
  switch (kind) {
  case FunctionKind::Lambda:
    return lambda && lambda->signature ? &*lambda->signature : nullptr;
  case FunctionKind::Builtin:
    return &builtin->signature;
  case FunctionKind::Native:
    return nativeSignature;
  default:
    return nullptr;
  }
}

int Function::arity() const {
  switch (kind) {
  case FunctionKind::Lambda:
    return lambda ? static_cast<int>(lambda->params.size()) : 0;
  case FunctionKind::Builtin:
    return builtin->arity;
  case FunctionKind::Partial: {
    int n = 0;
    for (bool hole : placeholder)
      n += hole ? 1 : 0;
    return n;
  }
  case FunctionKind::Regex:
    return 1;
  case FunctionKind::Native:
    return nativeArity;
  }
  return 0;
}

Result<std::optional<asl::Value>, JsonataError> evaluate(const Node& expr,
                                                         const std::optional<asl::Value>& input,
                                                         const Bindings& bindings,
                                                         const EvalOptions& options) {
  const FunctionRegistry& functions =
      options.functions ? *options.functions : FunctionRegistry::standard();
  Evaluator ev(options, functions);
  try {
    JValue in;
    if (input) {
      in = JValue::fromJson(*input);
      // A top-level array is one input value: wrap it so that paths do not map over it.
      if (in.isArray()) {
        JValue wrapper = JValue::newArray(true);
        wrapper.ownedArray()->outerWrapper = true;
        wrapper.ownedArray()->items.push_back(in);
        in = wrapper;
      }
    }
    Frame* root = ev.rootFrame();
    root->bind("$", in);
    for (const auto& [name, value] : bindings)
      root->bind(name, JValue::fromJson(value));
    JValue result = ev.evaluate(expr, in, root);
    if (result.isFunction() && options.functionResultIsError) return fail(makeError("L0004"));
    if (result.isUndefined() || result.isFunction()) return std::optional<asl::Value>();
    // A tuple stream or sequence left at the top is data; convert what it holds.
    asl::Value out;
    if (!toJson(result, out)) {
      // Not representable as JSON: a non-finite number, or nesting beyond kMaxValueNesting.
      JsonataError e = makeError("D1001", expr.position);
      e.value = "Infinity";
      e.valueIsLiteral = true;
      return fail(std::move(e));
    }
    return std::optional<asl::Value>(std::move(out));
  } catch (JsonataThrow& t) {
    return fail(std::move(t.error));
  } catch (const std::bad_alloc&) {
    return fail(makeError("D1001"));
  }
}

} // namespace asl::eval::jsonata
