// ItemReader over local objects: JSON arrays, JSON Lines, CSV with AWS's string values, listings,
// MaxItems, and States.ItemReaderFailed causes that name the object and the line.
#include "runtime/exec/item_reader.h"

#include <gtest/gtest.h>

#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"
#include "tests/exec/temp_dir.h"

namespace asl::exec {
namespace {

using asl::testing::TempDir;

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? std::move(v).value() : Value();
}

ReaderSpec csvSpec() {
  ReaderSpec spec;
  spec.input = ReaderSpec::Input::Csv;
  return spec;
}

std::string items(std::string_view text, const ReaderSpec& spec) {
  auto parsed = parseItems(text, spec, "s3://b/k");
  if (!parsed.ok()) return parsed.error().error + ": " + parsed.error().cause;
  return toJson(Value::array(std::move(parsed).value()));
}

TEST(ItemReaderTest, CsvFirstRowHeadersGiveObjectsOfStrings) {
  EXPECT_EQ(items("id,name,price\n1,apple,0.5\n2,pear,1\n", csvSpec()),
            R"([{"id":"1","name":"apple","price":"0.5"},{"id":"2","name":"pear","price":"1"}])");
}

TEST(ItemReaderTest, CsvQuotedFieldsHoldDelimitersQuotesAndNewlines) {
  EXPECT_EQ(items("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n", csvSpec()),
            R"([{"a":"x, y","b":"say \"hi\""},{"a":"two\nlines","b":"z"}])");
}

TEST(ItemReaderTest, CsvGivenHeadersReadTheFirstRowAsData) {
  ReaderSpec spec = csvSpec();
  spec.headerLocation = ReaderSpec::HeaderLocation::Given;
  spec.csvHeaders = {"k", "v"};
  EXPECT_EQ(items("1,2\n3,4", spec), R"([{"k":"1","v":"2"},{"k":"3","v":"4"}])");
}

TEST(ItemReaderTest, CsvShortRowsLeaveEmptyStringsAndBlankLinesAreSkipped) {
  EXPECT_EQ(items("a,b,c\n1\n\n2,3,\n", csvSpec()),
            R"([{"a":"1","b":"","c":""},{"a":"2","b":"3","c":""}])");
}

TEST(ItemReaderTest, CsvOtherDelimitersAndAByteOrderMark) {
  ReaderSpec spec = csvSpec();
  spec.csvDelimiter = '|';
  EXPECT_EQ(items("\xEF\xBB\xBF" "a|b\n1|2\n", spec), R"([{"a":"1","b":"2"}])");
}

TEST(ItemReaderTest, CsvErrorsNameTheObjectAndLine) {
  EXPECT_EQ(items("a,b\n1,2\n\"open,3\n", csvSpec()),
            "States.ItemReaderFailed: s3://b/k line 3: a quoted field is not closed");
  EXPECT_EQ(items("a,b\n1,2,3\n", csvSpec()),
            "States.ItemReaderFailed: s3://b/k line 2 has 3 fields but there are 2 headers");
  EXPECT_EQ(items("a\n\"x\"y\n", csvSpec()),
            "States.ItemReaderFailed: s3://b/k line 2: unexpected character 'y' after a closing quote");
  EXPECT_EQ(items("a,a\n1,2\n", csvSpec()),
            "States.ItemReaderFailed: CSV headers cannot contain duplicates.");
}

TEST(ItemReaderTest, CsvHeaderRowAboveTheLimitFails) {
  std::string header(11 * 1024, 'h');
  auto parsed = parseItems(header + "\n1\n", csvSpec(), "s3://b/k");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().cause,
            "s3://b/k: the CSV header row is 11265 bytes, above the limit of 10240 bytes");
}

TEST(ItemReaderTest, EmptyCsvHasNoItems) {
  EXPECT_EQ(items("", csvSpec()), "[]");
}

TEST(ItemReaderTest, JsonLinesSkipBlankLinesAndNameABadLine) {
  ReaderSpec spec;
  spec.input = ReaderSpec::Input::Jsonl;
  EXPECT_EQ(items("{\"a\":1}\r\n\n[2]\n\"s\"", spec), R"([{"a":1},[2],"s"])");
  std::string bad = items("{\"a\":1}\n{oops}\n", spec);
  EXPECT_TRUE(bad.starts_with("States.ItemReaderFailed: s3://b/k line 2 is not valid JSON: "))
      << bad;
}

TEST(ItemReaderTest, JsonMustBeAnArray) {
  ReaderSpec spec;
  EXPECT_EQ(items("[1,{\"x\":2}]", spec), R"([1,{"x":2}])");
  EXPECT_EQ(items("{\"x\":1}", spec),
            "States.ItemReaderFailed: Attempting to map over non-iterable node.");
  std::string bad = items("[1,\n2,,]", spec);
  EXPECT_TRUE(bad.starts_with("States.ItemReaderFailed: s3://b/k is not valid JSON at line 2"))
      << bad;
}

TEST(ItemReaderTest, MaxItemsStopsEarly) {
  ReaderSpec spec = csvSpec();
  spec.maxItems = 1;
  EXPECT_EQ(items("a\n1\n2\n", spec), R"([{"a":"1"}])");
  ReaderSpec json;
  json.maxItems = 2;
  EXPECT_EQ(items("[1,2,3]", json), "[1,2]");
}

TEST(ItemReaderTest, SpecComesFromTheEvaluatedItemReader) {
  auto spec = readerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["x","y"],
                      "CSVDelimiter":"SEMICOLON","MaxItems":5},
      "Parameters":{"Bucket":"b","Key":"in/data.csv"}})"),
                           "");
  ASSERT_TRUE(spec.ok()) << spec.error().cause;
  EXPECT_EQ(spec->bucket, "b");
  EXPECT_EQ(spec->key, "in/data.csv");
  EXPECT_EQ(spec->input, ReaderSpec::Input::Csv);
  EXPECT_EQ(spec->headerLocation, ReaderSpec::HeaderLocation::Given);
  EXPECT_EQ(spec->csvHeaders, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(spec->csvDelimiter, ';');
  EXPECT_EQ(spec->maxItems, 5u);
}

TEST(ItemReaderTest, MaxItemsPathValuesAreCheckedAsAwsDoes) {
  const char* reader = R"({"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"JSON","MaxItemsPath":%s},"Parameters":{"Bucket":"b","Key":"k"}})";
  auto with = [&](const char* value) {
    char text[512];
    snprintf(text, sizeof text, reader, value);
    return readerSpecOf(json(text), "$.max");
  };
  EXPECT_EQ(with("\"abc\"").error().cause,
            "The MaxItemsPath field refers to value 'abc' which is not a valid integer: $.max");
  EXPECT_EQ(with("-1").error().cause, "field MaxItems must be positive");
  EXPECT_EQ(with("\"3\"")->maxItems, 3u);
  EXPECT_EQ(with("0")->maxItems, 100000000u); // 0 reads everything, up to AWS's ceiling
}

TEST(ItemReaderTest, UnsupportedResourcesAndInputTypesFailClearly) {
  auto resource = readerSpecOf(json(R"({"Resource":"arn:aws:states:::dynamodb:scan","Parameters":{}})"), "");
  EXPECT_EQ(resource.error().error, "States.ItemReaderFailed");
  EXPECT_TRUE(resource.error().cause.starts_with(
      "the ItemReader resource 'arn:aws:states:::dynamodb:scan' is not supported"));
  auto manifest = readerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"MANIFEST"},"Parameters":{"Bucket":"b","Key":"k"}})"),
                               "");
  EXPECT_EQ(manifest.error().cause,
            "InputType MANIFEST is not supported by the local ItemReader (JSON, JSONL and CSV are)");
  auto noKey = readerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b"}})"), "");
  EXPECT_EQ(noKey.error().cause, "the ItemReader's parameters have no Key");
}

TEST(ItemReaderTest, ReadItemsFromTheStore) {
  TempDir dir;
  dir.write("b/in.jsonl", "1\n2\n");
  ReaderSpec spec;
  spec.bucket = "b";
  spec.key = "in.jsonl";
  spec.input = ReaderSpec::Input::Jsonl;
  auto read = readItems(LocalObjectStore(dir.path()), spec);
  ASSERT_TRUE(read.ok()) << read.error().cause;
  EXPECT_EQ(toJson(*read), "[1,2]");
  spec.key = "missing.jsonl";
  auto missing = readItems(LocalObjectStore(dir.path()), spec);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().error, "States.ItemReaderFailed");
  EXPECT_TRUE(missing.error().cause.starts_with("the object s3://b/missing.jsonl"));
}

TEST(ItemReaderTest, ListObjectsGivesKeySizeLastModifiedAndStorageClass) {
  TempDir dir;
  dir.write("b/p/a.txt", "abc");
  dir.write("b/q.txt", "x");
  auto spec = readerSpecOf(
      json(R"({"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"b","Prefix":"p/"}})"),
      "");
  ASSERT_TRUE(spec.ok()) << spec.error().cause;
  auto read = readItems(LocalObjectStore(dir.path()), *spec);
  ASSERT_TRUE(read.ok()) << read.error().cause;
  ASSERT_EQ(read->size(), 1u);
  const Value& item = read->items()[0];
  EXPECT_EQ(item.find("Key")->asString(), "p/a.txt");
  EXPECT_EQ(item.find("Size")->asInteger(), 3);
  EXPECT_EQ(item.find("StorageClass")->asString(), "STANDARD");
  EXPECT_GT(item.find("LastModified")->asInteger(), 1600000000);
}

} // namespace
} // namespace asl::exec
