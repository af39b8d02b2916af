// JSONata evaluation speed: each expression of tools/bench/jsonata/expressions.json is parsed
// once and evaluated against its dataset over and over, as a state machine evaluates a
// definition's expressions. Prints one JSON object per expression (evaluations per second of
// the process's CPU time, and the result), which compare-jsonata.mjs sets beside jsonata-js's
// figures. CPU time rather than wall time: the figures hold on a machine shared with other work.
//
//   jsonata_bench [--cases FILE] [--only NAME] [--min-ms N] [--rounds N] [--iterations N]
//
// --iterations N evaluates each expression exactly N times instead, without timing, so that a
// profiler or `perf stat -e instructions` can compare builds on a machine whose load varies.
#include <time.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "asl/limits.h"
#include "compiler/lang/jsonata/parser.h"
#include "runtime/eval/jsonata/evaluator.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace {

namespace jn = asl::eval::jsonata;

double cpuMillis() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::optional<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Options {
  std::string cases = std::string(ASL_BENCH_JSONATA) + "/expressions.json";
  std::string only;
  double minMs = 300;
  int rounds = 3;
  long iterations = 0;
};

// The evaluation rate over batches that double until one lasts at least `minMs`; the best of
// `rounds` such measurements (other work on the machine only ever slows a round down).
double measure(const jn::Node& tree, const std::optional<asl::Value>& input,
               const jn::EvalOptions& options, const Options& opts) {
  double best = 0;
  for (int round = 0; round < opts.rounds; ++round) {
    for (long batch = 16;; batch *= 2) {
      double start = cpuMillis();
      for (long i = 0; i < batch; ++i) {
        auto result = jn::evaluate(tree, input, {}, options);
        if (!result.ok()) std::abort(); // checked before measuring
      }
      double ms = cpuMillis() - start;
      if (ms >= opts.minMs) {
        best = std::max(best, static_cast<double>(batch) * 1000.0 / ms);
        break;
      }
    }
  }
  return best;
}

std::string jsonString(std::string_view s) {
  return asl::toJson(asl::Value::string(s));
}

int run(const Options& opts) {
  auto text = readFile(opts.cases);
  if (!text) {
    std::cerr << "jsonata_bench: cannot read " << opts.cases << "\n";
    return 2;
  }
  auto cases = asl::parseJsonValue(*text);
  if (!cases.ok() || !cases->isArray()) {
    std::cerr << "jsonata_bench: " << opts.cases << " is not a JSON array\n";
    return 2;
  }
  std::string dir = opts.cases.substr(0, opts.cases.find_last_of('/') + 1);
  asl::Limits limits;
  jn::EvalOptions options;
  int failures = 0;
  for (const asl::Value& c : cases->items()) {
    const asl::Value* name = c.find("name");
    const asl::Value* expr = c.find("expr");
    const asl::Value* dataset = c.find("dataset");
    if (!name || !expr || !name->isString() || !expr->isString()) continue;
    if (!opts.only.empty() && name->asString() != opts.only) continue;
    std::optional<asl::Value> input;
    if (dataset && dataset->isString()) {
      std::string path = dir + "datasets/" + std::string(dataset->asString()) + ".json";
      auto data = readFile(path);
      if (!data) {
        std::cerr << "jsonata_bench: cannot read " << path << "\n";
        return 2;
      }
      auto parsed = asl::parseJsonValue(*data);
      if (!parsed.ok()) {
        std::cerr << "jsonata_bench: " << path << " is not JSON\n";
        return 2;
      }
      input = std::move(parsed).value();
    }
    auto tree = asl::lang::jsonata::parseJsonata(expr->asString(), limits);
    std::cout << "{\"name\":" << jsonString(name->asString());
    if (!tree.ok()) {
      std::cout << ",\"error\":" << jsonString(tree.error().code + ": " + tree.error().message())
                << "}\n";
      ++failures;
      continue;
    }
    auto first = jn::evaluate(**tree, input, {}, options);
    if (!first.ok()) {
      std::cout << ",\"error\":" << jsonString(first.error().code + ": " + first.error().message())
                << "}\n";
      ++failures;
      continue;
    }
    if (opts.iterations > 0) {
      for (long i = 0; i < opts.iterations; ++i)
        (void)jn::evaluate(**tree, input, {}, options);
      std::cout << ",\"iterations\":" << opts.iterations << "}\n";
      continue;
    }
    double rate = measure(**tree, input, options, opts);
    std::cout << ",\"evaluationsPerSecond\":" << static_cast<long long>(rate)
              << ",\"result\":" << (first->has_value() ? asl::toJson(**first) : std::string("null"))
              << "}\n";
    std::cout.flush();
  }
  return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
  Options opts;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool hasValue = i + 1 < argc;
    if (arg == "--cases" && hasValue) {
      opts.cases = argv[++i];
    } else if (arg == "--only" && hasValue) {
      opts.only = argv[++i];
    } else if (arg == "--min-ms" && hasValue) {
      opts.minMs = std::atof(argv[++i]);
    } else if (arg == "--rounds" && hasValue) {
      opts.rounds = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--iterations" && hasValue) {
      opts.iterations = std::atol(argv[++i]);
    } else {
      std::cerr << "usage: jsonata_bench [--cases FILE] [--only NAME] [--min-ms N] [--rounds N] "
                   "[--iterations N]\n";
      return 2;
    }
  }
  return run(opts);
}
