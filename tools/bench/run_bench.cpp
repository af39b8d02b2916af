// Interpreter speed on the workloads (tools/bench/workloads): state transitions per second
// in-process (compiled once, executed repeatedly on a virtual clock with the workload's mocks),
// and heap bytes allocated per transition, which shows that large documents move by reference.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>

#include "asl/compiler.h"
#include "runtime/exec/clock.h"
#include "runtime/exec/mock_tasks.h"
#include "runtime/value/json_reader.h"
#include "runtime/vm/executor.h"

// Counts heap bytes, so the benchmark can report what each transition allocates. Counting is
// switched on only for a separate measuring run: an atomic add per allocation would otherwise
// be part of the timed figure.
namespace {
std::atomic<uint64_t> gAllocatedBytes{0};
std::atomic<bool> gCounting{false};
} // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  if (gCounting.load(std::memory_order_relaxed))
    gAllocatedBytes.fetch_add(size, std::memory_order_relaxed);
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
#pragma GCC diagnostic pop

namespace {

std::string readWorkload(const std::string& name) {
  std::ifstream in(std::string(ASL_BENCH_WORKLOADS) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void runWorkload(benchmark::State& state, const std::string& name) {
  auto workflow = asl::compileWorkflow(readWorkload(name + ".asl.json"), name + ".asl.json");
  if (!workflow.ok()) return state.SkipWithError("the workload does not compile");
  auto input = asl::parseJsonValue(readWorkload(name + ".input.json"));
  auto script = asl::parseJsonValue(readWorkload(name + ".mocks.json"));
  if (!input.ok() || !script.ok()) return state.SkipWithError("unreadable workload files");
  auto mocks = asl::exec::MockTasks::fromScript(*script);
  if (!mocks.ok()) return state.SkipWithError("unreadable mocks");

  asl::exec::VirtualClock clock(1700000000000);
  asl::vm::ExecutionOptions options;
  options.input = *input;
  options.clock = &clock;
  options.tasks = &*mocks;
  options.maxPayloadBytes = 64 * 1024 * 1024; // the workloads are larger than AWS allows
  options.randomSeed = 1;
  options.executionName = "bench";
  // Bytes per transition from a few untimed runs with counting on.
  uint64_t countedTransitions = 0;
  gCounting.store(true);
  uint64_t before = gAllocatedBytes.load();
  for (int i = 0; i < 3; ++i)
    countedTransitions += asl::vm::execute(workflow->program(), options).transitions;
  uint64_t bytes = gAllocatedBytes.load() - before;
  gCounting.store(false);

  uint64_t transitions = 0;
  for (auto _ : state) {
    asl::ExecutionResult r = asl::vm::execute(workflow->program(), options);
    if (r.status != asl::ExecutionStatus::Succeeded)
      return state.SkipWithError(("run failed: " + r.cause).c_str());
    transitions += r.transitions;
    benchmark::DoNotOptimize(r);
  }
  state.counters["transitions/s"] =
      benchmark::Counter(static_cast<double>(transitions), benchmark::Counter::kIsRate);
  state.counters["bytes/transition"] =
      countedTransitions ? static_cast<double>(bytes) / static_cast<double>(countedTransitions)
                         : 0.0;
}

} // namespace

BENCHMARK_CAPTURE(runWorkload, pass_chain_1000, std::string("pass-chain-1000"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runWorkload, choice_loop, std::string("choice-loop"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runWorkload, map_10k, std::string("map-10k"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runWorkload, parallel_fanout, std::string("parallel-fanout"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runWorkload, intrinsics_heavy, std::string("intrinsics-heavy"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runWorkload, big_payload, std::string("big-payload"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(runWorkload, order_processing, std::string("order-processing"))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
