package dev.zmqlog.viewer.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token that guards the viewer, and the session cookie value derived from it: the
 * cookie never carries the token itself. Comparisons take constant time.
 */
public final class AccessToken {

	private final byte[] token;

	private final String sessionValue;

	public AccessToken(String token) {
		this.token = token.getBytes(StandardCharsets.UTF_8);
		this.sessionValue = hmac(this.token, "zmqlog-viewer-session");
	}

	public boolean matches(String presented) {
		return MessageDigest.isEqual(this.token, presented.getBytes(StandardCharsets.UTF_8));
	}

	/** The value of the session cookie that stands for the token. */
	public String sessionValue() {
		return this.sessionValue;
	}

	public boolean matchesSession(String cookieValue) {
		return MessageDigest.isEqual(this.sessionValue.getBytes(StandardCharsets.US_ASCII),
				cookieValue.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hmac(byte[] key, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
