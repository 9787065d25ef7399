#!/usr/bin/env bash
# The page's benchmark: figures, not a test (nothing here fails on a time). Builds the release,
# serves the repository root (the page under /dist/, as in the e2e tests), drives headless
# Chromium (e2e/bench.mjs) and runs the native core benchmark (tests/bench.rs). Prints:
#   first-load bytes, gzip -9 and brotli -11 (scripts/size.sh);
#   first contentful paint (the static shell) and time to the first painted chart, medians of 7 fresh loads;
#   keystroke -> result, -> the first frame after it (painting it), and -> a frame asked for after
#   the result (as first measured), p50/p95, with the default points, with
#   Epoch AI's models and with 10,000 imported points (a generated CSV pasted into the import);
#   canvas calls, layout-reading calls and layouts per keystroke (from a trace: all, and forced by script);
#   natively, evaluate() and the trend fit on 10,000 points.
# With --baseline REV it also builds that commit (in a git worktree under target/bench-baseline,
# kept for the next run) and prints, from the same run, the first painted chart and the keystroke
# p95s of both builds and their ratios (issue 10's targets are ratios; its baseline is 420c66b,
# the commit before the first performance work).
# Usage: scripts/bench.sh [--no-build] [--baseline REV]   (the machine should be quiet: times are wall-clock)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
build=1
baseline=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --baseline) baseline=${2:?--baseline wants a commit}; shift ;;
    *) echo "usage: scripts/bench.sh [--no-build] [--baseline REV]" >&2; exit 2 ;;
  esac
  shift
done
if [ "$build" = 1 ]; then
  trunk build --release >/dev/null
fi
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
base2=
if [ -n "$baseline" ]; then
  rev=$(git rev-parse --verify "$baseline^{commit}")
  dir=target/bench-baseline/$rev
  [ -d "$dir" ] || git worktree add --detach "$dir" "$rev" >/dev/null
  if [ ! -f "$dir/dist/index.html" ]; then
    echo "== building the baseline $rev (once; kept in $dir)"
    (cd "$dir" && CARGO_TARGET_DIR="$PWD/../target" trunk build --release >/dev/null)
  fi
  port2=$(free_port)
  start_server "$dir" "$port2"
  pids+=("$SERVER_PID")
  base2="http://127.0.0.1:$port2/dist/"
fi
echo "== first load (scripts/size.sh)"
scripts/size.sh --no-budget
echo
echo "== the page in headless Chromium (e2e/bench.mjs)"
port=$(free_port)
start_server . "$port"
pids+=("$SERVER_PID")
(cd e2e && node bench.mjs "http://127.0.0.1:$port/dist/" $base2) 2> >(grep -v -e 'unexpected operator' -e 'dbus' -e 'D-Bus' >&2)
echo
echo "== the core, natively (tests/bench.rs, release)"
cargo test -p aicompute --release --quiet --test bench -- --ignored --nocapture 2>&1 | grep -E '^(bench|  )' || true
