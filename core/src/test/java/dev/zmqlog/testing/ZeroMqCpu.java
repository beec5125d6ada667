package dev.zmqlog.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.DoubleSupplier;

/**
 * The CPU that ZeroMQ uses: a thread that spins shows as a whole core. In this JVM it is
 * the CPU time of JeroMQ's own threads (its I/O threads and reaper), so that whatever
 * else the test JVM does (compiling, collecting, other tests' threads winding down) does
 * not count; in a child process, the whole process's CPU time.
 */
public final class ZeroMqCpu {

	/** Below this many cores ZeroMQ counts as idle: a spinning thread takes a whole one. */
	public static final double IDLE_CORES = 0.35;

	private static final Duration WINDOW = Duration.ofMillis(250);

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private ZeroMqCpu() {
	}

	/** Cores JeroMQ's threads of this JVM used on average over a measuring window. */
	public static double zeroMqCoresOver(Duration window) {
		return coresOver(ZeroMqCpu::zeroMqCpuNanos, window);
	}

	/** Cores a child process used on average over a measuring window, from its CPU time. */
	public static double coresOver(ProcessHandle process, Duration window) {
		return coresOver(() -> process.info().totalCpuDuration().orElseThrow().toNanos(), window);
	}

	private static double coresOver(java.util.function.LongSupplier cpuNanos, Duration window) {
		long cpuBefore = cpuNanos.getAsLong();
		long before = System.nanoTime();
		// a measuring window, not a wait for a condition
		LockSupport.parkNanos(window.toNanos());
		return (cpuNanos.getAsLong() - cpuBefore) / (double) (System.nanoTime() - before);
	}

	private static long zeroMqCpuNanos() {
		long total = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && isZeroMq(thread.getThreadName())) {
				total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return total;
	}

	private static boolean isZeroMq(String name) {
		return name.startsWith("iothread-") || name.startsWith("reaper-");
	}

	/**
	 * Measures JeroMQ's threads of this JVM window after window until one shows them idle.
	 * @param within how long it may take
	 * @return the cores used in the idle window, or the fewest seen if none was idle
	 */
	public static double awaitIdle(Duration within) {
		return awaitIdle(() -> zeroMqCoresOver(WINDOW), within);
	}

	/** Measures a child process window after window until one shows it idle. */
	public static double awaitIdle(ProcessHandle process, Duration within) {
		return awaitIdle(() -> coresOver(process, WINDOW), within);
	}

	private static double awaitIdle(DoubleSupplier cores, Duration within) {
		long end = System.nanoTime() + within.toNanos();
		double fewest = Double.MAX_VALUE;
		do {
			fewest = Math.min(fewest, cores.getAsDouble());
		}
		while (fewest >= IDLE_CORES && System.nanoTime() + WINDOW.toNanos() <= end);
		return fewest;
	}

}
