#!/usr/bin/env bash
# Checks the emulator's link shaping with curl, the client with the least CPU of its own: one
# stream against the per-connection bandwidth, then eight at once against the total, in each
# direction (PUT and GET), under each of the profiles of bench/upload-wan.sh that shape:
#   wan   24 MiB/s per connection, 240 MiB/s in total
#   far    4 MiB/s per connection,  48 MiB/s in total
# Prints each measured rate and its ratio to the configured one (issue 16: within 15%).
# MB here are MiB; SECONDS_PER_RUN (default 4) sets each transfer's size from the expected rate;
# JAR measures another build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
port="${PORT:-9330}"
seconds="${SECONDS_PER_RUN:-4}"
work="$(mktemp -d /tmp/ossops-shaping.XXXXXX)"
endpoint="http://127.0.0.1:$port"
bucket="shaping-$(date +%s)"
cleanup() {
  if [[ -n "${emulator_pid:-}" ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# JAR: another build to measure (e.g. an older commit's), default this tree's.
jar="${JAR:-$root/target/ossops.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -o -q package -DskipTests)
cp "$jar" "$work/ossops.jar"
[[ -d "$root/src/test/node/node_modules/ali-oss" ]] || (cd "$root/src/test/node" && npm ci --no-audit --no-fund >/dev/null)
export OSS_REGION=cn-hangzhou
export NODE_PATH="$root/src/test/node/node_modules"
ali() { node "$here/ali-oss-wan.js" "$endpoint" "$bucket" "$@"; }
# One emulator per shape on the same data dir, shaped by its flags (the control endpoint needs
# requests signed with the root key, which curl cannot make).
shape() {
  if [[ -n "${emulator_pid:-}" ]]; then kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; fi
  java -jar "$work/ossops.jar" emulator --port "$port" --data-dir "$work/data" "$@" >>"$work/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 150); do curl -s -o /dev/null "$endpoint" && break; sleep 0.2; done
}
shape
# The data dir's random root key, under the names ali-oss reads.
eval "$(java -jar "$work/ossops.jar" emulator credentials --data-dir "$work/data")"
export OSS_ACCESS_KEY_ID="$ALIBABA_CLOUD_ACCESS_KEY_ID" OSS_ACCESS_KEY_SECRET="$ALIBABA_CLOUD_ACCESS_KEY_SECRET"
ali create-bucket

# measure NAME STREAMS MIB_EACH EXPECTED_MIBS: PUTs then GETs of STREAMS objects at once; prints both rates.
measure() {
  local name="$1" streams="$2" each="$3" expected="$4"
  head -c "$((each * 1024 * 1024))" /dev/urandom >"$work/body"
  for ((i = 0; i < streams; i++)); do
    (umask 077; echo "url = \"$(ali presign "$name-$i")\"" >"$work/put-$i.cfg"; echo "url = \"$(ali presign-get "$name-$i")\"" >"$work/get-$i.cfg")
  done
  local start end
  start="$(date +%s.%N)"
  for ((i = 0; i < streams; i++)); do
    curl -sf -T "$work/body" -H "Content-Type: application/octet-stream" -K "$work/put-$i.cfg" -o /dev/null -w '%{time_total}\n' >"$work/time-$i" &
  done
  wait_all
  end="$(date +%s.%N)"
  report "$name PUT" "$streams" "$each" "$start" "$end" "$expected"
  start="$(date +%s.%N)"
  for ((i = 0; i < streams; i++)); do
    curl -sf -o /dev/null -K "$work/get-$i.cfg" -w '%{time_total}\n' >"$work/time-$i" &
  done
  wait_all
  end="$(date +%s.%N)"
  report "$name GET" "$streams" "$each" "$start" "$end" "$expected"
}
wait_all() { local pid; for pid in $(jobs -p); do [[ "$pid" == "$emulator_pid" ]] || wait "$pid"; done; }
report() {
  local what="$1" streams="$2" each="$3" start="$4" end="$5" expected="$6"
  # Fairness: the fastest stream's time over the slowest's (1.00: the link shared evenly, as TCP
  # flows of one round-trip time share it).
  python3 -c "
s, e, n, each, exp = $start, $end, $streams, $each, $expected
times = [float(open(f'$work/time-{i}').read()) for i in range(n)]
rate = n * each / (e - s)
print(f'| {\"$what\":22s} | {n} | {each} MiB each | {e - s:6.2f} s | {rate:7.1f} MiB/s | {exp} MiB/s | {rate / exp:5.2f} | {min(times) / max(times):4.2f} | $(cut -d' ' -f1 /proc/loadavg) |')"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| transfer | streams | size | wall | rate | configured | ratio | fastest / slowest stream | load |"
echo "|---|---|---|---|---|---|---|---|---|"
# Eight streams under a profile get min(8 x per connection, total): far's 8 x 4 = 32 MiB/s is under
# its 48. The total alone (no per-connection limit) is what eight streams must fill.
shape --fault-connection-bandwidth 24MiB --fault-total-bandwidth 240MiB
measure wan-one 1 $((24 * seconds)) 24
measure wan-eight 8 $((24 * seconds)) 192
shape --fault-total-bandwidth 240MiB
measure wan-total-eight 8 $((30 * seconds)) 240
shape --fault-connection-bandwidth 4MiB --fault-total-bandwidth 48MiB
measure far-one 1 $((4 * seconds)) 4
measure far-eight 8 $((4 * seconds)) 32
shape --fault-total-bandwidth 48MiB
measure far-total-eight 8 $((6 * seconds)) 48
