#!/usr/bin/env bash
# Runs every benchmark and comparison script against a Release build directory.
set -euo pipefail
BUILD="${1:?usage: run-all.sh BUILD_DIR}"
HERE="$(cd "$(dirname "$0")" && pwd)"
"$BUILD/tools/bench/validate_bench" --benchmark_min_time=1
node "$HERE/compare-validate.mjs" "$BUILD"
