package dev.zmqlog.logback;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

	@ParameterizedTest
	@ValueSource(strings = { "", "plain ascii > Order 42 placed", "café €5 ✓", "emoji 😀 and 𝄞",
			"lone high \uD83D here", "lone low \uDE00 here", "ends with high \uD83D", "\uDE00\uD83D reversed pair",
			"\u0000 nul and \u007F del and \u0080 and \u07FF and \u0800 and \uFFFF" })
	void encodesAsStringGetBytesDoes(String text) {
		assertThat(Utf8.bytes(new StringBuilder(text))).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void encodesAnyCharsAsStringGetBytesDoes() {
		Random random = new Random(6);
		for (int round = 0; round < 2_000; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				// mostly the edges of the encoding's ranges, surrogates included
				char[] interesting = { 'a', '\u007F', '\u0080', '\u07FF', '\u0800', '\uD7FF', '\uD800', '\uDBFF',
						'\uDC00', '\uDFFF', '\uE000', '\uFFFF' };
				text.append(random.nextBoolean() ? interesting[random.nextInt(interesting.length)]
						: (char) random.nextInt(Character.MAX_VALUE + 1));
			}
			assertThat(Utf8.bytes(text)).as("round %d", round)
				.isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

}
