// Map states: ItemProcessor/Iterator, ProcessorConfig, ItemReader/ItemBatcher/ResultWriter,
// Label, tolerated failures, and Items versus ItemsPath.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::lines;
using test::Lines;

constexpr const char* kInline =
    R"("ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}})";
constexpr const char* kDistributed =
    R"("ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})";

// A Map "M" on line 4; `fields` start line 5 at column 1, the processor is on line 6.
std::string map(const std::string& fields, const std::string& processor = kInline,
                const std::string& language = "JSONPath") {
  return "{\n\"StartAt\": \"M\",\n\"States\": {\n\"M\": {\"Type\": \"Map\", \"QueryLanguage\": \"" +
         language + "\", \"End\": true,\n" + fields + (fields.empty() ? "" : ",") + "\n" +
         processor + "}\n}\n}";
}

TEST(MapRulesTest, CorrectInlineMapPasses) {
  EXPECT_EQ(
      diagnose(map(
          R"("ItemsPath": "$.items", "ItemSelector": {"v.$": "$$.Map.Item.Value"}, "MaxConcurrency": 5)")),
      lines());
}

TEST(MapRulesTest, CorrectDistributedMapPasses) {
  EXPECT_EQ(
      diagnose(map(
          R"("ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItems": 10}, "Parameters": {"Bucket": "b", "Key": "k"}},
"ItemBatcher": {"MaxItemsPerBatch": 10, "MaxInputBytesPerBatch": 1024, "BatchInput": {"x": 1}},
"ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "p"}, "WriterConfig": {"OutputType": "JSONL", "Transformation": "COMPACT"}},
"ToleratedFailurePercentage": 5.5, "ToleratedFailureCount": 10, "Label": "my-map_1")",
          kDistributed)),
      lines());
}

TEST(MapRulesTest, LegacyIteratorPasses) {
  EXPECT_EQ(diagnose(map(R"("Parameters": {"v.$": "$$.Map.Item.Value"})",
                         R"("Iterator": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
            lines());
}

TEST(MapRulesTest, ItemProcessorIsRequired) {
  EXPECT_EQ(diagnose(map("", "\"MaxConcurrency\": 1")),
            lines("4:6 error MISSING_FIELD /States/M: Map state 'M' is missing required field "
                  "'ItemProcessor' (or "
                  "the older 'Iterator')"));
}

TEST(MapRulesTest, ItemProcessorAndIteratorExcludeEachOther) {
  EXPECT_EQ(diagnose(map(R"("Iterator": {"StartAt": "J", "States": {"J": {"Type": "Succeed"}}})")),
            lines("5:1 error EXCLUSIVE_FIELDS /States/M/Iterator: fields 'ItemProcessor' and "
                  "'Iterator' cannot "
                  "both be set"));
}

TEST(MapRulesTest, ItemProcessorMustBeAnObject) {
  EXPECT_EQ(diagnose(map("", "\"ItemProcessor\": []")),
            lines("6:18 error FIELD_TYPE /States/M/ItemProcessor: ItemProcessor must be a state "
                  "machine object"));
}

TEST(MapRulesTest, ProcessorAllowsNoTopLevelFields) {
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"StartAt": "I", "TimeoutSeconds": 1, "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:35 error UNKNOWN_FIELD /States/M/ItemProcessor/TimeoutSeconds: field "
            "'TimeoutSeconds' is not "
            "allowed in a Map's ItemProcessor"));
}

TEST(MapRulesTest, ProcessorConfigModeIsInlineOrDistributed) {
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"ProcessorConfig": {"Mode": "PARALLEL"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:47 error FIELD_VALUE /States/M/ItemProcessor/ProcessorConfig/Mode: Mode must be one "
            "of 'INLINE', "
            "'DISTRIBUTED'"));
}

TEST(MapRulesTest, DistributedModeNeedsExecutionType) {
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:38 error MISSING_FIELD /States/M/ItemProcessor/ProcessorConfig: a DISTRIBUTED "
            "ProcessorConfig "
            "needs 'ExecutionType'"));
}

TEST(MapRulesTest, ExecutionTypeIsStandardOrExpress) {
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "FAST"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:79 error FIELD_VALUE /States/M/ItemProcessor/ProcessorConfig/ExecutionType: "
            "ExecutionType must "
            "be one of 'STANDARD', 'EXPRESS'"));
}

TEST(MapRulesTest, ExecutionTypeOnlyForDistributedMode) {
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE", "ExecutionType": "EXPRESS"}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:57 error UNKNOWN_FIELD /States/M/ItemProcessor/ProcessorConfig/ExecutionType: "
            "ExecutionType "
            "applies only to Mode \"DISTRIBUTED\""));
}

TEST(MapRulesTest, ProcessorConfigAllowsOnlyModeAndExecutionType) {
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"ProcessorConfig": {"Concurrency": 1}, "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:39 error UNKNOWN_FIELD /States/M/ItemProcessor/ProcessorConfig/Concurrency: field "
            "'Concurrency' "
            "is not allowed in ProcessorConfig"));
  EXPECT_EQ(
      diagnose(map(
          "",
          R"("ItemProcessor": {"ProcessorConfig": "INLINE", "StartAt": "I", "States": {"I": {"Type": "Succeed"}}})")),
      lines("6:38 error FIELD_TYPE /States/M/ItemProcessor/ProcessorConfig: ProcessorConfig must "
            "be an object"));
}

TEST(MapRulesTest, DistributedFieldsInAnInlineMapWarnIgnored) {
  EXPECT_EQ(
      diagnose(map(R"("ItemBatcher": {"MaxItemsPerBatch": 2}, "ToleratedFailureCount": 1)")),
      lines(
          "5:1 warning IGNORED_FIELD /States/M/ItemBatcher: field 'ItemBatcher' has an effect only "
          "in a "
          "distributed Map (ItemProcessor.ProcessorConfig.Mode \"DISTRIBUTED\")",
          "5:41 warning IGNORED_FIELD /States/M/ToleratedFailureCount: field "
          "'ToleratedFailureCount' has an "
          "effect only in a distributed Map (ItemProcessor.ProcessorConfig.Mode \"DISTRIBUTED\")"));
}

TEST(MapRulesTest, ItemReaderNeedsAnArnResource) {
  EXPECT_EQ(diagnose(map(R"("ItemReader": {"ReaderConfig": {}})", kDistributed)),
            lines("5:15 error MISSING_FIELD /States/M/ItemReader: ItemReader needs 'Resource'"));
  EXPECT_EQ(diagnose(map(R"("ItemReader": {"Resource": "s3:getObject"})", kDistributed)),
            lines("5:28 error INVALID_RESOURCE /States/M/ItemReader/Resource: Resource "
                  "'s3:getObject' is not an ARN"));
}

TEST(MapRulesTest, ReaderConfigValues) {
  EXPECT_EQ(
      diagnose(map(
          R"("ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "XML"}})",
          kDistributed)),
      lines("5:91 error FIELD_VALUE /States/M/ItemReader/ReaderConfig/InputType: InputType must be "
            "one of "
            "'CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'"));
  EXPECT_EQ(
      diagnose(map(
          R"("ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"MaxItems": -1}})",
          kDistributed)),
      lines("5:90 error FIELD_VALUE /States/M/ItemReader/ReaderConfig/MaxItems: MaxItems must be "
            "an integer of at least 0"));
  EXPECT_EQ(
      diagnose(map(
          R"("ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"MaxItems": 1, "MaxItemsPath": "$.n"}})",
          kDistributed)),
      lines("5:93 error EXCLUSIVE_FIELDS /States/M/ItemReader/ReaderConfig/MaxItemsPath: fields "
            "'MaxItems' and "
            "'MaxItemsPath' cannot both be set"));
  EXPECT_EQ(
      diagnose(map(
          R"("ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"Columns": 1}})",
          kDistributed)),
      lines("5:78 error UNKNOWN_FIELD /States/M/ItemReader/ReaderConfig/Columns: field 'Columns' "
            "is not allowed in ReaderConfig"));
}

TEST(MapRulesTest, ItemReaderAllowsOnlyItsFields) {
  EXPECT_EQ(diagnose(map(
                R"("ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Arguments": {}})",
                kDistributed)),
            lines("5:61 error UNKNOWN_FIELD /States/M/ItemReader/Arguments: field 'Arguments' is "
                  "not allowed in ItemReader"));
}

TEST(MapRulesTest, ItemBatcherValues) {
  EXPECT_EQ(diagnose(map(R"("ItemBatcher": {"MaxItemsPerBatch": 0})", kDistributed)),
            lines("5:37 error FIELD_VALUE /States/M/ItemBatcher/MaxItemsPerBatch: MaxItemsPerBatch "
                  "must be an integer of at least 1"));
  EXPECT_EQ(
      diagnose(
          map(R"("ItemBatcher": {"MaxInputBytesPerBatch": 10, "MaxInputBytesPerBatchPath": "$.b"})",
              kDistributed)),
      lines("5:46 error EXCLUSIVE_FIELDS /States/M/ItemBatcher/MaxInputBytesPerBatchPath: fields "
            "'MaxInputBytesPerBatch' and 'MaxInputBytesPerBatchPath' cannot both be set"));
  EXPECT_EQ(diagnose(map(R"("ItemBatcher": {"Size": 1})", kDistributed)),
            lines("5:17 error UNKNOWN_FIELD /States/M/ItemBatcher/Size: field 'Size' is not "
                  "allowed in ItemBatcher"));
}

TEST(MapRulesTest, ResultWriterValues) {
  EXPECT_EQ(
      diagnose(map(R"("ResultWriter": {"WriterConfig": {"OutputType": "CSV"}})", kDistributed)),
      lines("5:49 error FIELD_VALUE /States/M/ResultWriter/WriterConfig/OutputType: OutputType "
            "must be one of "
            "'JSON', 'JSONL'"));
  EXPECT_EQ(diagnose(map(R"("ResultWriter": {"Bucket": "b"})", kDistributed)),
            lines("5:18 error UNKNOWN_FIELD /States/M/ResultWriter/Bucket: field 'Bucket' is not "
                  "allowed in ResultWriter"));
}

TEST(MapRulesTest, LabelOfFortyCharactersPasses) {
  EXPECT_EQ(diagnose(map("\"Label\": \"" + std::string(40, 'L') + "\"", kDistributed)), lines());
}

TEST(MapRulesTest, LabelLongerThanFortyCharactersIsInvalid) {
  EXPECT_EQ(
      diagnose(map("\"Label\": \"" + std::string(41, 'L') + "\"", kDistributed)),
      lines("5:10 error INVALID_LABEL /States/M/Label: Label is 41 characters; the limit is 40"));
}

TEST(MapRulesTest, LabelRejectsForbiddenCharacters) {
  for (std::string bad :
       {"my map", "a:b", "a/b", "a*", "a{b}", "a\\u0001", "a\\u0085", "a$b", "a\\tb"}) {
    EXPECT_EQ(diagnose(map("\"Label\": \"" + bad + "\"", kDistributed)),
              lines("5:10 error INVALID_LABEL /States/M/Label: Label must not contain whitespace, "
                    "brackets, wildcards, "
                    "control characters or any of \" # % \\ ^ | ~ ` $ & , ; : /"))
        << bad;
  }
  EXPECT_EQ(diagnose(map("\"Label\": \"caf\\u00e9-x\"", kDistributed)), lines());
}

TEST(MapRulesTest, LabelMustBeAString) {
  EXPECT_EQ(diagnose(map("\"Label\": 1", kDistributed)),
            lines("5:10 error FIELD_TYPE /States/M/Label: Label must be a string"));
}

TEST(MapRulesTest, ToleratedFailureRanges) {
  EXPECT_EQ(diagnose(map(R"("ToleratedFailurePercentage": 101)", kDistributed)),
            lines("5:31 error FIELD_VALUE /States/M/ToleratedFailurePercentage: "
                  "ToleratedFailurePercentage must be a "
                  "number from 0 to 100"));
  EXPECT_EQ(
      diagnose(map(R"("ToleratedFailureCount": -1)", kDistributed)),
      lines(
          "5:26 error FIELD_VALUE /States/M/ToleratedFailureCount: ToleratedFailureCount must be a "
          "non-negative integer, not -1"));
  EXPECT_EQ(diagnose(map(R"("ToleratedFailureCount": 1, "ToleratedFailureCountPath": "$.n")",
                         kDistributed)),
            lines("5:29 error EXCLUSIVE_FIELDS /States/M/ToleratedFailureCountPath: fields "
                  "'ToleratedFailureCount' "
                  "and 'ToleratedFailureCountPath' cannot both be set"));
}

TEST(MapRulesTest, MaxConcurrencyIsANonNegativeInteger) {
  EXPECT_EQ(diagnose(map(R"("MaxConcurrency": -1)")),
            lines("5:19 error FIELD_VALUE /States/M/MaxConcurrency: MaxConcurrency must be a "
                  "non-negative integer, not -1"));
  EXPECT_EQ(
      diagnose(map(R"("MaxConcurrency": 1, "MaxConcurrencyPath": "$.c")")),
      lines("5:22 error EXCLUSIVE_FIELDS /States/M/MaxConcurrencyPath: fields 'MaxConcurrency' and "
            "'MaxConcurrencyPath' cannot both be set"));
}

TEST(MapRulesTest, ItemSelectorAndParametersExcludeEachOther) {
  EXPECT_EQ(diagnose(map(R"("ItemSelector": {}, "Parameters": {})")),
            lines("5:21 error EXCLUSIVE_FIELDS /States/M/Parameters: fields 'ItemSelector' and "
                  "'Parameters' cannot both be set"));
}

TEST(MapRulesTest, ItemSelectorMustBeAnObjectInJsonPath) {
  EXPECT_EQ(diagnose(map(R"("ItemSelector": "$")")),
            lines("5:17 error FIELD_TYPE /States/M/ItemSelector: ItemSelector must be an object, "
                  "not string"));
}

TEST(MapRulesTest, ItemsIsJsonataAndItemsPathIsJsonPath) {
  EXPECT_EQ(diagnose(map(R"("Items": [1, 2])")),
            lines("5:1 error QUERY_LANGUAGE_FIELD /States/M/Items: field 'Items' is a JSONata "
                  "field; this state uses "
                  "JSONPath: use ItemsPath"));
  EXPECT_EQ(diagnose(map(R"("ItemsPath": "$.items")", kInline, "JSONata")),
            lines("5:1 error QUERY_LANGUAGE_FIELD /States/M/ItemsPath: field 'ItemsPath' is a "
                  "JSONPath field; this "
                  "state uses JSONata: use Items"));
}

TEST(MapRulesTest, JsonataItemsIsAnArrayOrAnExpression) {
  EXPECT_EQ(diagnose(map(R"("Items": [1, "{% $states.input.x %}"])", kInline, "JSONata")), lines());
  EXPECT_EQ(diagnose(map(R"("Items": "{% $states.input.list %}")", kInline, "JSONata")), lines());
  EXPECT_EQ(diagnose(map(R"("Items": "list")", kInline, "JSONata")),
            lines("5:10 error FIELD_TYPE /States/M/Items: Items must be an array or a {% %} "
                  "JSONata expression, not string"));
}

} // namespace
} // namespace asl::front
