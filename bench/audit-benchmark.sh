#!/usr/bin/env bash
# Audit collection benchmark: BUCKETS buckets (default 100) in an in-process emulator, every OSS
# request delayed by LATENCY_MS (default 20), collected with the audit's bounded concurrency (8).
# Prints wall time, requests, requests per bucket and the ratio of wall time to the sequential
# lower bound (requests x latency). Not run by `mvn verify`. The emulator's bucket quota is raised
# to BUCKETS when that is above OSS's default of 100.
#
#   bench/audit-benchmark.sh [BUCKETS] [LATENCY_MS]
set -euo pipefail

buckets="${1:-100}"
latency="${2:-20}"
for n in "$buckets" "$latency"; do
  if ! [[ "$n" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [BUCKETS] [LATENCY_MS]  (whole numbers)" >&2
    exit 2
  fi
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ ! -f target/ossops.jar ] || [ -n "$(find pom.xml src/main -newer target/ossops.jar -print -quit)" ]; then
  echo "building target/ossops.jar ..." >&2
  mvn -B -o -q -DskipTests package >&2
fi
helper=target/test-classes/dev/ossops/audit/collect/AuditBenchmark.class
if [ ! -f "$helper" ] || [ -n "$(find src/test/java/dev/ossops/audit/collect -newer "$helper" -print -quit)" ]; then
  echo "compiling the benchmark helper ..." >&2
  mvn -B -o -q test-compile >&2
fi

work="$(mktemp -d "${BENCH_DIR:-/var/tmp}/ossops-audit-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
timeout 1800 java -Dslf4j.internal.verbosity=ERROR -cp target/test-classes:target/ossops.jar \
  dev.ossops.audit.collect.AuditBenchmark "$buckets" "$latency" "$work/data"
