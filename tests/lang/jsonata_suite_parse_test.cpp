// Runs the parser over every case of the JSONata test suite: cases expecting a static error
// (S0...) must fail with exactly that code, all others must parse.
#include "compiler/lang/jsonata/parser.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace asl::lang::jsonata {
namespace {

namespace fs = std::filesystem;

const fs::path kSuiteDir = fs::path(ASL_SOURCE_DIR) / "tests/jsonata/suite/groups";
const fs::path kKnownFailures = fs::path(ASL_SOURCE_DIR) / "tests/jsonata/parse-known-failures";

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// simdjson rejects JSON escapes of lone UTF-16 surrogates, which a few cases use; they cannot
// be UTF-8 anyway, so such an escape is read as U+FFFD (the parser's own choice for them).
std::string replaceLoneSurrogateEscapes(std::string text) {
  auto unitAt = [&text](size_t i) -> long {
    if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
    return std::strtol(text.substr(i + 2, 4).c_str(), nullptr, 16);
  };
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '\\') continue;
    long unit = unitAt(i);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      long low = unitAt(i + 6);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        i += 11;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) text.replace(i, 6, "\\uFFFD");
    ++i;  // skip the escaped character: an escaped backslash followed by u is no escape
  }
  return text;
}

std::set<std::string> readKnownFailures() {
  std::set<std::string> ids;
  std::istringstream lines(readFile(kKnownFailures));
  for (std::string line; std::getline(lines, line);) {
    // Each line: a case id, optionally followed by a space and the reason.
    std::string id = line.substr(0, line.find(' '));
    if (!id.empty()) ids.insert(id);
  }
  return ids;
}

struct SuiteCase {
  std::string id;        // group/file.json#index
  std::string expr;
  bool missingFile = false;  // expr-file names a file left out of the suite copy
  std::string errorCode;  // expected error code, "" if none
};

std::vector<SuiteCase> loadCases() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kSuiteDir))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  std::vector<SuiteCase> cases;
  simdjson::dom::parser parser;
  for (const fs::path& file : files) {
    simdjson::dom::element doc;
    simdjson::padded_string json(replaceLoneSurrogateEscapes(readFile(file)));
    auto error = parser.parse(json).get(doc);
    EXPECT_FALSE(error) << file << ": " << simdjson::error_message(error);
    if (error) continue;
    std::vector<simdjson::dom::element> entries;
    if (doc.is_array()) {
      for (simdjson::dom::element e : doc.get_array()) entries.push_back(e);
    } else {
      entries.push_back(doc);
    }
    std::string rel = fs::relative(file, kSuiteDir).generic_string();
    for (size_t i = 0; i < entries.size(); ++i) {
      simdjson::dom::object obj;
      if (entries[i].get_object().get(obj)) continue;
      SuiteCase c;
      c.id = rel + "#" + std::to_string(i);
      std::string_view text;
      if (!obj["expr"].get_string().get(text)) {
        c.expr = std::string(text);
      } else if (!obj["expr-file"].get_string().get(text)) {
        fs::path exprFile = file.parent_path() / std::string(text);
        c.missingFile = !fs::exists(exprFile);
        if (!c.missingFile) c.expr = readFile(exprFile);
      } else {
        ADD_FAILURE() << c.id << ": no expr";
        continue;
      }
      if (!obj["code"].get_string().get(text)) {
        c.errorCode = std::string(text);
      } else if (!obj["error"]["code"].get_string().get(text)) {
        c.errorCode = std::string(text);
      }
      cases.push_back(std::move(c));
    }
  }
  return cases;
}

TEST(JsonataSuiteParseTest, StaticErrorsFailAndEverythingElseParses) {
  std::vector<SuiteCase> cases = loadCases();
  ASSERT_GT(cases.size(), 1000u);
  std::set<std::string> known = readKnownFailures();
  Limits limits;

  size_t expectErrors = 0;
  size_t skipped = 0;
  size_t agree = 0;
  std::vector<std::string> unexpected;
  std::set<std::string> nowPassing = known;
  for (const SuiteCase& c : cases) {
    if (c.missingFile) {
      ++skipped;
      continue;
    }
    bool wantsStaticError = c.errorCode.rfind("S0", 0) == 0;
    if (wantsStaticError) ++expectErrors;
    auto result = parseJsonata(c.expr, limits);
    std::string problem;
    if (wantsStaticError && result.ok()) {
      problem = "parsed, expected " + c.errorCode;
    } else if (wantsStaticError && result.error().code != c.errorCode) {
      problem = "got " + result.error().code + ", expected " + c.errorCode;
    } else if (!wantsStaticError && !result.ok()) {
      problem = "failed with " + result.error().code + " (" + result.error().message() + ") at " +
                std::to_string(result.error().position);
    }
    if (problem.empty()) {
      ++agree;
      continue;
    }
    nowPassing.erase(c.id);
    if (known.count(c.id) == 0) unexpected.push_back(c.id + ": " + problem + "\n    " + c.expr);
  }

  size_t checked = cases.size() - skipped;
  std::cout << "[jsonata suite] " << cases.size() << " cases, " << skipped
            << " skipped (expression file not in the suite copy), " << checked << " checked: "
            << agree << " agree (" << expectErrors << " expect a static error), "
            << checked - agree << " disagree, " << known.size() << " listed as known failures\n";
  RecordProperty("cases", static_cast<int>(cases.size()));
  RecordProperty("agree", static_cast<int>(agree));
  for (const std::string& u : unexpected) ADD_FAILURE() << u;
  for (const std::string& p : nowPassing)
    ADD_FAILURE() << p << " is listed in parse-known-failures but now agrees: remove it";
}

} // namespace
} // namespace asl::lang::jsonata
