// Line-start index over a source buffer, searched by binary search.
#include "runtime/base/source_map.h"

#include <algorithm>

namespace asl {

SourceMap::SourceMap(std::string file, std::string_view text)
    : file_(std::move(file)), text_(text) {
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    // "\r\n" and lone "\r" both end a line, as in JSON's whitespace rules.
    if (text[i] == '\n') lineStarts_.push_back(i + 1);
    else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
      lineStarts_.push_back(i + 1);
  }
}

SourceLocation SourceMap::locate(uint32_t offset) const {
  SourceLocation loc;
  loc.file = file_;
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  loc.offset = offset;
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  size_t lineIndex = static_cast<size_t>(it - lineStarts_.begin()) - 1;
  loc.line = static_cast<uint32_t>(lineIndex + 1);
  uint32_t column = 1;
  for (uint32_t i = lineStarts_[lineIndex]; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  loc.column = column;
  return loc;
}

std::string_view SourceMap::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  uint32_t begin = lineStarts_[line - 1];
  uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(begin, end - begin);
}

} // namespace asl
