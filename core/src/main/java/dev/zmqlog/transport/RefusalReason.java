package dev.zmqlog.transport;

/**
 * Why a zmqlog socket refused a peer or closed its connection.
 */
public enum RefusalReason {

	/** A frame header whose size is negative: the bytes that hang JeroMQ 0.6.0. */
	MALFORMED_FRAME_SIZE("malformed ZMTP frame (negative size)"),

	/** One frame larger than the socket's message limit. */
	FRAME_TOO_LARGE("frame larger than the message size limit"),

	/** A message whose frames together exceed the socket's message limit. */
	MESSAGE_TOO_LARGE("message larger than the size limit, all frames together"),

	/** A message of more frames than a socket accepts. */
	TOO_MANY_FRAMES("message of too many frames"),

	/** The ZMTP handshake was broken: an unexpected or malformed command. */
	MALFORMED_HANDSHAKE("malformed ZMTP handshake"),

	/** The CURVE handshake failed: the peer does not know this socket's key, or sent garbage. */
	CURVE_HANDSHAKE_FAILED("CURVE handshake failed (wrong server key?)"),

	/** The CURVE client is not on the allow-list (ZAP refused it). */
	NOT_ALLOWED("CURVE client key not on the allow-list"),

	/** A CURVE server closed the connection during the handshake: it refused this socket. */
	REFUSED_BY_SERVER("the CURVE server closed the connection during the handshake "
			+ "(wrong curve.server-key, or this key is not on its allow-list)");

	private final String description;

	RefusalReason(String description) {
		this.description = description;
	}

	/** The reason in words, for logs and terminals. */
	public String description() {
		return this.description;
	}

	/** The reason as a key for JSON and metric tags, e.g. {@code malformed-frame-size}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
