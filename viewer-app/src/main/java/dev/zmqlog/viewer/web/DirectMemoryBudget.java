package dev.zmqlog.viewer.web;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * How much direct memory the stream's batches may leave the JVM holding before a batch
 * stays on the heap instead.
 * <p>
 * The JDK frees a direct buffer only once the collector has cleared its small heap object,
 * and one that was promoted (a batch a slow browser held for a while) waits for a
 * collection of the old generation. When the JVM's direct buffers reach
 * {@code -XX:MaxDirectMemorySize}, {@code ByteBuffer.allocateDirect} calls
 * {@code System.gc()} and sleeps up to about half a second, on the thread that asked: for
 * the stream that is the broadcaster, and every browser would wait. Below half that limit
 * a batch goes direct; above it, it stays in an array (the socket then copies it per
 * write, as for any array) until a collection has freed the old ones. The stream thus
 * costs a little more CPU for a while, and never stalls.
 */
final class DirectMemoryBudget {

	private final LongSupplier directBytesUsed;

	private final long budget;

	/**
	 * @param directBytesUsed the direct memory the JVM's buffers hold now
	 * @param budget the most they may hold after a batch's buffer is allocated
	 */
	DirectMemoryBudget(LongSupplier directBytesUsed, long budget) {
		this.directBytesUsed = directBytesUsed;
		this.budget = budget;
	}

	/** Half of this JVM's direct memory limit, counted by its {@code direct} buffer pool. */
	static DirectMemoryBudget ofThisJvm() {
		BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> "direct".equals(pool.getName()))
			.findFirst()
			.orElse(null);
		if (direct == null) {
			// not a JVM that says what it holds: no batch goes direct
			return new DirectMemoryBudget(() -> 0, 0);
		}
		return new DirectMemoryBudget(direct::getMemoryUsed, maxDirectMemory() / 2);
	}

	/** Whether a direct buffer of {@code bytes} may be allocated now. */
	boolean admits(int bytes) {
		return directBytesUsed() + bytes <= this.budget;
	}

	long directBytesUsed() {
		return this.directBytesUsed.getAsLong();
	}

	long budget() {
		return this.budget;
	}

	/** {@code -XX:MaxDirectMemorySize}, or the heap's limit, which the JDK takes when it is not set. */
	private static long maxDirectMemory() {
		try {
			HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			long configured = Long.parseLong(hotSpot.getVMOption("MaxDirectMemorySize").getValue());
			if (configured > 0) {
				return configured;
			}
		}
		catch (RuntimeException | LinkageError ex) {
			// not HotSpot, or a runtime without jdk.management: the JDK's default
		}
		return Runtime.getRuntime().maxMemory();
	}

}
