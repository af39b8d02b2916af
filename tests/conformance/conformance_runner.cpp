// Runs the conformance corpus against aslc: each case in a child process with a time limit,
// compared with its recorded result; prints counts per source (and per area for executions)
// and 'N passed, M failed'.
//   validate cases: `aslc validate FILE` exits 0 (valid) or 1 (invalid).
//   execute cases:  `aslc run FILE --input JSON --mocks FILE --virtual-clock` prints
//                   {"status", "output", "error", "cause"}; present expectations must match
//                   (output by deep equality, numbers numerically; error and cause exactly),
//                   values under the case's ignore_paths only have to exist.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Options {
  std::string aslc;
  fs::path corpus;
  fs::path knownFailures;
  std::string kind = "validate";
  std::string filter;
  int jobs = 2;
  int timeoutSeconds = 10;
  bool verbose = false;
  double minLocalstackAgreement = 0; // percent
  double minPass = 0;                // percent of all cases
};

struct Case {
  std::string id;
  std::string source; // owner/name
  std::string file;   // definition file written for the case
  std::string expect; // validate: valid | invalid; execute: the expect object as JSON
  // execute only
  std::string input;     // JSON text
  std::string mocksFile; // task_responses written for the case
  std::vector<std::string> areas;
  std::vector<std::string> ignorePaths;
};

struct Outcome {
  bool pass = false;
  std::string why;
};

struct Child {
  pid_t pid;
  size_t index;
  std::chrono::steady_clock::time_point started;
  std::string stderrPath;
  std::string stdoutPath;
};

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> loadKnownFailures(const fs::path& path) {
  std::map<std::string, std::string> known;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t space = line.find_first_of(" \t");
    std::string id = line.substr(0, space);
    std::string reason =
        space == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", space));
    known[id] = reason;
  }
  return known;
}

bool loadCases(const Options& opt, const fs::path& workDir, std::vector<Case>& cases) {
  simdjson::dom::parser parser;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(opt.corpus / opt.kind))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    simdjson::dom::element doc;
    if (parser.load(path.string()).get(doc)) {
      std::cerr << "conformance: cannot parse " << path << "\n";
      return false;
    }
    Case c;
    c.id = std::string(doc["id"].get_string().value_unsafe());
    std::string source(doc["source"].get_string().value_unsafe());
    c.source = source.substr(0, source.find(':'));
    if (!opt.filter.empty() && c.id.find(opt.filter) == std::string::npos) continue;
    if (opt.kind == "validate") {
      c.expect = std::string(doc["expect"].get_string().value_unsafe());
    } else {
      c.expect = simdjson::to_string(doc["expect"].value_unsafe());
      c.input = simdjson::to_string(doc["input"].value_unsafe());
      simdjson::dom::element responses;
      std::string mocks =
          doc["task_responses"].get(responses) ? "{}" : simdjson::to_string(responses);
      c.mocksFile = (workDir / (path.stem().string() + ".mocks.json")).string();
      std::ofstream(c.mocksFile, std::ios::binary) << mocks;
      simdjson::dom::array list;
      if (!doc["areas"].get(list))
        for (auto area : list)
          c.areas.emplace_back(area.get_string().value_unsafe());
      if (!doc["ignore_paths"].get(list))
        for (auto ignored : list)
          c.ignorePaths.emplace_back(ignored.get_string().value_unsafe());
    }
    simdjson::dom::element definition = doc["definition"].value_unsafe();
    std::string text = definition.is_string() ? std::string(definition.get_string().value_unsafe())
                                              : simdjson::to_string(definition);
    c.file = (workDir / (path.stem().string() + ".asl.json")).string();
    std::ofstream(c.file, std::ios::binary) << text;
    cases.push_back(std::move(c));
  }
  return true;
}

pid_t spawn(const Options& opt, const Case& c, const std::string& stdoutPath,
            const std::string& stderrPath) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  setpgid(0, 0);
  int devnull = open("/dev/null", O_RDWR);
  int out = open(stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(devnull, 0);
  dup2(out >= 0 ? out : devnull, 1);
  dup2(err >= 0 ? err : devnull, 2);
  std::vector<std::string> args = {opt.aslc,  "validate", "--no-warnings", "-q",
                                   "--color", "never",    c.file};
  if (opt.kind == "execute")
    args = {opt.aslc, "run", c.file, "--input", c.input, "--mocks", c.mocksFile, "--virtual-clock"};
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

// --- comparing run results ---------------------------------------------------------------

using Element = simdjson::dom::element;

// A path of the ignore_paths subset ($.a.b[0]['c d']) as member names and indices.
std::vector<std::string> parseIgnorePath(const std::string& path) {
  std::vector<std::string> segments;
  size_t i = 1; // after '$'
  while (i < path.size()) {
    if (path[i] == '.') {
      size_t end = path.find_first_of(".[", i + 1);
      segments.push_back(path.substr(i + 1, end - i - 1));
      i = end == std::string::npos ? path.size() : end;
    } else if (path.compare(i, 2, "['") == 0) {
      size_t end = path.find("']", i + 2);
      segments.push_back(path.substr(i + 2, end - i - 2));
      i = end == std::string::npos ? path.size() : end + 2;
    } else if (path[i] == '[') {
      size_t end = path.find(']', i);
      segments.push_back("#" + path.substr(i + 1, end - i - 1));
      i = end == std::string::npos ? path.size() : end + 1;
    } else {
      break;
    }
  }
  return segments;
}

struct Comparison {
  const std::vector<std::vector<std::string>>& ignored;
  std::vector<std::string> at;
  std::string difference;

  bool isIgnored() const {
    for (const auto& path : ignored)
      if (path == at) return true;
    return false;
  }
  std::string where() const {
    std::string out = "$";
    for (const auto& s : at)
      out += s[0] == '#' ? "[" + s.substr(1) + "]" : "." + s;
    return out;
  }
  bool differ(const std::string& what) {
    difference = where() + ": " + what;
    return false;
  }

  bool equal(Element expected, Element actual) {
    if (isIgnored()) return true;
    bool expectedNumber = expected.is_number(), actualNumber = actual.is_number();
    if (expectedNumber || actualNumber) {
      if (!(expectedNumber && actualNumber))
        return differ("expected " + simdjson::to_string(expected) + ", got " +
                      simdjson::to_string(actual));
      double a = expected.get_double().value_unsafe(), b = actual.get_double().value_unsafe();
      if (expected.is_int64() && actual.is_int64()) {
        if (expected.get_int64().value_unsafe() == actual.get_int64().value_unsafe()) return true;
      } else if (a == b) {
        return true;
      }
      return differ("expected " + simdjson::to_string(expected) + ", got " +
                    simdjson::to_string(actual));
    }
    if (expected.type() != actual.type())
      return differ("expected " + simdjson::to_string(expected) + ", got " +
                    simdjson::to_string(actual));
    switch (expected.type()) {
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array ea = expected.get_array().value_unsafe(),
                           aa = actual.get_array().value_unsafe();
      if (ea.size() != aa.size())
        return differ("expected " + std::to_string(ea.size()) + " items, got " +
                      std::to_string(aa.size()));
      size_t i = 0;
      auto ai = aa.begin();
      for (Element e : ea) {
        at.push_back("#" + std::to_string(i++));
        bool same = equal(e, *ai);
        at.pop_back();
        if (!same) return false;
        ++ai;
      }
      return true;
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object eo = expected.get_object().value_unsafe(),
                            ao = actual.get_object().value_unsafe();
      if (eo.size() != ao.size())
        return differ("expected " + simdjson::to_string(expected).substr(0, 200) + ", got " +
                      simdjson::to_string(actual).substr(0, 200));
      for (auto [key, value] : eo) {
        at.emplace_back(key);
        Element other;
        bool same = ao.at_key(key).get(other) ? differ("missing") : equal(value, other);
        at.pop_back();
        if (!same) return false;
      }
      return true;
    }
    default:
      if (simdjson::to_string(expected) == simdjson::to_string(actual)) return true;
      return differ("expected " + simdjson::to_string(expected) + ", got " +
                    simdjson::to_string(actual));
    }
  }
};

Outcome judgeRun(const Case& c, const std::string& stdoutText) {
  simdjson::dom::parser expectParser, actualParser;
  Element expected, actual;
  if (expectParser.parse(c.expect).get(expected)) return {false, "unreadable expectation"};
  if (actualParser.parse(stdoutText).get(actual) || !actual.is_object())
    return {false, "stdout is not a JSON object: " + stdoutText.substr(0, 300)};
  std::vector<std::vector<std::string>> ignored;
  for (const auto& p : c.ignorePaths)
    ignored.push_back(parseIgnorePath(p));
  Comparison compare{ignored, {}, {}};
  simdjson::dom::object expectedObject = expected.get_object().value_unsafe();
  for (auto [key, value] : expectedObject) {
    compare.at = {std::string(key)};
    Element got;
    if (actual[key].get(got)) {
      if (compare.isIgnored()) return {false, compare.where() + ": missing"};
      return {false, compare.where() + ": missing in " + stdoutText.substr(0, 300)};
    }
    if (!compare.equal(value, got)) return {false, compare.difference};
  }
  // Ignored paths must exist even where the expectation does not mention them.
  for (const auto& path : ignored) {
    Element node = actual;
    for (const auto& segment : path) {
      Element child;
      bool missing = segment[0] == '#'
                         ? node.at(std::stoul(segment.substr(1))).get(child) != simdjson::SUCCESS
                         : node[segment].get(child) != simdjson::SUCCESS;
      if (missing) {
        compare.at = path;
        return {false, compare.where() + ": missing (ignored values must exist)"};
      }
      node = child;
    }
  }
  return {true, ""};
}

Outcome judge(const Case& c, int status, const std::string& stdoutText,
              const std::string& stderrText) {
  if (!c.mocksFile.empty()) { // an execute case
    if (!WIFEXITED(status)) return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
    int code = WEXITSTATUS(status);
    if (code != 0 && code != 1)
      return {false, "exit " + std::to_string(code) + ": " + stderrText.substr(0, 300)};
    return judgeRun(c, stdoutText);
  }
  if (!WIFEXITED(status)) return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
  int code = WEXITSTATUS(status);
  if (code != 0 && code != 1)
    return {false, "exit " + std::to_string(code) + ": " + stderrText.substr(0, 300)};
  std::string got = code == 0 ? "valid" : "invalid";
  if (got == c.expect) return {true, ""};
  return {false, "expected " + c.expect + ", got " + got +
                     (stderrText.empty() ? "" : ": " + stderrText.substr(0, 300))};
}

std::vector<Outcome> runAll(const Options& opt, const std::vector<Case>& cases,
                            const fs::path& workDir) {
  std::vector<Outcome> outcomes(cases.size());
  std::vector<Child> running;
  size_t next = 0;
  while (next < cases.size() || !running.empty()) {
    while (next < cases.size() && static_cast<int>(running.size()) < opt.jobs) {
      std::string errPath = (workDir / ("stderr-" + std::to_string(next))).string();
      std::string outPath = (workDir / ("stdout-" + std::to_string(next))).string();
      pid_t pid = spawn(opt, cases[next], outPath, errPath);
      running.push_back({pid, next, std::chrono::steady_clock::now(), errPath, outPath});
      ++next;
    }
    bool progressed = false;
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      pid_t done = waitpid(it->pid, &status, WNOHANG);
      if (done == it->pid) {
        std::string err = readText(it->stderrPath);
        while (!err.empty() && (err.back() == '\n'))
          err.pop_back();
        outcomes[it->index] = judge(cases[it->index], status, readText(it->stdoutPath), err);
        fs::remove(it->stderrPath);
        fs::remove(it->stdoutPath);
        it = running.erase(it);
        progressed = true;
      } else if (std::chrono::steady_clock::now() - it->started >
                 std::chrono::seconds(opt.timeoutSeconds)) {
        kill(-it->pid, SIGKILL);
        waitpid(it->pid, &status, 0);
        outcomes[it->index] = {false,
                               "timed out after " + std::to_string(opt.timeoutSeconds) + " s"};
        fs::remove(it->stderrPath);
        fs::remove(it->stdoutPath);
        it = running.erase(it);
        progressed = true;
      } else {
        ++it;
      }
    }
    if (!progressed) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return outcomes;
}

int usage() {
  std::cerr << "usage: conformance_runner --aslc PATH --corpus DIR --known-failures FILE [--kind "
               "validate|execute]\n"
               "                          [--filter TEXT] [--jobs N] [--timeout S] [--verbose]\n"
               "                          [--min-localstack-agreement PERCENT]\n";
  return 2;
}

} // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--aslc")
      opt.aslc = next();
    else if (a == "--corpus")
      opt.corpus = next();
    else if (a == "--known-failures")
      opt.knownFailures = next();
    else if (a == "--kind")
      opt.kind = next();
    else if (a == "--filter")
      opt.filter = next();
    else if (a == "--jobs")
      opt.jobs = std::max(1, std::atoi(next().c_str()));
    else if (a == "--timeout")
      opt.timeoutSeconds = std::max(1, std::atoi(next().c_str()));
    else if (a == "--verbose")
      opt.verbose = true;
    else if (a == "--min-localstack-agreement")
      opt.minLocalstackAgreement = std::atof(next().c_str());
    else if (a == "--min-pass")
      opt.minPass = std::atof(next().c_str());
    else
      return usage();
  }
  if (opt.aslc.empty() || opt.corpus.empty() || (opt.kind != "validate" && opt.kind != "execute"))
    return usage();

  char pattern[] = "/tmp/asl-conformance-XXXXXX";
  if (!mkdtemp(pattern)) return 2;
  fs::path workDir = pattern;
  std::vector<Case> cases;
  if (!loadCases(opt, workDir, cases)) return 2;
  std::map<std::string, std::string> known = loadKnownFailures(opt.knownFailures);
  std::vector<Outcome> outcomes = runAll(opt, cases, workDir);
  fs::remove_all(workDir);

  std::map<std::string, std::pair<int, int>> bySource, byArea; // passed, total
  int passed = 0, failed = 0, unexpected = 0, stale = 0;
  std::set<std::string> ids;
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    ids.insert(c.id);
    auto& [sourcePassed, sourceTotal] = bySource[c.source];
    ++sourceTotal;
    for (const auto& area : c.areas) {
      ++byArea[area].second;
      if (outcomes[i].pass) ++byArea[area].first;
    }
    bool isKnown = known.count(c.id) > 0;
    if (outcomes[i].pass) {
      ++passed;
      ++sourcePassed;
      if (isKnown) {
        ++stale;
        std::cout << "STALE " << c.id << ": passes but is listed in known-failures\n";
      }
    } else {
      ++failed;
      if (!isKnown) {
        ++unexpected;
        std::cout << "FAIL " << c.id << ": " << outcomes[i].why << "\n";
      } else if (opt.verbose) {
        std::cout << "known " << c.id << ": " << outcomes[i].why << "\n";
      }
    }
  }
  if (opt.filter.empty()) {
    // One known-failures file serves both kinds: an entry is stale only if no case of either
    // kind has its id.
    for (const auto& [id, reason] : known) {
      if (!ids.count(id) && !fs::exists(opt.corpus / "validate" / (id + ".json")) &&
          !fs::exists(opt.corpus / "execute" / (id + ".json"))) {
        ++stale;
        std::cout << "STALE " << id << ": listed in known-failures but not in the corpus\n";
      }
    }
  }
  bool belowTarget = false;
  std::cout << "by source:\n";
  for (const auto& [source, counts] : bySource) {
    double percent = counts.second ? 100.0 * counts.first / counts.second : 100.0;
    char line[200];
    std::snprintf(line, sizeof line, "  %-40s %4d/%-4d %6.1f%%\n", source.c_str(), counts.first,
                  counts.second, percent);
    std::cout << line;
    if (source == "localstack/localstack" && percent < opt.minLocalstackAgreement)
      belowTarget = true;
  }
  if (!byArea.empty()) std::cout << "by area:\n";
  for (const auto& [area, counts] : byArea) {
    char line[200];
    std::snprintf(line, sizeof line, "  %-40s %4d/%-4d %6.1f%%\n", area.c_str(), counts.first,
                  counts.second, counts.second ? 100.0 * counts.first / counts.second : 100.0);
    std::cout << line;
  }
  double passPercent = cases.empty() ? 100.0 : 100.0 * passed / static_cast<double>(cases.size());
  if (passPercent < opt.minPass) {
    belowTarget = true;
    std::cout << "pass rate " << passPercent << "% is below the " << opt.minPass << "% target\n";
  }
  std::cout << "known failures: " << (failed - unexpected)
            << ", unexpected failures: " << unexpected << ", stale known-failure entries: " << stale
            << "\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  if (belowTarget)
    std::cout << "localstack agreement is below the " << opt.minLocalstackAgreement << "% target\n";
  return unexpected == 0 && stale == 0 && !belowTarget ? 0 : 1;
}
