package dev.zmqlog.viewer.ingest;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import dev.zmqlog.transport.PeerRefusals;
import dev.zmqlog.transport.ShedMessages;
import dev.zmqlog.viewer.history.TableText;

/**
 * What arrived: entries, rejected messages by reason, malformed ones shown raw, the recent
 * rate, the peers the subscriber refused and the messages its full receive queue dropped.
 */
public final class IngestStats {

	private static final int RATE_WINDOW_SECONDS = 5;

	/** Reasons beyond this many are counted together: a bounded table whatever the decoder says. */
	static final int MAX_REASONS = 32;

	static final String OTHER_REASONS = "(other reasons)";

	private final Clock clock;

	private final LongAdder received = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder raw = new LongAdder();

	private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();

	/** Entries per second, in slots by epoch second modulo the slot count. */
	private final AtomicLongArray perSecond = new AtomicLongArray(RATE_WINDOW_SECONDS + 2);

	private final AtomicLongArray slotSecond = new AtomicLongArray(RATE_WINDOW_SECONDS + 2);

	private volatile String lastRejection = "";

	private final PeerRefusals peerRefusals = new PeerRefusals("Subscriber");

	private final ShedMessages shedMessages = new ShedMessages("Subscriber");

	public IngestStats(Clock clock) {
		this.clock = clock;
	}

	void countReceived(boolean raw) {
		this.received.increment();
		if (raw) {
			this.raw.increment();
		}
		long second = this.clock.millis() / 1000;
		int slot = (int) (second % this.perSecond.length());
		if (this.slotSecond.get(slot) != second) {
			this.slotSecond.set(slot, second);
			this.perSecond.set(slot, 0);
		}
		this.perSecond.incrementAndGet(slot);
	}

	void countRejected(String reason) {
		this.rejected.increment();
		String key = TableText.cut(reason);
		this.lastRejection = key;
		LongAdder count = this.rejectedByReason.get(key);
		if (count == null) {
			count = this.rejectedByReason.computeIfAbsent(
					(this.rejectedByReason.size() < MAX_REASONS) ? key : OTHER_REASONS, (absent) -> new LongAdder());
		}
		count.increment();
	}

	public long received() {
		return this.received.sum();
	}

	public long rejected() {
		return this.rejected.sum();
	}

	public long raw() {
		return this.raw.sum();
	}

	/** The peers the subscriber refused (malformed ZMTP, oversized, CURVE refused), by reason. */
	public PeerRefusals peerRefusals() {
		return this.peerRefusals;
	}

	/** Messages the subscriber's receive queue dropped whole: it held {@code receive-buffer} bytes. */
	public ShedMessages shedMessages() {
		return this.shedMessages;
	}

	/** Rejected messages by reason, reasons cut to {@value TableText#MAX_CHARS} characters. */
	public Map<String, Long> rejectedByReason() {
		Map<String, Long> counts = new TreeMap<>();
		this.rejectedByReason.forEach((reason, count) -> counts.put(reason, count.sum()));
		return counts;
	}

	public String lastRejection() {
		return this.lastRejection;
	}

	/** Entries per second over the last complete seconds. */
	public double rate() {
		long now = this.clock.millis() / 1000;
		long total = 0;
		for (int i = 1; i <= RATE_WINDOW_SECONDS; i++) {
			long second = now - i;
			int slot = (int) (second % this.perSecond.length());
			if (this.slotSecond.get(slot) == second) {
				total += this.perSecond.get(slot);
			}
		}
		return total / (double) RATE_WINDOW_SECONDS;
	}

}
