package dev.zmqlog.autoconfigure;

import dev.zmqlog.logback.AppenderSetting;
import dev.zmqlog.logback.SettingNames;

/**
 * The appender's settings as {@link ZmqLogProperties} names them, so that the appender's
 * errors name {@code zmq.log.curve.secret-key}, not logback.xml's {@code <curveSecretKey>}.
 */
final class ZmqLogPropertyNames implements SettingNames {

	static final ZmqLogPropertyNames INSTANCE = new ZmqLogPropertyNames();

	private ZmqLogPropertyNames() {
	}

	@Override
	public String nameOf(AppenderSetting setting) {
		return "zmq.log." + switch (setting) {
			case MODE -> "mode";
			case FORMAT -> "format";
			case TRACE_FORMAT -> "formats.trace";
			case DEBUG_FORMAT -> "formats.debug";
			case INFO_FORMAT -> "formats.info";
			case WARN_FORMAT -> "formats.warn";
			case ERROR_FORMAT -> "formats.error";
			case PAYLOAD -> "payload";
			case THRESHOLD -> "threshold";
			case QUEUE_SIZE -> "queue-size";
			case OVERFLOW -> "overflow";
			case BLOCK_TIMEOUT -> "block-timeout";
			case AWAIT_SUBSCRIBER -> "await-subscriber";
			case AWAIT_RESUBSCRIBE -> "await-resubscribe";
			case LINGER -> "linger";
			case CURVE_SECRET_KEY -> "curve.secret-key";
			case CURVE_PUBLIC_KEY -> "curve.public-key";
			case CURVE_SERVER_KEY -> "curve.server-key";
			case CURVE_ALLOWED_CLIENTS -> "curve.allowed-clients";
		};
	}

}
