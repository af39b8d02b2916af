#!/usr/bin/env bash
# One entry point for setting up, building and checking aslc on Debian 12.
#
#   tools/dev.sh demo       install, build, and run the order-processing workflow end to end
#   tools/dev.sh test       install, build, and run every test (unit, golden, conformance)
#   tools/dev.sh sanitize   the tests again, built with AddressSanitizer + UBSan
#   tools/dev.sh tsan       the interpreter's tests and the execute corpus under ThreadSanitizer
#   tools/dev.sh fuzz [S]   build the libFuzzer targets with clang and fuzz for S seconds (60) in all
#   tools/dev.sh bench      build and run the benchmarks and the comparison scripts
#   tools/dev.sh deps       only install the Debian packages
#
# Every command installs what it needs first (apt-get, as root or through sudo), so a fresh
# machine needs nothing else. Builds go to build/<kind>; set JOBS to change parallelism (2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-2}"

# Debian 12 packages the project builds, tests and benchmarks with.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libsimdjson-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  llvm-14-dev clang-14 libclang-rt-14-dev lld-14
  libpcre2-dev libssl-dev libcurl4-openssl-dev libsqlite3-dev zlib1g-dev libzstd-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# install_deps [extra packages...]
install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then return; fi
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build KIND [cmake options...]; TARGETS="a b" builds only those targets
build() {
  local kind="$1"; shift
  local dir="$ROOT/build/$kind"
  log "building $kind in build/$kind"
  cmake -S "$ROOT" -B "$dir" -G Ninja -DASL_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
  # shellcheck disable=SC2086 # TARGETS is a list
  cmake --build "$dir" -j "$JOBS" ${TARGETS:+--target $TARGETS}
}

# run_tests KIND [ctest arguments...]
run_tests() {
  local dir="$ROOT/build/$1"
  shift
  log "running the tests in build/$(basename "$dir")"
  (cd "$dir" && ctest --output-on-failure -j "$JOBS" "$@")
}

cmd_demo() {
  install_deps
  build release -DCMAKE_BUILD_TYPE=Release
  local aslc="$ROOT/build/release/tools/aslc/aslc"
  local dir="$ROOT/samples/order-processing"
  log "aslc validate samples/order-processing/order-processing.asl.json"
  "$aslc" validate "$dir/order-processing.asl.json"
  log "aslc run the order-processing workflow (tasks answered by samples/order-processing/MockConfigFile.json, test case HappyPath; payment fails twice and is retried)"
  "$aslc" run "$dir/order-processing.asl.json" --input "@$dir/order.json" \
    --mock-config "$dir/MockConfigFile.json" --test-case HappyPath --virtual-clock
  log "the same order with a declined payment (test case PaymentDeclined): Catch leads to the Fail state"
  "$aslc" run "$dir/order-processing.asl.json" --input "@$dir/order.json" \
    --mock-config "$dir/MockConfigFile.json" --test-case PaymentDeclined --virtual-clock || true
  log "aslc validate samples/broken/broken-order.asl.json (a definition with mistakes, to show the diagnostics)"
  "$aslc" validate "$ROOT/samples/broken/broken-order.asl.json" || true
}

# The npm servers the adapters' tests start on loopback (docs/adapters.md, "Tests"), installed
# into build/npm-servers; the tests fail when they are missing.
NPM_SERVERS=(local-aws-sqs@2.0.2)
install_npm_servers() {
  local dir="$ROOT/build/npm-servers"
  if [ -d "$dir/node_modules/local-aws-sqs" ]; then return; fi
  log "installing the npm servers for the adapters' tests into build/npm-servers: ${NPM_SERVERS[*]}"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --silent "${NPM_SERVERS[@]}"
}

cmd_test() {
  if command -v node >/dev/null && command -v npm >/dev/null; then install_deps; else install_deps nodejs npm; fi
  install_npm_servers
  build release -DCMAKE_BUILD_TYPE=Release
  run_tests release
  # The runtime, the adapters and aslrun build and link without the compiler, which proves they
  # do not depend on it (their tests ran above, in the full build).
  build runtime-only -DCMAKE_BUILD_TYPE=Release -DASL_BUILD_COMPILER=OFF -DASL_BUILD_BENCHMARKS=OFF \
    -DASL_BUILD_TESTS=OFF
  "$ROOT/build/runtime-only/tools/aslrun/aslrun" --version
}

# Map iterations and Parallel branches run on threads: their tests, and every recorded
# execution, run again under ThreadSanitizer.
cmd_tsan() {
  install_deps
  # Only what the concurrency tests below run: the interpreter's tests, aslc and the corpus runner.
  TARGETS="asl_vm_tests aslc conformance_runner" \
    build tsan -DCMAKE_BUILD_TYPE=Debug -DASL_TSAN=ON -DASL_BUILD_BENCHMARKS=OFF
  log "running the concurrency tests and the execute corpus in build/tsan"
  (cd "$ROOT/build/tsan" && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    ctest --output-on-failure -j "$JOBS" -R 'Executor|WorkerPool|conformance.execute')
}

cmd_sanitize() {
  if command -v node >/dev/null && command -v npm >/dev/null; then install_deps; else install_deps nodejs npm; fi
  install_npm_servers
  build asan -DCMAKE_BUILD_TYPE=Debug -DASL_SANITIZE=ON -DASL_BUILD_BENCHMARKS=OFF
  # The 1,321-case JSONata suite takes ~8 minutes under ASan; the evaluator's unit tests and the
  # execute corpus (JSONata states included) run here, the whole suite in the Release build.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_tests asan -E '^jsonata\.suite$'
}

cmd_fuzz() {
  # S is the whole fuzzing budget, split between the targets so that CI's time stays what it
  # was: half for the parser and validator (the largest input space), a third for the JSONata
  # parser and evaluator, the rest for the bytecode loader.
  local seconds="${1:-60}"
  local validate_seconds=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
  local jsonata_seconds=$(( seconds / 3 > 0 ? seconds / 3 : 1 ))
  local loader_seconds=$(( seconds - validate_seconds - jsonata_seconds > 0 ? seconds - validate_seconds - jsonata_seconds : 1 ))
  install_deps
  # Only the fuzz targets and their seed makers (and the libraries they link).
  TARGETS="fuzz_validate fuzz_jsonata fuzz_loader make_seed_corpus make_jsonata_seeds make_bytecode_seeds" \
    build fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASL_FUZZ=ON -DASL_BUILD_TESTS=OFF -DASL_BUILD_BENCHMARKS=OFF \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14
  local corpus="$ROOT/build/fuzz/seed-corpus"
  rm -rf "$corpus" && mkdir -p "$corpus"
  "$ROOT/build/fuzz/tests/fuzz/make_seed_corpus" "$ROOT/tests/conformance/corpus" "$corpus"
  log "fuzzing the parser and validator for ${validate_seconds}s"
  "$ROOT/build/fuzz/tests/fuzz/fuzz_validate" -max_total_time="$validate_seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -dict="$ROOT/tests/fuzz/dictionary/asl.dict" "$corpus" 2>&1 | tail -n 25
  local expressions="$ROOT/build/fuzz/seed-jsonata"
  rm -rf "$expressions" && mkdir -p "$expressions"
  "$ROOT/build/fuzz/tests/fuzz/make_jsonata_seeds" "$ROOT/tests/jsonata/suite" "$expressions"
  log "fuzzing the JSONata parser and evaluator for ${jsonata_seconds}s"
  "$ROOT/build/fuzz/tests/fuzz/fuzz_jsonata" -max_total_time="$jsonata_seconds" -max_len=4096 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -dict="$ROOT/tests/fuzz/dictionary/jsonata.dict" "$expressions" 2>&1 | tail -n 25
  local modules="$ROOT/build/fuzz/seed-modules"
  rm -rf "$modules" && mkdir -p "$modules"
  "$ROOT/build/fuzz/tests/fuzz/make_bytecode_seeds" "$ROOT/tests/conformance/corpus" "$modules"
  log "fuzzing the bytecode loader for ${loader_seconds}s"
  "$ROOT/build/fuzz/tests/fuzz/fuzz_loader" -max_total_time="$loader_seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 "$modules" 2>&1 | tail -n 25
}

cmd_bench() {
  # The comparison scripts run the npm peers on Node.js; use an installed node if there is one.
  if command -v node >/dev/null && command -v npm >/dev/null; then install_deps hyperfine; else install_deps hyperfine nodejs npm; fi
  build release -DCMAKE_BUILD_TYPE=Release
  "$ROOT/tools/bench/run-all.sh" "$ROOT/build/release"
}

case "${1:-}" in
  demo) cmd_demo ;;
  test) cmd_test ;;
  sanitize) cmd_sanitize ;;
  tsan) cmd_tsan ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  bench) cmd_bench ;;
  deps) install_deps ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
