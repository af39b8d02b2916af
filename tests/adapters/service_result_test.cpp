// How results and errors of AWS calls are shaped: causes in the SDK's format (as AWS's
// recorded executions show them), the HTTP metadata members, the query protocol's XML values.
#include <gtest/gtest.h>

#include <array>

#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/aws/xml_text.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters::aws {
namespace {

constexpr ServiceNaming kSns{"SNS", "AmazonSNS", "AmazonSNSException"};

TEST(ServiceResultTest, ServiceErrorCauseHasTheSdkFormat) {
  // The recorded AWS execution localstack...test_publish_base_error_topic_arn.
  TaskError e = serviceFailure(kSns, "NotFoundException", 404, "NotFound", "Topic does not exist",
                               "5a0d5c58-0000-0000-0000-000000000000");
  EXPECT_EQ(e.error, "SNS.NotFoundException");
  EXPECT_EQ(e.cause, "Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: "
                     "NotFound; Request ID: 5a0d5c58-0000-0000-0000-000000000000; Proxy: null)");
}

TEST(ServiceResultTest, UnmodelledErrorsTakeTheBaseException) {
  TaskError e = serviceFailure(kSns, "", 400, "Odd", "m", "");
  EXPECT_EQ(e.error, "SNS.AmazonSNSException");
  EXPECT_EQ(e.cause, "m (Service: AmazonSNS; Status Code: 400; Error Code: Odd; Request ID: null; "
                     "Proxy: null)");
  constexpr std::array<std::string_view, 2> modelled = {"NotFound", "ValidationException"};
  EXPECT_EQ(modelledException("NotFound", modelled), "NotFoundException");
  EXPECT_EQ(modelledException("ValidationException", modelled), "ValidationException");
  EXPECT_EQ(modelledException("Odd", modelled), "");
}

TEST(ServiceResultTest, TransportFaultsAreClientErrors) {
  HttpTimeouts timeouts{std::chrono::milliseconds(1000), std::chrono::milliseconds(2500)};
  TaskError refused =
      clientFailure(kSns, {HttpFailure::Kind::Connect, "Connection refused"}, timeouts);
  EXPECT_EQ(refused.error, "SNS.SdkClientException");
  EXPECT_EQ(refused.cause, "Unable to execute HTTP request: Connection refused");
  TaskError slow = clientFailure(kSns, {HttpFailure::Kind::Timeout, "timed out"}, timeouts);
  EXPECT_EQ(slow.error, "SNS.ClientExecutionTimeoutException");
  EXPECT_EQ(slow.cause, "Client execution did not complete before the specified timeout "
                        "configuration: 2500 millis (timed out)");
}

TEST(ServiceResultTest, HttpMetadataListsEveryHeaderAndTheLastOfEach) {
  HttpResponse response;
  response.status = 200;
  response.headers = {{"x-amzn-RequestId", "r-1"},
                      {"Content-Type", "text/xml"},
                      {"Set-Thing", "a"},
                      {"set-thing", "b"}};
  EXPECT_EQ(toJson(sdkHttpMetadata(response)),
            R"({"AllHttpHeaders":{"x-amzn-RequestId":["r-1"],"Content-Type":["text/xml"],)"
            R"("Set-Thing":["a","b"]},"HttpHeaders":{"Content-Type":"text/xml","Set-Thing":"b",)"
            R"("x-amzn-RequestId":"r-1"},"HttpStatusCode":200})");
  EXPECT_EQ(requestIdHeader(response), "r-1");
  EXPECT_EQ(toJson(sdkResponseMetadata("r-1")), R"({"RequestId":"r-1"})");
}

TEST(ServiceResultTest, ResultsAreSortedByKey) {
  Value v = sortedObject({makeMember("SequenceNumber", Value::integer(1)),
                          makeMember("MessageId", Value::integer(2)),
                          makeMember("SdkHttpMetadata", Value::integer(3))});
  EXPECT_EQ(toJson(v), R"({"MessageId":2,"SdkHttpMetadata":3,"SequenceNumber":1})");
}

TEST(XmlTextTest, ReadsElementTextWithEntities) {
  std::string xml =
      "<PublishResponse><PublishResult><MessageIdX>no</MessageIdX>"
      "<MessageId>a&amp;b&lt;&#233;&#x41;</MessageId><Empty/></PublishResult>"
      "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>";
  EXPECT_EQ(xmlElementText(xml, "MessageId"), "a&b<\xC3\xA9"
                                              "A");
  EXPECT_EQ(xmlElementText(xml, "RequestId"), "r");
  EXPECT_EQ(xmlElementText(xml, "Empty"), "");
  EXPECT_EQ(xmlElementText(xml, "Missing"), std::nullopt);
}

} // namespace
} // namespace asl::adapters::aws
