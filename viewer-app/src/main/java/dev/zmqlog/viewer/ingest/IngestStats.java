package dev.zmqlog.viewer.ingest;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import dev.zmqlog.transport.PeerRefusals;

/**
 * What arrived: entries, rejected messages, malformed ones shown raw, the recent rate, and
 * the peers the subscriber refused.
 */
public final class IngestStats {

	private static final int RATE_WINDOW_SECONDS = 5;

	private final LongAdder received = new LongAdder();

	private final LongAdder rejected = new LongAdder();

	private final LongAdder raw = new LongAdder();

	/** Entries per second, in slots by epoch second modulo the slot count. */
	private final AtomicLongArray perSecond = new AtomicLongArray(RATE_WINDOW_SECONDS + 2);

	private final AtomicLongArray slotSecond = new AtomicLongArray(RATE_WINDOW_SECONDS + 2);

	private volatile String lastRejection = "";

	private final PeerRefusals peerRefusals = new PeerRefusals("Subscriber");

	void countReceived(boolean raw) {
		this.received.increment();
		if (raw) {
			this.raw.increment();
		}
		long second = System.currentTimeMillis() / 1000;
		int slot = (int) (second % this.perSecond.length());
		if (this.slotSecond.get(slot) != second) {
			this.slotSecond.set(slot, second);
			this.perSecond.set(slot, 0);
		}
		this.perSecond.incrementAndGet(slot);
	}

	void countRejected(String reason) {
		this.rejected.increment();
		this.lastRejection = reason;
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

	public String lastRejection() {
		return this.lastRejection;
	}

	/** Entries per second over the last complete seconds. */
	public double rate() {
		long now = System.currentTimeMillis() / 1000;
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
