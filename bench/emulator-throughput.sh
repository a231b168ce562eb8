#!/usr/bin/env bash
# Emulator throughput benchmark: single-stream PUT and GET and a parallel multipart upload of one
# SIZE_MIB file (default 1024), beside the disk's own fsync'd write rate (dd) and plain curl,
# all measured in one run against `ossops emulator` on 127.0.0.1. Prints a table of MB/s
# (1 MB = 10^6 bytes) and each rate as a ratio of the dd rate. Not run by `mvn verify`.
#
#   bench/emulator-throughput.sh [SIZE_MIB]
#
# BENCH_DIR picks where the emulator's data and the test file live (default: a new directory
# under /var/tmp, which is on disk; /tmp may be tmpfs elsewhere).
set -euo pipefail

size_mib="${1:-1024}"
if ! [[ "$size_mib" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [SIZE_MIB]  (a positive whole number of MiB)" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
step_timeout=600 # seconds per measured step: a stuck step ends the run instead of hanging it

for tool in java mvn curl dd timeout; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is required" >&2; exit 2; }
done

if [ ! -f target/ossops.jar ] || [ -n "$(find pom.xml src/main -newer target/ossops.jar -print -quit)" ]; then
  echo "building target/ossops.jar ..." >&2
  mvn -B -o -q -DskipTests package >&2
fi
if [ ! -f target/test-classes/dev/ossops/bench/EmulatorBench.class ] \
   || [ -n "$(find src/test/java/dev/ossops/bench -newer target/test-classes/dev/ossops/bench/EmulatorBench.class -print -quit)" ]; then
  echo "compiling the benchmark helper ..." >&2
  mvn -B -o -q test-compile >&2
fi

work="$(mktemp -d "${BENCH_DIR:-/var/tmp}/ossops-bench.XXXXXX")"
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

bytes=$((size_mib * 1024 * 1024))
file="$work/payload.bin"
bucket="bench-$(date +%s)"
results="$work/results.txt"
: >"$results"

# Rate of one step from its byte count and elapsed seconds.
record() { # name bytes seconds
  echo "$1 $2 $3" >>"$results"
  awk -v n="$1" -v b="$2" -v s="$3" 'BEGIN { printf "  %-14s %8.1f MB/s  (%.2f s)\n", n, b / s / 1e6, s }' >&2
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "payload: $size_mib MiB of random data in $work" >&2
# Random, not zeros: nothing on the way may win by compressing or deduplicating.
head -c "$bytes" /dev/urandom >"$file"

echo "disk: dd bs=1M count=$size_mib conv=fsync" >&2
t0=$(now)
timeout "$step_timeout" dd if=/dev/zero of="$work/dd.bin" bs=1M count="$size_mib" conv=fsync status=none
t1=$(now)
record dd-fsync "$bytes" "$(elapsed "$t0" "$t1")"
rm -f "$work/dd.bin"

mkdir -p "$work/data"
java -jar target/ossops.jar emulator --port 0 --data-dir "$work/data" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
endpoint=""
for _ in $(seq 1 100); do
  endpoint="$(sed -n 's/^listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$work/emulator.log")"
  [ -n "$endpoint" ] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$endpoint" ] || { echo "the emulator did not start within 20 s" >&2; cat "$work/emulator.log" >&2; exit 1; }
echo "emulator: $endpoint (pid $emulator_pid)" >&2
# The data dir's random root key, exported for the helper as any script gets it.
eval "$(java -jar target/ossops.jar emulator credentials --data-dir "$work/data")"

bench() { timeout "$step_timeout" java -Dslf4j.internal.verbosity=ERROR -cp target/test-classes:target/ossops.jar dev.ossops.bench.EmulatorBench "$endpoint" "$@"; }
bench create-bucket "$bucket"

# curl, presigned V1 URL from a config file: the signed query string stays out of argv and logs.
# "Expect:" turns off 100-continue so curl sends the body at once.
bench presign-curl PUT "$bucket" curl-put.bin "$work/put.curl"
t0=$(now)
timeout "$step_timeout" curl -sS --fail -o /dev/null -H 'Expect:' -T "$file" -K "$work/put.curl"
t1=$(now)
record curl-put "$bytes" "$(elapsed "$t0" "$t1")"

while read -r name n seconds; do record "$name" "$n" "$seconds"; done < <(bench put "$bucket" sdk-put.bin "$file")
while read -r name n seconds; do record "$name" "$n" "$seconds"; done < <(bench get "$bucket" sdk-put.bin)
while read -r name n seconds; do record "$name" "$n" "$seconds"; done < <(bench multipart "$bucket" sdk-multipart.bin "$file" 4 16)

bench presign-curl GET "$bucket" curl-put.bin "$work/get.curl"
t0=$(now)
timeout "$step_timeout" curl -sS --fail -o "$work/curl-get.bin" -K "$work/get.curl"
t1=$(now)
record curl-get "$bytes" "$(elapsed "$t0" "$t1")"
cmp -s "$file" "$work/curl-get.bin" || { echo "curl GET returned different bytes than were PUT" >&2; exit 1; }
rm -f "$work/curl-get.bin"

echo
# The machine may be shared: the load average says how much the figures can be trusted.
echo "ossops emulator throughput, $size_mib MiB, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  $1 == "dd-fsync" { dd = $2 / $3 }
  { name[NR] = $1; rate[NR] = $2 / $3; secs[NR] = $3 }
  END {
    printf "| %-14s | %10s | %8s | %8s |\n", "step", "MB/s", "seconds", "vs dd"
    printf "|%s|%s|%s|%s|\n", "----------------", "-----------:", "---------:", "---------:"
    for (i = 1; i <= NR; i++) printf "| %-14s | %10.1f | %8.2f | %7.0f%% |\n", name[i], rate[i] / 1e6, secs[i], 100 * rate[i] / dd
  }' "$results"
