#include "runtime/adapters/aws/xml_text.h"

#include <charconv>

namespace asl::adapters::aws {
namespace {

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x110000) {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string decodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i]);
      continue;
    }
    std::string_view entity = s.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    bool known = true;
    if (entity == "amp")
      cp = '&';
    else if (entity == "lt")
      cp = '<';
    else if (entity == "gt")
      cp = '>';
    else if (entity == "quot")
      cp = '"';
    else if (entity == "apos")
      cp = '\'';
    else if (entity.starts_with("#x") || entity.starts_with("#X"))
      known = std::from_chars(entity.data() + 2, entity.data() + entity.size(), cp, 16).ec ==
              std::errc();
    else if (entity.starts_with("#"))
      known =
          std::from_chars(entity.data() + 1, entity.data() + entity.size(), cp).ec == std::errc();
    else
      known = false;
    if (!known) {
      out.push_back(s[i]);
      continue;
    }
    appendUtf8(out, cp);
    i = semi;
  }
  return out;
}

} // namespace

std::optional<std::string> xmlElementText(std::string_view xml, std::string_view name) {
  std::string open = "<" + std::string(name);
  size_t at = 0;
  while ((at = xml.find(open, at)) != std::string_view::npos) {
    size_t after = at + open.size();
    if (after >= xml.size()) return std::nullopt;
    char next = xml[after];
    if (next == '/' && after + 1 < xml.size() && xml[after + 1] == '>') return std::string();
    if (next != '>') { // another element whose name starts the same way
      at = after;
      continue;
    }
    size_t close = xml.find("</" + std::string(name) + ">", after + 1);
    if (close == std::string_view::npos) return std::nullopt;
    return decodeEntities(xml.substr(after + 1, close - after - 1));
  }
  return std::nullopt;
}

} // namespace asl::adapters::aws
