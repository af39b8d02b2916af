#!/usr/bin/env bash
# Runs every benchmark and comparison script against a Release build directory.
set -euo pipefail
BUILD="${1:?usage: run-all.sh BUILD_DIR}"
HERE="$(cd "$(dirname "$0")" && pwd)"
"$BUILD/tools/bench/validate_bench" --benchmark_min_time=1
"$BUILD/tools/bench/run_bench"
node "$HERE/compare-validate.mjs" "$BUILD"
node "$HERE/compare-run.mjs" "$BUILD"
node "$HERE/compare-jsonata.mjs" "$BUILD"
