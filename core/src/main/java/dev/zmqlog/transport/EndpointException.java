package dev.zmqlog.transport;

/**
 * An endpoint could not be bound or connected: a port in use, an unresolvable host, an
 * invalid address. The message names the endpoint and the cause.
 */
public class EndpointException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String endpoint;

	public EndpointException(String endpoint, String message, Throwable cause) {
		super(message, cause);
		this.endpoint = endpoint;
	}

	/** The endpoint that failed, as configured. */
	public String getEndpoint() {
		return this.endpoint;
	}

}
