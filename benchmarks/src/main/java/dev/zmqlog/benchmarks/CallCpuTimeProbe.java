package dev.zmqlog.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The calling thread's CPU time per call, for one row of {@link LoggingCallBenchmark}: a
 * direction finder for a loaded machine, where JMH's wall-clock figures mostly measure the
 * other processes. CPU time leaves out the time a thread spends descheduled, but also the
 * time it spends parked on a lock, which flatters lock-based queues: the results are JMH's
 * figures taken on a quiet machine.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar dev.zmqlog.benchmarks.CallCpuTimeProbe ROW THREADS [PACE]}
 * with ROW one of {@code zmqlog async log4j2 noop empty}; run one JVM per row, as JMH does.
 */
public final class CallCpuTimeProbe {

	private static final int ROUNDS = 12;

	private static final int WARMUP_ROUNDS = 4;

	private static final int CALLS_PER_ROUND = 1_000_000;

	private static final String BLACKHOLE_CONSENT = "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

	private CallCpuTimeProbe() {
	}

	public static void main(String[] args) throws InterruptedException {
		LoggingCallBenchmark benchmark = new LoggingCallBenchmark();
		benchmark.appender = args[0];
		int threads = Integer.parseInt(args[1]);
		benchmark.pace = (args.length > 2) ? Long.parseLong(args[2]) : 0;
		benchmark.start(new Blackhole(BLACKHOLE_CONSENT));
		double[] nanosPerCall = measure(benchmark, threads);
		Arrays.sort(nanosPerCall);
		System.out.printf("%s, %d thread(s), pace %d: CPU ns per call min %.1f median %.1f%n", benchmark.appender,
				threads, benchmark.pace, nanosPerCall[0], nanosPerCall[nanosPerCall.length / 2]);
		benchmark.stop();
		System.exit(0);
	}

	/** Each thread's CPU time per call in each measured round. */
	private static double[] measure(LoggingCallBenchmark benchmark, int threads) throws InterruptedException {
		int measured = ROUNDS - WARMUP_ROUNDS;
		double[] nanosPerCall = new double[threads * measured];
		CyclicBarrier roundStart = new CyclicBarrier(threads);
		List<Thread> callers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int first = t * measured;
			Thread caller = new Thread(() -> callInRounds(benchmark, roundStart, nanosPerCall, first));
			caller.start();
			callers.add(caller);
		}
		for (Thread caller : callers) {
			caller.join();
		}
		return nanosPerCall;
	}

	private static void callInRounds(LoggingCallBenchmark benchmark, CyclicBarrier roundStart, double[] results,
			int first) {
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		LoggingCallBenchmark.Orders orders = new LoggingCallBenchmark.Orders();
		try {
			for (int round = 0; round < ROUNDS; round++) {
				roundStart.await();
				long start = cpu.getCurrentThreadCpuTime();
				for (int i = 0; i < CALLS_PER_ROUND; i++) {
					benchmark.oneThread(orders);
				}
				if (round >= WARMUP_ROUNDS) {
					results[first + round - WARMUP_ROUNDS] = (cpu.getCurrentThreadCpuTime() - start)
							/ (double) CALLS_PER_ROUND;
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
