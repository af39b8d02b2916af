// StringMatches globs: split at the unescaped stars once, then matched run by run.
#include "runtime/eval/string_match.h"

namespace asl::eval {

StringPattern::StringPattern(std::string_view pattern) : source_(pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '*') {
      runs_.emplace_back();
    } else if (c == '\\' && i + 1 < pattern.size() &&
               (pattern[i + 1] == '*' || pattern[i + 1] == '\\')) {
      runs_.back() += pattern[++i];
    } else {
      runs_.back() += c;
    }
  }
}

bool StringPattern::matches(std::string_view text) const {
  if (runs_.size() == 1) return text == runs_.front();
  // With stars, the first run must start the text and the last must end it; the runs between
  // may sit anywhere in order, and taking each at its leftmost place never loses a match
  // because a star can absorb whatever is skipped. Runs are whole UTF-8 sequences, so a byte
  // search cannot match inside a character.
  const std::string& first = runs_.front();
  const std::string& last = runs_.back();
  if (text.size() < first.size() + last.size()) return false;
  if (!text.starts_with(first) || !text.ends_with(last)) return false;
  std::string_view middle = text.substr(first.size(), text.size() - first.size() - last.size());
  for (size_t r = 1; r + 1 < runs_.size(); ++r) {
    size_t found = middle.find(runs_[r]);
    if (found == std::string_view::npos) return false;
    middle.remove_prefix(found + runs_[r].size());
  }
  return true;
}

} // namespace asl::eval
