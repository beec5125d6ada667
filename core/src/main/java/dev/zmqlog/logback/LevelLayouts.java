package dev.zmqlog.logback;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.CallerDataConverter;
import ch.qos.logback.classic.pattern.ClassOfCallerConverter;
import ch.qos.logback.classic.pattern.FileOfCallerConverter;
import ch.qos.logback.classic.pattern.LineOfCallerConverter;
import ch.qos.logback.classic.pattern.MethodOfCallerConverter;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.pattern.CompositeConverter;
import ch.qos.logback.core.pattern.Converter;
import ch.qos.logback.core.pattern.ConverterUtil;
import org.jspecify.annotations.Nullable;

/**
 * One Logback pattern per level, as pyzmq's PUBHandler has one formatter per level. The
 * stack trace follows the message on new lines unless the pattern places it itself.
 */
final class LevelLayouts {

	private final PatternLayout trace;

	private final PatternLayout debug;

	private final PatternLayout info;

	private final PatternLayout warn;

	private final PatternLayout error;

	private boolean needsCallerData;

	/**
	 * @param context the Logback context
	 * @param format the pattern for every level without its own
	 * @param formats per-level patterns keyed by Logback level; absent or null for the
	 * default
	 */
	LevelLayouts(Context context, String format, Map<Level, @Nullable String> formats) {
		this.trace = layout(context, formats.getOrDefault(Level.TRACE, format), format);
		this.debug = layout(context, formats.getOrDefault(Level.DEBUG, format), format);
		this.info = layout(context, formats.getOrDefault(Level.INFO, format), format);
		this.warn = layout(context, formats.getOrDefault(Level.WARN, format), format);
		this.error = layout(context, formats.getOrDefault(Level.ERROR, format), format);
	}

	private PatternLayout layout(Context context, @Nullable String pattern, String fallback) {
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.setPattern((pattern == null || pattern.isEmpty()) ? fallback : pattern);
		layout.setPostCompileProcessor(this::completeChain);
		layout.start();
		return layout;
	}

	/** Whether every pattern compiled. */
	boolean isStarted() {
		return this.trace.isStarted() && this.debug.isStarted() && this.info.isStarted() && this.warn.isStarted()
				&& this.error.isStarted();
	}

	/** Whether a pattern uses the caller's file, line, method or class. */
	boolean needsCallerData() {
		return this.needsCallerData;
	}

	String format(ILoggingEvent event) {
		return layoutFor(event.getLevel()).doLayout(event);
	}

	private PatternLayout layoutFor(Level level) {
		return switch (level.toInt()) {
			case Level.TRACE_INT -> this.trace;
			case Level.DEBUG_INT -> this.debug;
			case Level.INFO_INT -> this.info;
			case Level.WARN_INT -> this.warn;
			default -> this.error;
		};
	}

	void stop() {
		this.trace.stop();
		this.debug.stop();
		this.info.stop();
		this.warn.stop();
		this.error.stop();
	}

	private void completeChain(Context context, Converter<ILoggingEvent> head) {
		boolean handlesThrowable = false;
		for (Converter<ILoggingEvent> converter = head; converter != null; converter = converter.getNext()) {
			handlesThrowable |= anyInTree(converter, ThrowableHandlingConverter.class);
			this.needsCallerData |= usesCallerData(converter);
		}
		if (!handlesThrowable) {
			ConverterUtil.findTail(head).setNext(new ThrowableOnNewLineConverter());
		}
	}

	private static boolean usesCallerData(Converter<ILoggingEvent> converter) {
		return anyInTree(converter, CallerDataConverter.class) || anyInTree(converter, LineOfCallerConverter.class)
				|| anyInTree(converter, FileOfCallerConverter.class)
				|| anyInTree(converter, MethodOfCallerConverter.class)
				|| anyInTree(converter, ClassOfCallerConverter.class);
	}

	private static boolean anyInTree(@Nullable Converter<ILoggingEvent> converter, Class<?> type) {
		if (converter == null) {
			return false;
		}
		if (type.isInstance(converter)) {
			return true;
		}
		if (converter instanceof CompositeConverter<ILoggingEvent> composite) {
			for (Converter<ILoggingEvent> child = composite.getChildConverter(); child != null; child = child
				.getNext()) {
				if (anyInTree(child, type)) {
					return true;
				}
			}
		}
		return false;
	}

}
