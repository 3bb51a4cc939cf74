#!/usr/bin/env bash
# Start a real Neo4j Community 5.26 (LTS) for development and CI, in the background.
#
#   tools/neo4j/up.sh          # start (or say it already runs), wait until Bolt answers RETURN 1
#   tools/neo4j/down.sh        # stop it
#
# Neo4j comes from Maven Central (org.neo4j:neo4j + org.neo4j:neo4j-bolt, see pom.xml) and runs
# in-process in Launcher.java. Bolt listens on 127.0.0.1:${QINGDAN_NEO4J_PORT:-7687} with
# AUTHENTICATION DISABLED: a loopback-only dev/CI instance, never for real data or other hosts.
# Data and logs live in tools/neo4j/run/ (git-ignored); the first start downloads ~100 MB of jars
# into ~/.m2, later starts are offline.
#
# Environment:
#   QINGDAN_NEO4J_PORT       Bolt port (default 7687)
#   QINGDAN_NEO4J_HEAP       JVM max heap (default 2g)
#   QINGDAN_NEO4J_PAGECACHE_MB  page cache in MiB (default 256)
#   QINGDAN_NEO4J_TIMEOUT    seconds to wait for Bolt (default 120)
#   JAVA_HOME                a Java 17 or 21 JDK (default: /usr/lib/jvm/java-17-openjdk-amd64 if present)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
RUN="$HERE/run"
TARGET="$HERE/target"
PIDFILE="$RUN/neo4j.pid"
LOG="$RUN/neo4j.log"
PORT="${QINGDAN_NEO4J_PORT:-7687}"
HEAP="${QINGDAN_NEO4J_HEAP:-2g}"
TIMEOUT="${QINGDAN_NEO4J_TIMEOUT:-120}"
CP_FILE="$TARGET/classpath.txt"
CLASSES="$TARGET/classes"

say() { echo "neo4j: $*"; }

is_ours() { # pid -> true when it is our Launcher JVM
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "Launcher $RUN"
}

mkdir -p "$RUN" "$TARGET"

if [ -f "$PIDFILE" ]; then
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  if is_ours "$pid"; then
    say "already running (pid $pid, bolt://127.0.0.1:$PORT)"
    exit 0
  fi
  say "removing stale pid file (pid ${pid:-?} is gone)"
  rm -f "$PIDFILE"
fi

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  say "port $PORT on 127.0.0.1 is already taken by another process; set QINGDAN_NEO4J_PORT" >&2
  exit 1
fi

# --- Java -------------------------------------------------------------------------------------
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
jv="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
case "$jv" in
  17|21) ;;
  *) say "Neo4j 5.26 needs Java 17 or 21, found '${jv:-none}' ($JAVA); set JAVA_HOME" >&2; exit 1 ;;
esac

# --- classpath (Maven) and Launcher.class (javac), rebuilt only when missing or stale -----------
cp_ok() {
  [ -s "$CP_FILE" ] && [ "$CP_FILE" -nt "$HERE/pom.xml" ] || return 1
  local jar
  # every jar still present (a fresh machine may have target/ but not ~/.m2)
  while IFS= read -r jar; do [ -f "$jar" ] || return 1; done < <(tr ':' '\n' <"$CP_FILE")
}
if ! cp_ok; then
  say "resolving Neo4j jars with Maven (first time downloads from Maven Central) ..."
  (cd "$HERE" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.pathSeparator=:) \
    >"$TARGET/mvn.log" 2>&1 || { cat "$TARGET/mvn.log" >&2; say "Maven failed" >&2; exit 1; }
fi
if [ ! -f "$CLASSES/Launcher.class" ] || [ "$HERE/Launcher.java" -nt "$CLASSES/Launcher.class" ] \
   || [ "$CP_FILE" -nt "$CLASSES/Launcher.class" ]; then
  say "compiling Launcher.java"
  mkdir -p "$CLASSES"
  "$JAVAC" -encoding UTF-8 --release "$jv" -d "$CLASSES" -cp "$(cat "$CP_FILE")" "$HERE/Launcher.java"
fi

# --- start ------------------------------------------------------------------------------------
# The --add-opens / --enable-native-access flags are the ones Neo4j's own launcher passes
# (server.jvm.additional in conf/neo4j.conf); without them Java 17 refuses Neo4j's access to
# java.nio internals (InaccessibleObjectException) at start.
JVM_FLAGS=(
  "-Xms256m" "-Xmx$HEAP"
  -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+UnlockExperimentalVMOptions
  -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC -XX:+ExitOnOutOfMemoryError
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
  -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED
)

say "starting on bolt://127.0.0.1:$PORT (heap $HEAP, log $LOG)"
: >"$LOG"
QINGDAN_NEO4J_PORT="$PORT" nohup "$JAVA" "${JVM_FLAGS[@]}" -cp "$CLASSES:$(cat "$CP_FILE")" \
  Launcher "$RUN" >>"$LOG" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$PIDFILE"

# --- wait until Bolt answers a real query ---------------------------------------------------
PY="$REPO/.venv/bin/python"
[ -x "$PY" ] || PY="$(command -v python3 || true)"
bolt_query() {
  [ -n "$PY" ] || return 2
  "$PY" - "$PORT" <<'EOF' 2>/dev/null
import sys
try:
    from neo4j import GraphDatabase
except ImportError:
    sys.exit(2)
with GraphDatabase.driver(f"bolt://127.0.0.1:{sys.argv[1]}", auth=None,
                          connection_timeout=3) as d:
    rec = d.execute_query("RETURN 1 AS one", database_="neo4j").records[0]
    sys.exit(0 if rec["one"] == 1 else 1)
EOF
}

start=$SECONDS
while :; do
  if ! kill -0 "$pid" 2>/dev/null; then
    say "Neo4j exited during start; last log lines:" >&2
    tail -n 40 "$LOG" >&2
    rm -f "$PIDFILE"
    exit 1
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    rc=0; bolt_query || rc=$?
    if [ "$rc" -eq 0 ]; then
      say "up (pid $pid) in $((SECONDS - start)) s: bolt://127.0.0.1:$PORT answers RETURN 1"
      exit 0
    elif [ "$rc" -eq 2 ]; then
      say "up (pid $pid) in $((SECONDS - start)) s: port open (no Python neo4j driver to run RETURN 1)"
      exit 0
    fi
  fi
  if [ $((SECONDS - start)) -ge "$TIMEOUT" ]; then
    say "Bolt did not answer within $TIMEOUT s; stopping pid $pid. Last log lines:" >&2
    tail -n 40 "$LOG" >&2
    "$HERE/down.sh" >&2 || true
    exit 1
  fi
  sleep 1
done
