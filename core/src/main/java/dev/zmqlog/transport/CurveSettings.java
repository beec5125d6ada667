package dev.zmqlog.transport;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * ZeroMQ CURVE keys of one socket, as Z85 strings (40 characters). A socket that binds is
 * the CURVE server: it needs its own secret and public key and may restrict its clients
 * to {@code allowedClients} (empty: any client that completes the handshake). A socket
 * that connects is a CURVE client when {@code serverKey} is set; without its own key pair
 * it uses a fresh one per socket. No keys at all: the wire is plain, as in pyzmq.
 *
 * @param secretKey this socket's secret key, or null
 * @param publicKey this socket's public key, or null
 * @param serverKey the public key of the server this socket connects to, or null
 * @param allowedClients public keys of the clients a server accepts; empty means any
 */
public record CurveSettings(@Nullable String secretKey, @Nullable String publicKey, @Nullable String serverKey,
		List<String> allowedClients) {

	private static final Pattern Z85_KEY = Pattern
		.compile("[0-9a-zA-Z.\\-:+=^!/*?&<>()\\[\\]{}@%$#]{40}");

	public CurveSettings {
		secretKey = blankToNull(secretKey);
		publicKey = blankToNull(publicKey);
		serverKey = blankToNull(serverKey);
		allowedClients = (allowedClients != null)
				? allowedClients.stream().map(String::trim).filter((key) -> !key.isEmpty()).toList() : List.of();
	}

	/** No CURVE: a plain wire. */
	public static CurveSettings none() {
		return new CurveSettings(null, null, null, List.of());
	}

	/**
	 * A fresh key pair whose Z85 text has none of {@code $ { }} and no {@code :-}, which
	 * Logback's variable substitution (and Spring's placeholders) would alter or reject,
	 * so that the keys can be pasted into a configuration file as they are. About one
	 * pair in twenty qualifies; generating one takes well under a millisecond.
	 */
	public static ZMQ.Curve.KeyPair newKeyPair() {
		ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
		while (!isPlain(pair.publicKey) || !isPlain(pair.secretKey)) {
			pair = ZMQ.Curve.generateKeyPair();
		}
		return pair;
	}

	private static boolean isPlain(String key) {
		return key.indexOf('$') < 0 && key.indexOf('{') < 0 && key.indexOf('}') < 0 && !key.contains(":-");
	}

	/** Whether any key is set, so that the socket uses CURVE. */
	public boolean enabled() {
		return this.secretKey != null || this.publicKey != null || this.serverKey != null
				|| !this.allowedClients.isEmpty();
	}

	/**
	 * Checks that the keys are Z85 keys and fit together for the given mode, naming the
	 * settings as core's API does ({@link CurveKeyNames#API}).
	 * @param mode whether the socket binds (CURVE server) or connects
	 * @throws IllegalArgumentException naming the setting that is wrong
	 */
	public void validate(SocketMode mode) {
		validate(mode, CurveKeyNames.API);
	}

	/**
	 * Checks that the keys are Z85 keys and fit together for the given mode.
	 * @param mode whether the socket binds (CURVE server) or connects
	 * @param names the settings' names as the user wrote them
	 * @throws IllegalArgumentException naming the setting that is wrong
	 */
	public void validate(SocketMode mode, CurveKeyNames names) {
		if (!enabled()) {
			return;
		}
		check(names.secretKey(), this.secretKey);
		check(names.publicKey(), this.publicKey);
		check(names.serverKey(), this.serverKey);
		for (String client : this.allowedClients) {
			check(names.allowedClients(), client);
		}
		if (!isServer(mode) && !this.allowedClients.isEmpty()) {
			throw new IllegalArgumentException(
					names.allowedClients() + " applies only to a socket that binds (the CURVE server)");
		}
		if ((this.secretKey == null) != (this.publicKey == null)) {
			throw new IllegalArgumentException(names.secretKey() + " and " + names.publicKey()
					+ " must be set together (generate a pair with 'keygen')");
		}
		if (isServer(mode)) {
			if (this.secretKey == null) {
				throw new IllegalArgumentException(names.secretKey() + " and " + names.publicKey()
						+ " are required on a socket that binds, which is the CURVE server");
			}
		}
		else if (this.serverKey == null) {
			throw new IllegalArgumentException(names.serverKey()
					+ " is required on a socket that connects with CURVE (the server's public key)");
		}
	}

	/** Whether a socket in this mode is the CURVE server: the side that binds. */
	boolean isServer(SocketMode mode) {
		return mode == SocketMode.BIND;
	}

	/**
	 * Sets the CURVE options on a socket of the shared context before it binds or
	 * connects; a server with an allow-list registers it with the context's ZAP handler.
	 * @return the ZAP domain to {@link SharedContext#unregister(String) unregister} when
	 * the socket closes, or null
	 * @throws IllegalArgumentException naming the property that is wrong
	 */
	@Nullable String applyTo(ZMQ.Socket socket, SocketMode mode) {
		return apply(socket, mode, SharedContext::registerAllowList);
	}

	/**
	 * Sets the CURVE options on a socket of a context of its own (the proxy's), whose
	 * allow-list is checked by that context's {@link ZapHandler}.
	 * @param socket the socket, before it binds or connects
	 * @param mode bind (CURVE server) or connect (CURVE client)
	 * @param zap the ZAP handler of the socket's context, for an allow-list
	 * @throws IllegalArgumentException naming the property that is wrong
	 */
	public void applyTo(ZMQ.Socket socket, SocketMode mode, ZapHandler zap) {
		apply(socket, mode, zap::register);
	}

	private @Nullable String apply(ZMQ.Socket socket, SocketMode mode,
			Function<List<String>, String> registerAllowList) {
		if (!enabled()) {
			return null;
		}
		validate(mode);
		if (isServer(mode)) {
			socket.setCurveServer(true);
			socket.setCurveSecretKey(decode(this.secretKey));
			socket.setCurvePublicKey(decode(this.publicKey));
			if (!this.allowedClients.isEmpty()) {
				String domain = registerAllowList.apply(this.allowedClients);
				socket.setZAPDomain(domain);
				return domain;
			}
			return null;
		}
		String ownPublic = this.publicKey;
		String ownSecret = this.secretKey;
		if (ownSecret == null) {
			// a CURVE client needs a key pair of its own; a server without an allow-list takes any
			ZMQ.Curve.KeyPair ephemeral = ZMQ.Curve.generateKeyPair();
			ownPublic = ephemeral.publicKey;
			ownSecret = ephemeral.secretKey;
		}
		socket.setCurveServerKey(decode(this.serverKey));
		socket.setCurvePublicKey(decode(ownPublic));
		socket.setCurveSecretKey(decode(ownSecret));
		return null;
	}

	static byte[] decode(@Nullable String key) {
		return ZMQ.Curve.z85Decode(key);
	}

	private static void check(String setting, @Nullable String key) {
		if (key != null && !Z85_KEY.matcher(key).matches()) {
			throw new IllegalArgumentException(setting + " is not a CURVE key: expected 40 Z85 characters, got "
					+ key.length() + " characters" + (key.length() == 40 ? " with a character outside Z85" : ""));
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	@Override
	public String toString() {
		// never print a secret key
		return "CurveSettings[enabled=" + enabled() + ", publicKey=" + this.publicKey + ", serverKey=" + this.serverKey
				+ ", allowedClients=" + this.allowedClients + "]";
	}

}
