#!/usr/bin/env bash
# Benchmark of the release build: asset sizes (gzip -9), first-view transfer, FCP, time to
# interactive, click → stored (and rendered) latency, the main-thread cost of a keystroke in a
# comment, stored size, ECharts figures. Prints a table with budgets and PASS/OVER (see
# scripts/bench.mjs for the definitions), then the timings of the pure domain core
# (examples/bench_domain.rs: workshop statistics for 50 participants). Not a test.
#
#   bash scripts/bench.sh        # KK_BENCH_RUNS=7 sets the runs behind each median
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
echo "bench: trunk build --release"
trunk build --release
node scripts/bench.mjs
echo
echo "bench: domain core (native, release)"
cargo run --quiet --release --example bench_domain
