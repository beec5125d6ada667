package dev.zmqlog.transport;

/**
 * The names a front end gives the four CURVE settings, so that an error about a key names
 * the setting the way the user wrote it: {@code <curveSecretKey>} in logback.xml,
 * {@code zmq.log.curve.secret-key} in Spring, {@code --curve-secret-key} on the command line.
 *
 * @param secretKey the name of the socket's own secret key
 * @param publicKey the name of the socket's own public key
 * @param serverKey the name of the server's public key
 * @param allowedClients the name of the allow-list of client keys
 */
public record CurveKeyNames(String secretKey, String publicKey, String serverKey, String allowedClients) {

	/** Names of a socket used through core's API alone, with no configuration file to point into. */
	public static final CurveKeyNames API = kebabCase("curve.");

	/**
	 * Names in kebab case after a prefix, as Spring properties and command-line flags spell them.
	 * @param prefix e.g. {@code zmq.log.curve.} or {@code --curve-}
	 */
	public static CurveKeyNames kebabCase(String prefix) {
		return new CurveKeyNames(prefix + "secret-key", prefix + "public-key", prefix + "server-key",
				prefix + "allowed-clients");
	}

}
