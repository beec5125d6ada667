package dev.zmqlog.benchmarks.viewer;

import java.util.ArrayList;
import java.util.List;

/**
 * The WebSocket clients of one scenario.
 */
final class Receivers implements AutoCloseable {

	private final List<StreamReceiver> all = new ArrayList<>();

	static Receivers connect(int port, int count) {
		Receivers receivers = new Receivers();
		for (int i = 0; i < count; i++) {
			receivers.all.add(StreamReceiver.connect(port));
		}
		return receivers;
	}

	List<StreamReceiver> all() {
		return this.all;
	}

	@Override
	public void close() {
		this.all.forEach(StreamReceiver::close);
	}

}
