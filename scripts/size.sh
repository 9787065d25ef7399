#!/usr/bin/env bash
# Prints the first-load size of the release build: every file the page fetches, raw and gzip -9.
set -euo pipefail
cd "$(dirname "$0")/.."
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' file bytes gzip-9
for f in dist/index.html dist/*.js dist/*.wasm dist/*.css; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "first load, total" "$total_raw" "$total_gz"
printf 'budget: 204800 bytes gzip; %s\n' "$([ "$total_gz" -le 204800 ] && echo within || echo OVER)"
