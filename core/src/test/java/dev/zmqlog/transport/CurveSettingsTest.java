package dev.zmqlog.transport;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CurveSettingsTest {

	private final ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();

	@Test
	void noKeysMeansPlain() {
		assertThat(CurveSettings.none().enabled()).isFalse();
		assertThat(new CurveSettings(" ", "", null, List.of("")).enabled()).isFalse();
		assertThatNoException().isThrownBy(() -> CurveSettings.none().validate(SocketMode.BIND));
	}

	@Test
	void keyOfWrongLengthIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CurveSettings(null, null, "short", List.of()).validate(SocketMode.CONNECT))
			.withMessageContaining("curve.server-key")
			.withMessageContaining("40 Z85 characters, got 5");
	}

	@Test
	void keyWithCharacterOutsideZ85IsRefused() {
		String bad = "~" + this.pair.publicKey.substring(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CurveSettings(this.pair.secretKey, this.pair.publicKey, null, List.of(bad))
				.validate(SocketMode.BIND))
			.withMessageContaining("curve.allowed-clients");
	}

	@Test
	void bindingSocketNeedsItsKeyPair() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CurveSettings(null, null, this.pair.publicKey, List.of()).validate(SocketMode.BIND))
			.withMessageContaining("curve.secret-key");
	}

	@Test
	void connectingSocketNeedsTheServerKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CurveSettings(this.pair.secretKey, this.pair.publicKey, null, List.of())
				.validate(SocketMode.CONNECT))
			.withMessageContaining("curve.server-key");
	}

	@Test
	void secretKeyIsNeverPrinted() {
		assertThat(new CurveSettings(this.pair.secretKey, this.pair.publicKey, null, List.of()).toString())
			.doesNotContain(this.pair.secretKey);
	}

}
