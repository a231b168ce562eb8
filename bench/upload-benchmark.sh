#!/usr/bin/env bash
# Uploads one file of SIZE_MIB (default 2048) to a local ossops emulator four ways and prints the
# wall time, throughput and peak RSS of each: ossops upload, the Java SDK's uploadFile with its
# defaults, ali-oss multipartUpload with the same part size and parallelism (8 MiB x 4), and curl -T on a presigned PUT URL.
# Everything runs on 127.0.0.1; the emulator shares the machine, so figures compare the clients
# under the same server, not against real OSS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
size_mib="${SIZE_MIB:-2048}"
port="${PORT:-9310}"
work="$(mktemp -d /tmp/ossops-bench.XXXXXX)"
jar="$root/target/ossops.jar"
endpoint="http://127.0.0.1:$port"
bucket="bench-$(date +%s)"

cleanup() {
  if [[ -n "${emulator_pid:-}" ]]; then kill "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$jar" ]] || (cd "$root" && mvn -B -o -q package -DskipTests)
[[ -d "$root/src/test/node/node_modules/ali-oss" ]] || (cd "$root/src/test/node" && npm ci --no-audit --no-fund >/dev/null)

export OSS_ACCESS_KEY_ID=LTAI5tOssopsEmulatorRoot OSS_ACCESS_KEY_SECRET=OssopsEmulatorLocalOnlySecret0 OSS_REGION=cn-hangzhou
export QWEN_TMP_OSS_BUCKET="$bucket" QWEN_TMP_OSS_REGION=cn-hangzhou QWEN_TMP_OSS_ENDPOINT="$endpoint"
export NODE_PATH="$root/src/test/node/node_modules"

java -jar "$jar" emulator --port "$port" --data-dir "$work/data" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "$endpoint" && break; sleep 0.2; done
node "$here/ali-oss-multipart.js" "$endpoint" "$bucket" - - create-bucket

file="$work/upload.bin"
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"

# run NAME COMMAND...: wall time and peak RSS from GNU time.
run() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || { echo "$name failed:"; cat "$work/$name.err"; return 1; }
  read -r seconds rss_kib <"$work/time"
  printf '| %-32s | %8s s | %8.1f MiB/s | %6d MiB |\n' "$name" "$seconds" "$(echo "$size_mib / $seconds" | bc -l)" "$((rss_kib / 1024))"
}

echo "| client | wall time | throughput | peak RSS |"
echo "|---|---|---|---|"
run "ossops upload (4 x 8 MiB parts)" java -jar "$jar" upload "$file" --key ossops.bin --quiet --checkpoint-dir "$work/cp"
run "Java SDK uploadFile (defaults)" java -cp "$jar" "$here/SdkUploadFile.java" "$endpoint" "$bucket" sdk.bin "$file"
run "ali-oss multipartUpload (8 MiB x 4)" node "$here/ali-oss-multipart.js" "$endpoint" "$bucket" node.bin "$file"
put_url="$(java -jar "$jar" presign curl.bin --method PUT 2>/dev/null | sed -n 's/.*"url" : "\(.*\)",/\1/p')"
run "curl -T (one presigned PUT)" curl -sf -T "$file" -H "Content-Type: application/octet-stream" -H "x-oss-forbid-overwrite: true" "$put_url"
