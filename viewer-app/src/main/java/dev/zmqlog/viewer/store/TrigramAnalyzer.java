package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts text into every run of three characters, case-folded as
 * {@link String#regionMatches(boolean, int, String, int, int)} compares them: an entry
 * holds a substring only if it holds each of the substring's trigrams, so the index finds
 * a superset of the entries that {@code q} matches, and the exact check runs on those
 * alone.
 */
final class TrigramAnalyzer extends Analyzer {

	/** Characters of one value cut into trigrams; a longer value is flagged instead ({@link EntryDocument}). */
	static final int MAX_CHARS = 16 * 1024;

	/** Trigrams a query asks for at most: enough to be selective, few enough to stay cheap. */
	private static final int MAX_QUERY_TRIGRAMS = 24;

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		return new TokenStreamComponents(new TrigramTokenizer());
	}

	/** A character as a case-insensitive comparison sees it. */
	static char fold(char c) {
		return Character.toLowerCase(Character.toUpperCase(c));
	}

	/** The distinct trigrams of a query, at most {@value #MAX_QUERY_TRIGRAMS}, spread over it; empty when shorter than three. */
	static Set<String> trigrams(String text) {
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

	/** Emits the folded trigrams of the first {@link #MAX_CHARS} characters. */
	private static final class TrigramTokenizer extends Tokenizer {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final char[] text = new char[MAX_CHARS];

		private int length;

		private int next;

		@Override
		public boolean incrementToken() throws IOException {
			clearAttributes();
			if (this.next + 3 > this.length) {
				return false;
			}
			this.term.copyBuffer(this.text, this.next, 3);
			this.next++;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			this.length = 0;
			this.next = 0;
			int read;
			while (this.length < MAX_CHARS && (read = this.input.read(this.text, this.length, MAX_CHARS - this.length)) > 0) {
				this.length += read;
			}
			for (int i = 0; i < this.length; i++) {
				this.text[i] = fold(this.text[i]);
			}
		}

	}

}
