#!/usr/bin/env bash
# Sets up what is missing, builds the page in release, and serves it on 127.0.0.1.
# Usage: scripts/serve.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
port=${1:-8080}
trunk build --release
echo
echo "Serving the calculator at  http://127.0.0.1:$port/   (Ctrl-C to stop)"
exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
