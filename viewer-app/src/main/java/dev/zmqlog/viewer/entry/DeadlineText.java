package dev.zmqlog.viewer.entry;

/**
 * A text a regular expression reads that looks at the clock every so many characters
 * read and ends the match when its deadline has passed: {@link java.util.regex.Matcher}
 * has no timeout of its own, but it reads only through {@link #charAt(int)}.
 */
final class DeadlineText implements CharSequence {

	private static final int CLOCK_STRIDE = 4096;

	private final String text;

	private final long deadlineNanos;

	private int reads;

	DeadlineText(String text, long deadlineNanos) {
		this.text = text;
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public char charAt(int index) {
		if (++this.reads == CLOCK_STRIDE) {
			this.reads = 0;
			if (System.nanoTime() > this.deadlineNanos) {
				throw TextQuery.EvaluationTimeout.INSTANCE;
			}
		}
		return this.text.charAt(index);
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new DeadlineText(this.text.substring(start, end), this.deadlineNanos);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
