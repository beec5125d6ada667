package dev.zmqlog.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.testing.FreePorts;
import dev.zmqlog.testing.HostilePeer;
import dev.zmqlog.testing.Zmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber's receive queue bounded in bytes for all publishers together: a reader
 * that falls behind costs whole messages, counted, never the connection; and the count
 * comes back to zero once the queue is empty, whatever JeroMQ dropped unread.
 */
class ReceiveQueueTest {

	private static final int BUDGET = 1024 * 1024;

	private static final int LARGE = 100 * 1024;

	/** The size of a large message's topic, {@code large-P-NN}. */
	private static final int TOPIC_BYTES = "large-0-00".length();

	/** Frames a test message has: its topic and its body. */
	private static final int FRAMES = 2;

	private final ZContext zmq = SharedContext.acquire();

	private final List<ZMQ.Socket> publishers = new ArrayList<>();

	/** Topics received: each message's is unique. */
	private final Set<String> received = ConcurrentHashMap.newKeySet();

	/** Holds the reader at its first large message, as a slow reader would be. */
	private final CountDownLatch gate = new CountDownLatch(1);

	/** Open once the reader is held. */
	private final CountDownLatch holding = new CountDownLatch(1);

	private final ShedMessages shed = new ShedMessages("test");

	private LogSubscriber subscriber;

	@AfterEach
	void tearDown() {
		this.gate.countDown();
		if (this.subscriber != null) {
			this.subscriber.close();
		}
		this.publishers.forEach(ZMQ.Socket::close);
		SharedContext.release();
	}

	@Test
	void aReaderBehindCostsWholeMessagesCountedAndTheQueueStaysWithinItsBytes() throws InterruptedException {
		List<String> endpoints = List.of(FreePorts.endpoint(), FreePorts.endpoint(), FreePorts.endpoint());
		List<ZMQ.Socket> sources = endpoints.stream().map(this::boundPublisher).toList();
		List<ZMQ.Socket> flooding = sources.subList(0, 2);
		ZMQ.Socket quiet = sources.get(2);
		this.subscriber = subscriber(ReceiveMode.CONNECT, endpoints);
		for (int i = 0; i < sources.size(); i++) {
			sendUntilReceived(sources.get(i), "join-" + i);
		}
		int perPublisher = 60;
		for (int n = 0; n < perPublisher; n++) {
			for (int i = 0; i < flooding.size(); i++) {
				send(flooding.get(i), String.format("large-%d-%02d", i, n), LARGE);
			}
		}
		int sent = perPublisher * flooding.size();
		// the reader holds the first one; the queue takes half its budget, the rest is shed
		await().atMost(Duration.ofSeconds(20)).until(() -> this.shed.messages() >= sent - BUDGET / LARGE - 4);
		long oneMessagePerConnection = flooding.size() * (LARGE + TOPIC_BYTES + FRAMES * ReceiveQueue.FRAME_OVERHEAD);
		assertThat(this.subscriber.queuedBytes()).isBetween(BUDGET / 2L, BUDGET + oneMessagePerConnection);
		// a publisher with little queued is still taken in: the flood costs its senders only
		List<String> quietTopics = List.of("quiet-0", "quiet-1", "quiet-2");
		quietTopics.forEach((topic) -> send(quiet, topic, 1000));
		this.gate.countDown();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> largeReceived() + this.shed.messages() == sent && this.received.containsAll(quietTopics));
		assertThat(this.shed.messages()).isEqualTo(sent - largeReceived());
		assertThat(this.shed.bytes()).isEqualTo(this.shed.messages() * (LARGE + TOPIC_BYTES));
		for (int i = 0; i < flooding.size(); i++) {
			send(flooding.get(i), "small-" + i, 100);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.containsAll(List.of("small-0", "small-1")));
		assertThat(this.subscriber.isAlive()).isTrue();
	}

	@Test
	void theCountComesBackToZeroWhenTheQueueIsEmpty() throws InterruptedException {
		String endpoint = FreePorts.endpoint();
		this.subscriber = subscriber(ReceiveMode.BIND, List.of(endpoint));
		ZMQ.Socket staying = connectedPublisher(endpoint);
		sendUntilReceived(staying, "join");
		send(staying, "large-held", 10);
		assertThat(this.holding.await(10, TimeUnit.SECONDS)).isTrue();
		// publishers that leave in the middle of a message: JeroMQ drops the frames it had
		// queued, which nobody reads, 80 % of the budget
		byte[] opening = Zmtp.concat(Zmtp.greeting("NULL", false), Zmtp.ready("PUB"));
		byte[] partial = Zmtp.concat(Zmtp.frame(Zmtp.MORE, "cut.INFO".getBytes(StandardCharsets.UTF_8)),
				Zmtp.frame(Zmtp.MORE, new byte[LARGE]));
		int leaving = 8;
		for (int i = 0; i < leaving; i++) {
			HostilePeer.sendAfterHandshakeAndLeave(endpoint, opening, partial);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.subscriber.queuedBytes() >= leaving * LARGE);
		this.gate.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.subscriber.queuedBytes() == 0);
		// counted still, they would leave room for two of these
		List<String> topics = new ArrayList<>();
		for (int n = 0; n < 5; n++) {
			topics.add("staying-" + n);
			send(staying, topics.get(n), LARGE);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.containsAll(topics));
		assertThat(this.shed.messages()).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.subscriber.queuedBytes() == 0);
	}

	private LogSubscriber subscriber(ReceiveMode mode, List<String> endpoints) {
		return LogSubscriber.builder()
			.endpoints(endpoints)
			.mode(mode)
			.receiveBuffer(BUDGET)
			.shedMessages(this.shed)
			.listener((message) -> {
				String topic = new String(message.frames().get(0), StandardCharsets.UTF_8);
				if (topic.startsWith("large-")) {
					this.holding.countDown();
					awaitGate();
				}
				this.received.add(topic);
			})
			.start();
	}

	private void awaitGate() {
		try {
			this.gate.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long largeReceived() {
		return this.received.stream().filter((topic) -> topic.startsWith("large-")).count();
	}

	private ZMQ.Socket boundPublisher(String endpoint) {
		ZMQ.Socket socket = publisherSocket();
		socket.bind(endpoint);
		return socket;
	}

	private ZMQ.Socket connectedPublisher(String endpoint) {
		ZMQ.Socket socket = publisherSocket();
		socket.connect(endpoint);
		return socket;
	}

	private ZMQ.Socket publisherSocket() {
		ZMQ.Socket socket = this.zmq.createSocket(SocketType.PUB);
		// the publisher keeps everything: whatever is lost, the subscriber lost
		socket.setSndHWM(0);
		socket.setLinger(5_000);
		this.publishers.add(socket);
		return socket;
	}

	/** A message of a unique topic and a body of the given size. */
	private static void send(ZMQ.Socket publisher, String topic, int bodyBytes) {
		byte[] body = new byte[bodyBytes];
		Arrays.fill(body, (byte) 'x');
		publisher.sendMore(topic);
		publisher.send(body);
	}

	/** Sends until the topic arrives: PUB/SUB joins take a moment. */
	private void sendUntilReceived(ZMQ.Socket publisher, String topic) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
			send(publisher, topic, 10);
			return this.received.contains(topic);
		});
	}

}
