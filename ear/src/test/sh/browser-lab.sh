#!/usr/bin/env bash
# The browser lab of the integration tests: headless Chromium (Debian's chromium and
# chromium-driver, installed here when missing) in a network namespace of its own, where WebRTC
# between browsers runs over a veth pair and nothing can leave the namespace. Kinema stays on
# the host's loopback; its port is bridged into the namespace, and chromedriver's port out of it,
# through Unix sockets.
#
#   browser-lab.sh up KINEMA_PORT DRIVER_PORT [PORT...]   # prints nothing on success
#
# Every PORT after the driver's is bridged as KINEMA_PORT is (a cluster's balancer and nodes).
#   browser-lab.sh down
#
# KINEMA_LAB names the namespace (and its folder in /tmp), so that test runs on other ports can
# have labs of their own at the same time.
set -euo pipefail

ns=${KINEMA_LAB:-kinema-lab}
run=/tmp/$ns
command=${1:?up or down}

down() {
  if [ -f "$run/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done < "$run/pids"
  fi
  ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns delete "$ns" 2>/dev/null || true
  rm -rf "$run"
}

install_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v socat >/dev/null || missing+=(socat)
  command -v ip >/dev/null || missing+=(iproute2)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
}

background() {
  "$@" >>"$run/lab.log" 2>&1 &
  echo $! >> "$run/pids"
}

up() {
  local kinema_port=$1 driver_port=$2
  shift 2
  install_packages
  down
  mkdir -p "$run"
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$ns" link add v0 type veth peer name v1
  ip -n "$ns" addr add 10.213.0.1/24 dev v0
  ip -n "$ns" addr add 10.213.0.2/24 dev v1
  ip -n "$ns" link set v0 up
  ip -n "$ns" link set v1 up
  ip -n "$ns" route add default dev v0

  # Kinema into the namespace (pages use http://localhost:KINEMA_PORT as everywhere else)
  for port in "$kinema_port" "$@"; do
    background socat "UNIX-LISTEN:$run/kinema-$port.sock,fork,unlink-early" "TCP:127.0.0.1:$port"
    background ip netns exec "$ns" socat "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$run/kinema-$port.sock"
  done
  # chromedriver out of it
  background ip netns exec "$ns" chromedriver --port=9515 --allowed-origins='*'
  background ip netns exec "$ns" socat "UNIX-LISTEN:$run/driver.sock,fork,unlink-early" "TCP:127.0.0.1:9515"
  background socat "TCP-LISTEN:$driver_port,bind=127.0.0.1,fork,reuseaddr" "UNIX-CONNECT:$run/driver.sock"

  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$driver_port/status"; then
      return 0
    fi
    sleep 0.1
  done
  echo "chromedriver did not answer; see $run/lab.log" >&2
  cat "$run/lab.log" >&2
  exit 1
}

case "$command" in
  up) shift; up "${1:?Kinema port}" "${2:?driver port}" "${@:3}" ;;
  down) down ;;
  *) echo "usage: $0 up KINEMA_PORT DRIVER_PORT [PORT...] | down" >&2; exit 2 ;;
esac
