package dev.zmqlog.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.zmqlog.testing.ZeroMqCpu;
import dev.zmqlog.testing.Zmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.zmqlog.testing.Zmtp.COMMAND;
import static dev.zmqlog.testing.Zmtp.LARGE;
import static dev.zmqlog.testing.Zmtp.MORE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of issue 10, which froze JeroMQ 0.6.0's I/O thread for good, and their
 * variants, against every kind of zmqlog socket: afterwards a good message arrives within
 * a second and the JVM's CPU falls back to idle within two.
 * Without the fix the socket stops for good and closing it hangs: the time-out fails the
 * test instead.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileFrameSizeTest {

	private static final long TOP_BIT = Long.MIN_VALUE;

	private static final long ALL_ONES = -1L;


	/** The cases by name; each starts with a greeting of the target's mechanism. */
	private static Map<String, byte[]> cases(String mechanism, String peerType) {
		byte[] greeting = Zmtp.greeting(mechanism, false);
		byte[] ready = "NULL".equals(mechanism) ? Zmtp.ready(peerType) : new byte[0];
		Map<String, byte[]> cases = new LinkedHashMap<>();
		cases.put("size all ones in the handshake", Zmtp.concat(greeting, Zmtp.header(LARGE, ALL_ONES)));
		cases.put("size 2^63 in the handshake", Zmtp.concat(greeting, Zmtp.header(LARGE, TOP_BIT)));
		cases.put("command, size all ones", Zmtp.concat(greeting, Zmtp.header(LARGE | COMMAND, ALL_ONES)));
		cases.put("command, size 2^63", Zmtp.concat(greeting, Zmtp.header(LARGE | COMMAND, TOP_BIT)));
		cases.put("size all ones after READY", Zmtp.concat(greeting, ready, Zmtp.header(LARGE, ALL_ONES)));
		cases.put("size 2^63 after READY", Zmtp.concat(greeting, ready, Zmtp.header(LARGE | MORE, TOP_BIT),
				Zmtp.header(LARGE, TOP_BIT | 0x7FFF_FFFFL)));
		cases.put("command, size all ones, after READY",
				Zmtp.concat(greeting, ready, Zmtp.header(LARGE | COMMAND, ALL_ONES)));
		return cases;
	}

	@Test
	void theSeventyThreeBytesOfTheIssueAreTheCaseVerbatim() {
		byte[] bytes = Zmtp.frozeJeroMq();
		assertThat(bytes).hasSize(73);
		assertThat(bytes[64]).isEqualTo((byte) 0x02);
		assertThat(java.util.Arrays.copyOfRange(bytes, 65, 73)).containsOnly((byte) 0xFF);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.zmqlog.transport.WireTarget#kinds")
	void seventyThreeBytesNoLongerFreezeTheSocket(String name, Supplier<WireTarget> target, String peerType) {
		try (WireTarget socket = target.get()) {
			socket.awaitJoined();
			long refusedBefore = socket.refusals().total();
			socket.attack(Zmtp.concat(Zmtp.greeting(socket.mechanism(), false), Zmtp.header(LARGE, ALL_ONES)));
			assertThat(socket.delivers(Duration.ofSeconds(1))).as("a good message within 1 s").isTrue();
			assertThat(ZeroMqCpu.awaitIdle(Duration.ofSeconds(2))).as("idle within 2 s").isLessThan(ZeroMqCpu.IDLE_CORES);
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> socket.refusals().total() > refusedBefore);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.zmqlog.transport.WireTarget#kinds")
	void everyVariantCostsAtMostItsConnection(String name, Supplier<WireTarget> target, String peerType) {
		try (WireTarget socket = target.get()) {
			socket.awaitJoined();
			cases(socket.mechanism(), peerType).forEach((variant, bytes) -> {
				socket.attack(bytes);
				assertThat(socket.delivers(Duration.ofSeconds(1))).as("a good message within 1 s after " + variant)
					.isTrue();
				assertThat(ZeroMqCpu.awaitIdle(Duration.ofSeconds(2))).as("idle after " + variant)
					.isLessThan(ZeroMqCpu.IDLE_CORES);
			});
		}
	}

}
