#!/usr/bin/env bash
# Plan benchmark: BUCKETS buckets (default 200), each with every sub-configuration a profile manages, are
# applied to `ossops emulator` on 127.0.0.1 started with --fault-latency-ms LATENCY_MS (default 20), then one
# `ossops plan` of them is timed. Reports the wall time, the requests the emulator received during the plan
# (/-/ossops/stats, signed with the root key) per bucket, and the speed-up over the sequential lower bound (requests x latency).
# Not run by `mvn verify`.
#
#   bench/plan-benchmark.sh [BUCKETS] [LATENCY_MS] [-- PLAN_ARGS...]
#
# The emulator's bucket quota (OSS's default of 100) is raised to BUCKETS for the run.
# BENCH_DIR picks where the emulator's data lives (default: a new directory under /var/tmp).
set -euo pipefail

buckets="${1:-200}"
latency_ms="${2:-20}"
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
if ! [[ "$buckets" =~ ^[1-9][0-9]*$ && "$latency_ms" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [BUCKETS] [LATENCY_MS] [-- PLAN_ARGS...]" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
step_timeout=900 # seconds for the helper (apply + plan): a stuck run ends instead of hanging

for tool in java mvn timeout; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required" >&2; exit 2; }
done

if [ ! -f target/ossops.jar ] || [ -n "$(find pom.xml src/main -newer target/ossops.jar -print -quit)" ]; then
  echo "building target/ossops.jar ..." >&2
  mvn -B -o -q -DskipTests package >&2
fi
if [ ! -f target/test-classes/dev/ossops/bench/PlanBench.class ] \
   || [ -n "$(find src/test/java/dev/ossops/bench -newer target/test-classes/dev/ossops/bench/PlanBench.class -print -quit)" ]; then
  echo "compiling the benchmark helper ..." >&2
  mvn -B -o -q test-compile >&2
fi

work="$(mktemp -d "${BENCH_DIR:-/var/tmp}/ossops-plan-bench.XXXXXX")"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

mkdir -p "$work/data"
java -jar target/ossops.jar emulator --port 0 --data-dir "$work/data" --fault-latency-ms "$latency_ms" --max-buckets "$(( buckets > 100 ? buckets : 100 ))" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
endpoint=""
for _ in $(seq 1 200); do
  endpoint="$(sed -n 's/^listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/emulator.log")"
  [ -n "$endpoint" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$endpoint" ] || { echo "the emulator did not start within 20 s" >&2; cat "$work/emulator.log" >&2; exit 1; }
echo "emulator: $endpoint (pid $emulator_pid), latency $latency_ms ms per request" >&2
# The data dir's random root key: the helper signs its profile's requests and the control endpoint's with it.
eval "$(java -jar target/ossops.jar emulator credentials --data-dir "$work/data")"

echo "ossops plan benchmark, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
timeout "$step_timeout" java -Dslf4j.internal.verbosity=ERROR -cp target/test-classes:target/ossops.jar \
  dev.ossops.bench.PlanBench "$endpoint" "$buckets" "$latency_ms" "$work" "$@"
