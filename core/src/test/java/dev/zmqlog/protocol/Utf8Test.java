package dev.zmqlog.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {

	@ParameterizedTest
	@ValueSource(strings = { "", "41", "C2A9", "E282AC", "F09F9880", "EFBFBD", "F48FBFBF", "414243444546474849C2A9" })
	void wellFormedSequencesAreAccepted(String hex) {
		assertThat(Utf8.isWellFormed(HexFormat.of().parseHex(hex))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "C0AF", "C1BF", "E080AF", "F08080AF", "EDA080", "EDBFBF", "F4908080", "F888808080", "E282",
			"80", "4142434445464748E282", "41424344454647484980" })
	void malformedSequencesAreRefused(String hex) {
		assertThat(Utf8.isWellFormed(HexFormat.of().parseHex(hex))).isFalse();
	}

	@Test
	void agreesWithTheJdksStrictDecoderOnRandomBytes() {
		Random random = new Random(42);
		for (int i = 0; i < 20_000; i++) {
			byte[] bytes = new byte[random.nextInt(24)];
			for (int k = 0; k < bytes.length; k++) {
				// mostly ASCII with some high bytes, so that whole words and sequences both occur
				bytes[k] = (byte) (random.nextInt(4) == 0 ? 0x80 + random.nextInt(128) : random.nextInt(128));
			}
			assertThat(Utf8.isWellFormed(bytes)).as(HexFormat.of().formatHex(bytes)).isEqualTo(jdkAccepts(bytes));
		}
	}

	private static boolean jdkAccepts(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
