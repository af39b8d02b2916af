// asl::Value speed: parse and serialize the 200 KiB payload, copy it, find members.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace {

std::string readWorkload(const char* name) {
  std::ifstream in(std::string(ASL_BENCH_WORKLOADS) + "/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

asl::Value bigPayload() {
  auto v = asl::parseJsonValue(readWorkload("big-payload.input.json"));
  return v.ok() ? *v : asl::Value();
}

asl::Value objectWith(int members) {
  std::vector<asl::Member> ms;
  for (int i = 0; i < members; ++i)
    ms.push_back(asl::makeMember("field" + std::to_string(i), asl::Value::integer(i)));
  return asl::Value::object(std::move(ms));
}

void BM_ParseBigPayload(benchmark::State& state) {
  std::string text = readWorkload("big-payload.input.json");
  for (auto _ : state) {
    auto v = asl::parseJsonValue(text);
    if (!v.ok()) state.SkipWithError("the workload should parse");
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseBigPayload)->Unit(benchmark::kMicrosecond);

void BM_SerializeBigPayload(benchmark::State& state) {
  asl::Value v = bigPayload();
  size_t size = asl::jsonSize(v);
  for (auto _ : state) {
    std::string text = asl::toJson(v);
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(size));
}
BENCHMARK(BM_SerializeBigPayload)->Unit(benchmark::kMicrosecond);

void BM_JsonSizeBigPayload(benchmark::State& state) {
  asl::Value v = bigPayload();
  for (auto _ : state)
    benchmark::DoNotOptimize(asl::jsonSize(v));
}
BENCHMARK(BM_JsonSizeBigPayload)->Unit(benchmark::kMicrosecond);

// What a state pays to pass its input on: one atomic increment and decrement.
void BM_CopyBigPayload(benchmark::State& state) {
  asl::Value v = bigPayload();
  for (auto _ : state) {
    asl::Value copy = v;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_CopyBigPayload);

void BM_FindSmallObject(benchmark::State& state) {
  asl::Value o = objectWith(8);
  for (auto _ : state)
    benchmark::DoNotOptimize(o.find("field6"));
}
BENCHMARK(BM_FindSmallObject);

void BM_FindLargeObject(benchmark::State& state) {
  asl::Value o = objectWith(static_cast<int>(state.range(0)));
  std::string key = "field" + std::to_string(state.range(0) / 2);
  for (auto _ : state)
    benchmark::DoNotOptimize(o.find(key));
}
BENCHMARK(BM_FindLargeObject)->Arg(17)->Arg(1000)->Arg(100000);

void BM_FindMissingLargeObject(benchmark::State& state) {
  asl::Value o = objectWith(1000);
  for (auto _ : state)
    benchmark::DoNotOptimize(o.find("absent"));
}
BENCHMARK(BM_FindMissingLargeObject);

} // namespace

BENCHMARK_MAIN();
