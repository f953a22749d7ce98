# Sourced by run.sh and bench/lib.sh: stops the given processes, SIGTERM first, SIGKILL after 5 s. Azurite closes
# its services on SIGTERM but its node process can linger, hence the deadline.
stop_processes() {
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  for _ in $(seq 1 50); do
    alive=0; for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 1 ] || break; sleep 0.1
  done
  kill -9 "$@" 2>/dev/null || true
  wait "$@" 2>/dev/null || true
}
