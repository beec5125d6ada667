package dev.zmqlog.benchmarks.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine spent busy, from Linux's {@code /proc/stat}: with the
 * viewer's and the harness's own CPU time it shows what else ran meanwhile. Zero where
 * there is no {@code /proc/stat}.
 */
final class MachineCpu {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	/** Clock ticks per second of {@code /proc/stat} on Linux ({@code USER_HZ}). */
	private static final double TICKS_PER_SECOND = 100;

	private MachineCpu() {
	}

	/** Seconds of CPU time all cores spent busy since boot. */
	static double busySeconds() {
		try {
			String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
			long busy = 0;
			// cpu user nice system idle iowait irq softirq steal ...
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[i]);
			}
			return busy / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** The load average over the last minute, as the machine reports it. */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

}
