package dev.zmqlog.logback;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * Reads on the calling thread what an event would otherwise read from it later, before
 * the event crosses to the I/O thread: Logback's {@code prepareForDeferredProcessing()}
 * (thread name, MDC, formatted message), except that the message is left for the I/O
 * thread to format when every argument is an immutable value, whose text cannot change
 * after the call. A mutable argument (a list, a builder, any object of the application)
 * is formatted at once, as it is at call time.
 * <p>
 * Formatting later is safe with Logback's {@link LoggingEvent}: it formats lazily into a
 * field, so another appender formatting on the calling thread at the same time computes
 * the same immutable string. Other event types are prepared as Logback prepares them. The
 * one change this cannot see is an argument array the caller passes explicitly and refills
 * after the call.
 */
final class CallingThreadSnapshot {

	/** Immutable value types that are not final or not common enough for the fast checks. */
	private static final Set<Class<?>> VALUE_TYPES = Set.of(Short.class, Byte.class, Double.class, Float.class,
			Character.class, Boolean.class, UUID.class, BigInteger.class, BigDecimal.class, Instant.class,
			LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, OffsetTime.class,
			ZonedDateTime.class, Duration.class, Period.class, Year.class, YearMonth.class, MonthDay.class);

	private CallingThreadSnapshot() {
	}

	/**
	 * @param event an event on its way to the queue
	 * @param callerData whether to capture the caller's location too (it is read from the
	 * calling thread's stack)
	 */
	static void take(ILoggingEvent event, boolean callerData) {
		if (event instanceof LoggingEvent && allValues(event.getArgumentArray())) {
			event.getThreadName();
			event.getMDCPropertyMap();
		}
		else {
			event.prepareForDeferredProcessing();
		}
		if (callerData) {
			event.getCallerData();
		}
	}

	static boolean allValues(Object @Nullable [] arguments) {
		if (arguments == null) {
			return true;
		}
		for (Object argument : arguments) {
			if (!isValue(argument)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isValue(@Nullable Object argument) {
		// String, Long and Integer are final, ZoneId admits only the JDK's two subclasses;
		// the set holds exact classes, since a subclass of BigInteger, say, may be mutable
		return argument == null || argument instanceof String || argument instanceof Long
				|| argument instanceof Integer || argument instanceof Enum<?> || argument instanceof ZoneId
				|| VALUE_TYPES.contains(argument.getClass());
	}

}
