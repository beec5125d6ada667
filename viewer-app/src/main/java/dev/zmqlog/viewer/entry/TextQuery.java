package dev.zmqlog.viewer.entry;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * What {@code q} asks for in an entry's message, logger, topic or exception: a
 * case-insensitive substring, or a regular expression (case-insensitive too), possibly
 * inverted. One evaluation of one entry takes at most {@link #EVALUATION_LIMIT_NANOS}: a
 * regular expression that backtracks for ever, or a huge query over huge texts, counts as
 * no match instead of holding its reader (and {@link #timedOut()} counts it).
 *
 * @param text the query as given
 * @param pattern the compiled expression, or {@code null} for a substring
 * @param inverted whether entries that do not match are wanted
 */
public record TextQuery(String text, @Nullable Pattern pattern, boolean inverted) {

	/** The most one entry's evaluation may take: 20 ms. */
	public static final long EVALUATION_LIMIT_NANOS = 20_000_000L;

	private static final LongAdder TIMED_OUT = new LongAdder();

	/** How often the substring search looks at the clock, in positions. */
	private static final int CLOCK_STRIDE = 1024;

	/**
	 * @throws IllegalArgumentException when {@code regex} and the text is no valid expression
	 */
	public static TextQuery of(String text, boolean regex, boolean inverted) {
		if (!regex) {
			return new TextQuery(text.toLowerCase(Locale.ROOT), null, inverted);
		}
		try {
			return new TextQuery(text, Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
					inverted);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("q is not a valid regular expression: " + ex.getDescription());
		}
	}

	/** Evaluations cut short by the time limit since the viewer started. */
	public static long timedOut() {
		return TIMED_OUT.sum();
	}

	public boolean matches(ViewerEntry entry) {
		long deadline = System.nanoTime() + EVALUATION_LIMIT_NANOS;
		try {
			boolean found = find(entry.message(), deadline) || find(entry.logger(), deadline)
					|| find(entry.topic(), deadline) || find(entry.exception(), deadline);
			return found != this.inverted;
		}
		catch (EvaluationTimeout ex) {
			TIMED_OUT.increment();
			return false;
		}
	}

	private boolean find(@Nullable String field, long deadline) {
		if (field == null) {
			return false;
		}
		if (this.pattern != null) {
			return this.pattern.matcher(new DeadlineText(field, deadline)).find();
		}
		return containsIgnoringCase(field, deadline);
	}

	/** Without copying the text: this runs per entry and per browser. */
	private boolean containsIgnoringCase(String field, long deadline) {
		String wanted = this.text;
		int last = field.length() - wanted.length();
		for (int start = 0; start <= last; start++) {
			if (field.regionMatches(true, start, wanted, 0, wanted.length())) {
				return true;
			}
			if (start % CLOCK_STRIDE == CLOCK_STRIDE - 1 && System.nanoTime() > deadline) {
				throw EvaluationTimeout.INSTANCE;
			}
		}
		return false;
	}

	/** Ends an evaluation that ran out of time; thrown often, so without a stack trace. */
	static final class EvaluationTimeout extends RuntimeException {

		static final EvaluationTimeout INSTANCE = new EvaluationTimeout();

		private EvaluationTimeout() {
			super("evaluation took too long", null, false, false);
		}

	}

}
