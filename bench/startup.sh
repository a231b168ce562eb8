#!/usr/bin/env bash
# Start-up of whole ossops processes (issue 16): `--version`, `validate -p profiles/local.yaml` and
# one upload of a 100 KiB file to an emulator already running, each timed by GNU time, RUNS times
# (default 9) after one warm-up, in ROUNDS rounds (default 2) with the variants alternating run by run
# within a round, then the medians and the ratios to the first variant within each round.
# Variants (VARIANTS, default "before now"):
#   before   the jar built from BEFORE (default 435d244^1, the last commit before the fast-start
#            work), run as `java -jar` with no archive, as it was run then
#   dynamic  this tree's jar with a dynamic AppCDS archive (-XX:ArchiveClassesAtExit over
#            StartupTraining, as ./ossops made it until the static archive)
#   now      this tree's jar as ./ossops runs a command: the archive it makes (the static one), C1 only
#   nocds    this tree's jar with no archive
# Everything runs on 127.0.0.1; nothing else should run on the machine (the load is printed).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runs="${RUNS:-9}"
rounds="${ROUNDS:-2}"
before_rev="${BEFORE:-435d244^1}"
variants="${VARIANTS:-before now}"
port="${PORT:-9330}"
work="$(mktemp -d /tmp/ossops-startup.XXXXXX)"
endpoint="http://127.0.0.1:$port"

cleanup() {
  if [[ -n "${emulator_pid:-}" ]]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f "$root/target/ossops.jar" ]] || (cd "$root" && mvn -B -o -q package -DskipTests)
cp "$root/target/ossops.jar" "$work/now.jar"
quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)
for variant in $variants; do
  case "$variant" in
    before)
      mkdir -p "$work/before-src"
      git -C "$root" archive "$before_rev" | tar -x -C "$work/before-src"
      (cd "$work/before-src" && mvn -B -q package -DskipTests -Dspotless.check.skip=true -Denforcer.skip >"$work/before-build.log" 2>&1) || { echo "building $before_rev failed:"; tail -20 "$work/before-build.log"; exit 1; }
      cp "$work/before-src/target/ossops.jar" "$work/before.jar"
      ;;
    dynamic)
      (cd "$work" && java "${quiet[@]}" -XX:ArchiveClassesAtExit="$work/dynamic.jsa" -cp "$work/now.jar" dev.ossops.cli.StartupTraining >/dev/null 2>&1)
      ;;
    now)
      (cd "$work" && java "${quiet[@]}" -XX:DumpLoadedClassList="$work/now.classes" -cp "$work/now.jar" dev.ossops.cli.StartupTraining >/dev/null 2>&1 \
        && java -Xshare:dump -XX:SharedClassListFile="$work/now.classes" -XX:SharedArchiveFile="$work/now.jsa" -cp "$work/now.jar" >/dev/null 2>&1)
      ;;
  esac
done
# The java command line of VARIANT, in the array "java_cmd" (absolute jar paths, as the archives
# were made with), and the directory it runs in, "run_dir": each variant validates the profiles of
# its own source tree (an older build refuses keys added since).
java_of() {
  case "$1" in
    before) java_cmd=(java -jar "$work/before.jar") run_dir="$work/before-src" ;;
    dynamic) java_cmd=(java "${quiet[@]}" -XX:SharedArchiveFile="$work/dynamic.jsa" -jar "$work/now.jar") run_dir="$work" ;;
    now) java_cmd=(java "${quiet[@]}" -XX:SharedArchiveFile="$work/now.jsa" -XX:TieredStopAtLevel=1 -jar "$work/now.jar") run_dir="$work" ;;
    nocds) java_cmd=(java -jar "$work/now.jar") run_dir="$work" ;;
  esac
}

java -jar "$work/now.jar" emulator --port "$port" --data-dir "$work/data" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 150); do curl -s -o /dev/null "$endpoint" && break; sleep 0.2; done
eval "$(java -jar "$work/now.jar" emulator credentials --data-dir "$work/data")"
export QWEN_TMP_OSS_BUCKET="startup-$(date +%s)" QWEN_TMP_OSS_REGION=cn-hangzhou QWEN_TMP_OSS_ENDPOINT="$endpoint"
export QWEN_TMP_OSS_AK_ID="$ALIBABA_CLOUD_ACCESS_KEY_ID" QWEN_TMP_OSS_AK_SECRET="$ALIBABA_CLOUD_ACCESS_KEY_SECRET"
export OSS_ACCESS_KEY_ID="$ALIBABA_CLOUD_ACCESS_KEY_ID" OSS_ACCESS_KEY_SECRET="$ALIBABA_CLOUD_ACCESS_KEY_SECRET"
export OSS_REGION=cn-hangzhou
[[ -d "$root/src/test/node/node_modules/ali-oss" ]] || (cd "$root/src/test/node" && npm ci --no-audit --no-fund >/dev/null)
NODE_PATH="$root/src/test/node/node_modules" node "$here/ali-oss-wan.js" "$endpoint" "$QWEN_TMP_OSS_BUCKET" create-bucket >/dev/null
for d in profiles policies lifecycle cors; do cp -r "$root/$d" "$work/$d"; done
head -c 102400 /dev/urandom >"$work/small.bin"
(cd "$work" && java -jar now.jar upload small.bin --key warm.bin --quiet --checkpoint-dir "$work/cp" >/dev/null)

results="$work/results"
: >"$results"
n=0
one() { # round variant command-name args...
  local round="$1" variant="$2" name="$3"
  shift 3
  java_of "$variant"
  n=$((n + 1))
  local args=("$@")
  [[ "$name" == upload ]] && args=(upload "$work/small.bin" --key "s$n.bin" --quiet --checkpoint-dir "$work/cp")
  (cd "$run_dir" && /usr/bin/time -f "%e %U %S" -o "$work/time" "${java_cmd[@]}" "${args[@]}" >"$work/out" 2>"$work/err") \
    || { echo "$variant $name failed:"; cat "$work/out" "$work/err"; exit 1; }
  echo "$round $variant $name $(cat "$work/time") $(cut -d' ' -f1 /proc/loadavg)" >>"$results"
}
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), runs $runs, rounds $rounds, before = $before_rev"
for ((round = 1; round <= rounds; round++)); do
  for name in version validate upload; do
    case "$name" in version) args=(--version) ;; validate) args=(validate -p profiles/local.yaml) ;; upload) args=() ;; esac
    for variant in $variants; do one 0 "$variant" "$name" "${args[@]}"; done # warm-up, not counted
    for ((i = 0; i < runs; i++)); do
      for variant in $variants; do one "$round" "$variant" "$name" "${args[@]}"; done
    done
  done
done
grep -v '^0 ' "$results" | python3 -c '
import statistics, sys
rows = [l.split() for l in sys.stdin]
variants = list(dict.fromkeys(r[1] for r in rows))
print("| command | round | " + " | ".join(f"{v} wall (CPU)" for v in variants) + " | " + " | ".join(f"{v} / {variants[0]} wall, CPU" for v in variants[1:]) + " | loads |")
print("|---" * (3 + 2 * len(variants) - 1) + "|")
for name in ["version", "validate", "upload"]:
    for rnd in sorted({r[0] for r in rows}):
        cell, med = [], {}
        for v in variants:
            sel = [r for r in rows if r[0] == rnd and r[1] == v and r[2] == name]
            wall = statistics.median(float(r[3]) for r in sel)
            cpu = statistics.median(float(r[4]) + float(r[5]) for r in sel)
            med[v] = (wall, cpu)
            cell.append(f"{wall:.2f} s ({cpu:.2f} s)")
        ratios = [f"{med[v][0] / med[variants[0]][0]:.2f}, {med[v][1] / med[variants[0]][1]:.2f}" for v in variants[1:]]
        loads = [float(r[6]) for r in rows if r[0] == rnd and r[2] == name]
        print(f"| {name} | {rnd} | " + " | ".join(cell) + " | " + " | ".join(ratios) + f" | {min(loads):.1f}-{max(loads):.1f} |")
'
