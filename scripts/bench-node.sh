#!/usr/bin/env bash
# Benchmarks of the node: the full write path (in-process command to durable, applied, cosigned
# entry) on SQLite and PostgreSQL with 50 concurrent writers, each beside the engine's raw insert
# rate measured in the same run; and the demo's start-up time and memory. Writes the "node"
# section of docs/benchmarks.md. Takes about 3 minutes. Everything runs on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
DEMO_PID=
trap '[ -n "$DEMO_PID" ] && kill "$DEMO_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
DOC=docs/benchmarks.md
WRITERS=${WRITERS:-50}
SECONDS_EACH=${SECONDS_EACH:-20}
PORT=${PORT:-18765}
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== build" >&2
mvn -B -q -ntp -DskipTests -pl bench -am package

CP="bench/target/benchmarks.jar"
LOAD_BEFORE=$(load)
ROWS=()
for engine in sqlite postgresql; do
  echo "== write path on $engine" >&2
  ROWS+=("$(java -Xmx2g -cp "$CP" accord.bench.node.WritePath "$engine" "$WRITERS" "$SECONDS_EACH" 2>/dev/null | grep '^|')")
done
LOAD_AFTER=$(load)

echo "== demo start-up" >&2
start=$(date +%s%N)
java -jar app/target/accord.jar demo --data "$WORK/demo" --port "$PORT" >"$WORK/demo.out" 2>&1 &
DEMO_PID=$!
until curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; do
  sleep 0.05
  if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then echo "demo did not start" >&2; exit 1; fi
done
FIRST_MS=$(( ($(date +%s%N) - start) / 1000000 ))
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/session" -d '{"username":"pk.liaison","password":"accord-demo"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/accords/kabul-2025" >/dev/null
RSS_MB=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$DEMO_PID/status")
kill "$DEMO_PID"; wait "$DEMO_PID" 2>/dev/null || true; DEMO_PID=

mkdir -p docs
if [ -f "$DOC" ]; then
  awk '/^## / { skip = ($0 ~ /^## node *$/) } !skip' "$DOC" >"$WORK/rest"
else
  printf '# Benchmarks\n\n' >"$WORK/rest"
fi
{
  cat "$WORK/rest"
  cat <<TEXT
## node

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores,
$(java -version 2>&1 | head -1). Load average $LOAD_BEFORE before the write-path runs, $LOAD_AFTER after.

Reproduce: \`scripts/bench-node.sh\` (WRITERS=$WRITERS, SECONDS_EACH=$SECONDS_EACH).

Write path: $WRITERS threads each append a signed statement through the node (sign, check, group
commit with the entry, tree hashes, read model and checkpoint in one transaction, both parties'
witnesses cosigning) and wait for it before the next. Latency is from the call to the
acknowledgement. The raw rate inserts rows of the entries' size, in transactions of the batch size
the ledger reached, with the same durability, on the same engine, in the same run.
Target on SQLite: at least 5,000 entries/s, median latency under 20 ms.

| engine, writers | entries per second | median latency | 99th percentile | entries per commit | engine's raw inserts |
|---|---|---|---|---|---|
TEXT
  printf '%s\n' "${ROWS[@]}"
  cat <<TEXT

Demo: \`java -jar app/target/accord.jar demo\` on a fresh data folder answered \`/api/health\`
${FIRST_MS} ms after the JVM was started (creating keys, accords and history included); its
resident memory peaked at ${RSS_MB} MB after serving an accord page. Targets: under 3 s, under 300 MB.
TEXT
} >"$WORK/doc"
mv "$WORK/doc" "$DOC"
echo "wrote $DOC" >&2
