package dev.zmqlog.viewer.web;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch goes direct only while the JVM's direct buffers, with it, stay within the budget:
 * never so far that {@code allocateDirect} would collect and sleep on the broadcaster.
 */
class DirectMemoryBudgetTest {

	@Test
	void admitsWhatFitsBesideWhatTheBuffersHold() {
		DirectMemoryBudget budget = new DirectMemoryBudget(() -> 600, 1_000);

		assertThat(budget.admits(400)).isTrue();
		assertThat(budget.admits(401)).isFalse();
	}

	@Test
	void thisJvmsBudgetIsHalfItsLimitAndCountsItsRealDirectBuffers() {
		DirectMemoryBudget budget = DirectMemoryBudget.ofThisJvm();
		ByteBuffer held = ByteBuffer.allocateDirect(1024 * 1024);

		// the test JVM sets no -XX:MaxDirectMemorySize: the limit is the heap's
		assertThat(budget.budget()).isEqualTo(Runtime.getRuntime().maxMemory() / 2);
		assertThat(budget.directBytesUsed()).isGreaterThanOrEqualTo(held.capacity());
		assertThat(budget.admits(1024)).isTrue();
	}

}
