#!/usr/bin/env bash
# Requests per second of ossops serve's POST /api/upload/presign on one core, HTTP/1.1 keep-alive, against the
# signing underneath it in the same JVM (dev.ossops.bench.ServePresignBench): a hand-written V4 presign loop, the
# SDK presign the service calls, and the endpoint over CONNECTIONS keep-alive sockets. Everything runs in one JVM
# pinned to one CPU (taskset), on 127.0.0.1; nothing connects to OSS: presigning is local.
#   bench/serve-presign.sh [SECONDS per step, default 10] [CONNECTIONS, default 4]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${1:-10}"
connections="${2:-4}"
jar="$root/target/ossops.jar"
classes="$root/target/test-classes/dev/ossops/bench/ServePresignBench.class"

if [[ ! -f "$jar" || ! -f "$classes" || -n "$(find "$root/src" -newer "$jar" -name '*.java' -print -quit)" ]]; then
  (cd "$root" && mvn -B -o -q package -DskipTests)
fi
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
timeout 300 taskset -c 0 java -XX:ActiveProcessorCount=1 -cp "$root/target/test-classes:$jar" \
  dev.ossops.bench.ServePresignBench "$seconds" "$connections"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
