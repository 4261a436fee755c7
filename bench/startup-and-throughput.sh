#!/usr/bin/env bash
# Prints netlint's start-up time and throughput. Builds nothing: run `mvn -B package` first.
#
#   bench/startup-and-throughput.sh [RUNS] [FILES]
#
#   RUNS   runs of `java -jar target/netlint.jar` on one small compose file (default 15);
#          the median wall time is printed
#   FILES  generated compose files linted in one run (default 1000); files/second is printed
#
# Each figure is printed twice: plain, and with an AppCDS archive (class data sharing) made by a
# training run with -XX:ArchiveClassesAtExit (kept in bench/out/, which git ignores).
# Figures only, no assertions: speed is never a test.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-15}"
files="${2:-1000}"
jar="target/netlint.jar"
java="${JAVA:-java}"
[ -f "$jar" ] || { echo "bench: $jar is missing; build it first with: mvn -B package -DskipTests" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/netlint-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p bench/out
archive="bench/out/netlint.jsa"

# One small, realistic compose file.
mkdir -p "$work/small"
cat > "$work/small/compose.yaml" <<'YAML'
services:
  web:
    image: nginx:1.27
    ports:
      - "127.0.0.1:8080:80"
    networks:
      front:
        ipv4_address: 10.200.1.10
networks:
  front:
    ipam:
      config:
        - subnet: 10.200.1.0/24
          gateway: 10.200.1.1
YAML

# FILES compose projects, one a directory, each with its own subnets.
mkdir -p "$work/many"
for i in $(seq 1 "$files"); do
  a=$(( (i / 250) % 256 )); b=$(( i % 250 ))
  d="$work/many/p$i"
  mkdir -p "$d"
  cat > "$d/compose.yaml" <<YAML
services:
  app:
    image: example/app:$i
    ports:
      - "127.0.0.1:$(( 20000 + i % 40000 )):8080"
    networks:
      backend:
        ipv4_address: 10.$(( 160 + a % 40 )).$b.10
  db:
    image: postgres:16
    networks:
      - backend
networks:
  backend:
    driver: bridge
    ipam:
      config:
        - subnet: 10.$(( 160 + a % 40 )).$b.0/24
          ip_range: 10.$(( 160 + a % 40 )).$b.0/25
          gateway: 10.$(( 160 + a % 40 )).$b.1
YAML
done

# median of the numbers on stdin
median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# Wall time and CPU time (user + sys) of one command, in seconds: "WALL CPU".
timed() {
  local TIMEFORMAT='%R %U %S' out
  out=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
  echo "$out" | tail -1 | awk '{printf "%s %.3f\n", $1, $2 + $3}'
}

startup() { # extra JVM options...
  local results
  results=$(for _ in $(seq 1 "$runs"); do
    timed "$java" "$@" -jar "$jar" --no-color "$work/small/compose.yaml"
  done)
  printf '%.3f s wall, %.3f s CPU (medians)' \
    "$(echo "$results" | awk '{print $1}' | median)" "$(echo "$results" | awk '{print $2}' | median)"
}

throughput() { # extra JVM options...
  local t count
  count=$("$java" "$@" -jar "$jar" --format json --no-color "$work/many" 2>/dev/null | grep -c '"ruleId"' || true)
  t=$(timed "$java" "$@" -jar "$jar" --format json --no-color "$work/many")
  echo "$t" | awk -v n="$files" -v f="$count" '{ printf "%.0f files/s wall, %.0f files per CPU-second (%d files, %d findings; %.2f s wall, %.2f s CPU, incl. JVM start)\n", n / $1, n / $2, n, f, $1, $2 }'
}

echo "netlint benchmark: $("$java" -jar "$jar" --version | head -1), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (wall times grow with it; CPU times much less)"
echo "start-up: median of $runs runs on one small compose file"
printf '  plain:  %s\n' "$(startup)"
echo "throughput: one run over $files generated compose files"
printf '  plain:  %s\n' "$(throughput)"

# A short-lived CLI gains little from C2 and a parallel collector: the installed launcher uses these.
quick=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
printf '  C1 + SerialGC start-up:    %s\n' "$(startup "${quick[@]}")"
printf '  C1 + SerialGC throughput:  %s\n' "$(throughput "${quick[@]}")"

# AppCDS: one training run over both inputs writes the archive, then the same measurements.
rm -f "$archive"
"$java" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --no-color "$work/small/compose.yaml" "$work/many" \
  >/dev/null 2>&1 || true
if [ -f "$archive" ]; then
  printf '  AppCDS start-up:    %s\n' "$(startup -XX:SharedArchiveFile="$archive")"
  printf '  AppCDS throughput:  %s\n' "$(throughput -XX:SharedArchiveFile="$archive")"
  echo "  (run with: java -XX:SharedArchiveFile=$archive -jar $jar ...)"
else
  echo "  AppCDS: this JVM could not write an archive; skipped"
fi
