// ResultWriter: AWS's export layout (manifest.json naming SUCCEEDED_0.json and FAILED_0.json
// under Prefix/<MapRunId>/), the Map's {"MapRunArn", "ResultWriterDetails"} output, and the
// WriterConfig transformations.
#include "runtime/exec/result_writer.h"

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

MapRunIdentity run() {
  MapRunIdentity r;
  r.mapRunId = "run-1";
  r.mapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:M/Map:run-1";
  r.childArnPrefix = "arn:aws:states:us-east-1:123456789012:execution:M/Map:";
  r.stateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:M/Map";
  return r;
}

std::vector<ChildExecution> children() {
  std::vector<ChildExecution> c(2);
  c[0].status = ChildExecution::Status::Succeeded;
  c[0].name = "c0";
  c[0].input = json("1");
  c[0].output = json("[10,11]");
  c[0].startDate = 1700000000000;
  c[0].stopDate = 1700000000500;
  c[1].status = ChildExecution::Status::Failed;
  c[1].name = "c1";
  c[1].input = json("2");
  c[1].error = "Oops";
  c[1].cause = "bad";
  c[1].startDate = 1700000000000;
  c[1].stopDate = 1700000001000;
  return c;
}

TEST(ResultWriterTest, SpecDefaultsToNoneWhenExportingWithoutWriterConfig) {
  auto spec = writerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:putObject",
      "Parameters":{"Bucket":"out","Prefix":"jobs"}})"));
  ASSERT_TRUE(spec.ok()) << spec.error().cause;
  EXPECT_TRUE(spec->export_);
  EXPECT_EQ(spec->bucket, "out");
  EXPECT_EQ(spec->prefix, "jobs");
  EXPECT_EQ(spec->transformation, WriterSpec::Transformation::None);
  auto only = writerSpecOf(json(R"({"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSONL"}})"));
  ASSERT_TRUE(only.ok());
  EXPECT_FALSE(only->export_);
  EXPECT_EQ(only->transformation, WriterSpec::Transformation::Flatten);
  EXPECT_EQ(only->outputType, WriterSpec::OutputType::Jsonl);
  auto bad = writerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b"}})"));
  EXPECT_EQ(bad.error().error, "States.ResultWriterFailed");
}

TEST(ResultWriterTest, ChildRecordsCarryTheExecutionAsAwsExportsIt) {
  auto c = children();
  EXPECT_EQ(toJson(childRecord(c[0], run())),
            R"({"ExecutionArn":"arn:aws:states:us-east-1:123456789012:execution:M/Map:c0",)"
            R"("Input":"1","InputDetails":{"Included":true},"Name":"c0","Output":"[10,11]",)"
            R"("OutputDetails":{"Included":true},"RedriveCount":0,"RedriveStatus":"NOT_REDRIVABLE",)"
            R"("RedriveStatusReason":"Execution is SUCCEEDED and cannot be redriven",)"
            R"("StartDate":"2023-11-14T22:13:20.000Z",)"
            R"("StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:M/Map",)"
            R"("Status":"SUCCEEDED","StopDate":"2023-11-14T22:13:20.500Z"})");
  EXPECT_EQ(toJson(childRecord(c[1], run())),
            R"({"Cause":"bad","Error":"Oops",)"
            R"("ExecutionArn":"arn:aws:states:us-east-1:123456789012:execution:M/Map:c1",)"
            R"("Input":"2","InputDetails":{"Included":true},"Name":"c1","RedriveCount":0,)"
            R"("RedriveStatus":"REDRIVABLE_BY_MAP_RUN","StartDate":"2023-11-14T22:13:20.000Z",)"
            R"("StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:M/Map",)"
            R"("Status":"FAILED","StopDate":"2023-11-14T22:13:21.000Z"})");
}

TEST(ResultWriterTest, WritesManifestAndResultFilesUnderPrefixAndRunId) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "out");
  auto spec = writerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:putObject",
      "Parameters":{"Bucket":"out","Prefix":"jobs"}})"));
  auto c = children();
  auto written = writeResults(LocalObjectStore(dir.path()), *spec, c, run());
  ASSERT_TRUE(written.ok()) << written.error().cause;
  EXPECT_EQ(toJson(*written),
            R"({"MapRunArn":"arn:aws:states:us-east-1:123456789012:mapRun:M/Map:run-1",)"
            R"("ResultWriterDetails":{"Bucket":"out","Key":"jobs/run-1/manifest.json"}})");
  std::string succeeded = dir.read("out/jobs/run-1/SUCCEEDED_0.json");
  std::string failed = dir.read("out/jobs/run-1/FAILED_0.json");
  EXPECT_EQ(succeeded, toJson(Value::array({childRecord(c[0], run())})));
  EXPECT_EQ(failed, toJson(Value::array({childRecord(c[1], run())})));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out/jobs/run-1/PENDING_0.json"));
  EXPECT_EQ(dir.read("out/jobs/run-1/manifest.json"),
            R"({"DestinationBucket":"out","MapRunArn":"arn:aws:states:us-east-1:123456789012:mapRun:M/Map:run-1",)"
            R"("ResultFiles":{"FAILED":[{"Key":"jobs/run-1/FAILED_0.json","Size":)" +
                std::to_string(failed.size()) +
                R"(}],"PENDING":[],"SUCCEEDED":[{"Key":"jobs/run-1/SUCCEEDED_0.json","Size":)" +
                std::to_string(succeeded.size()) + "}]}}");
}

TEST(ResultWriterTest, CompactJsonLinesWritesOneOutputPerLine) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "out");
  auto spec = writerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:putObject",
      "Parameters":{"Bucket":"out","Prefix":""},"WriterConfig":{"Transformation":"FLATTEN","OutputType":"JSONL"}})"));
  auto c = children();
  ASSERT_TRUE(writeResults(LocalObjectStore(dir.path()), *spec, c, run()).ok());
  EXPECT_EQ(dir.read("out/run-1/SUCCEEDED_0.json"), "10\n11\n");
}

TEST(ResultWriterTest, MissingBucketIsResultWriterFailed) {
  TempDir dir;
  auto spec = writerSpecOf(json(R"({"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"none"}})"));
  auto c = children();
  auto written = writeResults(LocalObjectStore(dir.path()), *spec, c, run());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().error, "States.ResultWriterFailed");
  EXPECT_TRUE(written.error().cause.starts_with("the bucket 'none' does not exist"));
}

TEST(ResultWriterTest, WriterConfigAloneShapesTheOutput) {
  auto c = children();
  c[1].status = ChildExecution::Status::Succeeded;
  c[1].output = json(R"({"k":1})");
  WriterSpec flatten;
  flatten.transformation = WriterSpec::Transformation::Flatten;
  EXPECT_EQ(toJson(transformedResults(c, flatten, run())), R"([10,11,{"k":1}])");
  WriterSpec compact;
  EXPECT_EQ(toJson(transformedResults(c, compact, run())), R"([[10,11],{"k":1}])");
}

} // namespace
} // namespace asl::exec
