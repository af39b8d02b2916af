// File reading with a size bound, so a huge or endless input cannot exhaust memory.
#include "tools/common/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>

namespace asl::tools {
namespace {

// simdjson reads up to 64 bytes past the end of a document (SIMDJSON_PADDING).
constexpr size_t kParserPadding = 64;

} // namespace

Result<std::string> readDefinitionFile(const std::string& path, size_t maxBytes) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    Diagnostic d =
        makeDiagnostic(DiagCode::IoError, "cannot open " + path + ": " + std::strerror(errno));
    d.location.file = path;
    return fail(std::move(d));
  }
  std::string text;
  // Size the buffer once, with room for the parser's padding, so the text is neither copied
  // while it grows nor copied again to be padded.
  struct stat info {};
  if (fstat(fileno(f), &info) == 0 && S_ISREG(info.st_mode))
    text.reserve(std::min<size_t>(static_cast<size_t>(info.st_size), maxBytes + 1) +
                 kParserPadding);
  char buffer[65536];
  size_t limit = maxBytes + 1;
  while (text.size() < limit) {
    size_t want = std::min(sizeof buffer, limit - text.size());
    size_t n = std::fread(buffer, 1, want, f);
    text.append(buffer, n);
    if (n < want) break;
  }
  bool failed = std::ferror(f) != 0;
  int savedErrno = errno;
  if (f != stdin) std::fclose(f);
  if (failed) {
    Diagnostic d =
        makeDiagnostic(DiagCode::IoError, "cannot read " + path + ": " + std::strerror(savedErrno));
    d.location.file = path;
    return fail(std::move(d));
  }
  return text;
}

} // namespace asl::tools
