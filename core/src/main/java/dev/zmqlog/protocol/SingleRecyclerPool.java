package dev.zmqlog.protocol;

import java.io.Serial;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * Keeps one set of a parser's buffers for the next parser. A receiver decodes its
 * messages one after another on one thread, so one set is all it ever reuses; a parser
 * made while another holds the set gets buffers of its own. Jackson's default pool (a
 * concurrent deque) allocates a node per release, and its thread-local pool cost the
 * viewer 8 % of its time in {@code ThreadLocalMap} probes; this one is one atomic swap
 * per parser. Thread-safe.
 */
final class SingleRecyclerPool implements RecyclerPool<BufferRecycler> {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AtomicReference<@Nullable BufferRecycler> idle = new AtomicReference<>();

	@Override
	public BufferRecycler acquirePooled() {
		BufferRecycler recycler = this.idle.getAndSet(null);
		return (recycler != null) ? recycler : new BufferRecycler();
	}

	@Override
	public void releasePooled(BufferRecycler recycler) {
		this.idle.set(recycler);
	}

}
