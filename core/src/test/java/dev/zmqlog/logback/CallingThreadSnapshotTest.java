package dev.zmqlog.logback;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallingThreadSnapshotTest {

	@Test
	void immutableValuesMayBeFormattedLater() {
		assertThat(CallingThreadSnapshot.allValues(new Object[] { "text", 42L, 7, 1.5, 'c', true, null,
				TimeUnit.SECONDS, UUID.randomUUID(), BigInteger.TEN, BigDecimal.ONE, Instant.EPOCH,
				LocalDate.EPOCH, ZoneId.of("Europe/Paris") }))
			.isTrue();
		assertThat(CallingThreadSnapshot.allValues(null)).isTrue();
	}

	@Test
	void anyMutableArgumentMeansFormattingNow() {
		assertThat(CallingThreadSnapshot.allValues(new Object[] { 1L, new ArrayList<>() })).isFalse();
		assertThat(CallingThreadSnapshot.allValues(new Object[] { new StringBuilder() })).isFalse();
		assertThat(CallingThreadSnapshot.allValues(new Object[] { new Date() })).isFalse();
		assertThat(CallingThreadSnapshot.allValues(new Object[] { new Object[] { 1L } })).isFalse();
	}

	@Test
	void subclassOfAValueTypeMayBeMutable() {
		assertThat(CallingThreadSnapshot.allValues(new Object[] { new BigInteger("1") {
		} })).isFalse();
	}

}
