package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow.Selection;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;

/**
 * {@code store.type=jdbc}: entries in a PostgreSQL table partitioned by the day they were
 * received, so that retention drops whole partitions. The entry itself is kept as
 * {@link EntryBytes}; the columns beside it are what queries narrow by, and the exact check
 * runs on the entry read back. One viewer writes at a time: the writer holds a session
 * advisory lock on a connection of its own for as long as it runs.
 */
public final class JdbcStore implements HistoryStore {

	static final String TABLE = "zmqlog_entries";

	static final String STATE = "zmqlog_state";

	/** The advisory lock of the writing viewer ("zmqlog" in ASCII). */
	static final long WRITER_LOCK = 0x7a6d716c6f67L;

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int CANDIDATES_PER_ROUND = 1_000;

	/** Below this estimate the entries are counted; above, the planner's estimate is shown. */
	private static final long EXACT_COUNT_BELOW = 1_000_000;

	private static final Level[] LEVELS = Level.values();

	private final DataSource dataSource;

	private final Connection writer;

	private final PreparedStatement insert;

	private final Set<LocalDate> partitions = new HashSet<>();

	private final long firstId;

	private final List<SavedSource> savedSources;

	private final LongAdder unreadable = new LongAdder();

	private JdbcStore(DataSource dataSource, Connection writer) throws SQLException {
		this.dataSource = dataSource;
		this.writer = writer;
		try (Statement statement = writer.createStatement();
				ResultSet max = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + TABLE)) {
			max.next();
			long next = max.getLong(1) + 1;
			byte[] nextId = state("nextId");
			if (nextId != null) {
				next = Math.max(next, Long.parseLong(new String(nextId, java.nio.charset.StandardCharsets.US_ASCII)));
			}
			this.firstId = next;
		}
		byte[] sources = state("sources");
		this.savedSources = (sources != null) ? SavedSources.decode(sources) : List.of();
		writer.setAutoCommit(false);
		this.insert = writer.prepareStatement("INSERT INTO " + TABLE
				+ " (id, received, time, level, topic, logger, thread, app, instance, seq, mdc, markers, text, entry)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING");
	}

	/**
	 * Creates the schema if needed and takes the writer's lock.
	 * @throws IllegalStateException when another viewer writes to this database
	 */
	public static JdbcStore open(DataSource dataSource) throws SQLException {
		Connection writer = dataSource.getConnection();
		try {
			try (Statement statement = writer.createStatement()) {
				try (ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + WRITER_LOCK + ")")) {
					locked.next();
					if (!locked.getBoolean(1)) {
						throw new IllegalStateException("Another viewer writes to this database's history; one viewer "
								+ "writes at a time (several viewers sharing one PostgreSQL history is not supported yet)");
					}
				}
				statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id bigint NOT NULL, "
						+ "received timestamptz NOT NULL, time timestamptz NOT NULL, level smallint NOT NULL, "
						+ "topic text NOT NULL, logger text, thread text, app text, instance text, seq bigint, "
						+ "mdc jsonb NOT NULL, markers text[] NOT NULL, text text NOT NULL, entry bytea NOT NULL, "
						+ "PRIMARY KEY (id, received)) PARTITION BY RANGE (received)");
				statement.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_time ON " + TABLE + " (time)");
				statement.execute("CREATE TABLE IF NOT EXISTS " + STATE + " (name text PRIMARY KEY, value bytea NOT NULL)");
			}
			return new JdbcStore(dataSource, writer);
		}
		catch (SQLException | RuntimeException ex) {
			writer.close();
			throw ex;
		}
	}

	private @Nullable byte[] state(String name) throws SQLException {
		try (PreparedStatement select = this.writer.prepareStatement("SELECT value FROM " + STATE + " WHERE name = ?")) {
			select.setString(1, name);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? row.getBytes(1) : null;
			}
		}
	}

	@Override
	public StoreType type() {
		return StoreType.JDBC;
	}

	@Override
	public boolean durable() {
		return true;
	}

	@Override
	public long nextId() {
		return this.firstId;
	}

	@Override
	public List<SavedSource> savedSources() {
		return this.savedSources;
	}

	/** Stored entries that could not be read back, skipped by queries. */
	public long unreadable() {
		return this.unreadable.sum();
	}

	@Override
	public void write(List<ViewerEntry> entries) throws IOException {
		try {
			for (ViewerEntry entry : entries) {
				partitionFor(entry.received());
				bindInsert(entry);
				this.insert.addBatch();
			}
			this.insert.executeBatch();
		}
		catch (SQLException ex) {
			rollbackQuietly();
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private void bindInsert(ViewerEntry entry) throws SQLException {
		PreparedStatement insert = this.insert;
		insert.setLong(1, entry.id());
		insert.setTimestamp(2, Timestamp.from(entry.received()));
		insert.setTimestamp(3, Timestamp.from(entry.time()));
		insert.setShort(4, (short) ((entry.level() != null) ? entry.level().ordinal() : -1));
		insert.setString(5, clean(entry.topic()));
		insert.setString(6, clean(entry.logger()));
		insert.setString(7, clean(entry.thread()));
		insert.setString(8, (entry.source() != null) ? clean(entry.source().app()) : null);
		insert.setString(9, (entry.source() != null) ? clean(entry.source().instance()) : null);
		if (entry.seq() != null) {
			insert.setLong(10, entry.seq());
		}
		else {
			insert.setNull(10, java.sql.Types.BIGINT);
		}
		insert.setString(11, mdcJson(entry.mdc()));
		Array markers = this.writer.createArrayOf("text", entry.markers().stream().map(JdbcStore::clean).toArray());
		insert.setArray(12, markers);
		insert.setString(13, clean(text(entry)));
		insert.setBytes(14, EntryBytes.encode(entry));
	}

	/** What {@code q} looks in. */
	private static String text(ViewerEntry entry) {
		StringBuilder text = new StringBuilder(entry.message());
		for (String field : new String[] { entry.logger(), entry.topic(), entry.exception() }) {
			if (field != null) {
				text.append('\n').append(field);
			}
		}
		return text.toString();
	}

	/** The entry's bytes keep what the columns cannot (NUL). */
	private static @Nullable String clean(@Nullable Object text) {
		return JdbcQueries.clean(text);
	}

	private static String mdcJson(Map<String, String> mdc) {
		StringBuilder json = new StringBuilder("{");
		mdc.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			quote(json, clean(key));
			json.append(':');
			quote(json, clean(value));
		});
		return json.append('}').toString();
	}

	private static void quote(StringBuilder json, @Nullable String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		json.append('"');
	}

	/** Creates the day's partition before its first entry. */
	private void partitionFor(Instant received) throws SQLException {
		LocalDate day = received.atOffset(ZoneOffset.UTC).toLocalDate();
		if (this.partitions.contains(day)) {
			return;
		}
		try (Statement statement = this.writer.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + partition(day) + " PARTITION OF " + TABLE
					+ " FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1) + "')");
		}
		this.partitions.add(day);
	}

	private static String partition(LocalDate day) {
		return TABLE + "_" + DAY.format(day);
	}

	@Override
	public void commit(long nextId, List<SavedSource> sources) throws IOException {
		try (PreparedStatement upsert = this.writer.prepareStatement("INSERT INTO " + STATE
				+ " (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")) {
			upsert.setString(1, "nextId");
			upsert.setBytes(2, Long.toString(nextId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			upsert.addBatch();
			upsert.setString(1, "sources");
			upsert.setBytes(2, SavedSources.encode(sources));
			upsert.addBatch();
			upsert.executeBatch();
			this.writer.commit();
		}
		catch (SQLException ex) {
			rollbackQuietly();
			throw new IOException(ex.getMessage(), ex);
		}
	}

	private void rollbackQuietly() {
		// partitions created in the transaction are gone with it
		this.partitions.clear();
		try {
			this.writer.rollback();
		}
		catch (SQLException ex) {
			// the connection is gone; the next write fails with the reason
		}
	}

	@Override
	public long retain(long maxBytes, Instant oldestReceived) throws IOException {
		try {
			List<LocalDate> days = days();
			LocalDate cutoff = oldestReceived.atOffset(ZoneOffset.UTC).toLocalDate();
			long dropped = 0;
			for (LocalDate day : days) {
				// a day goes when all of it is older than max-age, or while the table is over max-size (never the last day)
				boolean tooOld = day.plusDays(1).isBefore(cutoff) || day.plusDays(1).isEqual(cutoff);
				boolean tooLarge = days.size() - dropped > 1 && bytes() > maxBytes;
				if (!tooOld && !tooLarge) {
					break;
				}
				try (Statement statement = this.writer.createStatement()) {
					dropped++;
					statement.execute("DROP TABLE IF EXISTS " + partition(day));
				}
				this.writer.commit();
				this.partitions.remove(day);
			}
			return 0;
		}
		catch (SQLException ex) {
			rollbackQuietly();
			throw new IOException(ex.getMessage(), ex);
		}
	}

	/** The days that have a partition, oldest first. */
	private List<LocalDate> days() throws SQLException {
		List<LocalDate> days = new ArrayList<>();
		try (Statement statement = this.writer.createStatement();
				ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
						+ "i.inhrelid WHERE i.inhparent = '" + TABLE + "'::regclass")) {
			while (rows.next()) {
				String name = rows.getString(1);
				days.add(LocalDate.parse(name.substring(TABLE.length() + 1), DAY));
			}
		}
		Collections.sort(days);
		return days;
	}

	private long bytes() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet size = statement.executeQuery("SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) "
						+ "FROM pg_inherits WHERE inhparent = '" + TABLE + "'::regclass")) {
			size.next();
			return size.getLong(1);
		}
	}

	@Override
	public Selection newest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return search(filter, afterId, beforeId, limit, true, deadlineNanos);
	}

	@Override
	public Selection oldest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return search(filter, afterId, beforeId, limit, false, deadlineNanos);
	}

	private Selection search(EntryFilter filter, long afterId, long beforeId, int limit, boolean newestFirst,
			long deadlineNanos) {
		List<ViewerEntry> found = new ArrayList<>(Math.min(limit, 1024));
		boolean complete = true;
		long after = afterId;
		long before = beforeId;
		int round = Math.min(limit + 1, CANDIDATES_PER_ROUND);
		try (Connection connection = this.dataSource.getConnection()) {
			search: while (after < before - 1) {
				JdbcQueries query = JdbcQueries.of(filter, after, before);
				int rows = 0;
				try (PreparedStatement select = connection.prepareStatement("SELECT id, entry FROM " + TABLE + " WHERE "
						+ query.where() + " ORDER BY id " + (newestFirst ? "DESC" : "ASC") + " LIMIT " + round)) {
					query.bind(select, 1);
					try (ResultSet result = select.executeQuery()) {
						while (result.next()) {
							rows++;
							long id = result.getLong(1);
							if (newestFirst) {
								before = id;
							}
							else {
								after = id;
							}
							ViewerEntry entry = read(result.getBytes(2));
							if (entry != null && filter.matches(entry)) {
								found.add(entry);
								if (found.size() == limit) {
									break search;
								}
							}
							if (System.nanoTime() > deadlineNanos) {
								complete = false;
								break search;
							}
						}
					}
				}
				if (rows < round) {
					break;
				}
				round = CANDIDATES_PER_ROUND;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("history query failed: " + ex.getMessage(), ex);
		}
		if (newestFirst) {
			Collections.reverse(found);
		}
		return new Selection(found, complete, 0);
	}

	private @Nullable ViewerEntry read(byte[] bytes) {
		try {
			return EntryBytes.decode(bytes, 0, bytes.length);
		}
		catch (IllegalArgumentException ex) {
			this.unreadable.increment();
			return null;
		}
	}

	@Override
	public @Nullable ViewerEntry get(long id) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("SELECT entry FROM " + TABLE + " WHERE id = ?")) {
			select.setLong(1, id);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? read(row.getBytes(1)) : null;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("history query failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean count(EntryFilter filter, long beforeId, EntryCounter counter, long deadlineNanos) {
		boolean exact = JdbcQueries.isExact(filter);
		JdbcQueries query = JdbcQueries.of(filter, Long.MIN_VALUE, beforeId);
		try (Connection connection = this.dataSource.getConnection()) {
			// a cursor: rows come in batches instead of all at once
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection.prepareStatement(
					"SELECT time, level" + (exact ? "" : ", entry") + " FROM " + TABLE + " WHERE " + query.where())) {
				select.setFetchSize(5_000);
				query.bind(select, 1);
				try (ResultSet result = select.executeQuery()) {
					long rows = 0;
					while (result.next()) {
						if ((++rows & 1023) == 0 && System.nanoTime() > deadlineNanos) {
							return false;
						}
						if (exact) {
							int level = result.getShort(2);
							counter.count(result.getTimestamp(1).getTime(),
									(level >= 0 && level < LEVELS.length) ? LEVELS[level] : null);
						}
						else {
							ViewerEntry entry = read(result.getBytes(3));
							if (entry != null && filter.matches(entry)) {
								counter.count(entry.time().toEpochMilli(), entry.level());
							}
						}
					}
				}
			}
			finally {
				connection.rollback();
			}
			return true;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("history query failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public StoreSize size() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			long entries;
			try (ResultSet estimate = statement.executeQuery("SELECT coalesce(sum(c.reltuples), 0)::bigint FROM "
					+ "pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '" + TABLE + "'::regclass")) {
				estimate.next();
				entries = Math.max(0, estimate.getLong(1));
			}
			if (entries < EXACT_COUNT_BELOW) {
				try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
					count.next();
					entries = count.getLong(1);
				}
			}
			Instant oldest = null;
			try (ResultSet first = statement.executeQuery("SELECT entry FROM " + TABLE + " ORDER BY id LIMIT 1")) {
				ViewerEntry entry = first.next() ? read(first.getBytes(1)) : null;
				oldest = (entry != null) ? entry.time() : null;
			}
			return new StoreSize(bytes(), entries, oldest);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("reading the history's size failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		try {
			this.writer.rollback();
			// at once: a closed connection's session, and its lock, may outlive the close for a moment
			try (Statement statement = this.writer.createStatement()) {
				statement.execute("SELECT pg_advisory_unlock(" + WRITER_LOCK + ")");
			}
		}
		catch (SQLException ex) {
			// closing the connection releases the lock too
		}
		try {
			this.writer.close();
		}
		catch (SQLException ex) {
			// gone already
		}
	}

}
