package dev.zmqlog.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.sun.management.OperatingSystemMXBean;

import static org.awaitility.Awaitility.await;

/**
 * The CPU this JVM uses, from the operating system's count of its CPU time: a thread that
 * spins shows as a whole core.
 */
public final class ProcessCpu {

	/** Below this many cores the JVM counts as idle: a spinning thread takes a whole one. */
	public static final double IDLE_CORES = 0.35;

	private static final Duration WINDOW = Duration.ofMillis(250);

	private static final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private ProcessCpu() {
	}

	/** Cores used on average over a measuring window. */
	public static double coresOver(Duration window) {
		long cpuBefore = os.getProcessCpuTime();
		long before = System.nanoTime();
		// a measuring window, not a wait for a condition
		LockSupport.parkNanos(window.toNanos());
		long cpu = os.getProcessCpuTime() - cpuBefore;
		return cpu / (double) (System.nanoTime() - before);
	}

	/** Cores a child process used on average over a measuring window, from its CPU time. */
	public static double coresOver(ProcessHandle process, Duration window) {
		long cpuBefore = cpuNanos(process);
		long before = System.nanoTime();
		LockSupport.parkNanos(window.toNanos());
		return (cpuNanos(process) - cpuBefore) / (double) (System.nanoTime() - before);
	}

	private static long cpuNanos(ProcessHandle process) {
		return process.info().totalCpuDuration().orElseThrow().toNanos();
	}

	/**
	 * Waits until one measuring window shows the JVM idle.
	 * @param within how long it may take
	 * @return the cores used in the idle window
	 */
	public static double awaitIdle(Duration within) {
		return awaitIdle(() -> coresOver(WINDOW), within);
	}

	/** Waits until one measuring window shows a child process idle. */
	public static double awaitIdle(ProcessHandle process, Duration within) {
		return awaitIdle(() -> coresOver(process, WINDOW), within);
	}

	private static double awaitIdle(java.util.function.DoubleSupplier cores, Duration within) {
		double[] last = new double[1];
		await().atMost(within.toMillis(), TimeUnit.MILLISECONDS)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(1))
			.until(() -> {
				last[0] = cores.getAsDouble();
				return last[0] < IDLE_CORES;
			});
		return last[0];
	}

}
