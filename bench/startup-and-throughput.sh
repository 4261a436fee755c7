#!/usr/bin/env bash
# netlint beside dclint 3.1.0 (the Node.js compose linter its users compare it with), in one run.
# Builds nothing: run `mvn -B package -DskipTests` first. Prints figures and asserts nothing.
#
#   bench/startup-and-throughput.sh [RUNS] [FILES]
#
#   RUNS   runs of each tool on one small compose file (default 11); medians are printed
#   FILES  generated compose files netlint lints in one run (default 1000): files per second
#
# Rows, each with the load average when it was measured (wall times grow with it; ratios much less):
#   - one small compose file: median wall time of netlint through bin/netlint (warm class-data
#     archive, in a cache under bench/out/) and of dclint; the ratio netlint / dclint;
#   - the compose files of ../shared/corpus (read in place), all in one run of each tool;
#   - FILES generated compose projects in one netlint run: files/s;
#   - 200k and 1M networks of inspect dumps (made once by bench/fleet-scale.sh), every rule: wall
#     time and peak RSS (NETLINT_JAVA_OPTS=$fleet_opts below: the parallel collector, a 960 MiB heap);
#   - classes the JVM loads for the small file, and how many of them came from the archive.
# dclint is installed by npm into bench/out/dclint (git-ignored) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-11}"
files="${2:-1000}"
jar="target/netlint.jar"
corpus="${NETLINT_CORPUS:-../shared/corpus/compose}"
[ -f "$jar" ] || { echo "bench: $jar is missing; build it first with: mvn -B package -DskipTests" >&2; exit 2; }

out=bench/out
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/netlint-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# netlint as installed: the launcher, with a cache of its own (first run records the archive).
export NETLINT_JAR="$PWD/$jar"
export NETLINT_CACHE_DIR="$PWD/$out/launcher-cache"
netlint=("$PWD/bin/netlint")

dclint_dir="$out/dclint"
dclint="$dclint_dir/node_modules/.bin/dclint"
if [ ! -x "$dclint" ]; then
  mkdir -p "$dclint_dir"
  (cd "$dclint_dir" && npm install --silent --no-audit --no-fund --no-save dclint@3.1.0 >/dev/null 2>&1) || true
fi
have_dclint=false
[ -x "$dclint" ] && have_dclint=true

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

# The corpus's compose files, read where they are.
corpus_files=()
if [ -d "$corpus" ]; then
  while IFS= read -r f; do corpus_files+=("$f"); done < <(find "$corpus" -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)
fi

median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'; }
# "WALL CPU" seconds of one command (output discarded); CPU is user + sys of the process tree.
timed() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
  echo "$t" | tail -1 | awk '{printf "%s %.2f\n", $1, $2 + $3}'
}
# "WALL CPU": medians over RUNS runs.
medians() {
  local all
  all=$(for _ in $(seq 1 "$runs"); do timed "$@"; done)
  echo "$(echo "$all" | awk '{print $1}' | median) $(echo "$all" | awk '{print $2}' | median)"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }
row() { printf '%-46s %20s %20s %13s %6s\n' "$@"; }
# "1.23 s / 0.98 s" from "WALL CPU"
fmt() { awk '{printf "%.2f s / %.2f s", $1, $2}' <<< "$1"; }
# "0.50x / 0.60x": wall ratio / CPU ratio
ratios() {
  read -r nw nc <<< "$1"; read -r dw dc <<< "$2"
  echo "$(ratio "$nw" "$dw") / $(ratio "$nc" "$dc")"
}

echo "$(java -jar "$jar" --version | head -1) beside dclint $($have_dclint && "$dclint" --version 2>/dev/null || echo '(not installed)')"
echo "$(nproc) cores; $(java -version 2>&1 | head -1); node $(node --version 2>/dev/null || echo '-')"
echo

# Warm the launcher's archive (and check the launcher works) before any timing.
"${netlint[@]}" --no-color "$work/small/compose.yaml" >/dev/null 2>&1 || true
"${netlint[@]}" --no-color "$work/small/compose.yaml" >/dev/null 2>&1 || true

row "figure (wall / CPU)" "netlint" "dclint" "ratio" "load"
l=$(load)
n_small=$(medians "${netlint[@]}" --no-color "$work/small/compose.yaml")
if $have_dclint; then
  d_small=$(medians "$dclint" "$work/small/compose.yaml")
  row "one small compose file (median of $runs)" "$(fmt "$n_small")" "$(fmt "$d_small")" "$(ratios "$n_small" "$d_small")" "$l"
else
  row "one small compose file (median of $runs)" "$(fmt "$n_small")" "-" "-" "$l"
fi

if [ "${#corpus_files[@]}" -gt 0 ]; then
  l=$(load)
  n_corpus=$(medians "${netlint[@]}" --no-color "${corpus_files[@]}")
  label="corpus: ${#corpus_files[@]} files, one run (median of $runs)"
  if $have_dclint; then
    d_corpus=$(medians "$dclint" "${corpus_files[@]}")
    row "$label" "$(fmt "$n_corpus")" "$(fmt "$d_corpus")" "$(ratios "$n_corpus" "$d_corpus")" "$l"
  else
    row "$label" "$(fmt "$n_corpus")" "-" "-" "$l"
  fi
fi

l=$(load)
runs_saved=$runs; runs=3
t_many=$(medians "${netlint[@]}" --no-color --format json "$work/many")
runs=$runs_saved
row "$files files, one run (median of 3)" "$(awk -v n="$files" '{ printf "%.0f files/s", n / $1 }' <<< "$t_many")" \
  "-" "-" "$l"
row "  (per CPU-second)" "$(awk -v n="$files" '{ printf "%.0f files/s", n / $2 }' <<< "$t_many")" "" "" ""

# Fleet scale through the launcher, every rule: dumps made by bench/fleet-scale.sh (1,000 per host).
fleet="$out/fleet"
# The launcher's C1-only start (measured faster than C2 at both sizes: the run is over before C2 pays
# off) with the parallel collector and a fixed 960 MiB heap: a small young generation, survivors
# promoted after one collection (nearly everything allocated while reading is the model, kept).
fleet_opts="-XX:+UseParallelGC -Xms960m -Xmx960m -Xmn120m -XX:MaxTenuringThreshold=0"
if [ -f "$fleet/node0999.json" ]; then
  for hosts in 200 1000; do
    l=$(load)
    dumps=("$fleet"/node*.json)
    dumps=("${dumps[@]:0:$hosts}")
    # time writes to a file of its own: the lint's stdout and stderr are discarded, and its status is 1.
    /usr/bin/time -o "$work/fleet.time" -f '%e %U %S %M' env NETLINT_JAVA_OPTS="$fleet_opts" \
      "${netlint[@]}" --no-color --format json "${dumps[@]}" >/dev/null 2>&1 || true
    r=$(tail -1 "$work/fleet.time")
    row "$((hosts * 1000)) networks, every rule" "$(awk '{printf "%.1f s / %.1f s", $1, $2 + $3}' <<< "$r")" "-" "-" "$l"
    row "  peak RSS" "$(awk '{printf "%.0f MiB", $4 / 1024}' <<< "$r")" "" "" ""
  done
else
  row "1M networks" "(run bench/fleet-scale.sh once to generate the dumps)" "" "" ""
fi

# What the JVM loads for the small file, through the launcher (so with its archive).
classes="$work/classes.log"
NETLINT_JAVA_OPTS="-Xlog:class+load=info:file=$classes" "${netlint[@]}" --no-color "$work/small/compose.yaml" >/dev/null 2>&1 || true
total=$(wc -l < "$classes")
shared=$(grep -c 'shared objects file' "$classes" || true)
row "classes loaded, one small file" "$total" "-" "-" "$(load)"
row "  of which from the archive" "$shared" "" "" ""
for prefix in picocli com.fasterxml.jackson.databind com.fasterxml.jackson.dataformat org.yaml.snakeyaml \
    org.snakeyaml com.github.dockerjava org.treesitter; do
  row "  $prefix" "$(grep -c " $prefix\." "$classes" || true)" "" "" ""
done
echo
echo "ratio = netlint / dclint, wall / CPU (user + sys), lower is better; dclint runs its own default rules."
echo "On a loaded machine wall times stretch with the load average; CPU times and ratios much less."
