// The folder standing for S3: objects are files under <root>/<bucket>/, names never leave it.
#include "runtime/exec/object_store.h"

#include <gtest/gtest.h>

#include "tests/exec/temp_dir.h"

namespace asl::exec {
namespace {

using asl::testing::TempDir;

TEST(ObjectStoreTest, GetReadsTheFileUnderBucketAndKey) {
  TempDir dir;
  dir.write("data/in/items.json", "[1,2]");
  LocalObjectStore store(dir.path());
  auto bytes = store.get("data", "in/items.json", 1024);
  ASSERT_TRUE(bytes.ok()) << bytes.error();
  EXPECT_EQ(*bytes, "[1,2]");
}

TEST(ObjectStoreTest, MissingObjectNamesBucketAndKey) {
  TempDir dir;
  LocalObjectStore store(dir.path());
  auto bytes = store.get("data", "nope.json", 1024);
  ASSERT_FALSE(bytes.ok());
  EXPECT_TRUE(bytes.error().starts_with("the object s3://data/nope.json (")) << bytes.error();
  EXPECT_TRUE(bytes.error().ends_with(") does not exist")) << bytes.error();
}

TEST(ObjectStoreTest, ObjectAboveTheLimitIsRefused) {
  TempDir dir;
  dir.write("b/k", "0123456789");
  auto bytes = LocalObjectStore(dir.path()).get("b", "k", 4);
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.error().find("is 10 bytes, above the limit of 4 bytes"), std::string::npos);
}

TEST(ObjectStoreTest, NamesThatWouldLeaveTheRootAreRefused) {
  TempDir dir;
  LocalObjectStore store(dir.path());
  EXPECT_FALSE(store.get("..", "x", 10).ok());
  EXPECT_FALSE(store.get("b", "../../etc/passwd", 10).ok());
  EXPECT_FALSE(store.get("b", "/etc/passwd", 10).ok());
  EXPECT_FALSE(store.get("b", "a//b", 10).ok());
  EXPECT_FALSE(store.get("", "k", 10).ok());
  EXPECT_FALSE(store.put("b", "x/../../y", "z").ok());
}

TEST(ObjectStoreTest, ListGivesKeysUnderThePrefixInKeyOrder) {
  TempDir dir;
  dir.write("b/logs/2.txt", "22");
  dir.write("b/logs/1.txt", "1");
  dir.write("b/other.txt", "x");
  auto listed = LocalObjectStore(dir.path()).list("b", "logs/", 100);
  ASSERT_TRUE(listed.ok()) << listed.error();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].key, "logs/1.txt");
  EXPECT_EQ((*listed)[0].size, 1u);
  EXPECT_EQ((*listed)[1].key, "logs/2.txt");
  EXPECT_EQ((*listed)[1].size, 2u);
  EXPECT_GT((*listed)[0].lastModifiedMillis, 0);
}

TEST(ObjectStoreTest, ListOfAMissingBucketFails) {
  TempDir dir;
  auto listed = LocalObjectStore(dir.path()).list("none", "", 100);
  ASSERT_FALSE(listed.ok());
  EXPECT_TRUE(listed.error().starts_with("the bucket 'none' does not exist")) << listed.error();
}

TEST(ObjectStoreTest, PutCreatesFoldersInsideAnExistingBucket) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "out");
  LocalObjectStore store(dir.path());
  ASSERT_TRUE(store.put("out", "run/1/manifest.json", "{}").ok());
  EXPECT_EQ(dir.read("out/run/1/manifest.json"), "{}");
  auto missing = store.put("nobucket", "k", "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(missing.error().starts_with("the bucket 'nobucket' does not exist"));
}

} // namespace
} // namespace asl::exec
