package dev.zmqlog.viewer.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.TextQuery;
import org.jspecify.annotations.Nullable;

/**
 * Translates an {@link EntryFilter} into a PostgreSQL condition that holds for every entry
 * the filter matches (and few others): the exact check runs on the stored entry. A
 * substring of ASCII characters asks {@code ILIKE}; a regular expression, an inverted
 * query and other substrings are checked entry by entry.
 */
final class JdbcQueries {

	private final StringBuilder where = new StringBuilder("id > ? AND id < ?");

	private final List<Object> values = new ArrayList<>();

	private JdbcQueries(long afterId, long beforeId) {
		this.values.add(afterId);
		this.values.add(beforeId);
	}

	static JdbcQueries of(EntryFilter filter, long afterId, long beforeId) {
		JdbcQueries query = new JdbcQueries(afterId, beforeId);
		if (filter.from() != null) {
			// whole milliseconds either side: the database keeps microseconds, the entry nanoseconds
			query.condition("time >= ?", Timestamp.from(filter.from().minusMillis(1)));
		}
		if (filter.to() != null) {
			query.condition("time <= ?", Timestamp.from(filter.to().plusMillis(1)));
		}
		if (filter.level() != null) {
			query.condition("level >= ?", filter.level().ordinal());
		}
		if (!filter.topics().isEmpty()) {
			query.any("topic LIKE ?", filter.topics().stream().map(JdbcQueries::prefix).toList());
		}
		if (!filter.sources().isEmpty()) {
			List<Object> both = new ArrayList<>();
			filter.sources().forEach((source) -> {
				both.add(source);
				both.add(source);
			});
			query.any("(app = ? OR instance = ?)", both, 2);
		}
		if (filter.logger() != null) {
			query.condition("logger LIKE ?", prefix(filter.logger()));
		}
		if (filter.thread() != null) {
			query.condition("thread = ?", filter.thread());
		}
		for (Map.Entry<String, String> mdc : filter.mdc().entrySet()) {
			query.condition("mdc ->> ? = ?", mdc.getKey(), mdc.getValue());
		}
		if (filter.marker() != null) {
			query.condition("? = ANY (markers)", filter.marker());
		}
		TextQuery text = filter.query();
		if (text != null && text.pattern() == null && !text.inverted() && isAscii(text.text())) {
			query.condition("text ILIKE ?", "%" + escape(text.text()) + "%");
		}
		return query;
	}

	/** Whether the condition finds exactly what the filter matches, so that counting reads no entry. */
	static boolean isExact(EntryFilter filter) {
		return filter.query() == null;
	}

	private static boolean isAscii(String text) {
		return text.chars().allMatch((c) -> c < 128);
	}

	private static String prefix(String prefix) {
		return escape(prefix) + "%";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private void condition(String sql, Object... values) {
		this.where.append(" AND ").append(sql);
		this.values.addAll(List.of(values));
	}

	private void any(String sql, List<?> values) {
		any(sql, values, 1);
	}

	private void any(String sql, List<?> values, int perCondition) {
		this.where.append(" AND (");
		for (int i = 0; i < values.size() / perCondition; i++) {
			this.where.append((i > 0) ? " OR " : "").append(sql);
		}
		this.where.append(')');
		this.values.addAll(values);
	}

	String where() {
		return this.where.toString();
	}

	/** Sets the condition's values from parameter {@code first} on. */
	int bind(PreparedStatement statement, int first) throws SQLException {
		int index = first;
		for (Object value : this.values) {
			statement.setObject(index++, (value instanceof String text) ? clean(text) : value);
		}
		return index;
	}

	/** PostgreSQL text holds no NUL character: stored columns and query values alike carry U+FFFD instead. */
	static @Nullable String clean(@Nullable Object text) {
		return (text != null) ? text.toString().replace('\u0000', '\uFFFD') : null;
	}

}
