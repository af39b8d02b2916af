#include "runtime/exec/item_reader.h"

#include <cmath>
#include <set>

#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::exec {
namespace {

using eval::ExecResult;
using eval::StateErrorId;

constexpr std::string_view kGetObject = "arn:aws:states:::s3:getObject";
constexpr std::string_view kListObjects = "arn:aws:states:::s3:listObjectsV2";

Unexpected<eval::ExecError> readerFailed(std::string cause) {
  return eval::raise(StateErrorId::ItemReaderFailed, std::move(cause));
}

std::string text(const Value& v) {
  return v.isString() ? std::string(v.asString()) : toJson(v);
}

const Value* member(const Value& object, std::string_view key) {
  return object.isObject() ? object.find(key) : nullptr;
}

ExecResult<std::vector<Value>> parseJsonArray(std::string_view text, std::string_view where,
                                              const ReaderSpec& spec) {
  auto parsed = parseJsonValue(text, JsonReadLimits{text.size() + 1, 512});
  if (!parsed.ok()) {
    const Diagnostic& d = parsed.error();
    return readerFailed(std::string(where) + " is not valid JSON at line " +
                        std::to_string(d.location.line) + ", column " +
                        std::to_string(d.location.column) + ": " + d.message);
  }
  // AWS's words when the object holds JSON that is not an array.
  if (!parsed->isArray()) return readerFailed("Attempting to map over non-iterable node.");
  std::vector<Value> items;
  for (const Value& item : parsed->items()) {
    if (spec.maxItems && items.size() == spec.maxItems) break;
    items.push_back(item);
  }
  return items;
}

ExecResult<std::vector<Value>> parseJsonLines(std::string_view text, std::string_view where,
                                              const ReaderSpec& spec) {
  std::vector<Value> items;
  size_t line = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    if (spec.maxItems && items.size() == spec.maxItems) break;
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++line;
    std::string_view row = text.substr(begin, end - begin);
    begin = end + 1;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.find_first_not_of(" \t") == std::string_view::npos) continue; // blank line
    auto parsed = parseJsonValue(row);
    if (!parsed.ok())
      return readerFailed(std::string(where) + " line " + std::to_string(line) +
                          " is not valid JSON: " + parsed.error().message);
    items.push_back(std::move(parsed).value());
  }
  return items;
}

// One CSV record: its fields and the line it starts on.
struct CsvRecord {
  std::vector<std::string> fields;
  size_t line = 0;
};

// RFC 4180 with the relaxations files in the wild need: LF or CRLF (or a lone CR) ends a
// record, a quote inside an unquoted field is kept as a character, blank lines are skipped.
class CsvScanner {
public:
  CsvScanner(std::string_view text, char delimiter, std::string_view where)
      : text_(text), delimiter_(delimiter), where_(where) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3); // a UTF-8 byte order mark
  }

  /// The next record, std::nullopt at the end, or the error that stops the scan.
  ExecResult<std::optional<CsvRecord>> next() {
    for (;;) {
      if (pos_ >= text_.size()) return std::optional<CsvRecord>();
      if (atLineEnd()) { // a blank line
        skipLineEnd();
        continue;
      }
      break;
    }
    CsvRecord record;
    record.line = line_;
    recordStart_ = pos_;
    for (;;) {
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        size_t openedOn = line_;
        ++pos_;
        for (;;) {
          if (pos_ >= text_.size())
            return readerFailed(std::string(where_) + " line " + std::to_string(openedOn) +
                                ": a quoted field is not closed");
          char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field += '"';
              ++pos_;
              continue;
            }
            break;
          }
          if (c == '\n') ++line_;
          field += c;
        }
        if (pos_ < text_.size() && text_[pos_] != delimiter_ && !atLineEnd())
          return readerFailed(std::string(where_) + " line " + std::to_string(line_) +
                              ": unexpected character '" + std::string(1, text_[pos_]) +
                              "' after a closing quote");
      } else {
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && !atLineEnd())
          field += text_[pos_++];
      }
      record.fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == delimiter_) {
        ++pos_;
        continue;
      }
      skipLineEnd();
      return std::optional<CsvRecord>(std::move(record));
    }
  }

  /// Bytes the last record took, for the header-size limit.
  size_t lastRecordBytes() const { return pos_ - recordStart_; }

private:
  bool atLineEnd() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }
  void skipLineEnd() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
  }

  std::string_view text_;
  char delimiter_;
  std::string_view where_;
  size_t pos_ = 0;
  size_t recordStart_ = 0;
  size_t line_ = 1;
};

ExecResult<std::vector<Value>> parseCsv(std::string_view text, std::string_view where,
                                        const ReaderSpec& spec, const ItemReaderLimits& limits) {
  CsvScanner scanner(text, spec.csvDelimiter, where);
  std::vector<std::string> headers = spec.csvHeaders;
  if (spec.headerLocation == ReaderSpec::HeaderLocation::FirstRow) {
    auto first = scanner.next();
    if (!first.ok()) return fail(std::move(first).error());
    if (!*first) return std::vector<Value>();
    if (scanner.lastRecordBytes() > limits.maxCsvHeaderBytes)
      return readerFailed(std::string(where) + ": the CSV header row is " +
                          std::to_string(scanner.lastRecordBytes()) + " bytes, above the limit of " +
                          std::to_string(limits.maxCsvHeaderBytes) + " bytes");
    headers = std::move((*first)->fields);
  }
  if (std::set<std::string>(headers.begin(), headers.end()).size() < headers.size())
    return readerFailed("CSV headers cannot contain duplicates.");
  std::vector<Value> keys;
  keys.reserve(headers.size());
  for (const std::string& h : headers) keys.push_back(Value::string(h));

  std::vector<Value> items;
  for (;;) {
    if (spec.maxItems && items.size() == spec.maxItems) break;
    auto record = scanner.next();
    if (!record.ok()) return fail(std::move(record).error());
    if (!*record) break;
    CsvRecord& row = **record;
    if (row.fields.size() > headers.size())
      return readerFailed(std::string(where) + " line " + std::to_string(row.line) + " has " +
                          std::to_string(row.fields.size()) + " fields but there are " +
                          std::to_string(headers.size()) + " headers");
    // Values stay strings, as AWS gives them; a short row leaves its last columns empty.
    std::vector<Member> members;
    members.reserve(headers.size());
    for (size_t i = 0; i < headers.size(); ++i)
      members.push_back(Member{keys[i], Value::string(i < row.fields.size() ? row.fields[i] : "")});
    items.push_back(Value::object(std::move(members)));
  }
  return items;
}

ExecResult<char> delimiterOf(const Value& v) {
  std::string_view name = v.isString() ? v.asString() : std::string_view();
  if (name == "COMMA") return ',';
  if (name == "PIPE") return '|';
  if (name == "SEMICOLON") return ';';
  if (name == "SPACE") return ' ';
  if (name == "TAB") return '\t';
  return readerFailed("CSVDelimiter " + text(v) + " is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB");
}

ExecResult<uint64_t> maxItemsOf(const Value* literal, const Value* selected,
                                std::string_view maxItemsPath, const ItemReaderLimits& limits) {
  const Value* v = literal ? literal : selected;
  if (!v) return uint64_t{0};
  // A ...Path may select a string holding an integer, as AWS accepts.
  std::optional<double> number;
  if (v->isNumber()) number = v->asDouble();
  if (v->isString()) {
    std::string s(v->asString());
    char* end = nullptr;
    double d = std::strtod(s.c_str(), &end);
    if (!s.empty() && end == s.c_str() + s.size()) number = d;
  }
  if (!number || *number != std::floor(*number) || !std::isfinite(*number)) {
    if (literal) return readerFailed("MaxItems must be an integer, but was: " + text(*v));
    return readerFailed("The MaxItemsPath field refers to value '" + text(*v) +
                        "' which is not a valid integer: " + std::string(maxItemsPath));
  }
  if (*number < 0) return readerFailed("field MaxItems must be positive");
  // 0 and anything above AWS's ceiling read up to the ceiling.
  if (*number == 0 || *number > static_cast<double>(limits.maxItems)) return limits.maxItems;
  return static_cast<uint64_t>(*number);
}

} // namespace

ExecResult<ReaderSpec> readerSpecOf(const Value& itemReader, std::string_view maxItemsPath,
                                    const ItemReaderLimits& limits) {
  ReaderSpec spec;
  const Value* resource = member(itemReader, "Resource");
  std::string_view arn = resource && resource->isString() ? resource->asString() : "";
  if (arn == kGetObject) {
    spec.source = ReaderSpec::Source::GetObject;
  } else if (arn == kListObjects) {
    spec.source = ReaderSpec::Source::ListObjects;
  } else {
    return readerFailed("the ItemReader resource '" + std::string(arn) +
                        "' is not supported: use " + std::string(kGetObject) + " or " +
                        std::string(kListObjects));
  }
  const Value* parameters = member(itemReader, "Parameters");
  if (!parameters) parameters = member(itemReader, "Arguments");
  if (!parameters || !parameters->isObject())
    return readerFailed("the ItemReader needs Parameters (or Arguments) naming the Bucket");
  auto stringParameter = [&](std::string_view name, bool required,
                             std::string& out) -> std::optional<eval::ExecError> {
    const Value* v = parameters->find(name);
    if (!v) {
      if (!required) return std::nullopt;
      return eval::ExecError::of(StateErrorId::ItemReaderFailed,
                                 "the ItemReader's parameters have no " + std::string(name));
    }
    if (!v->isString())
      return eval::ExecError::of(StateErrorId::ItemReaderFailed,
                                 "the ItemReader's " + std::string(name) +
                                     " must be a string, but was: " + text(*v));
    out = std::string(v->asString());
    return std::nullopt;
  };
  bool get = spec.source == ReaderSpec::Source::GetObject;
  if (auto e = stringParameter("Bucket", true, spec.bucket)) return fail(std::move(*e));
  if (auto e = stringParameter(get ? "Key" : "Prefix", get, get ? spec.key : spec.prefix))
    return fail(std::move(*e));

  const Value* config = member(itemReader, "ReaderConfig");
  if (config && !config->isObject())
    return readerFailed("ReaderConfig must be an object, but was: " + text(*config));
  auto maxItems = maxItemsOf(config ? config->find("MaxItems") : nullptr,
                             config ? config->find("MaxItemsPath") : nullptr, maxItemsPath, limits);
  if (!maxItems.ok()) return fail(std::move(maxItems).error());
  spec.maxItems = *maxItems;
  if (!get || !config) return spec;

  if (const Value* input = config->find("InputType")) {
    std::string_view name = input->isString() ? input->asString() : "";
    if (name == "JSON") spec.input = ReaderSpec::Input::Json;
    else if (name == "JSONL") spec.input = ReaderSpec::Input::Jsonl;
    else if (name == "CSV") spec.input = ReaderSpec::Input::Csv;
    else
      return readerFailed("InputType " + text(*input) +
                          " is not supported by the local ItemReader (JSON, JSONL and CSV are)");
  }
  if (const Value* location = config->find("CSVHeaderLocation")) {
    std::string_view name = location->isString() ? location->asString() : "";
    if (name == "FIRST_ROW") spec.headerLocation = ReaderSpec::HeaderLocation::FirstRow;
    else if (name == "GIVEN") spec.headerLocation = ReaderSpec::HeaderLocation::Given;
    else return readerFailed("CSVHeaderLocation must be FIRST_ROW or GIVEN, but was: " + text(*location));
  }
  if (const Value* delimiter = config->find("CSVDelimiter")) {
    auto d = delimiterOf(*delimiter);
    if (!d.ok()) return fail(std::move(d).error());
    spec.csvDelimiter = *d;
  }
  if (spec.input == ReaderSpec::Input::Csv &&
      spec.headerLocation == ReaderSpec::HeaderLocation::Given) {
    const Value* headers = config->find("CSVHeaders");
    if (!headers || !headers->isArray())
      return readerFailed("CSVHeaderLocation GIVEN needs CSVHeaders, an array of strings");
    for (const Value& h : headers->items()) {
      if (!h.isString())
        return readerFailed("CSVHeaders must hold strings, but holds: " + text(h));
      spec.csvHeaders.emplace_back(h.asString());
    }
  }
  return spec;
}

ExecResult<std::vector<Value>> parseItems(std::string_view text, const ReaderSpec& spec,
                                          std::string_view where, const ItemReaderLimits& limits) {
  switch (spec.input) {
  case ReaderSpec::Input::Json:
    return parseJsonArray(text, where, spec);
  case ReaderSpec::Input::Jsonl:
    return parseJsonLines(text, where, spec);
  case ReaderSpec::Input::Csv:
    return parseCsv(text, where, spec, limits);
  }
  return std::vector<Value>();
}

ExecResult<Value> readItems(const LocalObjectStore& store, const ReaderSpec& spec,
                            const ItemReaderLimits& limits) {
  if (spec.source == ReaderSpec::Source::ListObjects) {
    auto objects = store.list(spec.bucket, spec.prefix, static_cast<size_t>(limits.maxItems));
    if (!objects.ok()) return readerFailed(std::move(objects).error());
    std::vector<Value> items;
    for (const ObjectInfo& o : *objects) {
      if (spec.maxItems && items.size() == spec.maxItems) break;
      // The fields AWS gives each listed object; LastModified in epoch seconds.
      items.push_back(Value::object({
          makeMember("Key", Value::string(o.key)),
          makeMember("LastModified", Value::integer(o.lastModifiedMillis / 1000)),
          makeMember("Size", Value::integer(static_cast<int64_t>(o.size))),
          makeMember("StorageClass", Value::string("STANDARD")),
      }));
    }
    return Value::array(std::move(items));
  }
  auto bytes = store.get(spec.bucket, spec.key, limits.maxObjectBytes);
  if (!bytes.ok()) return readerFailed(std::move(bytes).error());
  std::string where = "s3://" + spec.bucket + "/" + spec.key;
  auto items = parseItems(*bytes, spec, where, limits);
  if (!items.ok()) return fail(std::move(items).error());
  return Value::array(std::move(items).value());
}

} // namespace asl::exec
