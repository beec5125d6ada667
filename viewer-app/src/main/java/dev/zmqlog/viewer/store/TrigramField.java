package dev.zmqlog.viewer.store;

import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The text of an entry (message, logger, topic, exception) as the distinct folded
 * trigrams ({@link Trigrams}) of each value's first {@value Trigrams#MAX_CHARS}
 * characters, one posting per trigram per entry. Indexing cost is per token, and a log line
 * repeats most of its trigrams (the same words, the same hex digits), so each is handed to
 * Lucene once, as the UTF-8 bytes that a query's {@code Term} of the same three characters
 * holds. No trigram spans two values.
 */
final class TrigramField extends Field {

	private static final FieldType TYPE = type();

	private final List<String> values;

	/** @param values the texts, each of three characters or more */
	TrigramField(String name, List<String> values) {
		super(name, TYPE);
		this.values = values;
	}

	private static FieldType type() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setIndexOptions(IndexOptions.DOCS);
		type.setOmitNorms(true);
		type.freeze();
		return type;
	}

	@Override
	public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
		DistinctTrigrams stream = (reuse instanceof DistinctTrigrams distinct) ? distinct : new DistinctTrigrams();
		stream.values(this.values);
		return stream;
	}

	/**
	 * Emits each distinct trigram of the values once. Trigrams seen in this document are
	 * kept in an open-addressed table of longs: three UTF-16 chars (48 bits) and the
	 * document's generation (16 bits), so that a new document needs no clearing.
	 */
	static final class DistinctTrigrams extends TokenStream {

		private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);

		private final BytesRef bytes = new BytesRef(new byte[3 * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR]);

		private final char[] folded = new char[Trigrams.MAX_CHARS];

		private long[] seen = new long[1 << 10];

		private long generation;

		private List<String> values = List.of();

		private int value;

		private int length;

		private int next;

		void values(List<String> values) {
			this.values = values;
		}

		@Override
		public void reset() {
			clearAttributes();
			this.term.setBytesRef(this.bytes);
			this.value = -1;
			this.length = 0;
			this.next = 0;
			int chars = 0;
			for (String text : this.values) {
				chars += Math.min(text.length(), Trigrams.MAX_CHARS);
			}
			if (chars * 2 > this.seen.length) {
				this.seen = new long[Integer.highestOneBit(chars * 2 - 1) << 1];
				this.generation = 0;
			}
			this.generation = (this.generation + 1) & 0xFFFF;
			if (this.generation == 0) {
				Arrays.fill(this.seen, 0);
				this.generation = 1;
			}
		}

		@Override
		public boolean incrementToken() {
			while (true) {
				while (this.next + 3 <= this.length) {
					char a = this.folded[this.next];
					char b = this.folded[this.next + 1];
					char c = this.folded[this.next + 2];
					this.next++;
					if (firstTime(((long) a << 32) | ((long) b << 16) | c)) {
						encode(a, b, c);
						return true;
					}
				}
				if (++this.value >= this.values.size()) {
					return false;
				}
				String text = this.values.get(this.value);
				this.length = Math.min(text.length(), Trigrams.MAX_CHARS);
				text.getChars(0, this.length, this.folded, 0);
				for (int i = 0; i < this.length; i++) {
					this.folded[i] = Trigrams.fold(this.folded[i]);
				}
				this.next = 0;
			}
		}

		/** Marks the trigram as seen in this document; whether it was not before. */
		private boolean firstTime(long trigram) {
			long key = trigram | (this.generation << 48);
			int mask = this.seen.length - 1;
			int slot = (int) ((trigram * 0x9E3779B97F4A7C15L) >>> 40) & mask;
			while (true) {
				long held = this.seen[slot];
				if (held == key) {
					return false;
				}
				if ((held >>> 48) != this.generation) {
					this.seen[slot] = key;
					return true;
				}
				slot = (slot + 1) & mask;
			}
		}

		/** The UTF-8 of the three chars, as {@code new BytesRef(CharSequence)} writes it. */
		private void encode(char a, char b, char c) {
			byte[] out = this.bytes.bytes;
			if ((a | b | c) < 0x80) {
				out[0] = (byte) a;
				out[1] = (byte) b;
				out[2] = (byte) c;
				this.bytes.length = 3;
			}
			else {
				this.bytes.length = UnicodeUtil.UTF16toUTF8(this.folded, this.next - 1, 3, out);
			}
		}

	}

}
