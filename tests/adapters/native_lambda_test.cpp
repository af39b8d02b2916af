// Lambda functions as native handlers in a shared library (asl/adapter_c.h): both Task forms
// reach the handler in-process with the event and the deadline; its result is the payload; a
// failure is named by its errorType, or Runtime.ExitError; a missing library or symbol is an
// adapters-file error naming the field.
#include <gtest/gtest.h>

#include "asl/adapter.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl {
namespace {

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? *v : Value();
}

std::string functions(std::initializer_list<std::pair<const char*, const char*>> entries) {
  std::string out = R"({"lambda":{"functions":{)";
  bool first = true;
  for (const auto& [name, symbol] : entries) {
    if (!first) out += ",";
    first = false;
    out += "\"" + std::string(name) + R"(":{"backend":"native","library":")" +
           ASL_NATIVE_FIXTURE_PATH + R"(","symbol":")" + symbol + "\"}";
  }
  return out + "}}}";
}

AdapterRegistry load(const std::string& text) {
  auto r = AdapterRegistry::fromConfig(json(text), AdapterEnvironment{});
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? std::move(r).value() : AdapterRegistry();
}

TEST(NativeLambdaTest, BothTaskFormsReachTheHandlerInProcess) {
  AdapterRegistry registry = load(functions({{"echo", "echo"}}));
  Value input = json(R"({"FunctionName":"echo","Payload":{"n":1}})");
  TaskCall call{"S", "arn:aws:states:::lambda:invoke", input, 0};
  call.deadlineMillis = 1'700'000'000'000;
  auto r = registry.invoke(call);
  ASSERT_TRUE(r && r->ok()) << r->error().error << ": " << r->error().cause;
  EXPECT_EQ(toJson(*(*r)->find("Payload")), R"({"event":{"n":1},"function":"echo","timed":true})");
  EXPECT_EQ(toJson(*(*r)->find("StatusCode")), "200");
  EXPECT_EQ(toJson(*(*r)->find("ExecutedVersion")), R"("$LATEST")");

  Value event = json(R"({"order":"o-1"})");
  auto direct = registry.invoke(
      TaskCall{"S", "arn:aws:lambda:us-east-1:123456789012:function:echo", event, 0});
  ASSERT_TRUE(direct && direct->ok());
  EXPECT_EQ(toJson(**direct), R"({"event":{"order":"o-1"},"function":"echo","timed":false})");
}

TEST(NativeLambdaTest, FailuresAreNamedAsLambdaNamesThem) {
  AdapterRegistry registry = load(functions({{"decline", "decline"}, {"crash", "crash"}}));
  Value decline = json(R"({"FunctionName":"decline"})");
  auto d = registry.invoke(TaskCall{"S", "arn:aws:states:::lambda:invoke", decline, 0});
  ASSERT_TRUE(d && !d->ok());
  EXPECT_EQ(d->error().error, "Payment.Declined");
  EXPECT_EQ(d->error().cause, R"({"errorType":"Payment.Declined","errorMessage":"card expired"})");
  Value crash = json(R"({"FunctionName":"crash"})");
  auto c = registry.invoke(TaskCall{"S", "arn:aws:states:::lambda:invoke", crash, 0});
  ASSERT_TRUE(c && !c->ok());
  EXPECT_EQ(c->error().error, "Runtime.ExitError");
  EXPECT_NE(c->error().cause.find("the handler returned status 3"), std::string::npos);
}

TEST(NativeLambdaTest, MissingLibraryOrSymbolIsAFileError) {
  auto errorOf = [](const std::string& text) {
    auto r = AdapterRegistry::fromConfig(json(text), AdapterEnvironment{});
    return r.ok() ? std::string("(loaded)") : r.error().message + " @" + r.error().pointer;
  };
  std::string missingSymbol = errorOf(functions({{"f", "no_such_handler"}}));
  EXPECT_EQ(missingSymbol, "/lambda/functions/f: " + std::string(ASL_NATIVE_FIXTURE_PATH) +
                               " has no symbol no_such_handler @/lambda/functions/f/library");
  std::string missingLibrary = errorOf(
      R"({"lambda":{"functions":{"f":{"backend":"native","library":"/nonexistent/libx.so","symbol":"h"}}}})");
  EXPECT_TRUE(missingLibrary.starts_with("/lambda/functions/f: cannot load /nonexistent/libx.so: "))
      << missingLibrary;
  EXPECT_EQ(errorOf(R"({"lambda":{"functions":{"f":{"backend":"native","library":"x.so"}}}})"),
            "/lambda/functions/f needs \"library\" (a shared library) and \"symbol\" (its handler) "
            "@/lambda/functions/f");
}

} // namespace
} // namespace asl
