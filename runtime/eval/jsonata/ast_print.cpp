// S-expression dump of a JSONata tree, for tests and `--emit` dumps.
//
// Format:
//   literals     "str"  12.5  true  false  null  /pattern/flags
//   names        Account, or (name "Product Name") when not a plain identifier
//   variables    $x  $ (context)  $$ (root)
//   operators    (+ a b) (and a b) (.. a b) (- a) for negation
//   other        * ** (parent !0) (array ...) (object (k v) ...) (block ...) (:= $x v)
//                (~> a f) (if c t [e]) (?: a b) (?? a b) (transform p u [d])
//                (call f args...) (tailcall f args...) (partial f ? x) (lambda ($a) [<sig>] body)
//                (path [:keep-singleton-array] [:tuple] steps...) (sort (asc e) (desc e))
//   decorations  (with NODE [:keep-array] [:cons-array] [:focus $x] [:index $i] [:tuple]
//                [:ancestor !0] [(stages (filter e) (index $i))] [(predicate (filter e))]
//                [(group (k v) ...)])
#include "runtime/eval/jsonata/ast.h"

#include <charconv>
#include <cstdio>

#include "runtime/base/json_escape.h"

namespace asl::eval::jsonata {
namespace {

void appendQuoted(std::string& out, const std::string& text) { appendJsonString(out, text); }

bool isPlainIdentifier(const std::string& name) {
  if (name.empty() || name == "true" || name == "false" || name == "null") return false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void appendNumber(std::string& out, double value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, ec == std::errc() ? end : buf);
}

void appendVariable(std::string& out, const std::string& name) {
  out += '$';
  out += name;
}

class Printer {
public:
  std::string out;

  void node(const Node& n) {
    if (hasDecorations(n)) {
      out += "(with ";
      core(n);
      decorations(n);
      out += ')';
    } else {
      core(n);
    }
  }

private:
  static bool hasDecorations(const Node& n) {
    return n.keepArray || n.consArray || n.focus || n.index || !n.stages.empty() ||
           !n.predicate.empty() || n.group || !n.ancestorLabel.empty() ||
           (n.tuple && n.kind != NodeKind::Path);
  }

  void list(const std::vector<NodePtr>& items) {
    for (const NodePtr& item : items) {
      out += ' ';
      node(*item);
    }
  }

  void pairs(const std::vector<ObjectPair>& ps) {
    for (const ObjectPair& p : ps) {
      out += " (";
      node(*p.key);
      out += ' ';
      node(*p.value);
      out += ')';
    }
  }

  void stageList(const char* head, const std::vector<Stage>& stages) {
    out += " (";
    out += head;
    for (const Stage& s : stages) {
      if (s.kind == StageKind::Filter) {
        out += " (filter ";
        node(*s.expr);
      } else {
        out += " (index ";
        appendVariable(out, s.variable);
      }
      out += ')';
    }
    out += ')';
  }

  void decorations(const Node& n) {
    if (n.keepArray) out += " :keep-array";
    if (n.consArray) out += " :cons-array";
    if (n.focus) {
      out += " :focus ";
      appendVariable(out, *n.focus);
    }
    if (n.index) {
      out += " :index ";
      appendVariable(out, *n.index);
    }
    if (n.tuple && n.kind != NodeKind::Path) out += " :tuple";
    if (!n.ancestorLabel.empty()) out += " :ancestor " + n.ancestorLabel;
    if (!n.stages.empty()) stageList("stages", n.stages);
    if (!n.predicate.empty()) stageList("predicate", n.predicate);
    if (n.group) {
      out += " (group";
      pairs(n.group->pairs);
      out += ')';
    }
  }

  void optionalChild(const NodePtr& child) {
    if (!child) return;
    out += ' ';
    node(*child);
  }

  void core(const Node& n) {
    switch (n.kind) {
    case NodeKind::Path:
      out += "(path";
      if (n.keepSingletonArray) out += " :keep-singleton-array";
      if (n.tuple) out += " :tuple";
      list(n.items);
      out += ')';
      return;
    case NodeKind::Binary:
      out += '(';
      out += binaryOpName(n.op);
      optionalChild(n.lhs);
      optionalChild(n.rhs);
      out += ')';
      return;
    case NodeKind::Negate:
      out += "(-";
      optionalChild(n.lhs);
      out += ')';
      return;
    case NodeKind::Array:
      out += "(array";
      list(n.items);
      out += ')';
      return;
    case NodeKind::Object:
      out += "(object";
      pairs(n.pairs);
      out += ')';
      return;
    case NodeKind::String: appendQuoted(out, n.text); return;
    case NodeKind::Number: appendNumber(out, n.number); return;
    case NodeKind::Bool: out += n.boolean ? "true" : "false"; return;
    case NodeKind::Null: out += "null"; return;
    case NodeKind::Regex: out += '/' + n.text + '/' + n.regexFlags; return;
    case NodeKind::Name:
      if (isPlainIdentifier(n.text)) {
        out += n.text;
      } else {
        out += "(name ";
        appendQuoted(out, n.text);
        out += ')';
      }
      return;
    case NodeKind::Variable: appendVariable(out, n.text); return;
    case NodeKind::Wildcard: out += '*'; return;
    case NodeKind::Descendant: out += "**"; return;
    case NodeKind::Parent: out += "(parent " + n.text + ')'; return;
    case NodeKind::Call:
    case NodeKind::Partial:
      out += n.kind == NodeKind::Partial ? "(partial" : n.tailCall ? "(tailcall" : "(call";
      optionalChild(n.procedure);
      list(n.items);
      out += ')';
      return;
    case NodeKind::Placeholder: out += '?'; return;
    case NodeKind::Lambda:
      out += "(lambda (";
      for (size_t i = 0; i < n.params.size(); ++i) {
        if (i > 0) out += ' ';
        appendVariable(out, n.params[i]);
      }
      out += ')';
      if (n.signature) out += ' ' + n.signature->definition;
      optionalChild(n.body);
      out += ')';
      return;
    case NodeKind::Condition:
      out += "(if";
      optionalChild(n.condition);
      optionalChild(n.then);
      optionalChild(n.otherwise);
      out += ')';
      return;
    case NodeKind::Elvis:
    case NodeKind::Coalesce:
      out += n.kind == NodeKind::Elvis ? "(?:" : "(??";
      optionalChild(n.lhs);
      optionalChild(n.rhs);
      out += ')';
      return;
    case NodeKind::Block:
      out += "(block";
      list(n.items);
      out += ')';
      return;
    case NodeKind::Bind:
    case NodeKind::Apply:
      out += n.kind == NodeKind::Bind ? "(:=" : "(~>";
      optionalChild(n.lhs);
      optionalChild(n.rhs);
      out += ')';
      return;
    case NodeKind::Transform:
      out += "(transform";
      optionalChild(n.pattern);
      optionalChild(n.update);
      optionalChild(n.deletion);
      out += ')';
      return;
    case NodeKind::Sort:
      out += "(sort";
      for (const SortTerm& term : n.sortTerms) {
        out += term.descending ? " (desc " : " (asc ";
        node(*term.expr);
        out += ')';
      }
      out += ')';
      return;
    }
  }
};

} // namespace

std::string toSExpression(const Node& node) {
  Printer printer;
  printer.node(node);
  return std::move(printer.out);
}

} // namespace asl::eval::jsonata
