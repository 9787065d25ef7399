#!/usr/bin/env bash
# Installs what the project needs, skipping what is already there (idempotent):
#   the Rust toolchain of rust-toolchain.toml with the wasm32 target, Trunk 0.21.14, the exact
#   wasm-bindgen-cli of Cargo.lock, npm packages in e2e/ (binaryen's wasm-opt, playwright-core),
#   and, with --browser, Debian's Chromium, ChromeDriver and a CJK font for screenshots.
# Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

TRUNK_VERSION=0.21.14
# The wasm-bindgen version pinned in Cargo.toml (=X.Y.Z) and locked in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

if ! command -v cargo >/dev/null; then
  echo "cargo is not installed: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi

# rust-toolchain.toml names the channel, components and the wasm32 target; rustup installs them.
cargo --version >/dev/null  # the rustup proxy installs the toolchain on first use
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (compiles from source: 10-15 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (about 4 minutes)"
  # Not --locked: its lock file pins a webpki-roots version the registry does not serve.
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION" --force
fi

if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/playwright-core ] || [ ! -d e2e/node_modules/axe-core ] || [ ! -d e2e/node_modules/jsqr ]; then
  say "installing npm packages in e2e/ (binaryen 132 for wasm-opt, playwright-core, axe-core, jsqr)"
  (cd e2e && npm ci --no-audit --no-fund)
fi

if [ "${1:-}" = "--browser" ]; then
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v chromedriver >/dev/null || need+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi -E "wqy|noto.*cjk" || need+=(fonts-wqy-zenhei)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} from Debian"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi

# Trunk runs cargo --offline: fetch every crate first.
cargo fetch --quiet
say "ready"
