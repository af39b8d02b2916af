#include "runtime/adapters/aws/credentials_file.h"

namespace asl::adapters::aws {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

} // namespace

std::optional<std::map<std::string, std::string>> readIniSection(std::string_view text,
                                                                 std::string_view profile) {
  std::optional<std::map<std::string, std::string>> section;
  bool inside = false;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      inside = trim(line.substr(1, line.size() - 2)) == profile;
      if (inside && !section) section.emplace();
      continue;
    }
    if (!inside) continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    (*section)[std::string(trim(line.substr(0, eq)))] = std::string(trim(line.substr(eq + 1)));
  }
  return section;
}

} // namespace asl::adapters::aws
