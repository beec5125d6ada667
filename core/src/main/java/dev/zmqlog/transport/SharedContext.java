package dev.zmqlog.transport;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

/**
 * One JeroMQ context for every zmqlog socket of the JVM, closed when its last user lets
 * go. Sharing is more than thrift: with JeroMQ 0.6.0, a socket that connects to a socket
 * of another context in the same JVM now and then never completes its handshake (about
 * one connection in twenty here), while sockets of one context always do. The viewer's
 * demo, where the publisher and the viewer live in one JVM, depends on it.
 */
final class SharedContext {

	private static final Object lock = new Object();

	private static ZContext context;

	private static int users;

	private static @Nullable ZapHandler zap;

	private SharedContext() {
	}

	/** The shared context; every call must be paired with a {@link #release()}. */
	static ZContext acquire() {
		synchronized (lock) {
			if (context == null) {
				context = new ZContext(1);
			}
			users++;
			return context;
		}
	}

	/**
	 * Registers a CURVE server's allow-list with the context's ZAP handler, which starts
	 * with the first one. The caller must hold the context.
	 * @return the ZAP domain to set on the socket
	 */
	static String registerAllowList(List<String> allowedClients) {
		synchronized (lock) {
			if (context == null) {
				throw new IllegalStateException("the shared context is not acquired");
			}
			if (zap == null) {
				zap = new ZapHandler(context);
			}
			return zap.register(allowedClients);
		}
	}

	/** Forgets an allow-list when its socket closes. */
	static void unregister(@Nullable String domain) {
		synchronized (lock) {
			if (domain != null && zap != null) {
				zap.unregister(domain);
			}
		}
	}

	/**
	 * Lets go of the context. The last user closes it, which waits for every closed
	 * socket's pending messages within that socket's linger time.
	 */
	static void release() {
		ZContext closing;
		ZapHandler closingZap;
		synchronized (lock) {
			users--;
			if (users > 0) {
				return;
			}
			closing = context;
			closingZap = zap;
			context = null;
			zap = null;
			users = 0;
		}
		if (closingZap != null) {
			closingZap.stop();
		}
		if (closing != null) {
			closing.close();
		}
	}

}
