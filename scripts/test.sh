#!/usr/bin/env bash
# Sets up what is missing and runs every test: format and lint, native core tests, component
# tests in headless Chromium (wasm-bindgen-test), the release build and its size, the
# Playwright end-to-end tests, and the contract checks in ../shared/checks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Every step's output also goes to a log, from which the closing line counts the tests.
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
exec > >(tee "$LOG") 2>&1

step "format and lint"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (core, CLI, page)"
cargo test
# The pseudo-language: every visible string comes from the language files (crates/core/lang).
cargo test -p aicompute --features pseudo --test pseudo
cargo clippy -p aicompute --features pseudo --all-targets -- -D warnings

step "the core is publishable (cargo package, built from the packaged files alone)"
cargo package -p aicompute --offline --allow-dirty --quiet
RUSTDOCFLAGS="-D warnings" cargo doc -p aicompute --no-deps --quiet

step "fuzz test: 1,000,000 generated calculations, optimized (profile fuzz in Cargo.toml)"
cargo test -p aicompute --profile fuzz --test fuzz -- --ignored --nocapture

step "component tests in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p aicompute-web --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release
# Every precompressed copy is of the file as served (the shell chart in index.html included).
node scripts/compress.mjs --check dist
scripts/size.sh

step "end-to-end tests (Playwright, Debian's Chromium)"
port=$(free_port)
# Served from the repository root, so the page runs under a sub-path (/dist/), as on any host.
start_server . "$port"
base="http://127.0.0.1:$port/dist/"
trap 'kill $SERVER_PID 2>/dev/null || true; rm -f "$LOG"' EXIT
(cd e2e && BASE_URL="$base" node --test --test-concurrency=1 tests/)

step "contract checks"
if [ -d ../shared/checks ]; then
  cargo build --release --quiet -p aicompute-cli --bin aicompute
  python3 ../shared/checks/cli-contract.py "${CARGO_TARGET_DIR:-target}/release/aicompute"
  node ../shared/checks/page-contract.mjs "$base"
else
  echo "../shared/checks is not beside this checkout: contract checks skipped"
fi
echo
# One closing line for the whole run: cargo test (native and wasm), node --test, contract checks.
awk '
  /^test result: ok\./ { for (i = 1; i <= NF; i++) if ($i == "passed;") p += $(i - 1) }
  /^# pass / { p += $3 }
  /contract: [0-9]+ passed, 0 failed/ { p += $3 }
  /^page contract: passed/ { p += 1 }
  END { printf "all tests: %d passed, 0 failed\n", p }
' "$LOG"
