// The adapters file (docs/adapters.md): what it builds, which resources each adapter serves,
// every mistake reported with the field it concerns; and routing through the registry, the
// executor's handler and the mocks-first chain.
#include <gtest/gtest.h>

#include "asl/adapter.h"
#include "runtime/adapters/adapter_task_handler.h"
#include "runtime/adapters/resource_arn.h"
#include "runtime/exec/mock_tasks.h"
#include "runtime/exec/task_chain.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl {
namespace {

const AdapterEnvironment kEnv{{{"AWS_ACCESS_KEY_ID", "test"}, {"AWS_SECRET_ACCESS_KEY", "test"}}};

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

Result<AdapterRegistry> load(std::string_view text, const AdapterEnvironment& env = kEnv) {
  return AdapterRegistry::fromConfig(json(text), env);
}

std::string errorOf(std::string_view text, const AdapterEnvironment& env = kEnv) {
  auto r = load(text, env);
  if (r.ok()) return "(loaded)";
  EXPECT_EQ(r.error().code, DiagCode::InvalidAdaptersFile);
  return r.error().message + " @" + r.error().pointer;
}

TEST(AdapterConfigTest, AwsServicesServeTheirResources) {
  auto r = load(R"({"version":1,"aws":{"region":"us-east-1","endpoint":"http://127.0.0.1:9"},
                    "lambda":{"backend":"aws"},"sqs":{"backend":"aws"},"sns":{"backend":"aws"}})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  auto nameServing = [&](std::string_view resource) {
    Adapter* a = r->find(resource);
    return a ? std::string(a->name()) : std::string("none");
  };
  EXPECT_EQ(nameServing("arn:aws:states:::sqs:sendMessage"), "sqs (aws)");
  EXPECT_EQ(nameServing("arn:aws:states:::sns:publish"), "sns (aws)");
  EXPECT_EQ(nameServing("arn:aws:states:::lambda:invoke"), "lambda");
  EXPECT_EQ(nameServing("arn:aws:lambda:us-east-1:123456789012:function:f"), "lambda");
  EXPECT_EQ(nameServing("arn:aws:lambda:eu-west-1:123456789012:function:f:prod"), "lambda");
  // Not in this version: the callback and .sync patterns, other actions and services.
  EXPECT_EQ(nameServing("arn:aws:states:::sqs:sendMessage.waitForTaskToken"), "none");
  EXPECT_EQ(nameServing("arn:aws:states:::lambda:invoke.waitForTaskToken"), "none");
  EXPECT_EQ(nameServing("arn:aws:states:::sqs:receiveMessage"), "none");
  EXPECT_EQ(nameServing("arn:aws:states:::dynamodb:putItem"), "none");
}

TEST(AdapterConfigTest, OnlyConfiguredServicesAreServed) {
  auto r = load(R"({"aws":{"region":"us-east-1"},"sqs":{"backend":"aws"}})");
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->find("arn:aws:states:::sqs:sendMessage"), nullptr);
  EXPECT_EQ(r->find("arn:aws:states:::sns:publish"), nullptr);
  EXPECT_EQ(r->find("arn:aws:lambda:us-east-1:123456789012:function:f"), nullptr);
}

TEST(AdapterConfigTest, AnEmptyFileNeedsNoRegionOrCredentials) {
  auto r = load("{}", AdapterEnvironment{});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(AdapterConfigTest, MistakesNameTheirField) {
  EXPECT_EQ(errorOf("[]"), "the adapters file must be a JSON object @");
  EXPECT_EQ(errorOf(R"({"sqs":{"backend":"aws"},"sqss":{}})"),
            "unknown field \"sqss\" at the top level @/sqss");
  EXPECT_EQ(errorOf(R"({"version":2})"),
            "/version must be 1, the only version of the adapters file format @/version");
  EXPECT_EQ(errorOf(R"({"aws":{"region":"us-east-1","endpiont":"x"}})"),
            "unknown field \"endpiont\" in /aws @/aws/endpiont");
  EXPECT_EQ(errorOf(R"({"aws":{"region":""}})"),
            "/aws/region must be a non-empty string @/aws/region");
  EXPECT_EQ(errorOf(R"({"aws":{"endpoint":"127.0.0.1:4566"}})"),
            "/aws/endpoint must be an http:// or https:// URL; found \"127.0.0.1:4566\" "
            "@/aws/endpoint");
  EXPECT_EQ(errorOf(R"({"aws":{"timeoutSeconds":0}})"),
            "/aws/timeoutSeconds must be a number of seconds above 0 and at most 3600 "
            "@/aws/timeoutSeconds");
  EXPECT_EQ(errorOf(R"({"aws":{"connectTimeoutSeconds":301}})"),
            "/aws/connectTimeoutSeconds must be a number of seconds above 0 and at most 300 "
            "@/aws/connectTimeoutSeconds");
  EXPECT_EQ(errorOf(R"({"sqs":{"backend":3}})"),
            "/sqs/backend must name the back end: \"embedded\" or \"aws\" @/sqs/backend");
  EXPECT_EQ(errorOf(R"({"sqs":{"backend":"kafka"}})"),
            "/sqs/backend \"kafka\" is not a back end of this version; the back ends there are: "
            "\"embedded\", \"aws\" @/sqs/backend");
  EXPECT_EQ(errorOf(R"({"aws":{"region":"us-east-1"},"sqs":{"backend":"aws","queues":{}}})"),
            "/sqs: queues, topics and the database belong to the embedded back end; with \"aws\" "
            "they are the service's own @/sqs");
  EXPECT_EQ(errorOf(R"({"sns":{"backend":"aws","endpoint":"localhost"}})"),
            "/sns/endpoint must be an http:// or https:// URL; found \"localhost\" @/sns/endpoint");
}

TEST(AdapterConfigTest, AwsServicesNeedARegion) {
  EXPECT_EQ(errorOf(R"({"sqs":{"backend":"aws"}})"),
            "no AWS region: set \"region\" under \"aws\" in the adapters file, or AWS_REGION in "
            "the environment @");
}

TEST(AdapterConfigTest, EnvironmentEndpointMustBeAUrl) {
  AdapterEnvironment env = kEnv;
  env.variables["AWS_ENDPOINT_URL_SQS"] = "nonsense";
  EXPECT_EQ(errorOf(R"({"aws":{"region":"us-east-1"},"sqs":{"backend":"aws"}})", env),
            "the sqs endpoint \"nonsense\" is not an http:// or https:// URL (see "
            "AWS_ENDPOINT_URL_SQS and AWS_ENDPOINT_URL) @/sqs");
}

TEST(ResourceArnTest, IntegrationArnParts) {
  auto arn =
      adapters::parseIntegrationArn("arn:aws-us-gov:states:::sqs:sendMessage.waitForTaskToken");
  ASSERT_TRUE(arn);
  EXPECT_EQ(arn->partition, "aws-us-gov");
  EXPECT_EQ(arn->service, "sqs");
  EXPECT_EQ(arn->action, "sendMessage");
  EXPECT_EQ(arn->pattern, "waitForTaskToken");
  EXPECT_FALSE(adapters::parseIntegrationArn("arn:aws:states:us-east-1::sqs:sendMessage"));
  EXPECT_FALSE(adapters::parseIntegrationArn("arn:aws:lambda:us-east-1:1:function:f"));
}

TEST(ResourceArnTest, LambdaFunctionArnParts) {
  auto arn =
      adapters::parseLambdaFunctionArn("arn:aws:lambda:eu-west-1:123456789012:function:f:prod");
  ASSERT_TRUE(arn);
  EXPECT_EQ(arn->region, "eu-west-1");
  EXPECT_EQ(arn->account, "123456789012");
  EXPECT_EQ(arn->name, "f");
  EXPECT_EQ(arn->qualifier, "prod");
  EXPECT_EQ(adapters::parseLambdaFunctionArn("arn:aws:lambda:eu-west-1:1:function:f")->qualifier,
            "");
  EXPECT_FALSE(adapters::parseLambdaFunctionArn("arn:aws:lambda:eu-west-1:1:layer:f"));
  EXPECT_FALSE(adapters::parseLambdaFunctionArn("arn:aws:lambda:eu-west-1:1:function:"));
}

// An adapter for routing tests: answers with its own name, for one resource.
class NamedAdapter final : public Adapter {
public:
  NamedAdapter(std::string name, std::string resource)
      : name_(std::move(name)), resource_(std::move(resource)) {}
  std::string_view name() const override { return name_; }
  bool serves(std::string_view resource) const override { return resource == resource_; }
  TaskResult invoke(const TaskCall&) override {
    if (name_ == "failing") return fail(TaskError{"Custom.Error", "it failed"});
    return Value::string(name_);
  }

private:
  std::string name_, resource_;
};

TEST(AdapterRegistryTest, FirstAdapterServingTheResourceAnswers) {
  AdapterRegistry registry;
  registry.add(std::make_unique<NamedAdapter>("first", "arn:x"));
  registry.add(std::make_unique<NamedAdapter>("second", "arn:x"));
  registry.add(std::make_unique<NamedAdapter>("third", "arn:y"));
  Value input;
  auto x = registry.invoke(TaskCall{"S", "arn:x", input, 0});
  ASSERT_TRUE(x && x->ok());
  EXPECT_EQ(x->value().asString(), "first");
  EXPECT_EQ(registry.invoke(TaskCall{"S", "arn:y", input, 0})->value().asString(), "third");
  EXPECT_FALSE(registry.invoke(TaskCall{"S", "arn:z", input, 0}));
}

TEST(AdapterRegistryTest, ExecutorHandlerPassesErrorsAndDeclinesUnservedResources) {
  AdapterRegistry registry;
  registry.add(std::make_unique<NamedAdapter>("failing", "arn:f"));
  adapters::AdapterTaskHandler handler(registry);
  Value input;
  auto failed = handler.invoke(exec::TaskRequest{"S", "arn:f", input, 0});
  ASSERT_TRUE(failed && !failed->ok());
  EXPECT_EQ(failed->error().error, "Custom.Error");
  EXPECT_EQ(failed->error().cause, "it failed");
  EXPECT_FALSE(handler.invoke(exec::TaskRequest{"S", "arn:other", input, 0}));
}

TEST(AdapterRegistryTest, MocksAnswerBeforeAdapters) {
  AdapterRegistry registry;
  registry.add(std::make_unique<NamedAdapter>("adapter", "arn:r"));
  adapters::AdapterTaskHandler handler(registry);
  auto mocks = exec::MockTasks::fromScript(json(R"({"Mocked":{"return":"mock"}})"));
  ASSERT_TRUE(mocks.ok());
  exec::TaskChain chain;
  chain.add(&*mocks);
  chain.add(&handler);
  Value input;
  EXPECT_EQ(chain.invoke(exec::TaskRequest{"Mocked", "arn:r", input, 0})->value().asString(),
            "mock");
  EXPECT_EQ(chain.invoke(exec::TaskRequest{"Other", "arn:r", input, 0})->value().asString(),
            "adapter");
  EXPECT_FALSE(chain.invoke(exec::TaskRequest{"Other", "arn:none", input, 0}));
}

} // namespace
} // namespace asl
