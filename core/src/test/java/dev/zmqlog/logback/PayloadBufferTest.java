package dev.zmqlog.logback;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadBufferTest {

	private final PayloadBuffer buffer = new PayloadBuffer();

	@Test
	void eachPayloadIsAnArrayOfItsOwn() {
		this.buffer.write("first".getBytes(StandardCharsets.UTF_8), 0, 5);
		byte[] first = this.buffer.toByteArray();
		this.buffer.reset();
		this.buffer.write('2');
		assertThat(first).asString(StandardCharsets.UTF_8).isEqualTo("first");
		assertThat(this.buffer.toByteArray()).asString(StandardCharsets.UTF_8).isEqualTo("2");
	}

	@Test
	void growsForALargePayloadAndLetsItGoAfterwards() {
		byte[] large = new byte[PayloadBuffer.MAX_RETAINED_CAPACITY + 1];
		this.buffer.write(large, 0, large.length);
		assertThat(this.buffer.toByteArray()).hasSize(large.length);
		this.buffer.reset();
		assertThat(this.buffer.capacity()).isLessThanOrEqualTo(PayloadBuffer.MAX_RETAINED_CAPACITY);
		assertThat(this.buffer.toByteArray()).isEmpty();
	}

}
