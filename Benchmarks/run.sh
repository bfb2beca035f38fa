#!/usr/bin/env bash
# Builds sites of 1,000 / 10,000 / 100,000 sample reports and reports wall time, rates, peak
# memory, stage timings, parse-only throughput and the file-system floor (issue 8).
#
#   Benchmarks/run.sh                 # 1000 10000 100000
#   Benchmarks/run.sh 1000 10000      # chosen sizes
#   BENCH_DIR=/data/bench Benchmarks/run.sh 1000   # where corpora and sites go (default /tmp/govreport-bench)
#
# Corpora are generated once per size and kept in BENCH_DIR (never in the repository); sites and
# floor folders are deleted after each size unless BENCH_KEEP=1. Results: a Markdown table on
# stdout and in Benchmarks/results-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# /usr/bin/time -v gives the peak resident memory.
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "bench: installing time (for /usr/bin/time -v)" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time >/dev/null
fi
command -v python3 >/dev/null || { echo "bench: python3 is required" >&2; exit 1; }

# A scratch path of its own: the default .build may be in use by a debug build or tests.
echo "bench: swift build -c release --scratch-path .build-bench" >&2
swift build -c release --scratch-path .build-bench --product publish >&2
export BENCH_PUBLISH="$PWD/.build-bench/release/publish"

# An incremental release build has been seen to leave a module compiled against an old struct
# layout (a crash in `publish sample`); a ten-report smoke run catches that before the long runs.
smoke=$(mktemp -d)
if ! "$BENCH_PUBLISH" sample --count 10 --out "$smoke/corpus" >/dev/null 2>&1; then
  rm -rf "$smoke"
  echo "bench: the release binary crashes on a smoke run; delete .build-bench and run again" >&2
  exit 1
fi
rm -rf "$smoke"

exec python3 Benchmarks/bench.py "$@"
