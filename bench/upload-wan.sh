#!/usr/bin/env bash
# Uploads over the emulator's shaped link (issue 16): one large file and one directory of small
# files, under link profiles, with ossops and its peers, ROUNDS times in rotating order.
#   lan   no shaping
#   wan   30 ms per request, 24 MiB/s per connection, 240 MiB/s in total
#   far   80 ms per request,  4 MiB/s per connection,  48 MiB/s in total
# Clients, large file (SIZE_MIB, default 2048):
#   ossops     ossops upload with no flags (adaptive parallelism, default part size), run as ./ossops
#              runs it (its AppCDS archive, C1 only)
#   ali        ali-oss multipartUpload with its defaults
#   ali-tuned  ali-oss multipartUpload with ossops's part size and the parallelism ossops ended at
#   sdk        the Java SDK's uploadFile with its defaults (of SDK_MIB, default SIZE_MIB: its 100 KiB
#              parts one at a time take long under far)
#   curl       curl -T on a presigned PUT: one stream (of CURL_MIB, default SIZE_MIB: one stream runs at
#              the per-connection rate whatever the size)
# Clients, directory (FILES files of FILE_KIB KiB, default 10000 x 16):
#   ossops     ossops upload --recursive with no flags
#   ali        ali-oss put() per file, 5 in flight (ali-oss has no batch upload; 5 is its multipart parallelism)
#   ali-tuned  the same with as many in flight as ossops ended at
#   sdk        the Java SDK's putObject per file, one after another
#   curl       one curl process, presigned PUTs one after another on one connection
#   (sdk and curl take the first SEQ_FILES files, default FILES: one request at a time, their rate is
#   set by the latency per request, not by the count)
# Every run records wall time, throughput, client CPU (GNU time) and emulator CPU (/proc) per GiB,
# and the load average at its start. Fairness as in upload-benchmark.sh: warm-up, every object
# deleted after its run, order rotated per round, ratios taken within a round before the median.
# Everything runs on 127.0.0.1; the emulator and every client share this machine's cores.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
size_mib="${SIZE_MIB:-2048}"
sdk_mib="${SDK_MIB:-$size_mib}"
curl_mib="${CURL_MIB:-$size_mib}"
files="${FILES:-10000}"
seq_files="${SEQ_FILES:-$files}"
file_kib="${FILE_KIB:-16}"
rounds="${ROUNDS:-3}"
profiles="${PROFILES:-lan wan far}"
workloads="${WORKLOADS:-file dir}"
port="${PORT:-9320}"
work="$(mktemp -d /tmp/ossops-wan.XXXXXX)"
endpoint="http://127.0.0.1:$port"
bucket="wan-$(date +%s)"

cleanup() {
  if [[ -n "${emulator_pid:-}" ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$root/target/ossops.jar" ]] || (cd "$root" && mvn -B -o -q package -DskipTests)
[[ -d "$root/src/test/node/node_modules/ali-oss" ]] || (cd "$root/src/test/node" && npm ci --no-audit --no-fund >/dev/null)
# A copy, so a rebuild during the run changes nothing.
jar="$work/ossops.jar"
cp "$root/target/ossops.jar" "$jar"
# ossops runs as ./ossops runs a command: C1 alone compiling, and with the AppCDS archive of its
# start-up classes, made here for the copy the same way (a class list from StartupTraining, then a
# static dump); without an archive if that fails.
ossops_java=(java -XX:TieredStopAtLevel=1)
if (cd "$work" && java -Xlog:cds=off -XX:DumpLoadedClassList="$work/ossops.classes" -cp "$jar" dev.ossops.cli.StartupTraining >/dev/null 2>&1 \
    && java -Xlog:cds=off -Xshare:dump -XX:SharedClassListFile="$work/ossops.classes" -XX:SharedArchiveFile="$work/ossops.jsa" -cp "$jar" >/dev/null 2>&1); then
  ossops_java+=(-Xlog:cds=off -XX:SharedArchiveFile="$work/ossops.jsa")
else
  echo "$0: no AppCDS archive; ossops runs without one" >&2
fi

export OSS_REGION=cn-hangzhou
export QWEN_TMP_OSS_BUCKET="$bucket" QWEN_TMP_OSS_REGION=cn-hangzhou QWEN_TMP_OSS_ENDPOINT="$endpoint"
# The same for ali-oss: a build's npm ci replaces node_modules under a running client.
cp -r "$root/src/test/node/node_modules" "$work/node_modules"
export NODE_PATH="$work/node_modules"
ali() { node "$here/ali-oss-wan.js" "$endpoint" "$bucket" "$@"; }

profile_flags() {
  case "$1" in
    lan) echo "" ;;
    wan) echo "--fault-latency-ms 30 --fault-connection-bandwidth 24MiB --fault-total-bandwidth 240MiB" ;;
    far) echo "--fault-latency-ms 80 --fault-connection-bandwidth 4MiB --fault-total-bandwidth 48MiB" ;;
  esac
}
# One emulator per profile on the same data dir, shaped by its flags: the control endpoint would
# need requests signed with the root key, which curl cannot make, and a restart costs a second.
shape() {
  if [[ -n "${emulator_pid:-}" ]]; then kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true; fi
  # shellcheck disable=SC2046
  java -jar "$jar" emulator --port "$port" --data-dir "$work/data" $(profile_flags "$1") >>"$work/emulator.log" 2>&1 &
  emulator_pid=$!
  for _ in $(seq 150); do curl -s -o /dev/null "$endpoint" && break; sleep 0.2; done
  # An emulator that could not start (its port taken, a bad flag) must not leave another server to answer.
  if ! kill -0 "$emulator_pid" 2>/dev/null; then
    echo "$0: the emulator for profile $1 exited:" >&2
    tail -5 "$work/emulator.log" >&2
    exit 1
  fi
}
if curl -s -o /dev/null "$endpoint"; then
  echo "$0: something already answers on port $port; stop it or pick another with PORT=N" >&2
  exit 2
fi
shape lan
# The data dir's random root key, under the names ossops, the Java SDK and ali-oss read.
eval "$(java -jar "$jar" emulator credentials --data-dir "$work/data")"
export OSS_ACCESS_KEY_ID="$ALIBABA_CLOUD_ACCESS_KEY_ID" OSS_ACCESS_KEY_SECRET="$ALIBABA_CLOUD_ACCESS_KEY_SECRET"
ali create-bucket

profile_total_mibs() { case "$1" in lan) echo 0 ;; wan) echo 240 ;; far) echo 48 ;; esac; }
profile_latency_ms() { case "$1" in lan) echo 0 ;; wan) echo 30 ;; far) echo 80 ;; esac; }

file="$work/upload.bin"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"
sdk_file="$work/sdk.bin"
head -c "$((sdk_mib * 1024 * 1024))" "$file" >"$sdk_file"
curl_file="$work/curl.bin"
head -c "$((curl_mib * 1024 * 1024))" "$file" >"$curl_file"
dir="$work/small"
seq_dir="$work/small-seq"
mkdir -p "$dir" "$seq_dir"
python3 - "$dir" "$files" "$file_kib" "$seq_dir" "$seq_files" <<'PY'
import os, sys
d, n, kib, seq_d, seq_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
for i in range(n):
    name = f"f{i:05d}.bin"
    with open(os.path.join(d, name), "wb") as f:
        f.write(os.urandom(kib * 1024))
    if i < seq_n:
        os.link(os.path.join(d, name), os.path.join(seq_d, name))
PY

# ossops's default part size (upload.PartPlan): a 128th of the file in whole MiB, within 8..64 MiB.
part_mib=$(((size_mib + 127) / 128))
((part_mib < 8)) && part_mib=8
((part_mib > 64)) && part_mib=64

emulator_cpu() { awk '{print $14 + $15}' "/proc/$emulator_pid/stat"; }
ticks="$(getconf CLK_TCK)"
tuned=4 # transfers in flight ossops ended at, per profile and workload (from its summary line)

# The command of CLIENT for WORKLOAD with object key/prefix KEY, in the array "cmd".
command_of() {
  local client="$1" workload="$2" key="$3"
  if [[ "$workload" == file ]]; then
    case "$client" in
      ossops) cmd=("${ossops_java[@]}" -jar "$jar" upload "$file" --key "$key" --checkpoint-dir "$work/cp") ;;
      ali) cmd=(node "$here/ali-oss-wan.js" "$endpoint" "$bucket" multipart "$key" "$file") ;;
      ali-tuned) cmd=(env PART_BYTES=$((part_mib * 1024 * 1024)) PARALLEL="$tuned" node "$here/ali-oss-wan.js" "$endpoint" "$bucket" multipart "$key" "$file") ;;
      sdk) cmd=(java -cp "$jar" "$here/SdkUploadFile.java" "$endpoint" "$bucket" "$key" "$sdk_file") ;;
      curl) cmd=(curl -sf -T "$curl_file" -H "Content-Type: application/octet-stream" -K "$work/curl.cfg") ;;
    esac
  else
    case "$client" in
      ossops) cmd=("${ossops_java[@]}" -jar "$jar" upload --recursive "$dir" --prefix "$key" --dir-mode no_subdirectory --checkpoint-dir "$work/cp") ;;
      ali) cmd=(node "$here/ali-oss-wan.js" "$endpoint" "$bucket" put-dir "$key" "$dir") ;;
      ali-tuned) cmd=(env IN_FLIGHT="$tuned" node "$here/ali-oss-wan.js" "$endpoint" "$bucket" put-dir "$key" "$dir") ;;
      sdk) cmd=(java -cp "$jar" "$here/SdkPutDirectory.java" "$endpoint" "$bucket" "$key" "$seq_dir") ;;
      curl) cmd=(curl -sf -H "Content-Type: application/octet-stream" -K "$work/curl.cfg") ;;
    esac
  fi
}

bytes_of() { # bytes a run of CLIENT on WORKLOAD moves
  if [[ "$2" == dir ]]; then
    case "$1" in sdk | curl) echo $((seq_files * file_kib * 1024)) ;; *) echo $((files * file_kib * 1024)) ;; esac
  else
    case "$1" in sdk) echo $((sdk_mib * 1024 * 1024)) ;; curl) echo $((curl_mib * 1024 * 1024)) ;; *) echo $((size_mib * 1024 * 1024)) ;; esac
  fi
}

run_one() { # profile workload round client
  local profile="$1" workload="$2" round="$3" client="$4" key="$1-$2-$3-$4"
  if [[ "$client" == curl ]]; then
    # Presigned URLs go to curl in a mode-600 config file, never through argv or output.
    (umask 077
     if [[ "$workload" == file ]]; then echo "url = \"$(ali presign "$key")\"" >"$work/curl.cfg"; else ali presign-dir "$key" "$seq_dir" >"$work/curl.cfg"; fi)
  fi
  command_of "$client" "$workload" "$key"
  local load before after seconds rss user system
  load="$(cut -d' ' -f1 /proc/loadavg)"
  before="$(emulator_cpu)"
  if ! /usr/bin/time -f "%e %M %U %S" -o "$work/time" "${cmd[@]}" >"$work/out" 2>"$work/err"; then
    echo "$client ($profile $workload) failed:"; tail -5 "$work/err"; exit 1
  fi
  after="$(emulator_cpu)"
  read -r seconds rss user system <"$work/time"
  local conns="-"
  if [[ "$client" == ossops ]]; then
    conns="$(sed -n 's/.*; \([0-9]*\) transfers in flight at the end.*/\1/p' "$work/err" | tail -1)"
    tuned="${conns:-4}"
  fi
  ali delete-prefix "$key" >/dev/null
  local bytes gib
  bytes="$(bytes_of "$client" "$workload")"
  gib="$(echo "$bytes / 1073741824" | bc -l)"
  local mibs client_cpu emu_cpu
  mibs="$(echo "$bytes / 1048576 / $seconds" | bc -l)"
  client_cpu="$(echo "($user + $system) / $gib" | bc -l)"
  emu_cpu="$(echo "($after - $before) / $ticks / $gib" | bc -l)"
  echo "$profile $workload $round $client $seconds $mibs $client_cpu $emu_cpu $load $conns" >>"$results"
  printf '| %s | %s | %d | %-9s | %8.2f s | %7.1f MiB/s | %6.2f s/GiB | %6.2f s/GiB | %5s | %s |\n' "$profile" "$workload" "$round" \
    "$client" "$seconds" "$mibs" "$client_cpu" "$emu_cpu" "$load" "$conns"
}

results="$work/results"
: >"$results"
echo "# $(date -u +%FT%TZ) size ${size_mib} MiB (sdk ${sdk_mib} MiB, curl ${curl_mib} MiB), ${files} x ${file_kib} KiB (sdk and curl ${seq_files}), rounds $rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| profile | workload | round | client | wall | throughput | client CPU | emulator CPU | load | ossops in flight |"
echo "|---|---|---|---|---|---|---|---|---|---|"
# CLIENTS picks some (a re-run of one question); ossops always runs first in the warm-up.
read -r -a clients <<<"${CLIENTS:-ossops ali ali-tuned sdk curl}"
for profile in $profiles; do
  shape "$profile"
  for workload in $workloads; do
    # Warm-up: JIT and page cache for this workload, and ossops's parallelism for ali-tuned.
    run_one "$profile" "$workload" 0 ossops >/dev/null
    for ((round = 1; round <= rounds; round++)); do
      for ((i = 0; i < ${#clients[@]}; i++)); do
        client="${clients[$(((i + round - 1) % ${#clients[@]}))]}"
        run_one "$profile" "$workload" "$round" "$client"
      done
    done
  done
done

echo
echo "Medians (ratios within each round, then the median):"
python3 - "$results" "$files" "$file_kib" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
files, kib = int(sys.argv[2]), int(sys.argv[3])
total = {"lan": 0, "wan": 240, "far": 48}
latency = {"lan": 0, "wan": 0.030, "far": 0.080}
table = {}
for profile, workload, rnd, client, secs, mibs, ccpu, ecpu, load, conns in rows:
    if rnd == "0":
        continue
    table.setdefault((profile, workload), {}).setdefault(rnd, {})[client] = (float(secs), float(mibs), float(ccpu), float(ecpu), load, conns)
for (profile, workload), rounds in table.items():
    print(f"## {profile} {workload}")
    clients = ["ossops", "ali", "ali-tuned", "sdk", "curl"]
    for c in clients:
        runs = [r[c] for r in rounds.values() if c in r]
        if not runs:
            continue
        print(f"  {c:9s} {statistics.median(x[1] for x in runs):8.1f} MiB/s  wall {statistics.median(x[0] for x in runs):7.2f} s"
              f"  CPU/GiB client {statistics.median(x[2] for x in runs):6.2f} s emulator {statistics.median(x[3] for x in runs):6.2f} s"
              f"  loads {','.join(x[4] for x in runs)}")
    for peer in ["ali", "ali-tuned", "sdk", "curl"]:
        if any(peer not in r for r in rounds.values()):
            continue
        ratios = [r["ossops"][1] / r[peer][1] for r in rounds.values()]
        print(f"  ossops / {peer:9s} {statistics.median(ratios):6.2f}x (rounds {', '.join(f'{v:.2f}' for v in ratios)})")
    conns = [r["ossops"][5] for r in rounds.values()]
    if workload == "file" and total[profile]:
        share = [r["ossops"][1] / total[profile] for r in rounds.values()]
        print(f"  ossops / link total {statistics.median(share):6.2f} (rounds {', '.join(f'{v:.2f}' for v in share)}); in flight at the end {conns}")
    if workload == "dir" and latency[profile]:
        fps = [files / r["ossops"][0] for r in rounds.values()]
        bound = [int(c) / latency[profile] for c in conns]
        print(f"  ossops files/s {', '.join(f'{v:.0f}' for v in fps)}; bound (in flight / latency) {', '.join(f'{v:.0f}' for v in bound)};"
              f" ratio {', '.join(f'{f / b:.2f}' for f, b in zip(fps, bound))}")
PY
