package dev.zmqlog.protocol;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Python's {@code msg % args} for records that carry no formatted message; hostile and
 * mismatched input first: it leaves the message unformatted, never throws.
 */
class PythonPercentFormatTest {

	@Test
	void hugeWidthOrPrecisionIsRefusedNotAllocated() {
		assertThat(PythonPercentFormat.format("%2000000000s", List.of("x"))).isNull();
		assertThat(PythonPercentFormat.format("%.99999999f", List.of(1.5))).isNull();
		assertThat(PythonPercentFormat.format("%1001d", List.of(1))).isNull();
	}

	@Test
	void mismatchedArgumentsLeaveTheMessageUnformatted() {
		assertThat(PythonPercentFormat.format("%s and %s", List.of("one"))).isNull();
		assertThat(PythonPercentFormat.format("%s", List.of("one", "two"))).isNull();
		assertThat(PythonPercentFormat.format("%d", List.of("not a number"))).isNull();
		assertThat(PythonPercentFormat.format("%(user)s", List.of("no mapping"))).isNull();
		assertThat(PythonPercentFormat.format("%(user)s", Map.of("other", "x"))).isNull();
		assertThat(PythonPercentFormat.format("100%", List.of())).isNull();
		assertThat(PythonPercentFormat.format("%y", List.of(1))).isNull();
		assertThat(PythonPercentFormat.format("%s", List.of(Map.of("nested", 1)))).isNull();
		assertThat(PythonPercentFormat.format("%s", Arrays.asList((Object) null))).isEqualTo("None");
	}

	@Test
	void formatsAsPythonDoes() {
		assertThat(PythonPercentFormat.format("raw %s of %d", List.of("args", 3))).isEqualTo("raw args of 3");
		assertThat(PythonPercentFormat.format("%5.1f%% %r %i", List.of(99.54, "x", 7.9))).isEqualTo(" 99.5% 'x' 7");
		assertThat(PythonPercentFormat.format("%(user)s paid %(amount).2f", Map.of("user", "bob", "amount", 2)))
			.isEqualTo("bob paid 2.00");
		assertThat(PythonPercentFormat.format("%s %s", List.of(true, new BigDecimal("1.50")))).isEqualTo("True 1.50");
		assertThat(PythonPercentFormat.format("%x %-3s|", List.of(255, "a"))).isEqualTo("ff a  |");
		assertThat(PythonPercentFormat.format("one %s", "value")).isEqualTo("one value");
	}

}
