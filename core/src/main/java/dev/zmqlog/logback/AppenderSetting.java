package dev.zmqlog.logback;

import ch.qos.logback.classic.Level;
import dev.zmqlog.transport.CurveKeyNames;

/**
 * The settings of {@link ZmqLogAppender} that an error can be about, each with its
 * logback.xml element; a front end with names of its own (the Spring starter) supplies
 * them through {@link SettingNames}.
 */
public enum AppenderSetting {

	MODE("mode"), FORMAT("format"), TRACE_FORMAT("traceFormat"), DEBUG_FORMAT("debugFormat"),
	INFO_FORMAT("infoFormat"), WARN_FORMAT("warnFormat"), ERROR_FORMAT("errorFormat"), PAYLOAD("payload"),
	THRESHOLD("threshold"), QUEUE_SIZE("queueSize"), OVERFLOW("overflow"), BLOCK_TIMEOUT("blockTimeout"),
	AWAIT_SUBSCRIBER("awaitSubscriber"), AWAIT_RESUBSCRIBE("awaitResubscribe"), LINGER("linger"),
	CURVE_SECRET_KEY("curveSecretKey"), CURVE_PUBLIC_KEY("curvePublicKey"), CURVE_SERVER_KEY("curveServerKey"),
	CURVE_ALLOWED_CLIENTS("curveAllowedClients");

	private final String xmlElement;

	AppenderSetting(String xmlElement) {
		this.xmlElement = xmlElement;
	}

	/** The element's name in logback.xml, e.g. {@code curveSecretKey}. */
	public String xmlElement() {
		return this.xmlElement;
	}

	/** The pattern setting of one level, e.g. {@link #DEBUG_FORMAT}. */
	static AppenderSetting formatOf(Level level) {
		return switch (level.toInt()) {
			case Level.TRACE_INT -> TRACE_FORMAT;
			case Level.DEBUG_INT -> DEBUG_FORMAT;
			case Level.INFO_INT -> INFO_FORMAT;
			case Level.WARN_INT -> WARN_FORMAT;
			default -> ERROR_FORMAT;
		};
	}

	/** The CURVE settings as {@code names} spells them. */
	static CurveKeyNames curveKeyNames(SettingNames names) {
		return new CurveKeyNames(names.nameOf(CURVE_SECRET_KEY), names.nameOf(CURVE_PUBLIC_KEY),
				names.nameOf(CURVE_SERVER_KEY), names.nameOf(CURVE_ALLOWED_CLIENTS));
	}

}
