package dev.zmqlog.logback;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.protocol.MessageDecoder;
import dev.zmqlog.protocol.PayloadFormat;
import dev.zmqlog.protocol.Source;
import dev.zmqlog.transport.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The encoder reuses its text builder, JSON generator and buffer from event to event:
 * each payload must still be whole and independent of the ones before it.
 */
class EventEncoderTest {

	private final LoggerContext context = new LoggerContext();

	private final Logger logger = this.context.getLogger("com.example.orders.OrderService");

	private final LevelLayouts layouts = new LevelLayouts(this.context, ZmqLogAppender.DEFAULT_FORMAT, Map.of());

	EventEncoderTest() {
		this.context.setMDCAdapter(MDC.getMDCAdapter());
	}

	@AfterEach
	void tearDown() {
		this.layouts.stop();
		this.context.stop();
	}

	private EventEncoder encoder(PayloadFormat payload) {
		return new EventEncoder("shop", new SubtopicResolver("::", null), this.layouts, payload,
				new Source("shop", "host", 42L, "abcd1234"));
	}

	private LoggingEvent event(String message, Object... arguments) {
		return new LoggingEvent(Logger.class.getName(), this.logger, Level.INFO, message, null, arguments);
	}

	@Test
	void textPayloadsFollowOneAnotherWithoutLeftovers() {
		EventEncoder encoder = encoder(PayloadFormat.TEXT);
		WireMessage longer = encoder.encode(event("a rather longer message, café {}", "😀"), 1);
		WireMessage shorter = encoder.encode(event("short"), 2);
		assertThat(text(longer.payload())).isEqualTo("com.example.orders.OrderService > a rather longer message, café 😀");
		assertThat(text(shorter.payload())).isEqualTo("com.example.orders.OrderService > short");
		assertThat(text(shorter.topic())).isEqualTo("shop.INFO");
	}

	@Test
	void aHugeEventIsEncodedWholeAndTheNextOneStillFits() {
		EventEncoder encoder = encoder(PayloadFormat.TEXT);
		String huge = "x".repeat(200_000);
		String prefix = "com.example.orders.OrderService > ";
		assertThat(encoder.encode(event(huge), 1).payload()).hasSize(prefix.length() + huge.length());
		assertThat(text(encoder.encode(event("small"), 2).payload())).endsWith("> small");
	}

	@Test
	void jsonPayloadsAreEachOneWholeRecord() {
		EventEncoder encoder = encoder(PayloadFormat.JSON);
		LogEntry first = decode(encoder.encode(event("Order {} placed", 1), 1));
		WireMessage second = encoder.encode(event("Order {} placed", 2), 2);
		assertThat(first.formatted()).isEqualTo("com.example.orders.OrderService > Order 1 placed");
		assertThat(first.seq()).isEqualTo(1L);
		assertThat(text(second.payload())).startsWith("{").endsWith("}");
		assertThat(decode(second).seq()).isEqualTo(2L);
		assertThat(decode(second).message()).isEqualTo("Order 2 placed");
	}

	@Test
	void jsonRecordAfterAFailedOneIsWhole() {
		EventEncoder encoder = encoder(PayloadFormat.JSON);
		LoggingEvent failing = event("fails half-way");
		failing.setMDCPropertyMap(new HashMap<>(Map.of("user", "ada")) {
			@Override
			public Set<Map.Entry<String, String>> entrySet() {
				throw new IllegalStateException("MDC went away");
			}
		});
		assertThatIllegalStateException().isThrownBy(() -> encoder.encode(failing, 1));
		LogEntry next = decode(encoder.encode(event("next"), 2));
		assertThat(next.message()).isEqualTo("next");
		assertThat(next.seq()).isEqualTo(2L);
	}

	@Test
	void jsonExceptionTextHasNoTrailingWhiteSpace() {
		EventEncoder encoder = encoder(PayloadFormat.JSON);
		LoggingEvent failed = new LoggingEvent(Logger.class.getName(), this.logger, Level.ERROR, "failed",
				new IllegalStateException("outer", new IllegalArgumentException("inner")), null);
		String payload = text(encoder.encode(failed, 1).payload());
		assertThat(payload).contains("\"exc_text\":\"java.lang.IllegalStateException: outer\\n\\tat ")
			.contains("Caused by: java.lang.IllegalArgumentException: inner")
			.doesNotContain("\\n\",");
	}

	@Test
	void jsonTimeIsCreatedInSecondsAndMsecsToTheMicrosecond() {
		EventEncoder encoder = encoder(PayloadFormat.JSON);
		LoggingEvent event = event("timed");
		event.setInstant(Instant.parse("2024-05-01T12:00:00.012345678Z"));
		String payload = text(encoder.encode(event, 1).payload());
		assertThat(payload).contains("\"created\":1714564800.012345,\"msecs\":12.345,");
		assertThat(decode(encoder.encode(event, 2)).time()).isEqualTo(Instant.parse("2024-05-01T12:00:00.012345Z"));
	}

	@Test
	void jsonTimeOnASecondHasItsZeros() {
		EventEncoder encoder = encoder(PayloadFormat.JSON);
		LoggingEvent event = event("on the second");
		event.setInstant(Instant.parse("2024-05-01T12:00:00Z"));
		assertThat(text(encoder.encode(event, 1).payload())).contains("\"created\":1714564800.000000,\"msecs\":0.000,");
	}

	private static LogEntry decode(WireMessage message) {
		LogEntry entry = new MessageDecoder().decode(List.of(message.topic(), message.payload())).entry();
		assertThat(entry).isNotNull();
		return entry;
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
