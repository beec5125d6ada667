package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code store.type=jdbc}: entries in a PostgreSQL table partitioned by the day they were
 * received, so that retention drops whole partitions. The entry itself is kept as
 * {@link EntryBytes}; the columns beside it are what queries narrow by, and the exact check
 * runs on the entry read back.
 * <p>
 * Several viewers share one database (PRODUCT.md §5.6): the one that holds a session
 * advisory lock, on a connection of its own, writes; the others stand by ({@link SharedStore})
 * and try the lock again every second, which PostgreSQL releases when the writer's session
 * ends. The writer gives each entry the stored id {@code max(its own id, highest stored + 1)}:
 * a viewer that wrote from its start stores its own ids unchanged; a standby numbers its own
 * entries {@value #STANDBY_HEADROOM} above the store's, so that its ids run ahead of the
 * writer's as both receive the same stream and continue the stored ids when it takes over.
 */
public final class JdbcStore implements HistoryStore, SharedStore {

	static final String TABLE = "zmqlog_entries";

	static final String STATE = "zmqlog_state";

	/** The advisory lock of the writing viewer ("zmqlog" in ASCII). */
	static final long WRITER_LOCK = 0x7a6d716c6f67L;

	/** The advisory lock held while the schema is created ("zmqlos"). */
	static final long SCHEMA_LOCK = 0x7a6d716c6f73L;

	/** How far above the stored ids a standby viewer starts its own numbering. */
	public static final long STANDBY_HEADROOM = 1L << 30;

	/** How much earlier than its own receipt another viewer may have received the same structured event. */
	private static final Duration RECEIPT_SKEW = Duration.ofMinutes(1);

	/**
	 * Entries without a seq that a viewer taking over received this close to the dead
	 * writer's last commit are matched by content against what it stored; before, they are
	 * taken as stored; after, as not.
	 */
	static final Duration TEXT_BAND = Duration.ofSeconds(1);

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int CANDIDATES_PER_ROUND = 1_000;

	/** Structured entries looked up at once when filling a gap. */
	private static final int GAP_LOOKUP = 5_000;

	/** Below this estimate the entries are counted; above, the planner's estimate is shown. */
	private static final long EXACT_COUNT_BELOW = 1_000_000;

	private static final Level[] LEVELS = Level.values();

	private static final Logger logger = LoggerFactory.getLogger(JdbcStore.class);

	private final DataSource dataSource;

	/** The connection that holds (or tries for) the writer's lock, and writes; the writer's thread alone uses it. */
	private Connection writer;

	private @Nullable PreparedStatement insert;

	private final Set<LocalDate> partitions = new HashSet<>();

	private final long firstId;

	private final List<SavedSource> savedSources;

	private final LongAdder unreadable = new LongAdder();

	private final LongAdder renumbered = new LongAdder();

	private volatile boolean writing;

	/** Whether every entry this viewer numbered is stored under its own id: it wrote from its start, always. */
	private volatile boolean ownIdsStored;

	/** The highest id stored, by any viewer; the writer's thread's. */
	private long highestStored;

	/** Of what is written and not yet committed: the newest receipt, and the highest own id. */
	private @Nullable Instant pendingReceived;

	private long pendingOwnId;

	private volatile long committedOwnId;

	private volatile long firstWrittenOwnId = Long.MAX_VALUE;

	private volatile @Nullable Committed othersCommitted;

	private JdbcStore(DataSource dataSource, Connection writer, boolean writing) throws SQLException {
		this.dataSource = dataSource;
		this.writer = writer;
		this.writing = writing;
		this.ownIdsStored = writing;
		long highest = highestStored(writer);
		this.firstId = highest + 1 + (writing ? 0 : STANDBY_HEADROOM);
		this.highestStored = highest;
		this.committedOwnId = this.firstId - 1;
		this.pendingOwnId = this.committedOwnId;
		byte[] sources = state(writer, "sources");
		this.savedSources = (sources != null) ? SavedSources.decode(sources) : List.of();
		if (writing) {
			prepareWriting();
		}
	}

	/** The highest id stored, or handed out by a writer that stored nothing after it. */
	private static long highestStored(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet max = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + TABLE)) {
			max.next();
			long highest = max.getLong(1);
			byte[] nextId = state(connection, "nextId");
			if (nextId != null) {
				highest = Math.max(highest, Long.parseLong(new String(nextId, StandardCharsets.US_ASCII)) - 1);
			}
			return highest;
		}
	}

	private void prepareWriting() throws SQLException {
		this.writer.setAutoCommit(false);
		this.insert = this.writer.prepareStatement("INSERT INTO " + TABLE
				+ " (id, received, time, level, topic, logger, thread, app, instance, seq, mdc, markers, text, entry)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT DO NOTHING");
	}

	/**
	 * Creates the schema if needed and takes the writer's lock when no other viewer holds
	 * it; otherwise this viewer stands by.
	 */
	public static JdbcStore open(DataSource dataSource) throws SQLException {
		Connection writer = dataSource.getConnection();
		try {
			createSchema(writer);
			return new JdbcStore(dataSource, writer, tryLock(writer));
		}
		catch (SQLException | RuntimeException ex) {
			writer.close();
			throw ex;
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + WRITER_LOCK + ")")) {
			locked.next();
			return locked.getBoolean(1);
		}
	}

	/** Viewers starting together create the schema one after the other. */
	private static void createSchema(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
			statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id bigint NOT NULL, "
					+ "received timestamptz NOT NULL, time timestamptz NOT NULL, level smallint NOT NULL, "
					+ "topic text NOT NULL, logger text, thread text, app text, instance text, seq bigint, "
					+ "mdc jsonb NOT NULL, markers text[] NOT NULL, text text NOT NULL, entry bytea NOT NULL, "
					+ "PRIMARY KEY (id, received)) PARTITION BY RANGE (received)");
			statement.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_time ON " + TABLE + " (time)");
			// a viewer taking over looks up what the dead writer stored: by source and seq, and by receipt
			statement.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_seq ON " + TABLE
					+ " (instance, seq) WHERE seq IS NOT NULL");
			statement.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_received ON " + TABLE + " USING brin (received)");
			statement.execute("CREATE TABLE IF NOT EXISTS " + STATE + " (name text PRIMARY KEY, value bytea NOT NULL)");
			connection.commit();
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private static @Nullable byte[] state(Connection connection, String name) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("SELECT value FROM " + STATE + " WHERE name = ?")) {
			select.setString(1, name);
			try (ResultSet row = select.executeQuery()) {
				return row.next() ? row.getBytes(1) : null;
			}
		}
	}

	@Override
	public boolean writing() {
		return this.writing;
	}

	@Override
	public boolean tryTakeOver() throws IOException {
		if (this.writing) {
			return true;
		}
		try {
			if (!this.writer.isValid(1)) {
				closeQuietly(this.writer);
				this.writer = this.dataSource.getConnection();
			}
			if (!tryLock(this.writer)) {
				return false;
			}
			this.highestStored = highestStored(this.writer);
			this.partitions.clear();
			prepareWriting();
			this.writing = true;
			return true;
		}
		catch (SQLException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
	}

	@Override
	public @Nullable Instant readCommittedUpTo() throws IOException {
		// one statement, one snapshot: the commit's time and the ids it covers go together
		Instant upTo = null;
		long nextId = 0;
		try (Statement statement = this.writer.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT name, value FROM " + STATE + " WHERE name IN ('committed', 'nextId')")) {
			while (rows.next()) {
				String value = new String(rows.getBytes(2), StandardCharsets.US_ASCII);
				if (rows.getString(1).equals("committed")) {
					upTo = Instant.parse(value);
				}
				else {
					nextId = Long.parseLong(value);
				}
			}
			if (!this.writer.getAutoCommit()) {
				this.writer.commit();
			}
		}
		catch (SQLException ex) {
			throw new IOException(ex.getMessage(), ex);
		}
		if (!this.writing) {
			this.othersCommitted = (upTo != null) ? new Committed(upTo, nextId) : null;
		}
		return upTo;
	}

	@Override
	public @Nullable Committed othersCommitted() {
		return this.othersCommitted;
	}

	@Override
	public GapFill unstored(List<ViewerEntry> received) throws IOException {
		Instant committedUpTo = readCommittedUpTo();
		List<ViewerEntry> structured = new ArrayList<>();
		Set<SeqKey> inBuffer = new HashSet<>();
		for (ViewerEntry entry : received) {
			SeqKey key = SeqKey.of(entry);
			if (key != null && inBuffer.add(key)) {
				structured.add(entry);
			}
		}
		Set<SeqKey> stored = new HashSet<>();
		try {
			for (int from = 0; from < structured.size(); from += GAP_LOOKUP) {
				stored.addAll(storedKeys(structured.subList(from, Math.min(structured.size(), from + GAP_LOOKUP))));
			}
			this.writer.commit();
		}
		catch (SQLException ex) {
			rollbackQuietly();
			throw new IOException(ex.getMessage(), ex);
		}
		Map<String, Integer> storedTexts = (committedUpTo != null) ? storedTexts(received, committedUpTo) : Map.of();
		List<ViewerEntry> unstored = new ArrayList<>();
		Set<SeqKey> taken = new HashSet<>();
		long alreadyStored = 0;
		long beforeCommit = 0;
		for (ViewerEntry entry : received) {
			SeqKey key = SeqKey.of(entry);
			if (key != null) {
				if (stored.contains(key) || !taken.add(key)) {
					alreadyStored++;
					continue;
				}
			}
			else if (committedUpTo != null && !entry.received().isAfter(committedUpTo.plus(TEXT_BAND))) {
				// near the last commit, receipts of the two viewers may fall either side: matched by content
				if (!entry.received().isAfter(committedUpTo.minus(TEXT_BAND))
						|| take(storedTexts, textKey(entry.topic(), text(entry)))) {
					beforeCommit++;
					continue;
				}
			}
			unstored.add(entry);
		}
		if (!received.isEmpty()) {
			// the ids of what is skipped are covered too: the store answers for them now, under the dead writer's ids
			this.pendingOwnId = Math.max(this.pendingOwnId, received.get(received.size() - 1).id());
		}
		return new GapFill(unstored, alreadyStored, beforeCommit, committedUpTo);
	}

	/**
	 * The entries without a seq that the store holds from around the dead writer's last
	 * commit, counted by topic and text: those this viewer received within
	 * {@link #TEXT_BAND} of that commit are matched against them.
	 */
	private Map<String, Integer> storedTexts(List<ViewerEntry> received, Instant committedUpTo) throws IOException {
		Map<String, Integer> texts = new HashMap<>();
		try (PreparedStatement select = this.writer.prepareStatement("SELECT topic, text FROM " + TABLE
				+ " WHERE (seq IS NULL OR instance IS NULL) AND received > ? AND received <= ?")) {
			select.setTimestamp(1, Timestamp.from(committedUpTo.minus(TEXT_BAND.multipliedBy(2))));
			select.setTimestamp(2, Timestamp.from(committedUpTo.plus(TEXT_BAND)));
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					texts.merge(textKey(rows.getString(1), rows.getString(2)), 1, Integer::sum);
				}
			}
			this.writer.commit();
		}
		catch (SQLException ex) {
			rollbackQuietly();
			throw new IOException(ex.getMessage(), ex);
		}
		return texts;
	}

	/** Takes one of the key from the counts, if there is one. */
	private static boolean take(Map<String, Integer> counts, String key) {
		Integer count = counts.get(key);
		if (count == null) {
			return false;
		}
		if (count == 1) {
			counts.remove(key);
		}
		else {
			counts.put(key, count - 1);
		}
		return true;
	}

	private static String textKey(@Nullable String topic, @Nullable String text) {
		return clean(topic) + '\u0000' + clean(text);
	}

	/** Which of these structured entries' source instance and seq the store holds. */
	private Set<SeqKey> storedKeys(List<ViewerEntry> entries) throws SQLException {
		Instant oldest = entries.get(0).received();
		for (ViewerEntry entry : entries) {
			oldest = entry.received().isBefore(oldest) ? entry.received() : oldest;
		}
		Set<SeqKey> stored = new HashSet<>();
		try (PreparedStatement select = this.writer.prepareStatement("SELECT e.instance, e.seq FROM " + TABLE
				+ " e JOIN unnest(?::text[], ?::bigint[]) AS k(instance, seq) ON e.instance = k.instance AND e.seq = k.seq"
				+ " WHERE e.seq IS NOT NULL AND e.received >= ?")) {
			select.setArray(1, this.writer.createArrayOf("text",
					entries.stream().map((entry) -> clean(entry.source().instance())).toArray()));
			select.setArray(2, this.writer.createArrayOf("bigint", entries.stream().map(ViewerEntry::seq).toArray()));
			select.setTimestamp(3, Timestamp.from(oldest.minus(RECEIPT_SKEW)));
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					stored.add(new SeqKey(rows.getString(1), rows.getLong(2)));
				}
			}
		}
		return stored;
	}

	@Override
	public long committedOwnId() {
		return this.committedOwnId;
	}

	@Override
	public long firstOwnId() {
		return this.firstId;
	}

	@Override
	public long firstWrittenOwnId() {
		return this.firstWrittenOwnId;
	}

	@Override
	public boolean ownIdsStored() {
		return this.ownIdsStored;
	}

	@Override
	public long firstIdReceivedFrom(Instant received) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection
					.prepareStatement("SELECT min(id) FROM " + TABLE + " WHERE received >= ?")) {
			select.setTimestamp(1, Timestamp.from(received));
			try (ResultSet row = select.executeQuery()) {
				row.next();
				long id = row.getLong(1);
				return row.wasNull() ? Long.MAX_VALUE : id;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("history query failed: " + ex.getMessage(), ex);
		}
	}

	/** Entries stored under another id than their own because this viewer's numbering was behind the store's. */
	public long renumbered() {
		return this.renumbered.sum();
	}

	/** A structured event's identity: its source instance and seq (the columns' text, NUL as U+FFFD). */
	private record SeqKey(String instance, long seq) {

		static @Nullable SeqKey of(ViewerEntry entry) {
			if (entry.seq() == null || entry.source() == null || entry.source().instance() == null) {
				return null;
			}
			return new SeqKey(clean(entry.source().instance()), entry.seq());
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
		if (!this.writing) {
			throw new IOException("another viewer writes to this database's history");
		}
		long highest = this.highestStored;
		try {
			for (ViewerEntry entry : entries) {
				partitionFor(entry.received());
				// ids increase across viewers: an entry numbered below what is stored is stored after it
				long id = Math.max(entry.id(), highest + 1);
				if (id != entry.id()) {
					if (this.renumbered.sum() == 0) {
						logger.warn("This viewer's ids ({}) are behind the shared history's ({}): its entries are stored "
								+ "under ids of their own from now on", entry.id(), highest);
					}
					this.renumbered.increment();
					this.ownIdsStored = false;
				}
				highest = id;
				bindInsert(id, (id == entry.id()) ? entry : withId(entry, id));
				this.insert.addBatch();
			}
			this.insert.executeBatch();
		}
		catch (SQLException ex) {
			rollbackQuietly();
			throw new IOException(ex.getMessage(), ex);
		}
		this.highestStored = highest;
		if (!entries.isEmpty()) {
			ViewerEntry last = entries.get(entries.size() - 1);
			this.pendingOwnId = Math.max(this.pendingOwnId, last.id());
			for (ViewerEntry entry : entries) {
				if (this.pendingReceived == null || entry.received().isAfter(this.pendingReceived)) {
					this.pendingReceived = entry.received();
				}
			}
			if (this.firstWrittenOwnId == Long.MAX_VALUE) {
				this.firstWrittenOwnId = entries.get(0).id();
			}
		}
	}

	private static ViewerEntry withId(ViewerEntry entry, long id) {
		return new ViewerEntry(id, entry.time(), entry.received(), entry.topic(), entry.level(), entry.logger(),
				entry.thread(), entry.message(), entry.exception(), entry.mdc(), entry.markers(), entry.seq(),
				entry.source(), entry.kind());
	}

	private void bindInsert(long id, ViewerEntry entry) throws SQLException {
		PreparedStatement insert = this.insert;
		insert.setLong(1, id);
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
		if (!this.writing) {
			throw new IOException("another viewer writes to this database's history");
		}
		try (PreparedStatement upsert = this.writer.prepareStatement("INSERT INTO " + STATE
				+ " (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value")) {
			upsert.setString(1, "nextId");
			upsert.setBytes(2, Long.toString(Math.max(nextId, this.highestStored + 1)).getBytes(StandardCharsets.US_ASCII));
			upsert.addBatch();
			upsert.setString(1, "sources");
			upsert.setBytes(2, SavedSources.encode(sources));
			upsert.addBatch();
			if (this.pendingReceived != null) {
				// how far this writer got, for a viewer that takes over after it
				upsert.setString(1, "committed");
				upsert.setBytes(2, this.pendingReceived.toString().getBytes(StandardCharsets.US_ASCII));
				upsert.addBatch();
			}
			upsert.executeBatch();
			this.writer.commit();
			this.committedOwnId = this.pendingOwnId;
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
			this.highestStored = highestStored(this.writer);
			this.writer.commit();
		}
		catch (SQLException ex) {
			// the connection is gone, and the lock with it: another viewer may write now
			lostConnection();
		}
	}

	/** The session that held the lock is gone: this viewer stands by until it takes the lock again. */
	private void lostConnection() {
		try {
			if (this.writer.isValid(1)) {
				return;
			}
		}
		catch (SQLException ex) {
			// not valid
		}
		if (this.writing) {
			logger.warn("The connection that held the shared history's writer lock is gone; this viewer stands by");
		}
		this.writing = false;
		this.ownIdsStored = false;
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// gone already
		}
	}

	@Override
	public long retain(long maxBytes, Instant oldestReceived) throws IOException {
		if (!this.writing) {
			return 0;
		}
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
			if (this.writing) {
				this.writer.rollback();
				// at once: a closed connection's session, and its lock, may outlive the close for a moment
				try (Statement statement = this.writer.createStatement()) {
					statement.execute("SELECT pg_advisory_unlock(" + WRITER_LOCK + ")");
				}
			}
		}
		catch (SQLException ex) {
			// closing the connection releases the lock too
		}
		this.writing = false;
		closeQuietly(this.writer);
	}

}
