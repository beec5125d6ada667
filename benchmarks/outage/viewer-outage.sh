#!/usr/bin/env bash
# A viewer outage under load (issue 14): every event that did not arrive is in `dropped`.
#
# A json publisher (core's PacedLogMain, awaitResubscribe 30s) logs RATE events/s for
# DURATION s. Viewer 1 receives for BEFORE s, is stopped with SIGTERM, and OUTAGE s after
# that a fresh viewer 2 starts and receives until the publisher has stopped. Then:
#
#   N = logged, P = published, D = dropped (the publisher's own counts, printed at exit)
#   viewer i: Ri entries received, Fi / Li its first / last seq, losti its gaps in seq
#
#   publisher:  P + D = N
#   must-show:  N = R1 + R2 + D          (every event no viewer got is counted in dropped)
#   where:      (F1-1) + lost1 + (F2-1-L1) + lost2 + (N-L2) = D
#               the seq numbers missing at the viewers are exactly the dropped ones; here
#               all of them lie in the outage gap F2-1-L1 (F1 = 1, lost1 = lost2 = 0, L2 = N).
#
# Viewer 2's own `lost` does not show the outage: a fresh viewer counts gaps after the first
# seq it receives, and the outage lies before it. Viewer 1's final R1, F1, L1 come from its
# relay (zmq.log.viewer.relay=true: one console line per entry taken in, kept after it exits),
# since it goes on receiving after its /api/sources was last read. See BENCHMARKS.md,
# "Viewer outage: every loss counted (issue 14)": on 2026-12-05 the identity missed by
# U = N - R1 - R2 - D = 10 events (SIGTERM, twice; 64 with SIGKILL), events published (in P)
# to viewer 1 while it was going away, received by neither viewer, and counted nowhere.
#
# Builds nothing. Build first (never `install`):
#   ./mvnw -o -q -pl core,viewer-app -am package -DskipTests
# Needs java, curl, jq, python3 (free ports). Exit status 0 when both identities hold.
# Settings from the environment: RATE (1000), DURATION (70), BEFORE (10), OUTAGE (40),
# AWAIT_RESUBSCRIBE (30s, the appender's setting, the configuration's default),
# SIGNAL (TERM: how viewer 1 is stopped; KILL for a viewer that dies without closing),
# WORK (a new /tmp/viewer-outage.* directory: logs and JSON snapshots are kept there).
set -euo pipefail

cd "$(dirname "$0")/../.."
RATE=${RATE:-1000}
DURATION=${DURATION:-70}
BEFORE=${BEFORE:-10}
OUTAGE=${OUTAGE:-40}
AWAIT_RESUBSCRIBE=${AWAIT_RESUBSCRIBE:-30s}
SIGNAL=${SIGNAL:-TERM}
WORK=${WORK:-$(mktemp -d /tmp/viewer-outage.XXXXXX)}
mkdir -p "$WORK"

JAR=$(ls viewer-app/target/zmqlog-viewer.jar 2>/dev/null || true)
FIXTURE=core/target/test-classes/dev/zmqlog/interop/fixtures/PacedLogMain.class
if [[ -z "$JAR" || ! -f "$FIXTURE" ]]; then
	echo "build first: ./mvnw -o -q -pl core,viewer-app -am package -DskipTests" >&2
	exit 2
fi
CONFIG=core/src/test/resources/interop/json-paced-logback.xml

log() { echo "[$(date -u +%H:%M:%S)] $*"; }

PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
}
trap cleanup EXIT

# the dependency plugin only resolves what the build already fetched: nothing is built
./mvnw -o -q -pl core dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="core/target/classes:core/target/test-classes:$(cat "$WORK/classpath.txt")"

read -r PORT HTTP1 HTTP2 < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])
for x in s: x.close()')

log "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
log "publisher tcp://127.0.0.1:$PORT, viewers on http ports $HTTP1 and $HTTP2, work dir $WORK"

start_viewer() { # http port, log file
	java -jar "$JAR" --server.port="$1" --zmq.log.viewer.endpoints="tcp://127.0.0.1:$PORT" \
		--zmq.log.viewer.relay=true >"$2" 2>&1 &
	LAST_PID=$!
	PIDS+=("$LAST_PID")
}

await_receiving() { # http port, pid
	for _ in $(seq 1 600); do
		if ! kill -0 "$2" 2>/dev/null; then
			echo "viewer on $1 exited" >&2
			return 1
		fi
		if [[ "$(curl -s "http://127.0.0.1:$1/api/stats" | jq -r '.subscriber.receiving' 2>/dev/null)" == true ]]; then
			return 0
		fi
		sleep 0.5
	done
	echo "viewer on $1 never started" >&2
	return 1
}

row() { # http port: the publisher's /api/sources row
	curl -s "http://127.0.0.1:$1/api/sources" | jq -c '[.[] | select(.app == "paced")][0] // {received: 0, lost: 0}'
}

# one line per relayed event: count, first, last, gaps, repeats
relayed() {
	awk 'match($0, /: event [0-9]+$/) {
		n = substr($0, RSTART + 8) + 0; c++
		if (c == 1) first = n
		else if (n <= last) rep++
		else if (n > last + 1) gaps += n - last - 1
		if (n > last) last = n
	} END { print c + 0, first + 0, last + 0, gaps + 0, rep + 0 }' "$1"
}

start_viewer "$HTTP1" "$WORK/viewer1.log"
V1=$LAST_PID
await_receiving "$HTTP1" "$V1"
log "viewer 1 (pid $V1) subscribed"

java -cp "$CP" -Dport="$PORT" -DawaitResubscribe="$AWAIT_RESUBSCRIBE" -Dlogback.configurationFile="$CONFIG" \
	dev.zmqlog.interop.fixtures.PacedLogMain "$RATE" "$DURATION" >"$WORK/publisher.log" 2>&1 &
PUB=$!
PIDS+=("$PUB")
log "publisher (pid $PUB): $RATE events/s for $DURATION s"

for _ in $(seq 1 600); do
	[[ "$(row "$HTTP1" | jq '.received')" -gt 0 ]] && break
	sleep 0.1
done
log "viewer 1 receives; stopping it in $BEFORE s"
sleep "$BEFORE"

curl -s "http://127.0.0.1:$HTTP1/api/sources" >"$WORK/viewer1-sources.json"
kill -"$SIGNAL" "$V1"
SNAP1=$(jq -c '[.[] | select(.app == "paced")][0] // {received: 0, lost: 0}' "$WORK/viewer1-sources.json")
log "SIG$SIGNAL to viewer 1; its row just before: $SNAP1"
wait "$V1" || true
log "viewer 1 exited; outage of $OUTAGE s from the signal"
sleep "$OUTAGE"

start_viewer "$HTTP2" "$WORK/viewer2.log"
V2=$LAST_PID
await_receiving "$HTTP2" "$V2"
log "viewer 2 (pid $V2) subscribed"

wait "$PUB" || true
log "publisher: $(tail -n 1 "$WORK/publisher.log")"
# let viewer 2 take in what the publisher sent last
previous=-1
for _ in $(seq 1 60); do
	now=$(row "$HTTP2" | jq '.received')
	[[ "$now" == "$previous" ]] && break
	previous=$now
	sleep 1
done
curl -s "http://127.0.0.1:$HTTP2/api/sources" >"$WORK/viewer2-sources.json"
curl -s "http://127.0.0.1:$HTTP2/api/entries?limit=1" >"$WORK/viewer2-last.json"
ROW2=$(row "$HTTP2")
kill -TERM "$V2"
wait "$V2" || true
log "machine after: $(uptime | sed 's/.*load/load/')"

read -r N P D < <(sed -n 's/^PacedLogMain: logged \([0-9]*\) published \([0-9]*\) dropped \([0-9]*\)$/\1 \2 \3/p' \
	"$WORK/publisher.log") || true
if [[ -z "${N:-}" ]]; then
	echo "the publisher printed no counts: see $WORK/publisher.log" >&2
	exit 2
fi
read -r C1 F1 L1 GAPS1 REP1 < <(relayed "$WORK/viewer1.log")
read -r C2 F2 L2 GAPS2 REP2 < <(relayed "$WORK/viewer2.log")
R1SNAP=$(jq '.received' <<<"$SNAP1")
LOST1SNAP=$(jq '.lost' <<<"$SNAP1")
R2=$(jq '.received' <<<"$ROW2")
LOST2=$(jq '.lost' <<<"$ROW2")
LASTSEQ2=$(jq '.[-1].seq' "$WORK/viewer2-last.json")
LASTMSG2=$(jq -r '.[-1].message' "$WORK/viewer2-last.json")

# viewer 1's final counts come from its relay (every entry it took in, up to its exit):
# /api/sources cannot be read after the SIGTERM, and it keeps receiving until its socket closes
R1=$C1
LOST1=$GAPS1
GAP=$((F2 - 1 - L1))
MISSING=$(((F1 - 1) + LOST1 + GAP + LOST2 + (N - L2)))
UNCOUNTED=$((N - R1 - R2 - D))

echo
echo "publisher: logged N=$N published P=$P dropped D=$D"
echo "viewer 1:  /api/sources just before SIG$SIGNAL received=$R1SNAP lost=$LOST1SNAP;" \
	"at exit (relay) received=$R1 seq $F1..$L1 lost=$LOST1 repeats=$REP1"
echo "viewer 2:  /api/sources received=$R2 lost=$LOST2; relay received=$C2 seq $F2..$L2 repeats=$REP2;" \
	"last entry seq=$LASTSEQ2 \"$LASTMSG2\""
echo "outage gap at the viewers: seq $((L1 + 1))..$((F2 - 1)) = $GAP events (~$((GAP / RATE)) s at $RATE/s)"

ok=true
check() { # description, condition
	if (( $2 )); then echo "  holds: $1"; else echo "  FAILS: $1"; ok=false; fi
}
echo "checks:"
check "P + D = N: $P + $D = $N" "P + D == N"
check "N = R1 + R2 + D: $N = $R1 + $R2 + $D (N - R1 - R2 - D = $UNCOUNTED)" "UNCOUNTED == 0"
check "missing seq (F1-1)+lost1+(F2-1-L1)+lost2+(N-L2) = D: $((F1 - 1))+$LOST1+$GAP+$LOST2+$((N - L2)) = $MISSING vs $D" \
	"MISSING == D"
check "viewer 2's relay and /api/sources agree: $C2 = $R2" "C2 == R2"
check "seq = event number: $LASTSEQ2 = \"$LASTMSG2\"" "LASTSEQ2 == ${LASTMSG2#event }"
check "no repeated seq at either viewer: $REP1 + $REP2 = 0" "REP1 + REP2 == 0"
echo
if $ok; then
	echo "VERDICT: HOLDS: logged $N = received $R1 + $R2 + dropped $D; the outage gap of $GAP seq numbers at the viewers is the dropped count"
	exit 0
fi
echo "VERDICT: FAILS: logged $N, received $R1 + $R2, dropped $D: $UNCOUNTED events received by neither viewer are not in dropped; outage gap $GAP vs dropped $D (logs in $WORK)"
exit 1
