#!/usr/bin/env bash
# Bytes on the wire (gzip, as a browser asks) of each page of the demo and of the assets it loads,
# first visit and repeat visit (assets cached for good, so a repeat visit fetches only the page).
# Writes the "pages" section of docs/benchmarks.md. Runs a demo on 127.0.0.1 and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PORT=${PORT:-18766}
DOC=docs/benchmarks.md
B="http://127.0.0.1:$PORT"
[ -f app/target/accord.jar ] || mvn -B -q -ntp -DskipTests -pl app -am package
java -jar app/target/accord.jar demo --data "$WORK/demo" --port "$PORT" >"$WORK/demo.out" 2>&1 &
PID=$!
until curl -fs "$B/api/health" >/dev/null 2>&1; do sleep 0.1; done
C=(curl -s --compressed -b "$WORK/jar" -c "$WORK/jar")
"${C[@]}" "$B/login" -o "$WORK/login.html"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | head -1 | sed 's/.*value="//;s/"$//')
"${C[@]}" -o /dev/null -X POST "$B/login" --data-urlencode "_csrf=$CSRF" -d username=pk.liaison -d password=accord-demo
wire() { curl -s -o /dev/null -H 'Accept-Encoding: gzip' -b "$WORK/jar" -w '%{size_download}' "$1"; }
ROWS=()
for page in "/login" "/" "/accords/kabul-2025" "/accords/kabul-2025/entries" "/accords/kabul-2025/entries/3"; do
  for lang in en ur; do
    url="$B$page?lang=$lang"
    html=$(wire "$url")
    assets=0
    # Assets the page links, and those its stylesheets link in turn (the fonts).
    links=$(curl -s -b "$WORK/jar" "$url" | grep -o '/assets/[^"]*' | sort -u)
    nested=$(for a in $links; do case "$a" in *.css) curl -s "$B$a" | grep -o '/assets/[^)"]*' ;; esac; done | sort -u)
    for a in $(printf '%s\n' $links $nested | sort -u); do
      assets=$((assets + $(wire "$B$a")))
    done
    ROWS+=("| \`$page\` ($lang) | $html | $assets | $((html + assets)) | $html |")
  done
done
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
if [ -f "$DOC" ]; then awk '/^## / { skip = ($0 ~ /^## pages *$/) } !skip' "$DOC" >"$WORK/rest"; else printf '# Benchmarks\n\n' >"$WORK/rest"; fi
{
  cat "$WORK/rest"
  cat <<TEXT
## pages

Measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`scripts/page-weight.sh\`: bytes on the wire with gzip, signed in as
a liaison officer, for the page itself and for the styles, scripts and fonts it links (all four font
files are counted, though a browser fetches only those its language's text needs). Assets carry
their content hash in their names and are cached for a year, so a repeat visit costs only the page.

| page | page bytes | asset bytes (first visit) | first visit | repeat visit |
|---|---|---|---|---|
TEXT
  printf '%s\n' "${ROWS[@]}"
} >"$WORK/doc"
mv "$WORK/doc" "$DOC"
echo "wrote $DOC" >&2
