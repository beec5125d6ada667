package dev.zmqlog.logback;

import ch.qos.logback.classic.LoggerContext;

/**
 * Tells an appender's {@code stop()} called by a reconfiguration from any other: Logback
 * stops every appender in {@link LoggerContext#reset()}, both when it reconfigures and when
 * the context itself stops, and says which to neither. Read from the calling stack, once per
 * stop.
 */
final class ResetInProgress {

	private static final String LOGGER_CONTEXT = LoggerContext.class.getName();

	private ResetInProgress() {
	}

	/** Whether the current thread is inside a {@code LoggerContext.reset()} that is not its {@code stop()}. */
	static boolean isStopping() {
		return StackWalker.getInstance().walk((frames) -> {
			boolean[] resetNotStop = { false, false };
			frames.filter((frame) -> frame.getClassName().equals(LOGGER_CONTEXT)).forEach((frame) -> {
				resetNotStop[0] |= frame.getMethodName().equals("reset");
				resetNotStop[1] |= frame.getMethodName().equals("stop");
			});
			return resetNotStop[0] && !resetNotStop[1];
		});
	}

}
