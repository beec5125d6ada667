package dev.zmqlog.viewer.history;

/**
 * Text kept in a table (topics, sources) is cut to {@value #MAX_CHARS} characters: a
 * publisher cannot make a table row large, and an answer listing the table stays small.
 * The entries themselves keep the whole text.
 */
public final class TableText {

	public static final int MAX_CHARS = 256;

	/** What a cut text ends with. */
	public static final String CUT = "…";

	private TableText() {
	}

	public static String cut(String text) {
		return (text.length() <= MAX_CHARS) ? text : text.substring(0, MAX_CHARS) + CUT;
	}

	public static @org.jspecify.annotations.Nullable String cutOrNull(@org.jspecify.annotations.Nullable String text) {
		return (text != null) ? cut(text) : null;
	}

}
