#!/usr/bin/env bash
# Stop the dev/CI Neo4j started by tools/neo4j/up.sh: SIGTERM (the Launcher's shutdown hook shuts
# the DBMS down cleanly), wait for the JVM to exit, remove the PID file. Not running is not an error.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN="$HERE/run"
PIDFILE="$RUN/neo4j.pid"
WAIT="${QINGDAN_NEO4J_STOP_TIMEOUT:-90}"

say() { echo "neo4j: $*"; }

if [ ! -f "$PIDFILE" ]; then
  say "not running (no $PIDFILE)"
  exit 0
fi
pid="$(cat "$PIDFILE" 2>/dev/null || true)"
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null \
   || ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "Launcher $RUN"; then
  say "not running (stale pid file, pid ${pid:-?})"
  rm -f "$PIDFILE"
  exit 0
fi

say "stopping pid $pid"
kill -TERM "$pid"
start=$SECONDS
while kill -0 "$pid" 2>/dev/null; do
  if [ $((SECONDS - start)) -ge "$WAIT" ]; then
    say "pid $pid still alive after $WAIT s; sending SIGKILL (next start will recover the store)" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    break
  fi
  sleep 0.5
done
rm -f "$PIDFILE"
say "stopped in $((SECONDS - start)) s"
