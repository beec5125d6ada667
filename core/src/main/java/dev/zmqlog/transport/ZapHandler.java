package dev.zmqlog.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Answers ZeroMQ's authentication requests (ZAP, RFC 27) for the shared context: a CURVE
 * client is accepted when its public key is in the allow-list of the socket it connects
 * to. The ZAP endpoint is one per context, so one handler serves every socket; each CURVE
 * server socket gets its own ZAP domain that keys its allow-list. Once bound, every CURVE
 * server of the context asks here, so a domain without a list (or unknown) accepts any
 * client that completed the handshake, as it would without a handler.
 * <p>
 * zmqlog's sockets share one, started by the shared context; a tool with a context of
 * its own (the proxy) starts one with {@link #start(ZContext)} and closes it before the
 * context.
 */
public final class ZapHandler implements AutoCloseable {

	private static final String ENDPOINT = "inproc://zeromq.zap.01";

	private static final int POLL_MILLIS = 100;

	private static final AtomicLong domains = new AtomicLong();

	/** How long a refusal waits for the socket's guard to see the connection close. */
	private static final long DENIAL_MEMORY_NANOS = 5_000_000_000L;

	private static final int MAX_DENIALS = 1_000;

	/**
	 * Clients refused lately, by address, with when: JeroMQ 0.6.0 closes such a
	 * connection without a monitor event that says why, so the socket's guard asks here.
	 */
	private static final Map<String, Long> denied = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> allowLists = new ConcurrentHashMap<>();

	private final ZMQ.Socket socket;

	private final Thread thread;

	private volatile boolean running = true;

	/** Starts answering ZAP requests for a context; close it before the context. */
	public static ZapHandler start(ZContext context) {
		return new ZapHandler(context);
	}

	ZapHandler(ZContext context) {
		this.socket = context.createSocket(SocketType.REP);
		this.socket.setLinger(0);
		this.socket.setReceiveTimeOut(POLL_MILLIS);
		this.socket.bind(ENDPOINT);
		this.thread = new Thread(this::serve, "zmqlog-zap");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Registers an allow-list (Z85 public keys) and returns the ZAP domain that uses it. */
	String register(List<String> allowedClients) {
		String domain = "zmqlog-" + domains.incrementAndGet();
		this.allowLists.put(domain, Set.copyOf(allowedClients));
		return domain;
	}

	void unregister(String domain) {
		this.allowLists.remove(domain);
	}

	private void serve() {
		try {
			while (this.running) {
				List<byte[]> request = receive();
				if (request != null) {
					reply(request);
				}
			}
		}
		catch (ZMQException ex) {
			// the context is closing
		}
		finally {
			this.socket.close();
		}
	}

	private List<byte[]> receive() {
		byte[] first = this.socket.recv();
		if (first == null) {
			return null;
		}
		List<byte[]> frames = new ArrayList<>(7);
		frames.add(first);
		while (this.socket.hasReceiveMore()) {
			frames.add(this.socket.recv());
		}
		return frames;
	}

	private void reply(List<byte[]> request) {
		// version, request id, domain, address, identity, mechanism, credentials...
		byte[] requestId = (request.size() > 1) ? request.get(1) : new byte[0];
		boolean allowed = request.size() >= 6 && allows(request);
		if (!allowed && request.size() > 3) {
			remember(new String(request.get(3), StandardCharsets.UTF_8));
		}
		this.socket.sendMore("1.0");
		this.socket.sendMore(requestId);
		this.socket.sendMore(allowed ? "200" : "400");
		this.socket.sendMore(allowed ? "OK" : "client key not allowed");
		this.socket.sendMore("");
		this.socket.send("");
	}

	private static void remember(String address) {
		if (denied.size() >= MAX_DENIALS) {
			denied.clear();
		}
		denied.put(address, System.nanoTime());
	}

	/**
	 * Whether a client at this address was refused in the last few seconds; forgets it.
	 * @param address the client's IP address, as in the ZAP request
	 */
	static boolean takeDenial(String address) {
		Long when = denied.remove(address);
		return when != null && System.nanoTime() - when < DENIAL_MEMORY_NANOS;
	}

	private boolean allows(List<byte[]> request) {
		String domain = new String(request.get(2), StandardCharsets.UTF_8);
		String mechanism = new String(request.get(5), StandardCharsets.UTF_8);
		Set<String> allowed = this.allowLists.get(domain);
		if (allowed == null || allowed.isEmpty()) {
			return true;
		}
		if (!"CURVE".equals(mechanism) || request.size() < 7 || request.get(6).length != 32) {
			return false;
		}
		return allowed.contains(ZMQ.Curve.z85Encode(request.get(6)));
	}

	@Override
	public void close() {
		stop();
	}

	/** Stops answering; called before the context closes. */
	void stop() {
		this.running = false;
		try {
			this.thread.join(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
