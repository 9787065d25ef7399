# Sourced by the scripts: the tools' paths and Trunk's offline settings.
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# A static server for dist/ on 127.0.0.1; records its PID in SERVER_PID.
start_server() {
  local dir=$1 port=$2
  /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >/dev/null 2>&1 &
  SERVER_PID=$!
  wait_for_server "$port"
}
# Waits up to 10 s for a server on the port to answer.
wait_for_server() {
  local port=$1
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "the server on port $port did not start" >&2
  return 1
}
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
