// A chain of task handlers answers with the first that serves a request, and says whether the
// call may block by asking that same handler: mocks in front of blocking adapters must not
// make a Map or Parallel wake threads for calls the mocks answer from memory.
#include <gtest/gtest.h>

#include "runtime/exec/mock_tasks.h"
#include "runtime/exec/task_chain.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::exec {
namespace {

// Serves one resource and blocks (as a network adapter would say).
class BlockingResource final : public TaskHandler {
public:
  std::optional<eval::ExecResult<Value>> invoke(const TaskRequest& request) override {
    if (!serves(request)) return std::nullopt;
    return eval::ExecResult<Value>(Value::string("from the service"));
  }
  bool serves(const TaskRequest& request) const override { return request.resource == "arn:svc"; }
};

std::string resultText(const std::optional<eval::ExecResult<Value>>& answer) {
  if (!answer) return "declined";
  return answer->ok() ? toJson(answer->value()) : answer->error().error;
}

MockTasks mocksFor(std::string_view state) {
  auto script = parseJsonValue("{\"" + std::string(state) + "\": {\"return\": 1}}");
  EXPECT_TRUE(script.ok());
  auto mocks = MockTasks::fromScript(*script);
  EXPECT_TRUE(mocks.ok());
  return std::move(mocks).value();
}

TEST(TaskChain, AsksMayBlockOfTheHandlerThatServes) {
  MockTasks mocks = mocksFor("Mocked");
  BlockingResource service;
  TaskChain chain;
  chain.add(&mocks);
  chain.add(&service);
  Value input;
  TaskRequest mocked{"Mocked", "arn:svc", input, 0};
  TaskRequest unmocked{"Other", "arn:svc", input, 0};
  TaskRequest nobody{"Other", "arn:elsewhere", input, 0};

  EXPECT_TRUE(chain.serves(mocked));
  EXPECT_FALSE(chain.mayBlock(mocked)); // the mocks answer it from memory
  EXPECT_EQ(resultText(chain.invoke(mocked)), "1");

  EXPECT_TRUE(chain.serves(unmocked));
  EXPECT_TRUE(chain.mayBlock(unmocked)); // the service answers it
  EXPECT_EQ(resultText(chain.invoke(unmocked)), "\"from the service\"");

  EXPECT_FALSE(chain.serves(nobody));
  EXPECT_FALSE(chain.mayBlock(nobody));
  EXPECT_EQ(resultText(chain.invoke(nobody)), "declined");
}

} // namespace
} // namespace asl::exec
