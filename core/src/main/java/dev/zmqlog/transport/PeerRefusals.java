package dev.zmqlog.transport;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the peers a socket refused, by reason, and reports each one once per peer
 * address and reason, so that a storm of hostile connections is counted in full but
 * cannot flood the log: at most {@value #LINES_PER_WINDOW} lines a minute, and a peer
 * that comes back within the minute is counted only. Thread-safe.
 */
public final class PeerRefusals {

	private static final Logger logger = LoggerFactory.getLogger(PeerRefusals.class);

	static final int LINES_PER_WINDOW = 10;

	static final Duration WINDOW = Duration.ofMinutes(1);

	/** Peers remembered for the once-per-peer rule; beyond that the oldest are forgotten. */
	private static final int REMEMBERED_PEERS = 1_000;

	/** The publishers of a JVM share one count: the appender's meters read it without a socket at hand. */
	private static final PeerRefusals PUBLISHERS = new PeerRefusals("zmqlog publisher");

	private final Map<RefusalReason, LongAdder> counts = new EnumMap<>(RefusalReason.class);

	/** When each peer and reason was last reported, oldest first. */
	private final LinkedHashMap<String, Long> lastReported = new LinkedHashMap<>(16, 0.75f, true);

	private final Clock clock;

	private final Consumer<String> reporter;

	private long windowStart;

	private int linesInWindow;

	private long unreported;

	/**
	 * Refusals of one socket (or tool), reported as warnings of this class's logger.
	 * @param role what the socket is, for the report (e.g. {@code "viewer subscriber"})
	 */
	public PeerRefusals(String role) {
		this(Clock.systemUTC(), (line) -> logger.warn("{}: {}", role, line));
	}

	/**
	 * Refusals reported to the given consumer.
	 * @param clock the time source of the rate limit
	 * @param reporter receives each report line
	 */
	public PeerRefusals(Clock clock, Consumer<String> reporter) {
		this.clock = clock;
		this.reporter = reporter;
		this.windowStart = clock.millis() - WINDOW.toMillis();
		for (RefusalReason reason : RefusalReason.values()) {
			this.counts.put(reason, new LongAdder());
		}
	}

	/** The peers refused by every publishing socket of this JVM. */
	public static PeerRefusals publishers() {
		return PUBLISHERS;
	}

	/**
	 * Counts a refused peer and reports it unless it was reported lately.
	 * @param peer the peer's address, e.g. {@code 10.0.0.7:51234}
	 * @param reason why it was refused
	 */
	public void refuse(String peer, RefusalReason reason) {
		this.counts.get(reason).increment();
		String line = admit(peer, reason);
		if (line != null) {
			this.reporter.accept(line);
		}
	}

	private synchronized String admit(String peer, RefusalReason reason) {
		long now = this.clock.millis();
		String key = host(peer) + ' ' + reason;
		Long last = this.lastReported.get(key);
		if (last != null && now - last < WINDOW.toMillis()) {
			this.unreported++;
			return null;
		}
		if (now - this.windowStart >= WINDOW.toMillis()) {
			this.windowStart = now;
			this.linesInWindow = 0;
		}
		if (this.linesInWindow >= LINES_PER_WINDOW) {
			this.unreported++;
			return null;
		}
		this.linesInWindow++;
		this.lastReported.put(key, now);
		if (this.lastReported.size() > REMEMBERED_PEERS) {
			this.lastReported.remove(this.lastReported.keySet().iterator().next());
		}
		String line = "refused peer " + peer + ": " + reason.description();
		if (this.unreported > 0) {
			line += " (" + this.unreported + " more refusals not reported since the last line; see the counters)";
			this.unreported = 0;
		}
		return line;
	}

	/** A peer's host without its port: a reconnecting peer has a new port each time. */
	private static String host(String peer) {
		int colon = peer.lastIndexOf(':');
		return (colon > 0) ? peer.substring(0, colon) : peer;
	}

	/** How many peers were refused for a reason. */
	public long count(RefusalReason reason) {
		return this.counts.get(reason).sum();
	}

	/** Refused peers by reason key ({@link RefusalReason#key()}), only the reasons that occurred. */
	public Map<String, Long> byReason() {
		Map<String, Long> result = new LinkedHashMap<>();
		this.counts.forEach((reason, count) -> {
			long sum = count.sum();
			if (sum > 0) {
				result.put(reason.key(), sum);
			}
		});
		return result;
	}

	/** Refused peers, all reasons together. */
	public long total() {
		return this.counts.values().stream().mapToLong(LongAdder::sum).sum();
	}

}
