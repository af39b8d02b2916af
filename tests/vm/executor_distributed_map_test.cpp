// Distributed Maps over a folder standing for S3: ItemReader (CSV, JSON Lines, JSON, listings,
// MaxItems), ItemBatcher, ResultWriter, and the States.ItemReaderFailed a Catch can take.
#include <gtest/gtest.h>

#include "tests/exec/temp_dir.h"
#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

using asl::testing::TempDir;
using testing::json;
using testing::outputOf;
using testing::runWith;

// A distributed Map whose ItemReader and extra fields are spliced in.
std::string distributedMap(std::string_view fields, std::string_view processor =
                                                        R"({"Type":"Pass","End":true})") {
  return R"({"StartAt":"M","States":{"M":{"Type":"Map",)" + std::string(fields) +
         R"(,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},)"
         R"("StartAt":"P","States":{"P":)" +
         std::string(processor) + R"(}},"End":true}}})";
}

ExecutionOptions withRoot(const TempDir& dir) {
  ExecutionOptions options;
  options.s3Root = dir.path().string();
  return options;
}

TEST(ExecutorDistributedMap, CsvItemReaderIteratesOverRowsAsStringObjects) {
  TempDir dir;
  dir.write("data/in/orders.csv", "id,qty\r\n1,2\r\n2,\"1,5\"\r\n");
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
      "Parameters":{"Bucket":"data","Key.$":"$.key"}})"),
                   R"({"key":"in/orders.csv"})", withRoot(dir));
  EXPECT_EQ(outputOf(r), R"([{"id":"1","qty":"2"},{"id":"2","qty":"1,5"}])");
}

TEST(ExecutorDistributedMap, MaxItemsPathReadsTheStateInput) {
  TempDir dir;
  dir.write("data/items.jsonl", "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"JSONL","MaxItemsPath":"$.limit"},
      "Parameters":{"Bucket":"data","Key":"items.jsonl"}})"),
                   R"({"limit":2})", withRoot(dir));
  EXPECT_EQ(outputOf(r), R"([{"n":1},{"n":2}])");
}

TEST(ExecutorDistributedMap, ItemSelectorThenItemBatcherGiveEachChildABatch) {
  TempDir dir;
  dir.write("data/items.json", "[1,2,3,4,5]");
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"items.json"}},
      "ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},
      "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"job.$":"$.job"}})"),
                   R"({"job":"j1"})", withRoot(dir));
  EXPECT_EQ(outputOf(r),
            R"([{"BatchInput":{"job":"j1"},"Items":[{"v":1,"i":0},{"v":2,"i":1}]},)"
            R"({"BatchInput":{"job":"j1"},"Items":[{"v":3,"i":2},{"v":4,"i":3}]},)"
            R"({"BatchInput":{"job":"j1"},"Items":[{"v":5,"i":4}]}])");
}

TEST(ExecutorDistributedMap, MissingObjectFailsWithItemReaderFailed) {
  TempDir dir;
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"none.json"}})"),
                   "{}", withRoot(dir));
  EXPECT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.ItemReaderFailed");
  EXPECT_TRUE(r.result.cause.starts_with("the object s3://data/none.json (")) << r.result.cause;
}

TEST(ExecutorDistributedMap, BadContentNamesTheLineAndCanBeCaught) {
  TempDir dir;
  dir.write("data/items.jsonl", "1\n{bad\n");
  std::string def = R"({"StartAt":"M","States":{"M":{"Type":"Map",
      "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
                    "Parameters":{"Bucket":"data","Key":"items.jsonl"}},
      "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                       "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
      "Catch":[{"ErrorEquals":["States.ItemReaderFailed"],"Next":"Recovered"}],"End":true},
    "Recovered":{"Type":"Pass","End":true}}})";
  auto r = runWith(def, "{}", withRoot(dir));
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << outputOf(r);
  EXPECT_EQ(r.result.output.find("Error")->asString(), "States.ItemReaderFailed");
  EXPECT_TRUE(r.result.output.find("Cause")->asString().starts_with(
      "s3://data/items.jsonl line 2 is not valid JSON: "));
}

TEST(ExecutorDistributedMap, WithoutAnS3RootTheReaderSaysWhatIsMissing) {
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"k.json"}})"),
                   "{}", ExecutionOptions{});
  EXPECT_EQ(r.result.error, "States.ItemReaderFailed");
  EXPECT_EQ(r.result.cause,
            "cannot read s3://data/k.json: no folder stands for S3 (aslc run --s3-root DIR)");
}

TEST(ExecutorDistributedMap, JsonataArgumentsAndMaxItemsExpression) {
  TempDir dir;
  dir.write("data/items.json", R"([{"a":1},{"a":2},{"a":3}])");
  std::string def = R"({"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map",
      "ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                    "ReaderConfig":{"InputType":"JSON","MaxItems":"{% $states.input.n %}"},
                    "Arguments":{"Bucket":"data","Key":"{% $states.input.key %}"}},
      "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                       "StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.a * 10 %}","End":true}}},
      "End":true}}})";
  auto r = runWith(def, R"({"n":2,"key":"items.json"})", withRoot(dir));
  EXPECT_EQ(outputOf(r), "[10,20]");
}

TEST(ExecutorDistributedMap, ListObjectsV2IteratesOverTheObjectsUnderAPrefix) {
  TempDir dir;
  dir.write("logs/2024/a.log", "aaaa");
  dir.write("logs/2024/b.log", "bb");
  dir.write("logs/2023/c.log", "c");
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2",
      "Parameters":{"Bucket":"logs","Prefix":"2024/"}},
      "ItemSelector":{"key.$":"$$.Map.Item.Value.Key","size.$":"$$.Map.Item.Value.Size"})"),
                   "{}", withRoot(dir));
  EXPECT_EQ(outputOf(r), R"([{"key":"2024/a.log","size":4},{"key":"2024/b.log","size":2}])");
}

TEST(ExecutorDistributedMap, ResultWriterExportsAndReturnsTheManifestLocation) {
  TempDir dir;
  dir.write("data/items.json", "[1,2]");
  std::filesystem::create_directories(dir.path() / "out");
  auto r = runWith(distributedMap(R"("ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
      "ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"data","Key":"items.json"}},
      "Label":"Lines",
      "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}})"),
                   "{}", withRoot(dir));
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << outputOf(r);
  const Value& out = r.result.output;
  std::string arn(out.find("MapRunArn")->asString());
  const std::string arnPrefix = "arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/Lines:";
  ASSERT_TRUE(arn.starts_with(arnPrefix)) << arn;
  std::string runId = arn.substr(arnPrefix.size());
  const Value* details = out.find("ResultWriterDetails");
  EXPECT_EQ(details->find("Bucket")->asString(), "out");
  EXPECT_EQ(details->find("Key")->asString(), "runs/" + runId + "/manifest.json");
  Value manifest = json(dir.read("out/runs/" + runId + "/manifest.json"));
  EXPECT_EQ(manifest.find("MapRunArn")->asString(), arn);
  Value results = json(dir.read("out/runs/" + runId + "/SUCCEEDED_0.json"));
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results.items()[0].find("Output")->asString(), "1");
  EXPECT_EQ(results.items()[1].find("Status")->asString(), "SUCCEEDED");
}

TEST(ExecutorDistributedMap, FailedChildrenWithinTheToleranceGoToFailedResults) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "out");
  std::string def = R"({"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs",
      "ToleratedFailureCount":1,
      "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"p/"}},
      "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
        "StartAt":"C","States":{
          "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"P"},
          "F":{"Type":"Fail","Error":"Two","Cause":"no twos"},
          "P":{"Type":"Pass","End":true}}},"End":true}}})";
  auto r = runWith(def, R"({"xs":[1,2,3]})", withRoot(dir));
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << outputOf(r);
  std::string key(r.result.output.find("ResultWriterDetails")->find("Key")->asString());
  Value manifest = json(dir.read("out/" + key));
  const Value* files = manifest.find("ResultFiles");
  ASSERT_EQ(files->find("FAILED")->size(), 1u);
  ASSERT_EQ(files->find("SUCCEEDED")->size(), 1u);
  EXPECT_EQ(files->find("PENDING")->size(), 0u);
  Value failed = json(dir.read(
      "out/" + std::string(files->find("FAILED")->items()[0].find("Key")->asString())));
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed.items()[0].find("Error")->asString(), "Two");
  EXPECT_EQ(failed.items()[0].find("Cause")->asString(), "no twos");
  EXPECT_EQ(failed.items()[0].find("Input")->asString(), "2");
}

TEST(ExecutorDistributedMap, WriterConfigAloneFlattensTheOutput) {
  auto r = runWith(R"({"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs",
      "ResultWriter":{"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSON"}},
      "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                       "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}})",
                   R"({"xs":[[1,2],[3],4]})", ExecutionOptions{});
  EXPECT_EQ(outputOf(r), "[1,2,3,4]");
}

} // namespace
} // namespace asl::vm
