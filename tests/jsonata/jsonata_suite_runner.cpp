// Runs the JSONata test suite (tests/jsonata/suite) through `aslc eval`, one child process
// per case: results compared by deep equality (numbers numerically), undefined results as no
// output, expected errors by the code that starts stderr. Prints counts per group and
// 'N passed, M failed'; fails on a failure missing from the known-failures file or on an
// entry there that now passes.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string aslc;
  fs::path suite;
  fs::path knownFailures;
  std::string filter;
  int jobs = 2;
  bool verbose = false;
};

struct Case {
  std::string id; // group/caseNNN.json#i
  std::string group;
  std::string expr;
  std::string inputFile; // dataset path
  std::string inputJson; // data as JSON text
  bool hasInput = false;
  std::string bindings;
  std::string maxDepth, timeLimit;
  enum class Expect { Result, Undefined, Error } expect = Expect::Result;
  asl::Value result;
  std::string code;
};

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The JSON reader rejects escapes of lone UTF-16 surrogates, which a few cases use; they
// cannot be UTF-8 anyway, so such an escape is read as U+FFFD.
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
    ++i;
  }
  return text;
}

std::map<std::string, std::string> readKnownFailures(const fs::path& path) {
  std::map<std::string, std::string> entries;
  std::istringstream lines(readFile(path));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.find(' ');
    entries[line.substr(0, space)] = space == std::string::npos ? "" : line.substr(space + 1);
  }
  return entries;
}

bool loadCases(const Options& opt, std::vector<Case>& cases) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(opt.suite / "groups"))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto doc = asl::parseJsonValue(replaceLoneSurrogateEscapes(readFile(file)));
    if (!doc.ok()) {
      std::cerr << file << ": " << doc.error().message << "\n";
      return false;
    }
    std::vector<asl::Value> entries;
    if (doc->isArray()) {
      for (const asl::Value& v : doc->items())
        entries.push_back(v);
    } else {
      entries.push_back(*doc);
    }
    std::string rel = fs::relative(file, opt.suite / "groups").generic_string();
    for (size_t i = 0; i < entries.size(); ++i) {
      const asl::Value& obj = entries[i];
      Case c;
      c.id = rel + "#" + std::to_string(i);
      c.group = rel.substr(0, rel.find('/'));
      if (!opt.filter.empty() && c.id.find(opt.filter) == std::string::npos) continue;
      if (const asl::Value* e = obj.find("expr")) {
        c.expr = std::string(e->asString());
      } else if (const asl::Value* f = obj.find("expr-file")) {
        fs::path exprFile = file.parent_path() / std::string(f->asString());
        if (!fs::exists(exprFile)) continue; // left out of the suite copy
        c.expr = readFile(exprFile);
      } else {
        continue;
      }
      if (const asl::Value* data = obj.find("data")) {
        c.hasInput = true;
        c.inputJson = asl::toJson(*data);
      } else if (const asl::Value* ds = obj.find("dataset"); ds && ds->isString()) {
        c.hasInput = true;
        c.inputFile = (opt.suite / "datasets" / (std::string(ds->asString()) + ".json")).string();
      }
      if (const asl::Value* b = obj.find("bindings"); b && b->isObject() && b->size() > 0)
        c.bindings = asl::toJson(*b);
      if (const asl::Value* d = obj.find("depth")) c.maxDepth = std::to_string(d->asInteger());
      if (const asl::Value* t = obj.find("timelimit")) c.timeLimit = std::to_string(t->asInteger());
      if (const asl::Value* code = obj.find("code")) {
        c.expect = Case::Expect::Error;
        c.code = std::string(code->asString());
      } else if (const asl::Value* err = obj.find("error"); err && err->find("code")) {
        c.expect = Case::Expect::Error;
        c.code = std::string(err->find("code")->asString());
      } else if (const asl::Value* r = obj.find("result")) {
        c.result = *r;
      } else if (obj.find("undefinedResult")) {
        c.expect = Case::Expect::Undefined;
      } else {
        c.expect = Case::Expect::Undefined;
      }
      cases.push_back(std::move(c));
    }
  }
  return true;
}

struct Run {
  int status = -1;
  std::string out, err;
};

Run runCase(const Options& opt, const Case& c, const fs::path& work, int slot) {
  std::string outPath = (work / ("out" + std::to_string(slot))).string();
  std::string errPath = (work / ("err" + std::to_string(slot))).string();
  std::vector<std::string> args = {opt.aslc, "eval", c.expr};
  if (!c.inputFile.empty()) {
    args.insert(args.end(), {"--input-file", c.inputFile});
  } else if (c.hasInput) {
    args.insert(args.end(), {"--input", c.inputJson});
  }
  if (!c.bindings.empty()) args.insert(args.end(), {"--bindings", c.bindings});
  if (!c.maxDepth.empty()) args.insert(args.end(), {"--max-depth", c.maxDepth});
  if (!c.timeLimit.empty()) args.insert(args.end(), {"--time-limit-ms", c.timeLimit});
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_RDWR);
    int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(devnull, 0);
    dup2(out, 1);
    dup2(err, 2);
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Run run;
  int status = 0;
  waitpid(pid, &status, 0);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = readFile(outPath);
  run.err = readFile(errPath);
  return run;
}

std::string judge(const Case& c, const Run& run) {
  switch (c.expect) {
  case Case::Expect::Error:
    if (run.status == 1 && run.err.rfind(c.code + ":", 0) == 0) return "";
    return "expected error " + c.code + ", got exit " + std::to_string(run.status) + ": " +
           (run.status == 0 ? run.out : run.err);
  case Case::Expect::Undefined:
    if (run.status == 0 && run.out.empty()) return "";
    return "expected undefined, got exit " + std::to_string(run.status) + ": " + run.out + run.err;
  case Case::Expect::Result: {
    if (run.status != 0)
      return "expected " + asl::toJson(c.result) + ", got exit " + std::to_string(run.status) +
             ": " + run.err;
    auto actual = asl::parseJsonValue(run.out);
    if (!actual.ok())
      return "expected " + asl::toJson(c.result) + ", got unreadable output: " + run.out;
    if (*actual == c.result) return "";
    return "expected " + asl::toJson(c.result) + ", got " + asl::toJson(*actual);
  }
  }
  return "?";
}

} // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--aslc")
      opt.aslc = next();
    else if (a == "--suite")
      opt.suite = next();
    else if (a == "--known-failures")
      opt.knownFailures = next();
    else if (a == "--filter")
      opt.filter = next();
    else if (a == "--jobs")
      opt.jobs = std::max(1, std::atoi(next().c_str()));
    else if (a == "--verbose")
      opt.verbose = true;
    else {
      std::cerr << "usage: jsonata_suite_runner --aslc PATH --suite DIR --known-failures FILE "
                   "[--jobs N] [--filter TEXT] [--verbose]\n";
      return 2;
    }
  }
  std::vector<Case> cases;
  if (!loadCases(opt, cases)) return 2;
  fs::path work = fs::temp_directory_path() / ("jsonata-suite-" + std::to_string(getpid()));
  fs::create_directories(work);

  std::vector<std::string> failures(cases.size());
  std::atomic<size_t> nextCase{0};
  std::vector<std::thread> workers;
  for (int j = 0; j < opt.jobs; ++j) {
    workers.emplace_back([&, j] {
      for (size_t k = nextCase++; k < cases.size(); k = nextCase++)
        failures[k] = judge(cases[k], runCase(opt, cases[k], work, j));
    });
  }
  for (auto& w : workers)
    w.join();
  fs::remove_all(work);

  auto known = opt.knownFailures.empty() ? std::map<std::string, std::string>()
                                         : readKnownFailures(opt.knownFailures);
  std::map<std::string, std::pair<int, int>> groups;
  size_t passed = 0, failed = 0;
  bool ok = true;
  std::set<std::string> failedIds;
  for (size_t k = 0; k < cases.size(); ++k) {
    auto& g = groups[cases[k].group];
    if (failures[k].empty()) {
      ++passed;
      ++g.first;
      continue;
    }
    ++failed;
    ++g.second;
    failedIds.insert(cases[k].id);
    bool listed = known.count(cases[k].id) > 0;
    if (!listed) ok = false;
    if (!listed || opt.verbose)
      std::cout << (listed ? "known failure " : "FAIL ") << cases[k].id << ": "
                << cases[k].expr.substr(0, 200) << "\n    " << failures[k].substr(0, 400) << "\n";
  }
  if (opt.filter.empty()) {
    for (const auto& [id, reason] : known) {
      if (failedIds.count(id)) continue;
      std::cout << "STALE known failure (passes or no longer exists): " << id << "\n";
      ok = false;
    }
  }
  for (const auto& [name, counts] : groups)
    std::cout << "  " << name << ": " << counts.first << " passed"
              << (counts.second ? ", " + std::to_string(counts.second) + " failed" : "") << "\n";
  std::cout << passed << " passed, " << failed << " failed ("
            << (cases.empty() ? 0.0 : 100.0 * passed / cases.size()) << "%)\n";
  return ok ? 0 : 1;
}
