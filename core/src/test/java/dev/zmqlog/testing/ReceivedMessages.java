package dev.zmqlog.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.transport.LogSubscriber;
import dev.zmqlog.transport.ReceivedMessage;
import dev.zmqlog.transport.ReceiveMode;

import static org.awaitility.Awaitility.await;

/**
 * Collects what a real {@link LogSubscriber} receives, for assertions.
 */
public final class ReceivedMessages implements Consumer<ReceivedMessage>, AutoCloseable {

	private final List<ReceivedMessage> messages = new CopyOnWriteArrayList<>();

	private LogSubscriber subscriber;

	/** Connects a subscriber to the endpoint, subscribed to every topic. */
	public static ReceivedMessages connectTo(String endpoint) {
		ReceivedMessages received = new ReceivedMessages();
		received.subscriber = LogSubscriber.builder().endpoint(endpoint).mode(ReceiveMode.CONNECT).listener(received)
			.start();
		return received;
	}

	@Override
	public void accept(ReceivedMessage message) {
		this.messages.add(message);
	}

	public List<ReceivedMessage> messages() {
		return List.copyOf(this.messages);
	}

	public List<LogEntry> entries() {
		return this.messages.stream().map((message) -> message.decoded().entry()).toList();
	}

	/** Waits until at least {@code count} messages have arrived, then returns the entries. */
	public List<LogEntry> awaitEntries(int count) {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.messages.size() >= count);
		return entries();
	}

	@Override
	public void close() {
		if (this.subscriber != null) {
			this.subscriber.close();
		}
	}

}
