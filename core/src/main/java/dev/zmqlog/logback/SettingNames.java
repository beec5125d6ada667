package dev.zmqlog.logback;

/**
 * How a front end spells the appender's settings, so that an error names the setting the
 * way the user wrote it: {@code <queueSize>} in logback.xml, {@code zmq.log.queue-size}
 * in Spring.
 */
@FunctionalInterface
public interface SettingNames {

	/** The logback.xml elements, as {@code <curveSecretKey>}. */
	SettingNames LOGBACK_XML = (setting) -> "<" + setting.xmlElement() + ">";

	/** The name of {@code setting} as this front end's user writes it. */
	String nameOf(AppenderSetting setting);

}
