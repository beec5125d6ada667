package dev.zmqlog.transport;

import org.zeromq.SocketType;

/**
 * How a {@link LogSubscriber} meets its publishers: it connects to publishers that bind,
 * or binds for publishers that connect, with an XSUB socket (a SUB that can leave without
 * throwing away what is on its way: see {@link LogSubscriber}); or it binds a PULL socket for
 * publishers that push (Python Logbook's {@code ZeroMQHandler(multi=True)}), whose PUSH
 * socket ZeroMQ never pairs with a SUB.
 */
public enum ReceiveMode {

	/** XSUB, connecting to publishers that bind (the appender's default). */
	CONNECT(SocketType.XSUB, SocketMode.CONNECT),

	/** XSUB, bound, for publishers that connect in (a proxy's backend, appenders in connect mode). */
	BIND(SocketType.XSUB, SocketMode.BIND),

	/**
	 * PULL, bound, for PUSH publishers that connect in. A PULL socket has no subscriptions:
	 * it receives every message, and no topic can filter them at the socket.
	 */
	PULL(SocketType.PULL, SocketMode.BIND);

	private final SocketType socketType;

	private final SocketMode attachment;

	ReceiveMode(SocketType socketType, SocketMode attachment) {
		this.socketType = socketType;
		this.attachment = attachment;
	}

	/** The ZeroMQ socket type. */
	SocketType socketType() {
		return this.socketType;
	}

	/** Whether the socket binds its endpoints (then it is the CURVE server) or connects. */
	public SocketMode attachment() {
		return this.attachment;
	}

	/** Whether the socket takes topic subscriptions. */
	public boolean subscribes() {
		return this.socketType == SocketType.XSUB;
	}

}
