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

	private final LevelPattern trace;

	private final LevelPattern debug;

	private final LevelPattern info;

	private final LevelPattern warn;

	private final LevelPattern error;

	private boolean needsCallerData;

	/** The converter chain of the pattern being started, handed over by its post-compile step. */
	private @Nullable Converter<ILoggingEvent> compiledHead;

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

	private LevelPattern layout(Context context, @Nullable String pattern, String fallback) {
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.setPattern((pattern == null || pattern.isEmpty()) ? fallback : pattern);
		layout.setPostCompileProcessor(this::completeChain);
		this.compiledHead = null;
		layout.start();
		return new LevelPattern(layout, this.compiledHead);
	}

	/** Whether every pattern compiled. */
	boolean isStarted() {
		return firstInvalidLevel() == null;
	}

	/** The lowest level whose pattern did not compile, or {@code null} when all did. */
	@Nullable Level firstInvalidLevel() {
		if (!this.trace.isStarted()) {
			return Level.TRACE;
		}
		if (!this.debug.isStarted()) {
			return Level.DEBUG;
		}
		if (!this.info.isStarted()) {
			return Level.INFO;
		}
		if (!this.warn.isStarted()) {
			return Level.WARN;
		}
		return this.error.isStarted() ? null : Level.ERROR;
	}

	/** Whether a pattern uses the caller's file, line, method or class. */
	boolean needsCallerData() {
		return this.needsCallerData;
	}

	/**
	 * Appends the event formatted by its level's pattern, as {@link PatternLayout#doLayout}
	 * would return it, to a builder the caller reuses.
	 */
	void format(ILoggingEvent event, StringBuilder into) {
		layoutFor(event.getLevel()).writeTo(into, event);
	}

	private LevelPattern layoutFor(Level level) {
		return switch (level.toInt()) {
			case Level.TRACE_INT -> this.trace;
			case Level.DEBUG_INT -> this.debug;
			case Level.INFO_INT -> this.info;
			case Level.WARN_INT -> this.warn;
			default -> this.error;
		};
	}

	void stop() {
		this.trace.layout().stop();
		this.debug.layout().stop();
		this.info.layout().stop();
		this.warn.layout().stop();
		this.error.layout().stop();
	}

	private void completeChain(Context context, Converter<ILoggingEvent> head) {
		this.compiledHead = head;
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

	/**
	 * A started pattern and its converter chain. Running the chain into the caller's builder
	 * is what {@link PatternLayout#doLayout} does into a new builder of its own, which it
	 * then copies into a new String.
	 *
	 * @param layout the layout, which owns the converters' life cycle
	 * @param head the first converter, or {@code null} when the pattern did not compile
	 */
	private record LevelPattern(PatternLayout layout, @Nullable Converter<ILoggingEvent> head) {

		boolean isStarted() {
			return this.layout.isStarted() && this.head != null;
		}

		void writeTo(StringBuilder into, ILoggingEvent event) {
			if (!this.layout.isStarted()) {
				// as doLayout: a stopped layout formats nothing
				return;
			}
			for (Converter<ILoggingEvent> converter = this.head; converter != null; converter = converter.getNext()) {
				converter.write(into, event);
			}
		}

	}

}
