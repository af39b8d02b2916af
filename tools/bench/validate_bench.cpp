// Validation speed: parse + validate the 1,000-state workload in-process, and its parts.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "compiler/front/frontend.h"
#include "compiler/front/ir_builder.h"
#include "compiler/front/json_tree.h"

namespace {

std::string readWorkload(const char* name) {
  std::ifstream in(std::string(ASL_BENCH_WORKLOADS) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The definition is already in memory, as for a program that embeds the validator; the
// whole-process figure (file read included) comes from tools/bench/compare-validate.mjs.
void BM_ValidateMixed1000(benchmark::State& state) {
  std::string text = readWorkload("validate-mixed-1000.asl.json");
  auto source = asl::front::makePaddedSource(text);
  asl::front::ValidateOptions options;
  for (auto _ : state) {
    auto checked = asl::front::checkDefinition("validate-mixed-1000.asl.json", source, options);
    if (checked.hasErrors()) state.SkipWithError("the workload should be valid");
    benchmark::DoNotOptimize(checked);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ValidateMixed1000)->Unit(benchmark::kMicrosecond);

void BM_ValidateMixed1000NoWarnings(benchmark::State& state) {
  auto source = asl::front::makePaddedSource(readWorkload("validate-mixed-1000.asl.json"));
  asl::front::ValidateOptions options;
  options.warnings = false;
  for (auto _ : state) {
    auto checked = asl::front::checkDefinition("validate-mixed-1000.asl.json", source, options);
    benchmark::DoNotOptimize(checked);
  }
}
BENCHMARK(BM_ValidateMixed1000NoWarnings)->Unit(benchmark::kMicrosecond);

void BM_ParseMixed1000(benchmark::State& state) {
  std::string text = readWorkload("validate-mixed-1000.asl.json");
  auto source = asl::front::makePaddedSource(text);
  for (auto _ : state) {
    auto parsed = asl::front::parseJson(source, asl::front::ParseOptions{});
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseMixed1000)->Unit(benchmark::kMicrosecond);

void BM_BuildIrMixed1000(benchmark::State& state) {
  std::string text = readWorkload("validate-mixed-1000.asl.json");
  asl::front::ValidateOptions options;
  auto checked = asl::front::checkDefinition("validate-mixed-1000.asl.json", text, options);
  for (auto _ : state) {
    auto module = asl::front::buildModule(checked, options.limits);
    benchmark::DoNotOptimize(module);
  }
}
BENCHMARK(BM_BuildIrMixed1000)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
