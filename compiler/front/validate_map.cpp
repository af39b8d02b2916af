// Map states: ItemProcessor/Iterator (inline or distributed), ItemReader, ItemBatcher,
// ResultWriter and Label.
#include "compiler/front/validate_rules.h"

namespace asl::front {
namespace {

constexpr size_t kMaxLabelLength = 40;

bool oneOf(std::string_view s, std::initializer_list<std::string_view> allowed) {
  for (std::string_view a : allowed)
    if (s == a) return true;
  return false;
}

void expectEnum(ValidationContext& ctx, Node field, std::initializer_list<std::string_view> allowed) {
  const JsonValue& v = *field.value;
  if (v.kind == JsonKind::String && oneOf(ctx.tree.string(v), allowed)) return;
  std::string list;
  for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + quote(a);
  ctx.report(DiagCode::FieldValue, std::string(field.at->key) + " must be one of " + list, field);
}

// Fields shared by ItemReader and ResultWriter: Resource plus Parameters or Arguments.
bool checkIntegrationField(ValidationContext& ctx, const StateInfo& state, const JsonMember& m, Node field) {
  bool jsonata = state.language == QueryLanguageKind::JSONata;
  if (m.key == "Resource") {
    if (field.value->kind != JsonKind::String) ctx.report(DiagCode::FieldType, "Resource must be an ARN string", field);
    else if (!ctx.tree.string(*field.value).starts_with("arn:"))
      ctx.report(DiagCode::InvalidResource, "Resource " + quote(ctx.tree.string(*field.value)) + " is not an ARN", field);
    return true;
  }
  if (m.key == "Parameters" && !jsonata) {
    validatePayloadTemplate(ctx, field, state.language);
    return true;
  }
  if (m.key == "Arguments" && jsonata) {
    validateJsonataTemplate(ctx, field);
    return true;
  }
  return false;
}

void checkExclusivePairs(ValidationContext& ctx, Node object,
                         std::initializer_list<std::pair<std::string_view, std::string_view>> pairs) {
  for (auto [a, b] : pairs) {
    const JsonMember* mb = ctx.tree.find(*object.value, b);
    if (ctx.tree.find(*object.value, a) && mb)
      ctx.reportKey(DiagCode::ExclusiveFields, "fields " + quote(a) + " and " + quote(b) + " cannot both be set",
                    *object.at, *mb);
  }
}

void checkCountField(ValidationContext& ctx, const StateInfo& state, Node field, double min) {
  const JsonValue& v = *field.value;
  if (v.kind == JsonKind::String && state.language == QueryLanguageKind::JSONata &&
      isJsonataExpression(ctx.tree.string(v))) {
    checkJsonataString(ctx, field);
    return;
  }
  if (v.kind != JsonKind::Number || !v.isInteger || v.number < min)
    ctx.report(DiagCode::FieldValue,
               std::string(field.at->key) + " must be an integer of at least " + std::to_string(static_cast<int>(min)),
               field);
}

} // namespace

void validateItemProcessor(ValidationContext& ctx, const StateInfo& state, Node processor) {
  (void)state;
  const JsonTree& t = ctx.tree;
  if (processor.value->kind != JsonKind::Object) {
    ctx.report(DiagCode::FieldType, std::string(processor.at->key) + " must be a state machine object", processor);
    return;
  }
  MachineScopeKind scope = MachineScopeKind::InlineMap;
  if (const JsonMember* config = t.find(*processor.value, "ProcessorConfig")) {
    PointerPath configAt = processor.at->child("ProcessorConfig");
    Node node{&t.at(config->value), &configAt};
    if (node.value->kind != JsonKind::Object) {
      ctx.report(DiagCode::FieldType, "ProcessorConfig must be an object", node);
    } else {
      bool distributed = false;
      for (const JsonMember& m : t.members(*node.value)) {
        PointerPath at = configAt.child(m.key);
        Node field{&t.at(m.value), &at};
        if (m.key == "Mode") {
          expectEnum(ctx, field, {"INLINE", "DISTRIBUTED"});
          distributed = field.value->kind == JsonKind::String && t.string(*field.value) == "DISTRIBUTED";
        } else if (m.key == "ExecutionType") {
          expectEnum(ctx, field, {"STANDARD", "EXPRESS"});
        } else {
          ctx.reportKey(DiagCode::UnknownField, "field " + quote(m.key) + " is not allowed in ProcessorConfig",
                        configAt, m);
        }
      }
      const JsonMember* executionType = t.find(*node.value, "ExecutionType");
      if (distributed) {
        scope = MachineScopeKind::DistributedMap;
        if (!executionType)
          ctx.report(DiagCode::MissingField, "a DISTRIBUTED ProcessorConfig needs 'ExecutionType'", node);
      } else if (executionType) {
        ctx.reportKey(DiagCode::UnknownField, "ExecutionType applies only to Mode \"DISTRIBUTED\"", configAt,
                      *executionType);
      }
    }
  }
  validateMachine(ctx, processor, ctx.rootLanguage, scope);
}

void validateItemReader(ValidationContext& ctx, const StateInfo& state, Node reader) {
  const JsonTree& t = ctx.tree;
  if (reader.value->kind != JsonKind::Object) {
    ctx.report(DiagCode::FieldType, "ItemReader must be an object", reader);
    return;
  }
  if (!t.find(*reader.value, "Resource")) ctx.report(DiagCode::MissingField, "ItemReader needs 'Resource'", reader);
  for (const JsonMember& m : t.members(*reader.value)) {
    PointerPath at = reader.at->child(m.key);
    Node field{&t.at(m.value), &at};
    if (checkIntegrationField(ctx, state, m, field)) continue;
    if (m.key != "ReaderConfig") {
      ctx.reportKey(DiagCode::UnknownField, "field " + quote(m.key) + " is not allowed in ItemReader", *reader.at, m);
      continue;
    }
    if (field.value->kind != JsonKind::Object) {
      ctx.report(DiagCode::FieldType, "ReaderConfig must be an object", field);
      continue;
    }
    checkExclusivePairs(ctx, field, {{"MaxItems", "MaxItemsPath"}});
    for (const JsonMember& c : t.members(*field.value)) {
      PointerPath cAt = at.child(c.key);
      Node cf{&t.at(c.value), &cAt};
      if (c.key == "InputType") expectEnum(ctx, cf, {"CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"});
      else if (c.key == "CSVHeaderLocation") expectEnum(ctx, cf, {"FIRST_ROW", "GIVEN"});
      else if (c.key == "CSVDelimiter") expectEnum(ctx, cf, {"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"});
      else if (c.key == "ManifestType") expectEnum(ctx, cf, {"ATHENA_DATA", "S3_INVENTORY"});
      else if (c.key == "CSVHeaders") {
        if (cf.value->kind != JsonKind::Array) ctx.report(DiagCode::FieldType, "CSVHeaders must be an array of strings", cf);
      } else if (c.key == "MaxItems") checkCountField(ctx, state, cf, 0);
      else if (c.key == "MaxItemsPath" && state.language == QueryLanguageKind::JSONPath) {
        if (cf.value->kind != JsonKind::String) ctx.report(DiagCode::FieldType, "MaxItemsPath must be a Reference Path", cf);
        else checkPath(ctx, cf, PathRuleKind::ReferencePath);
      } else {
        ctx.reportKey(DiagCode::UnknownField, "field " + quote(c.key) + " is not allowed in ReaderConfig", at, c);
      }
    }
  }
}

void validateItemBatcher(ValidationContext& ctx, const StateInfo& state, Node batcher) {
  const JsonTree& t = ctx.tree;
  if (batcher.value->kind != JsonKind::Object) {
    ctx.report(DiagCode::FieldType, "ItemBatcher must be an object", batcher);
    return;
  }
  checkExclusivePairs(ctx, batcher,
                      {{"MaxItemsPerBatch", "MaxItemsPerBatchPath"}, {"MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"}});
  bool jsonPath = state.language == QueryLanguageKind::JSONPath;
  for (const JsonMember& m : t.members(*batcher.value)) {
    PointerPath at = batcher.at->child(m.key);
    Node field{&t.at(m.value), &at};
    if (m.key == "MaxItemsPerBatch" || m.key == "MaxInputBytesPerBatch") {
      checkCountField(ctx, state, field, 1);
    } else if ((m.key == "MaxItemsPerBatchPath" || m.key == "MaxInputBytesPerBatchPath") && jsonPath) {
      if (field.value->kind != JsonKind::String) ctx.report(DiagCode::FieldType, std::string(m.key) + " must be a Reference Path", field);
      else checkPath(ctx, field, PathRuleKind::ReferencePath);
    } else if (m.key == "BatchInput") {
      if (jsonPath) validatePayloadTemplate(ctx, field, state.language);
      else validateJsonataTemplate(ctx, field);
    } else {
      ctx.reportKey(DiagCode::UnknownField, "field " + quote(m.key) + " is not allowed in ItemBatcher", *batcher.at, m);
    }
  }
}

void validateResultWriter(ValidationContext& ctx, const StateInfo& state, Node writer) {
  const JsonTree& t = ctx.tree;
  if (writer.value->kind != JsonKind::Object) {
    ctx.report(DiagCode::FieldType, "ResultWriter must be an object", writer);
    return;
  }
  for (const JsonMember& m : t.members(*writer.value)) {
    PointerPath at = writer.at->child(m.key);
    Node field{&t.at(m.value), &at};
    if (checkIntegrationField(ctx, state, m, field)) continue;
    if (m.key == "WriterConfig") {
      if (field.value->kind != JsonKind::Object) {
        ctx.report(DiagCode::FieldType, "WriterConfig must be an object", field);
        continue;
      }
      for (const JsonMember& c : t.members(*field.value)) {
        PointerPath cAt = at.child(c.key);
        Node cf{&t.at(c.value), &cAt};
        if (c.key == "OutputType") expectEnum(ctx, cf, {"JSON", "JSONL"});
        else if (c.key == "Transformation") expectEnum(ctx, cf, {"NONE", "COMPACT", "FLATTEN"});
        else ctx.reportKey(DiagCode::UnknownField, "field " + quote(c.key) + " is not allowed in WriterConfig", at, c);
      }
    } else {
      ctx.reportKey(DiagCode::UnknownField, "field " + quote(m.key) + " is not allowed in ResultWriter", *writer.at, m);
    }
  }
}

void validateMapLabel(ValidationContext& ctx, Node label) {
  if (label.value->kind != JsonKind::String) {
    ctx.report(DiagCode::FieldType, "Label must be a string", label);
    return;
  }
  std::string_view s = ctx.tree.string(*label.value);
  size_t codePoints = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) ++codePoints;
    uint32_t cp = c;
    if (c == 0xC2 && i + 1 < s.size()) cp = static_cast<unsigned char>(s[i + 1]); // U+0080..U+00BF
    bool control = c < 0x20 || c == 0x7F || (c == 0xC2 && cp >= 0x80 && cp <= 0x9F);
    bool forbidden = std::string_view(" <>{}[]?*\"#%\\^|~`$&,;:/").find(static_cast<char>(c)) != std::string_view::npos;
    if (control || forbidden) {
      ctx.report(DiagCode::InvalidLabel,
                 "Label must not contain whitespace, brackets, wildcards, control characters or any "
                 "of \" # % \\ ^ | ~ ` $ & , ; : /",
                 label);
      return;
    }
  }
  if (codePoints > kMaxLabelLength) {
    ctx.report(DiagCode::InvalidLabel,
               "Label is " + std::to_string(codePoints) + " characters; the limit is " + std::to_string(kMaxLabelLength),
               label);
  }
}

} // namespace asl::front
