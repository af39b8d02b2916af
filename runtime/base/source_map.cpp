// Line-start index over a source buffer, built on first use and searched by binary search.
#include "runtime/base/source_map.h"

#include <algorithm>
#include <cstring>

namespace asl {
namespace {

void buildLineStarts(std::string_view text, std::vector<uint32_t>& starts) {
  starts.push_back(0);
  if (text.find('\r') == std::string_view::npos) {
    // The common case: memchr finds line feeds far faster than a byte loop.
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))));)
      starts.push_back(static_cast<uint32_t>(++p - begin));
    return;
  }
  for (uint32_t i = 0; i < text.size(); ++i) {
    // "\r\n" and lone "\r" both end a line, as in JSON's whitespace rules.
    if (text[i] == '\n') starts.push_back(i + 1);
    else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) starts.push_back(i + 1);
  }
}

} // namespace

SourceMap::SourceMap(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}

const std::vector<uint32_t>& SourceMap::lineStarts() const {
  std::call_once(lines_->built, [this] { buildLineStarts(text_, lines_->starts); });
  return lines_->starts;
}

SourceLocation SourceMap::locate(uint32_t offset) const {
  SourceLocation loc;
  loc.file = file_;
  if (offset > text_.size()) offset = static_cast<uint32_t>(text_.size());
  loc.offset = offset;
  // A few lookups count line feeds directly (a vectorized count, no index); only when many are
  // asked for, or the text uses '\r' line ends, is the line index worth building.
  if (lines_->directLookups.fetch_add(1, std::memory_order_relaxed) < kDirectLookups && !hasCarriageReturn()) {
    const char* begin = text_.data();
    loc.line = static_cast<uint32_t>(std::count(begin, begin + offset, '\n')) + 1;
    uint32_t lineStart = offset;
    while (lineStart > 0 && text_[lineStart - 1] != '\n') --lineStart;
    loc.column = columnBetween(lineStart, offset);
    return loc;
  }
  const std::vector<uint32_t>& starts = lineStarts();
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  size_t lineIndex = static_cast<size_t>(it - starts.begin()) - 1;
  loc.line = static_cast<uint32_t>(lineIndex + 1);
  loc.column = columnBetween(starts[lineIndex], offset);
  return loc;
}

uint32_t SourceMap::columnBetween(uint32_t lineStart, uint32_t offset) const {
  uint32_t column = 1;
  for (uint32_t i = lineStart; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

bool SourceMap::hasCarriageReturn() const {
  std::call_once(lines_->scannedForCr, [this] { lines_->carriageReturn = text_.find('\r') != std::string_view::npos; });
  return lines_->carriageReturn;
}

std::string_view SourceMap::lineText(uint32_t line) const {
  const std::vector<uint32_t>& starts = lineStarts();
  if (line == 0 || line > starts.size()) return {};
  uint32_t begin = starts[line - 1];
  uint32_t end = line < starts.size() ? starts[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(begin, end - begin);
}

} // namespace asl
