// ItemBatcher: batches of at most MaxItemsPerBatch items and MaxInputBytesPerBatch bytes, each
// {"BatchInput": ..., "Items": [...]}.
#include "runtime/exec/item_batcher.h"

#include <gtest/gtest.h>

#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::exec {
namespace {

Value json(std::string_view text) {
  auto v = parseJsonValue(text);
  EXPECT_TRUE(v.ok()) << text;
  return v.ok() ? std::move(v).value() : Value();
}

std::string batches(std::string_view items, std::string_view batcher, size_t payload = 262144) {
  auto spec = batchSpecOf(json(batcher), {"$.n", "$.bytes"});
  if (!spec.ok()) return spec.error().error + ": " + spec.error().cause;
  Value list = json(items);
  return toJson(Value::array(batchItems(list.items(), *spec, payload)));
}

TEST(ItemBatcherTest, MaxItemsPerBatchGroupsInOrder) {
  EXPECT_EQ(batches("[1,2,3,4,5]", R"({"MaxItemsPerBatch":2})"),
            R"([{"Items":[1,2]},{"Items":[3,4]},{"Items":[5]}])");
}

TEST(ItemBatcherTest, BatchInputIsAddedToEveryBatch) {
  EXPECT_EQ(batches("[1,2,3]", R"({"MaxItemsPerBatch":2,"BatchInput":{"job":"x"}})"),
            R"([{"BatchInput":{"job":"x"},"Items":[1,2]},{"BatchInput":{"job":"x"},"Items":[3]}])");
}

TEST(ItemBatcherTest, MaxInputBytesPerBatchBoundsTheBatchJson) {
  // {"Items":[1,2]} is 15 bytes, {"Items":[1,2,3]} 17.
  EXPECT_EQ(batches("[1,2,3,4]", R"({"MaxInputBytesPerBatch":15})"),
            R"([{"Items":[1,2]},{"Items":[3,4]}])");
  // An item above the limit travels alone rather than being dropped.
  EXPECT_EQ(batches(R"(["long string",1])", R"({"MaxInputBytesPerBatch":12})"),
            R"([{"Items":["long string"]},{"Items":[1]}])");
}

TEST(ItemBatcherTest, ThePayloadLimitAlwaysApplies) {
  EXPECT_EQ(batches("[1,2,3]", "{}", 13), R"([{"Items":[1]},{"Items":[2]},{"Items":[3]}])");
  EXPECT_EQ(batches("[]", R"({"MaxItemsPerBatch":2})"), "[]");
}

TEST(ItemBatcherTest, PathValuesMustBePositiveIntegers) {
  EXPECT_EQ(batches("[1]", R"({"MaxItemsPerBatchPath":"two"})"),
            "States.Runtime: The MaxItemsPerBatchPath field refers to value \"two\" which is not "
            "a valid integer: $.n");
  EXPECT_EQ(batches("[1]", R"({"MaxInputBytesPerBatchPath":0})"),
            "States.Runtime: The MaxInputBytesPerBatchPath field refers to value \"0\" which is "
            "not a valid integer: $.bytes");
  EXPECT_EQ(batches("[1,2,3]", R"({"MaxItemsPerBatchPath":"2"})"),
            R"([{"Items":[1,2]},{"Items":[3]}])");
}

} // namespace
} // namespace asl::exec
