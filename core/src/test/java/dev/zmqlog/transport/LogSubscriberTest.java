package dev.zmqlog.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.zmqlog.protocol.LogEntry;
import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class LogSubscriberTest {

	/** The subscriber's own context: two JeroMQ contexts in one JVM sometimes never connect. */
	private final ZContext zmq = SharedContext.acquire();

	private final List<ZMQ.Socket> publishers = new java.util.ArrayList<>();

	private final List<ReceivedMessage> received = new CopyOnWriteArrayList<>();

	private LogSubscriber subscriber;

	@AfterEach
	void tearDown() {
		if (this.subscriber != null) {
			this.subscriber.close();
		}
		this.publishers.forEach(ZMQ.Socket::close);
		SharedContext.release();
	}

	private ZMQ.Socket publisher(SocketMode mode, String endpoint) {
		ZMQ.Socket socket = this.zmq.createSocket(SocketType.PUB);
		this.publishers.add(socket);
		if (mode == SocketMode.BIND) {
			socket.bind(endpoint);
		}
		else {
			socket.connect(endpoint);
		}
		return socket;
	}

	/** Sends until the subscriber has seen a message on the topic: PUB/SUB joins take a moment. */
	private void sendUntilReceived(ZMQ.Socket publisher, String topic, String text) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
			publisher.sendMore(topic);
			publisher.send(text);
			return topics().contains(topic);
		});
	}

	private Set<String> topics() {
		return this.received.stream()
			.map((message) -> message.decoded().entry())
			.filter((entry) -> entry != null)
			.map(LogEntry::topic)
			.collect(Collectors.toSet());
	}

	@Test
	void connectsToSeveralPublishers() {
		String first = FreePorts.endpoint();
		String second = FreePorts.endpoint();
		ZMQ.Socket one = publisher(SocketMode.BIND, first);
		ZMQ.Socket two = publisher(SocketMode.BIND, second);
		this.subscriber = LogSubscriber.builder().endpoints(List.of(first, second)).listener(this.received::add).start();
		sendUntilReceived(one, "a.INFO", "from a");
		sendUntilReceived(two, "b.WARN", "from b");
		assertThat(topics()).contains("a.INFO", "b.WARN");
	}

	@Test
	void bindsSoThatPublishersConnectIn() {
		String endpoint = FreePorts.endpoint();
		this.subscriber = LogSubscriber.builder().endpoint(endpoint).mode(ReceiveMode.BIND).listener(this.received::add)
			.start();
		sendUntilReceived(publisher(SocketMode.CONNECT, endpoint), "one.INFO", "1");
		sendUntilReceived(publisher(SocketMode.CONNECT, endpoint), "two.INFO", "2");
		assertThat(topics()).contains("one.INFO", "two.INFO");
	}

	@Test
	void receivesOnlyTheSubscribedTopicPrefixes() {
		String endpoint = FreePorts.endpoint();
		ZMQ.Socket publisher = publisher(SocketMode.BIND, endpoint);
		this.subscriber = LogSubscriber.builder().endpoint(endpoint).topics(List.of("billing.", "auth.ERROR"))
			.listener(this.received::add).start();
		publisher.sendMore("orders.INFO");
		publisher.send("not wanted");
		sendUntilReceived(publisher, "billing.INFO", "wanted");
		sendUntilReceived(publisher, "auth.ERROR", "wanted too");
		assertThat(topics()).containsOnly("billing.INFO", "auth.ERROR");
	}

	@Test
	void malformedMessagesAreDeliveredAndDoNotStopReceiving() {
		String endpoint = FreePorts.endpoint();
		ZMQ.Socket publisher = publisher(SocketMode.BIND, endpoint);
		this.subscriber = LogSubscriber.builder().endpoint(endpoint).listener(this.received::add).start();
		sendUntilReceived(publisher, "app.INFO", "warm-up");
		publisher.send(new byte[0]);
		publisher.sendMore(new byte[] { (byte) 0xff, (byte) 0xfe });
		publisher.send("x");
		sendUntilReceived(publisher, "app.INFO.after", "still here");
		assertThat(this.received).anySatisfy((message) -> assertThat(message.decoded().rejection()).isNotNull());
	}

	@Test
	void connectionDroppedForAnOversizedMessageIsRestored() {
		String endpoint = FreePorts.endpoint();
		ZMQ.Socket publisher = publisher(SocketMode.BIND, endpoint);
		this.subscriber = LogSubscriber.builder().endpoint(endpoint).maxMessageSize(1024).listener(this.received::add)
			.start();
		sendUntilReceived(publisher, "app.INFO", "before");
		// beyond four times the limit ZeroMQ drops the connection and would never reconnect
		publisher.sendMore("app.INFO");
		publisher.send(new byte[64 * 1024]);
		sendUntilReceived(publisher, "app.INFO.after", "after");
	}

	@Test
	void listenerFailureIsReportedAndReceivingGoesOn() {
		String endpoint = FreePorts.endpoint();
		ZMQ.Socket publisher = publisher(SocketMode.BIND, endpoint);
		List<RuntimeException> errors = new CopyOnWriteArrayList<>();
		this.subscriber = LogSubscriber.builder().endpoint(endpoint).errorHandler(errors::add).listener((message) -> {
			this.received.add(message);
			if (message.frames().size() == 2
					&& new String(message.frames().get(0), StandardCharsets.UTF_8).equals("boom.ERROR")) {
				throw new IllegalStateException("listener failed");
			}
		}).start();
		sendUntilReceived(publisher, "boom.ERROR", "1");
		sendUntilReceived(publisher, "fine.INFO", "2");
		assertThat(errors).isNotEmpty();
		assertThat(errors.get(0)).hasMessage("listener failed");
	}

	@Test
	void closeEndsTheReceivingThread() {
		this.subscriber = LogSubscriber.builder().endpoint(FreePorts.endpoint()).threadName("zmqlog-test-subscriber")
			.listener(this.received::add).start();
		this.subscriber.close();
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.doesNotContain("zmqlog-test-subscriber");
	}

	@Test
	void invalidEndpointIsAClearError() {
		assertThatExceptionOfType(EndpointException.class)
			.isThrownBy(() -> LogSubscriber.builder().endpoint("nonsense").listener(this.received::add).start())
			.withMessageContaining("nonsense");
	}

	@Test
	void portInUseIsAClearErrorInBindMode() {
		String endpoint = FreePorts.endpoint();
		publisher(SocketMode.BIND, endpoint);
		assertThatExceptionOfType(EndpointException.class)
			.isThrownBy(() -> LogSubscriber.builder().endpoint(endpoint).mode(ReceiveMode.BIND)
				.listener(this.received::add).start())
			.withMessageContaining(endpoint)
			.withMessageContaining("address already in use");
	}

	@Test
	void aPullSocketTakesNoTopics() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LogSubscriber.builder().endpoint(FreePorts.endpoint()).mode(ReceiveMode.PULL)
				.topics(List.of("orders.")).listener(this.received::add).start())
			.withMessageContaining("cannot filter a PULL socket");
	}

	@Test
	void closingDeliversWhatHasAlreadyArrived() throws InterruptedException {
		String endpoint = FreePorts.endpoint();
		ZMQ.Socket publisher = publisher(SocketMode.BIND, endpoint);
		java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		this.subscriber = LogSubscriber.builder().endpoint(endpoint).listener((message) -> {
			this.received.add(message);
			if ("busy".equals(message.decoded().entry().message())) {
				busy.countDown();
				awaitQuietly(release);
			}
		}).start();
		sendUntilReceived(publisher, "a.INFO", "joined");
		publisher.sendMore("a.INFO");
		publisher.send("busy");
		assertThat(busy.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		// the subscriber's thread is busy with one message while twenty more arrive: a second
		// subscriber of the same context sees them come, and the busy one's queue with them
		List<ReceivedMessage> witnessed = new CopyOnWriteArrayList<>();
		try (LogSubscriber witness = LogSubscriber.builder().endpoint(endpoint).listener(witnessed::add).start()) {
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
				publisher.sendMore("w.INFO");
				publisher.send("witness");
				return !witnessed.isEmpty();
			});
			for (int i = 1; i <= 20; i++) {
				publisher.sendMore("a.INFO");
				publisher.send("queued " + i);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> witnessed.stream()
				.anyMatch((message) -> "queued 20".equals(message.decoded().entry().message())));
		}
		Thread closing = new Thread(this.subscriber::close);
		closing.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.subscriber.isAlive() || closing.isAlive());
		release.countDown();
		closing.join(10_000);
		assertThat(this.received).extracting((message) -> message.decoded().entry().message())
			.contains("queued 1", "queued 20");
	}

	private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
		try {
			latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
