package dev.zmqlog.transport;

import java.time.Duration;
import java.util.function.Supplier;

import dev.zmqlog.testing.ZeroMqCpu;
import dev.zmqlog.testing.WireFuzz;
import dev.zmqlog.testing.WireFuzzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw TCP peers speaking broken ZMTP to every kind of zmqlog socket of core, for a few
 * seconds each (longer with {@code -Dzmqlog.fuzz.seconds=N}, see README, "Security"):
 * after each case a good message arrives within a second and the JVM's CPU falls back to
 * idle within two.
 */
class WireFuzzTest {


	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.zmqlog.transport.WireTarget#kinds")
	void brokenZmtpCostsAtMostItsConnection(String name, Supplier<WireTarget> target, String peerType) {
		long seed = WireFuzz.seed();
		WireFuzzer fuzzer = new WireFuzzer(seed);
		try (WireTarget socket = target.get()) {
			socket.awaitJoined();
			int cases = WireFuzz.run(() -> {
				socket.attack(fuzzer.next(socket.mechanism(), peerType));
				String context = name + ", seed " + seed + ", case " + fuzzer.lastCase();
				assertThat(socket.delivers(Duration.ofSeconds(1))).as("a good message within 1 s: " + context).isTrue();
				assertThat(ZeroMqCpu.awaitIdle(Duration.ofSeconds(2))).as("idle within 2 s: " + context)
					.isLessThan(ZeroMqCpu.IDLE_CORES);
			});
			assertThat(cases).isPositive();
		}
	}

}
