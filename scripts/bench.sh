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
# Usage: scripts/bench.sh [--no-build]   (the machine should be quiet: times are wall-clock)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release >/dev/null
fi
echo "== first load (scripts/size.sh)"
scripts/size.sh --no-budget
echo
echo "== the page in headless Chromium (e2e/bench.mjs)"
port=$(free_port)
start_server . "$port"
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
(cd e2e && node bench.mjs "http://127.0.0.1:$port/dist/") 2> >(grep -v -e 'unexpected operator' -e 'dbus' -e 'D-Bus' >&2)
echo
echo "== the core, natively (tests/bench.rs, release)"
cargo test --release --quiet --test bench -- --ignored --nocapture 2>&1 | grep -E '^(bench|  )' || true
