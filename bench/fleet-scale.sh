#!/usr/bin/env bash
# Fleet-scale benchmark for the inspect reader and the cross-host rules (issue 5, item 4).
# Generates docker network inspect dumps for 1,000 hosts x 1,000 networks under bench/out/fleet
# (about 1 GB, generated once), then for 10k, 100k and 1M networks runs a fresh JVM with
# -Xmx1536m that reads the dumps and runs the rules, printing wall times and heap figures.
# Usage: bench/fleet-scale.sh [HOSTS...]   (default: 10 100 1000 hosts of 1,000 networks each)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
cp_file=target/bench-classpath.txt
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat "$cp_file")"
out=bench/out/fleet
sizes=("${@:-10 100 1000}")
max=0
for h in ${sizes[*]}; do [ "$h" -gt "$max" ] && max=$h; done
echo "generating dumps for $max hosts (kept in $out)..."
java -cp "$CP" dev.netlint.bench.FleetScaleBench generate "$out" "$max" 1000
for h in ${sizes[*]}; do
  echo "== $h hosts x 1000 networks"
  java -Xmx1536m -XX:+UseG1GC -cp "$CP" dev.netlint.bench.FleetScaleBench run "$out" "$h"
done
