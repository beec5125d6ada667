package dev.zmqlog.viewer.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.zmqlog.protocol.MessageDecoder;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.EndpointException;
import dev.zmqlog.transport.Endpoints;
import dev.zmqlog.transport.InboundLimits;
import dev.zmqlog.transport.PeerRefusals;
import dev.zmqlog.transport.SocketGuard;
import dev.zmqlog.transport.SocketMode;
import dev.zmqlog.transport.ZapHandler;
import dev.zmqlog.viewer.cli.CommandLine.Syntax;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

/**
 * {@code proxy}: a ZeroMQ XSUB/XPUB forwarder, so that many applications and many viewers
 * meet at one address without knowing each other.
 *
 * <pre>
 * java -jar zmqlog-viewer.jar proxy [--frontend tcp://*:5559] [--backend tcp://*:5560]
 * </pre>
 *
 * Publishers (appenders in {@code connect} mode, pyzmq's PUBHandler) connect to the
 * frontend, an XSUB socket; viewers and watchers connect to the backend, an XPUB socket.
 * Messages flow from frontend to backend, subscriptions the other way, so publishers
 * filter by topic as if the subscribers were connected to them. It prints one line saying
 * where it listens and runs until SIGINT or SIGTERM, when it stops at once (messages in
 * flight are dropped). Exit codes: 2 for arguments that do not parse, 1 when an address
 * cannot be bound (a port in use, an invalid endpoint).
 * <p>
 * With {@code --curve-secret-key} and {@code --curve-public-key} both sockets are CURVE
 * servers with that one key pair: publishers and subscribers alike connect with the
 * proxy's public key as their server key, and {@code --curve-allowed-clients} lists the
 * public keys of both. It has no {@code --curve-server-key}: the proxy connects to nothing.
 */
public final class ProxyCommand {

	static final String PROGRAM = "zmqlog-viewer proxy";

	static final String DEFAULT_FRONTEND = "tcp://*:5559";

	static final String DEFAULT_BACKEND = "tcp://*:5560";

	/** Messages each direction may hold per peer, as the viewer's subscriber: bursts of logs are common. */
	private static final int HIGH_WATER_MARK = 100_000;

	/**
	 * The largest message a publisher may send through the proxy, all frames together:
	 * what a subscriber with the default limit still receives and counts as rejected.
	 */
	static final long MAX_MESSAGE_BYTES = 4L * MessageDecoder.DEFAULT_MAX_MESSAGE_SIZE;

	private static final String CONTROL_ENDPOINT = "inproc://zmqlog-proxy-control";

	private ProxyCommand() {
	}

	public static int run(String[] args) {
		return run(args, LineOutput.stdout(), LineOutput.stderr());
	}

	static int run(String[] args, LineOutput out, LineOutput err) {
		return syntax().run(args, out, err, (line) -> {
			CurveSettings curve = CurveFlags.from(line, SocketMode.BIND);
			return () -> forward(line.value("frontend", DEFAULT_FRONTEND), line.value("backend", DEFAULT_BACKEND),
					curve, out, err);
		});
	}

	private static int forward(String frontendEndpoint, String backendEndpoint, CurveSettings curve,
			LineOutput out, LineOutput err) {
		// the proxy's JVM has no other ZeroMQ sockets: a context of its own is safe here
		try (ZContext context = new ZContext(1)) {
			ZapHandler zap = curve.enabled() ? ZapHandler.start(context) : null;
			try {
				return forward(context, zap, frontendEndpoint, backendEndpoint, curve, out, err);
			}
			finally {
				if (zap != null) {
					zap.close();
				}
			}
		}
	}

	private static int forward(ZContext context, @Nullable ZapHandler zap, String frontendEndpoint,
			String backendEndpoint, CurveSettings curve, LineOutput out, LineOutput err) {
		ZMQ.Socket frontend = socket(context, SocketType.XSUB);
		ZMQ.Socket backend = socket(context, SocketType.XPUB);
		ZMQ.Socket control = socket(context, SocketType.PAIR);
		control.bind(CONTROL_ENDPOINT);
		PeerRefusals refusals = new PeerRefusals(Clock.systemUTC(), (line) -> err.println(PROGRAM + ": " + line));
		try (SocketGuard publishers = SocketGuard.install(context, frontend, InboundLimits.messagesOf(MAX_MESSAGE_BYTES),
				refusals);
				SocketGuard subscribers = SocketGuard.install(context, backend, InboundLimits.subscriptions(), refusals)) {
			return bindAndForward(context, zap, frontend, backend, control, frontendEndpoint, backendEndpoint, curve,
					out, err);
		}
	}

	private static int bindAndForward(ZContext context, @Nullable ZapHandler zap, ZMQ.Socket frontend,
			ZMQ.Socket backend,
			ZMQ.Socket control, String frontendEndpoint, String backendEndpoint, CurveSettings curve, LineOutput out,
			LineOutput err) {
		if (zap != null) {
			// both binds are CURVE servers, with the proxy's one key pair and allow-list
			curve.applyTo(frontend, SocketMode.BIND, zap);
			curve.applyTo(backend, SocketMode.BIND, zap);
		}
		try {
			bind(frontend, frontendEndpoint, "frontend");
			bind(backend, backendEndpoint, "backend");
		}
		catch (BindException ex) {
			err.println(PROGRAM + ": " + ex.getMessage());
			return 1;
		}
		CountDownLatch finished = new CountDownLatch(1);
		Thread shutdownHook = new Thread(() -> terminate(context, finished), "zmqlog-proxy-shutdown");
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		out.println(PROGRAM + ": publishers connect to " + frontendEndpoint + " (XSUB), subscribers to "
				+ backendEndpoint + " (XPUB)" + (curve.enabled() ? ", both with CURVE" : ""));
		try {
			ZMQ.proxy(frontend, backend, null, control);
		}
		catch (ZMQException ex) {
			if (ex.getErrorCode() != ZError.ETERM) {
				err.println(PROGRAM + ": " + ex.getMessage());
				return 1;
			}
		}
		finally {
			finished.countDown();
		}
		return 0;
	}

	private static ZMQ.Socket socket(ZContext context, SocketType type) {
		ZMQ.Socket socket = context.createSocket(type);
		socket.setLinger(0);
		socket.setSndHWM(HIGH_WATER_MARK);
		socket.setRcvHWM(HIGH_WATER_MARK);
		return socket;
	}

	private static void bind(ZMQ.Socket socket, String endpoint, String role) throws BindException {
		try {
			Endpoints.attach(socket, SocketMode.BIND, List.of(endpoint));
		}
		catch (EndpointException ex) {
			throw new BindException("the " + role + ": " + ex.getMessage());
		}
	}

	/** Tells the proxy loop to end, from the shutdown hook, and waits for it to return. */
	private static void terminate(ZContext context, CountDownLatch finished) {
		try {
			ZMQ.Socket command = context.createSocket(SocketType.PAIR);
			command.setLinger(1000);
			command.connect(CONTROL_ENDPOINT);
			command.send(ZMQ.PROXY_TERMINATE, 0);
			command.close();
			finished.await(5, TimeUnit.SECONDS);
		}
		catch (ZMQException | IllegalStateException ex) {
			// the context is closing already
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Syntax syntax() {
		return CurveFlags.addServerFlagsTo(baseSyntax(), "the proxy (both its sockets)");
	}

	private static Syntax baseSyntax() {
		return new Syntax(PROGRAM,
				"Forwards log messages from many publishers to many subscribers: an XSUB socket for\n"
						+ "publishers, an XPUB socket for viewers and watchers, subscriptions passed upstream.")
			.value(null, "frontend", "ENDPOINT",
					"address publishers connect to (XSUB)\n(default: " + DEFAULT_FRONTEND + ")")
			.value(null, "backend", "ENDPOINT",
					"address viewers and watchers connect to (XPUB)\n(default: " + DEFAULT_BACKEND + ")")
			.epilog("example:\n"
					+ "  zmqlog-viewer proxy --frontend tcp://*:5559 --backend tcp://*:5560\n"
					+ "  then publish with zmq.log.mode=connect, zmq.log.endpoints=tcp://HOST:5559\n"
					+ "  and watch with: zmqlog-viewer watch tcp://HOST:5560");
	}

	/** An address could not be bound; the message says which and why. */
	private static final class BindException extends Exception {

		private static final long serialVersionUID = 1L;

		BindException(String message) {
			super(message);
		}

	}

}
