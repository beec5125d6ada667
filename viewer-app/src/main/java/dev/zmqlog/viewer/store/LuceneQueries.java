package dev.zmqlog.viewer.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.TextQuery;
import org.jspecify.annotations.Nullable;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Translates an {@link EntryFilter} into a Lucene query that finds every entry the filter
 * matches, and few others: the exact check ({@link EntryFilter#matches}) runs on what it
 * finds. A substring asks for its trigrams; a regular expression, an inverted query and a
 * substring under three characters narrow nothing and are checked entry by entry.
 */
final class LuceneQueries {

	/** Characters of a prefix the index looks for: Lucene's automata refuse long ones; the exact check takes the rest. */
	static final int MAX_PREFIX_CHARS = 256;

	private LuceneQueries() {
	}

	static Query of(EntryFilter filter, long afterId, long beforeId) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		query.add(LongPoint.newRangeQuery(EntryDocument.ID, afterId + 1, beforeId - 1), Occur.FILTER);
		if (filter.from() != null || filter.to() != null) {
			long from = (filter.from() != null) ? filter.from().toEpochMilli() : Long.MIN_VALUE;
			long to = (filter.to() != null) ? filter.to().toEpochMilli() : Long.MAX_VALUE;
			query.add(LongPoint.newRangeQuery(EntryDocument.TIME, from, to), Occur.FILTER);
		}
		Level level = filter.level();
		if (level != null) {
			query.add(IntPoint.newRangeQuery(EntryDocument.LEVEL, level.ordinal(), Integer.MAX_VALUE), Occur.FILTER);
		}
		if (!filter.topics().isEmpty()) {
			query.add(anyPrefix(EntryDocument.TOPIC, filter.topics()), Occur.FILTER);
		}
		if (!filter.sources().isEmpty()) {
			BooleanQuery.Builder sources = new BooleanQuery.Builder();
			filter.sources().forEach((source) -> sources.add(term(EntryDocument.SOURCE, source), Occur.SHOULD));
			query.add(sources.build(), Occur.FILTER);
		}
		if (filter.logger() != null) {
			query.add(prefix(EntryDocument.LOGGER, filter.logger()), Occur.FILTER);
		}
		if (filter.thread() != null) {
			query.add(term(EntryDocument.THREAD, filter.thread()), Occur.FILTER);
		}
		for (Map.Entry<String, String> mdc : filter.mdc().entrySet()) {
			query.add(orCut(term(EntryDocument.MDC, EntryDocument.mdcTerm(mdc.getKey(), mdc.getValue())),
					EntryDocument.CUT_MDC), Occur.FILTER);
		}
		if (filter.marker() != null) {
			query.add(term(EntryDocument.MARKER, filter.marker()), Occur.FILTER);
		}
		TextQuery text = filter.query();
		if (text != null && text.pattern() == null && !text.inverted()) {
			Set<String> trigrams = Trigrams.of(text.text());
			if (!trigrams.isEmpty()) {
				BooleanQuery.Builder all = new BooleanQuery.Builder();
				trigrams.forEach((trigram) -> all.add(new TermQuery(new Term(EntryDocument.TEXT, trigram)), Occur.FILTER));
				query.add(orCut(all.build(), EntryDocument.CUT_TEXT), Occur.FILTER);
			}
		}
		return new ConstantScoreQuery(query.build());
	}

	/**
	 * Whether the query finds exactly what the filter matches (time bounds to the
	 * millisecond), so that counting needs no entry read back.
	 */
	static boolean isExact(EntryFilter filter) {
		return filter.query() == null && filter.mdc().isEmpty()
				&& (filter.logger() == null || filter.logger().length() <= MAX_PREFIX_CHARS)
				&& shortEnough(filter.thread()) && shortEnough(filter.marker())
				&& filter.topics().stream().allMatch((topic) -> topic.length() <= MAX_PREFIX_CHARS)
				&& filter.sources().stream().allMatch(LuceneQueries::shortEnough);
	}

	/** Whether the filter holds no condition but a time range and a lowest level. */
	static boolean isTimeAndLevel(EntryFilter filter) {
		return filter.query() == null && filter.topics().isEmpty() && filter.sources().isEmpty() && filter.logger() == null
				&& filter.thread() == null && filter.mdc().isEmpty() && filter.marker() == null;
	}

	private static boolean shortEnough(@Nullable String value) {
		return value == null || value.length() < EntryDocument.MAX_TERM_CHARS;
	}

	private static Query term(String field, String value) {
		return new TermQuery(new Term(field, EntryDocument.term(value)));
	}

	private static Query anyPrefix(String field, List<String> prefixes) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		prefixes.forEach((prefix) -> any.add(prefix(field, prefix), Occur.SHOULD));
		return any.build();
	}

	private static Query prefix(String field, String prefix) {
		String cut = (prefix.length() > MAX_PREFIX_CHARS) ? prefix.substring(0, MAX_PREFIX_CHARS) : prefix;
		return new PrefixQuery(new Term(field, cut));
	}

	/** The query, or an entry whose indexed fields of that kind were cut. */
	private static Query orCut(Query query, String cut) {
		return new BooleanQuery.Builder().add(query, Occur.SHOULD)
			.add(new TermQuery(new Term(EntryDocument.CUT, cut)), Occur.SHOULD)
			.build();
	}

}
