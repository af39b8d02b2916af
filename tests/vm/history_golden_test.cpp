// The execution history of one definition that has a task with a retry, a caught task failure,
// a Map and a Parallel, on the virtual clock with a fixed seed, compared event by event with
// the checked-in tests/vm/golden/order-history.history.json. Set ASL_UPDATE_GOLDEN=1 to rewrite
// the file after a deliberate change, and review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(HistoryGolden, OrderWorkflowHistoryMatchesTheCheckedInEvents) {
  const std::string dir = std::string(ASL_SOURCE_DIR) + "/tests/vm/golden/";
  std::string definition = readFile(dir + "order-history.asl.json");
  ASSERT_FALSE(definition.empty());
  exec::MockTasks tasks = testing::mocks(R"({
    "Charge": [{"throw": {"error": "Card.Declined", "cause": "insufficient funds"}},
               {"return": {"StatusCode": 200, "Payload": {"ok": true}}}],
    "Ship": {"throw": {"error": "Queue.Unavailable", "cause": "the queue is paused"}}})");
  auto r = testing::run(definition,
                        R"({"order": {"id": "o-1", "lines": [{"sku": "a"}, {"sku": "b"}]}})",
                        &tasks, true);
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
  std::string actual = toPrettyJson(r.result.history) + "\n";
  const std::string goldenPath = dir + "order-history.history.json";
  if (const char* update = std::getenv("ASL_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(goldenPath, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << goldenPath;
  }
  std::string expected = readFile(goldenPath);
  ASSERT_FALSE(expected.empty()) << goldenPath << " is missing; run with ASL_UPDATE_GOLDEN=1";
  // Event by event, so that a failure names the first event that differs.
  Value want = testing::json(expected);
  const Value& got = *r.result.history.find("events");
  const Value& wanted = *want.find("events");
  for (size_t i = 0; i < std::min(got.size(), wanted.size()); ++i)
    ASSERT_EQ(toJson(got.items()[i]), toJson(wanted.items()[i])) << "event " << i + 1;
  EXPECT_EQ(got.size(), wanted.size());
}

} // namespace
} // namespace asl::vm
