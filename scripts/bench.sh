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
#   a 100,000-row file imported: the longest main-thread task while it is read and drawn, then
#   while typing over its markers and switching the language (issue 19: at most 100 ms);
#   natively, evaluate() and the trend fit on 10,000 points.
# With --baseline REV it also builds that commit (in a git worktree under target/bench-baseline,
# kept for the next run) and prints, from the same run, the first painted chart and the keystroke
# p95s of both builds and their ratios (issue 10's targets are ratios; its baseline is 420c66b,
# the commit before the first performance work).
# Usage: scripts/bench.sh [--no-build] [--baseline REV]   (the machine should be quiet: times are wall-clock)
#
# scripts/bench.sh --mobile [--loads N] [--no-10k] [--phone] [--no-build] [--baseline REV]: instead of the
# above, the page under Lighthouse's mobile profile (issue 21; e2e/bench-mobile.mjs): the CPU
# throttled 4x (Emulation.setCPUThrottlingRate) and the network emulated at 150 ms round trip,
# 1.6 Mbit/s down, 675 kbit/s up (Network.emulateNetworkConditions), through the DevTools
# protocol; dist/ served gzip-encoded (gzip -9, content-encoding: gzip) by e2e/gzip-server.mjs,
# so the emulated network carries the compressed bytes. Each load is a fresh browser context
# (empty cache) with service workers blocked. Prints medians of N loads (default 11) of:
#   first contentful paint: the first paint with content (the static shell, or the page);
#   first chart painted: the end of the first frame showing a chart, either the live canvas
#     (data-painted="true") or the static one ([data-testid="trend-chart-static"]), whichever
#     comes first (it says which, per load count);
#   interactive: the first time typing into the examples field (ops-examples) changes the
#     result (ops-pfs-days); the benchmark types every 20 ms once both exist;
#   bytes transferred before interactive: transferSize (headers + gzip body) of the page and of
#     every file that finished arriving before interactive; and of the whole load;
#   CLS: cumulative layout shift (the largest session window, as web-vitals), up to 1.5 s after
#     the page is interactive, without the shifts in the 500 ms after the typing that answered;
# then the keystroke figures of the desktop bench (e2e/bench.mjs's keystrokeTimes) in a throttled
# page: keystroke -> result and -> the first frame after the input painted, p50/p95, at the default
# points, with Epoch AI's models (issue 21's 458 points) and with 10,000 imported points (--no-10k
# skips those; under throttling they take a few minutes). With --baseline REV, the same figures
# for that commit (built as above), loads interleaved with this build's, and the ratios this/baseline.
# Issue 21's baseline is 6be6ac0. --phone loads the page in Lighthouse's phone screen too (412x823
# CSS px, device pixel ratio 1.75, touch: the page's narrow layout) instead of 1280x900.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
build=1
baseline=
mobile=0
mobile_args=()
usage="usage: scripts/bench.sh [--no-build] [--baseline REV] [--mobile [--loads N] [--no-10k] [--phone]]"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --baseline) baseline=${2:?--baseline wants a commit}; shift ;;
    --mobile) mobile=1 ;;
    --loads) mobile_args+=(--loads "${2:?--loads wants a number}"); shift ;;
    --no-10k) mobile_args+=(--no-10k) ;;
    --phone) mobile_args+=(--phone) ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
if [ "$mobile" = 0 ] && [ ${#mobile_args[@]} -gt 0 ]; then
  echo "--loads, --no-10k and --phone go with --mobile; $usage" >&2
  exit 2
fi
# The gzip-encoding server of the mobile bench (e2e/gzip-server.mjs) for a dist/ folder.
start_gzip_server() {
  local dir=$1 port=$2
  node e2e/gzip-server.mjs "$dir" "$port" &
  SERVER_PID=$!
  wait_for_server "$port"
}
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
    # A commit from before the cargo workspace (dd2c1af) has no [workspace] table: under this
    # repository's target/, cargo would take it for a stray member of ours and refuse to build.
    if ! grep -q '^\[workspace\]' "$dir/Cargo.toml"; then
      printf '\n# Added by scripts/bench.sh: a workspace of its own.\n[workspace]\n' >> "$dir/Cargo.toml"
    fi
    (cd "$dir" && CARGO_TARGET_DIR="$PWD/../target" trunk build --release >/dev/null)
  fi
  port2=$(free_port)
  if [ "$mobile" = 1 ]; then
    start_gzip_server "$dir/dist" "$port2"
    base2="http://127.0.0.1:$port2/"
  else
    start_server "$dir" "$port2"
    base2="http://127.0.0.1:$port2/dist/"
  fi
  pids+=("$SERVER_PID")
fi
if [ "$mobile" = 1 ]; then
  echo "== the page under the mobile profile, in headless Chromium (e2e/bench-mobile.mjs)"
  port=$(free_port)
  start_gzip_server dist "$port"
  pids+=("$SERVER_PID")
  (cd e2e && node bench-mobile.mjs "${mobile_args[@]}" "http://127.0.0.1:$port/" $base2) 2> >(grep -v -e 'unexpected operator' -e 'dbus' -e 'D-Bus' >&2)
  exit 0
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
