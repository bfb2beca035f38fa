#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/Targets, listed in Package.swift) with libFuzzer and
# AddressSanitizer and runs each for SECONDS, seeded with the test fixtures, the YAML seeds and
# every committed regression input. Crashes, hangs (over 10 s) and out-of-memory inputs are kept
# in Fuzz/crashes/; the script fails when any target found one. Figures per target are printed
# and written to Fuzz/crashes/../last-run.txt (not committed).
# usage: Fuzz/run.sh [seconds-per-target (default 60)] [target…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
if [ $# -gt 0 ]; then targets=("$@"); else
  targets=($(sed -n 's/.*let fuzzTargets = \[\(.*\)\].*/\1/p' Package.swift | tr -d '",'))
fi
# No target found is a broken run, never a passing one.
[ ${#targets[@]} -gt 0 ] || { echo "fuzz: no targets found in Package.swift's fuzzTargets" >&2; exit 1; }
scratch=.build-fuzz
config="${FUZZ_CONFIG:-release}"
flags=(-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing)
export GOVREPORT_FUZZ=1
for t in "${targets[@]}"; do
  echo "fuzz: building $t"
  swift build -c "$config" --scratch-path "$scratch" "${flags[@]}" --product "$t" 2>&1 | grep -E "error|warning: unre|Compiling|Build complete" | grep -v "^\[" || true
  [ -x "$scratch/$config/$t" ] || { echo "fuzz: $t did not build" >&2; exit 1; }
done

mkdir -p Fuzz/crashes Fuzz/corpus
report=Fuzz/last-run.txt
printf "%-22s %10s %8s %8s %8s\n" target executions exec/s corpus crashes > "$report"
failed=0
for t in "${targets[@]}"; do
  corpus="Fuzz/corpus/$t"; mkdir -p "$corpus"
  seeds=(Tests/IngestTests/Fixtures/seeds)
  # Inputs up to 4 KB: recognition cost grows with the text (the gazetteer scan), small inputs mutate faster.
  maxlen=4096
  formats=Tests/IngestTests/Fixtures/formats
  seeddir="$(mktemp -d)"
  case "$t" in
    *sidecar*|*site-config*) seeds=(Fuzz/seeds/yaml) ;;
    # The readers of other formats start from the fixtures in their format, and are given room
    # for a whole small file (a .docx or PDF fixture is tens of kilobytes).
    *html*) cp "$formats"/*.htm* "$seeddir"/; seeds=("$seeddir") ;;
    *markdown*) cp "$formats"/*.md "$seeddir"/; seeds=("$seeddir") ;;
    *docx*) cp "$formats"/*.docx "$seeddir"/; seeds=("$seeddir"); maxlen=65536 ;;
    *pdf*) cp "$formats"/*.pdf "$seeddir"/; seeds=("$seeddir"); maxlen=200000 ;;
  esac
  [ -d "Fuzz/regressions/$t" ] && seeds+=("Fuzz/regressions/$t")
  log="$(mktemp)"
  echo "fuzz: running $t for ${seconds}s"
  set +e
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1:malloc_context_size=0 "$scratch/$config/$t" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="Fuzz/crashes/$t-" > "$log" 2>&1
  status=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  found=$(find Fuzz/crashes -name "$t-*" -type f | wc -l)
  printf "%-22s %10s %8s %8s %8s\n" "$t" "${execs:-?}" "${rate:-?}" "$size" "$found" | tee -a "$report"
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    echo "fuzz: $t failed (status $status); the log ends:" >&2
    grep -E "ERROR|SUMMARY|Fatal error|panic|==[0-9]+==|Test unit written" "$log" | head -20 >&2 || true
    tail -5 "$log" >&2
  fi
  rm -rf "$log" "$seeddir"
done
cat "$report"
exit "$failed"
