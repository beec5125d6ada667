package dev.zmqlog.viewer.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.zmqlog.protocol.Source;
import dev.zmqlog.viewer.entry.ViewerEntry;
import org.jspecify.annotations.Nullable;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/**
 * How an entry is indexed in the embedded store: the entry itself as stored bytes
 * ({@link EntryBytes}), and the fields that its queries narrow by. Terms are cut to
 * {@value #MAX_TERM_CHARS} characters (Lucene refuses terms over 32 KB); a cut term still
 * finds its entry, and the exact check on the stored entry decides.
 */
final class EntryDocument {

	static final String ID = "id";

	static final String TIME = "time";

	static final String RECEIVED = "received";

	static final String LEVEL = "level";

	static final String TOPIC = "topic";

	static final String LOGGER = "logger";

	static final String THREAD = "thread";

	static final String SOURCE = "source";

	static final String MDC = "mdc";

	static final String MARKER = "marker";

	static final String TEXT = "text";

	/** Set on entries whose indexed fields were cut: text too long for trigrams, too many MDC keys. */
	static final String CUT = "cut";

	static final String CUT_TEXT = "text";

	static final String CUT_MDC = "mdc";

	static final String ENTRY = "entry";

	static final int MAX_TERM_CHARS = 1024;

	/** MDC keys indexed per entry; an entry with more is found by any MDC query and checked. */
	static final int MAX_MDC_TERMS = 64;

	/** Level of an entry without one: below every level. */
	static final int NO_LEVEL = -1;

	private EntryDocument() {
	}

	static Document of(ViewerEntry entry) {
		Document document = new Document();
		document.add(new LongPoint(ID, entry.id()));
		document.add(new NumericDocValuesField(ID, entry.id()));
		long time = entry.time().toEpochMilli();
		document.add(new LongPoint(TIME, time));
		document.add(new NumericDocValuesField(TIME, time));
		document.add(new LongPoint(RECEIVED, entry.received().toEpochMilli()));
		int level = (entry.level() != null) ? entry.level().ordinal() : NO_LEVEL;
		document.add(new IntPoint(LEVEL, level));
		document.add(new NumericDocValuesField(LEVEL, level));
		addTerm(document, TOPIC, entry.topic());
		addTerm(document, LOGGER, entry.logger());
		addTerm(document, THREAD, entry.thread());
		Source source = entry.source();
		if (source != null) {
			addTerm(document, SOURCE, source.app());
			addTerm(document, SOURCE, source.instance());
		}
		int mdcTerms = 0;
		for (Map.Entry<String, String> pair : entry.mdc().entrySet()) {
			if (mdcTerms++ == MAX_MDC_TERMS) {
				document.add(new StringField(CUT, CUT_MDC, Field.Store.NO));
				break;
			}
			addTerm(document, MDC, mdcTerm(pair.getKey(), pair.getValue()));
		}
		for (String marker : entry.markers()) {
			addTerm(document, MARKER, marker);
		}
		List<String> texts = new ArrayList<>(4);
		boolean textCut = addText(texts, entry.message()) | addText(texts, entry.logger())
				| addText(texts, entry.topic()) | addText(texts, entry.exception());
		if (!texts.isEmpty()) {
			document.add(new TrigramField(TEXT, texts));
		}
		if (textCut) {
			document.add(new StringField(CUT, CUT_TEXT, Field.Store.NO));
		}
		document.add(new StoredField(ENTRY, EntryBytes.encode(entry)));
		return document;
	}

	static String mdcTerm(String key, String value) {
		return key + '\u0000' + value;
	}

	static String term(String value) {
		return (value.length() > MAX_TERM_CHARS) ? value.substring(0, MAX_TERM_CHARS) : value;
	}

	private static void addTerm(Document document, String field, @Nullable String value) {
		if (value != null) {
			document.add(new StringField(field, term(value), Field.Store.NO));
		}
	}

	/** @return whether the text was too long to index whole */
	private static boolean addText(List<String> texts, @Nullable String text) {
		if (text == null || text.length() < 3) {
			return false;
		}
		texts.add(text);
		return text.length() > Trigrams.MAX_CHARS;
	}

}
