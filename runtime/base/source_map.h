// SourceMap: turns byte offsets in a file into 1-based line:column for diagnostics.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "asl/diagnostic.h"

namespace asl {

class SourceMap {
public:
  SourceMap() = default;
  /// `text` must outlive the map; only line starts are copied.
  SourceMap(std::string file, std::string_view text);

  const std::string& file() const { return file_; }
  std::string_view text() const { return text_; }

  /// Line and column (code points, 1-based) of a byte offset; offsets past the end clamp.
  SourceLocation locate(uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view lineText(uint32_t line) const;

private:
  std::string file_;
  std::string_view text_;
  std::vector<uint32_t> lineStarts_;
};

} // namespace asl
