// Runs the conformance corpus against aslc: each case in a child process with a time limit,
// compared with its recorded verdict; prints counts per source and 'N passed, M failed'.
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
};

struct Case {
  std::string id;
  std::string source;    // owner/name
  std::string file;      // definition file written for the case
  std::string expect;    // valid | invalid
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
    std::string reason = space == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", space));
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
    c.expect = std::string(doc["expect"].get_string().value_unsafe());
    simdjson::dom::element definition = doc["definition"].value_unsafe();
    std::string text = definition.is_string() ? std::string(definition.get_string().value_unsafe())
                                              : simdjson::to_string(definition);
    c.file = (workDir / (path.stem().string() + ".asl.json")).string();
    std::ofstream(c.file, std::ios::binary) << text;
    cases.push_back(std::move(c));
  }
  return true;
}

pid_t spawn(const Options& opt, const Case& c, const std::string& stderrPath) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  setpgid(0, 0);
  int devnull = open("/dev/null", O_RDWR);
  int err = open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(devnull, 0);
  dup2(devnull, 1);
  dup2(err >= 0 ? err : devnull, 2);
  std::vector<std::string> args = {opt.aslc, "validate", "--no-warnings", "-q", "--color", "never", c.file};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

Outcome judge(const Case& c, int status, const std::string& stderrText) {
  if (!WIFEXITED(status)) return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
  int code = WEXITSTATUS(status);
  if (code != 0 && code != 1) return {false, "exit " + std::to_string(code) + ": " + stderrText.substr(0, 300)};
  std::string got = code == 0 ? "valid" : "invalid";
  if (got == c.expect) return {true, ""};
  return {false, "expected " + c.expect + ", got " + got + (stderrText.empty() ? "" : ": " + stderrText.substr(0, 300))};
}

std::vector<Outcome> runAll(const Options& opt, const std::vector<Case>& cases, const fs::path& workDir) {
  std::vector<Outcome> outcomes(cases.size());
  std::vector<Child> running;
  size_t next = 0;
  while (next < cases.size() || !running.empty()) {
    while (next < cases.size() && static_cast<int>(running.size()) < opt.jobs) {
      std::string errPath = (workDir / ("stderr-" + std::to_string(next))).string();
      pid_t pid = spawn(opt, cases[next], errPath);
      running.push_back({pid, next, std::chrono::steady_clock::now(), errPath});
      ++next;
    }
    bool progressed = false;
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      pid_t done = waitpid(it->pid, &status, WNOHANG);
      if (done == it->pid) {
        std::string err = readText(it->stderrPath);
        while (!err.empty() && (err.back() == '\n')) err.pop_back();
        outcomes[it->index] = judge(cases[it->index], status, err);
        fs::remove(it->stderrPath);
        it = running.erase(it);
        progressed = true;
      } else if (std::chrono::steady_clock::now() - it->started > std::chrono::seconds(opt.timeoutSeconds)) {
        kill(-it->pid, SIGKILL);
        waitpid(it->pid, &status, 0);
        outcomes[it->index] = {false, "timed out after " + std::to_string(opt.timeoutSeconds) + " s"};
        fs::remove(it->stderrPath);
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
  std::cerr << "usage: conformance_runner --aslc PATH --corpus DIR --known-failures FILE [--kind validate]\n"
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
    if (a == "--aslc") opt.aslc = next();
    else if (a == "--corpus") opt.corpus = next();
    else if (a == "--known-failures") opt.knownFailures = next();
    else if (a == "--kind") opt.kind = next();
    else if (a == "--filter") opt.filter = next();
    else if (a == "--jobs") opt.jobs = std::max(1, std::atoi(next().c_str()));
    else if (a == "--timeout") opt.timeoutSeconds = std::max(1, std::atoi(next().c_str()));
    else if (a == "--verbose") opt.verbose = true;
    else if (a == "--min-localstack-agreement") opt.minLocalstackAgreement = std::atof(next().c_str());
    else return usage();
  }
  if (opt.aslc.empty() || opt.corpus.empty() || opt.kind != "validate") return usage();

  char pattern[] = "/tmp/asl-conformance-XXXXXX";
  if (!mkdtemp(pattern)) return 2;
  fs::path workDir = pattern;
  std::vector<Case> cases;
  if (!loadCases(opt, workDir, cases)) return 2;
  std::map<std::string, std::string> known = loadKnownFailures(opt.knownFailures);
  std::vector<Outcome> outcomes = runAll(opt, cases, workDir);
  fs::remove_all(workDir);

  std::map<std::string, std::pair<int, int>> bySource; // passed, total
  int passed = 0, failed = 0, unexpected = 0, stale = 0;
  std::set<std::string> ids;
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    ids.insert(c.id);
    auto& [sourcePassed, sourceTotal] = bySource[c.source];
    ++sourceTotal;
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
    for (const auto& [id, reason] : known) {
      if (!ids.count(id)) {
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
    std::snprintf(line, sizeof line, "  %-40s %4d/%-4d %6.1f%%\n", source.c_str(), counts.first, counts.second, percent);
    std::cout << line;
    if (source == "localstack/localstack" && percent < opt.minLocalstackAgreement) belowTarget = true;
  }
  std::cout << "known failures: " << (failed - unexpected) << ", unexpected failures: " << unexpected
            << ", stale known-failure entries: " << stale << "\n";
  std::cout << passed << " passed, " << failed << " failed\n";
  if (belowTarget) std::cout << "localstack agreement is below the " << opt.minLocalstackAgreement << "% target\n";
  return unexpected == 0 && stale == 0 && !belowTarget ? 0 : 1;
}
