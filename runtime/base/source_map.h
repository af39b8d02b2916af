// SourceMap: turns byte offsets in a file into 1-based line:column for diagnostics.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "asl/diagnostic.h"

namespace asl {

/// The line index is built on the first lookup (thread-safe), so checking a definition that
/// has nothing to report never pays for it.
class SourceMap {
public:
  SourceMap() = default;
  /// `text` must outlive the map.
  SourceMap(std::string file, std::string_view text);

  const std::string& file() const { return file_; }
  std::string_view text() const { return text_; }

  /// Line and column (code points, 1-based) of a byte offset; offsets past the end clamp.
  SourceLocation locate(uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view lineText(uint32_t line) const;

private:
  static constexpr uint32_t kDirectLookups = 16;
  struct LineIndex {
    std::once_flag built;
    std::vector<uint32_t> starts;
    std::once_flag scannedForCr;
    bool carriageReturn = false;
    std::atomic<uint32_t> directLookups{0};
  };
  const std::vector<uint32_t>& lineStarts() const;
  uint32_t columnBetween(uint32_t lineStart, uint32_t offset) const;
  bool hasCarriageReturn() const;

  std::string file_;
  std::string_view text_;
  std::shared_ptr<LineIndex> lines_ = std::make_shared<LineIndex>();
};

} // namespace asl
