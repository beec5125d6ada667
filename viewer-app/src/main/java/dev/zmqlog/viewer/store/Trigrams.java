package dev.zmqlog.viewer.store;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Runs of three characters, case-folded as
 * {@link String#regionMatches(boolean, int, String, int, int)} compares them: an entry
 * holds a substring only if it holds each of the substring's trigrams, so the index finds
 * a superset of the entries that {@code q} matches, and the exact check runs on those
 * alone. Entries are cut into trigrams by {@link TrigramField}; queries ask for
 * {@link #of(String)}.
 */
final class Trigrams {

	/** Characters of one value cut into trigrams; a longer value is flagged instead ({@link EntryDocument}). */
	static final int MAX_CHARS = 16 * 1024;

	/** Trigrams a query asks for at most: enough to be selective, few enough to stay cheap. */
	private static final int MAX_QUERY_TRIGRAMS = 24;

	private Trigrams() {
	}

	/** A character as a case-insensitive comparison sees it. */
	static char fold(char c) {
		if (c < 0x80) {
			return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
		}
		return Character.toLowerCase(Character.toUpperCase(c));
	}

	/** The distinct trigrams of a query, at most {@value #MAX_QUERY_TRIGRAMS}, spread over it; empty when shorter than three. */
	static Set<String> of(String text) {
		Set<String> all = new LinkedHashSet<>();
		char[] folded = new char[text.length()];
		for (int i = 0; i < folded.length; i++) {
			folded[i] = fold(text.charAt(i));
		}
		for (int i = 0; i + 3 <= folded.length; i++) {
			all.add(new String(folded, i, 3));
		}
		if (all.size() <= MAX_QUERY_TRIGRAMS) {
			return all;
		}
		String[] distinct = all.toArray(String[]::new);
		Set<String> spread = new LinkedHashSet<>();
		for (int i = 0; i < MAX_QUERY_TRIGRAMS; i++) {
			spread.add(distinct[(int) ((long) i * (distinct.length - 1) / (MAX_QUERY_TRIGRAMS - 1))]);
		}
		return spread;
	}

}
