// SourceMap turns byte offsets into the line:column users see in diagnostics.
#include "runtime/base/source_map.h"

#include <gtest/gtest.h>

namespace asl {
namespace {

TEST(SourceMapTest, FirstByteIsLineOneColumnOne) {
  SourceMap map("f.json", "{}");
  SourceLocation loc = map.locate(0);
  EXPECT_EQ(loc.line, 1u);
  EXPECT_EQ(loc.column, 1u);
  EXPECT_EQ(loc.file, "f.json");
}

TEST(SourceMapTest, CountsLinesAfterLineFeeds) {
  SourceMap map("f", "{\n  \"a\": 1\n}");
  SourceLocation loc = map.locate(4); // the opening quote of "a"
  EXPECT_EQ(loc.line, 2u);
  EXPECT_EQ(loc.column, 3u);
}

TEST(SourceMapTest, CarriageReturnLineFeedIsOneLineBreak) {
  SourceMap map("f", "a\r\nb\rc");
  EXPECT_EQ(map.locate(3).line, 2u);
  EXPECT_EQ(map.locate(5).line, 3u);
  EXPECT_EQ(map.lineText(1), "a");
  EXPECT_EQ(map.lineText(2), "b");
  EXPECT_EQ(map.lineText(3), "c");
}

TEST(SourceMapTest, ColumnsCountCodePointsNotBytes) {
  SourceMap map("f", "\"\xC3\xA9t\xC3\xA9\": x"); // "été": x
  EXPECT_EQ(map.locate(9).column, 8u);         // the x
}

TEST(SourceMapTest, OffsetPastEndClampsToEnd) {
  SourceMap map("f", "ab");
  SourceLocation loc = map.locate(99);
  EXPECT_EQ(loc.offset, 2u);
  EXPECT_EQ(loc.column, 3u);
}

} // namespace
} // namespace asl
