package dev.zmqlog.testing;

import java.io.IOException;
import java.util.Arrays;

/**
 * Exceptions to log in tests.
 */
public final class Failures {

	private Failures() {
	}

	/** An exception with a cause, with one frame each, so that failure messages stay short. */
	public static IllegalStateException declinedPayment() {
		IOException cause = new IOException("connection reset by gateway");
		cause.setStackTrace(Arrays.copyOf(cause.getStackTrace(), 1));
		IllegalStateException failure = new IllegalStateException("payment declined", cause);
		failure.setStackTrace(Arrays.copyOf(failure.getStackTrace(), 1));
		return failure;
	}

}
