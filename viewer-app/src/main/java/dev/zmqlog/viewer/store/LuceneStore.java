package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import dev.zmqlog.protocol.Level;
import dev.zmqlog.viewer.entry.EntryFilter;
import dev.zmqlog.viewer.entry.ViewerEntry;
import dev.zmqlog.viewer.history.RecentWindow.Selection;
import dev.zmqlog.viewer.history.SourceTable.SavedSource;
import org.jspecify.annotations.Nullable;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * {@code store.type=embedded}: a Lucene index in one folder, sorted by id, so that the
 * newest or oldest entries of any query come without sorting everything. Each entry is one
 * document ({@link EntryDocument}); the next id and the sources' counts ride in each
 * commit's user data, so they are exactly as durable as the entries. Readers search the
 * last refreshed view; the writer refreshes it at every commit.
 */
public final class LuceneStore implements HistoryStore {

	private static final String NEXT_ID = "zmqlog.nextId";

	private static final String SOURCES = "zmqlog.sources";

	/** Documents fetched per round while a query's exact check rejects candidates. */
	private static final int CANDIDATES_PER_ROUND = 1_000;

	/** Candidates fetched at most in a window's first round: a page's largest limit, and one. */
	private static final int MAX_FIRST_ROUND = 10_001;

	/** Ids the first window of a page search spans at least. */
	private static final long FIRST_WINDOW = 4_096;

	private final Path path;

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final long firstId;

	private final List<SavedSource> savedSources;

	private final LongAdder unreadable = new LongAdder();

	private final TimeBlockCounter timeBlocks;

	private volatile @Nullable String recovery;

	private LuceneStore(Path path, Directory directory, IndexWriter writer, TimeBlockCache timeBlocks)
			throws IOException {
		this.path = path;
		this.directory = directory;
		this.writer = writer;
		this.timeBlocks = new TimeBlockCounter(timeBlocks);
		this.searchers = new SearcherManager(writer, null);
		Map<String, String> committed = new HashMap<>();
		Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
		if (data != null) {
			data.forEach((entry) -> committed.put(entry.getKey(), entry.getValue()));
		}
		long nextId = 1;
		if (committed.containsKey(NEXT_ID)) {
			nextId = Long.parseLong(committed.get(NEXT_ID));
		}
		IndexSearcher searcher = this.searchers.acquire();
		try {
			byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), EntryDocument.ID);
			if (max != null) {
				nextId = Math.max(nextId, NumericUtils.sortableBytesToLong(max, 0) + 1);
			}
		}
		finally {
			this.searchers.release(searcher);
		}
		this.firstId = nextId;
		String sources = committed.get(SOURCES);
		this.savedSources = (sources != null) ? SavedSources.decode(Base64.getDecoder().decode(sources)) : List.of();
	}

	/**
	 * Opens the index in this folder, or a new one.
	 * @throws IOException when the folder cannot be read as an index (the caller moves it aside)
	 * @throws org.apache.lucene.store.LockObtainFailedException when another viewer uses it
	 */
	public static LuceneStore open(Path path, double ramBufferMegabytes) throws IOException {
		Files.createDirectories(path);
		FSDirectory directory = FSDirectory.open(path);
		IndexWriter writer = null;
		try {
			IndexWriterConfig config = new IndexWriterConfig();
			config.setIndexSort(new Sort(new SortField(EntryDocument.ID, SortField.Type.LONG)));
			config.setRAMBufferSizeMB(ramBufferMegabytes);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			config.setCommitOnClose(true);
			TieredMergePolicy merges = new TieredMergePolicy();
			merges.setDeletesPctAllowed(20);
			config.setMergePolicy(merges);
			TimeBlockCache timeBlocks = new TimeBlockCache();
			config.setMergedSegmentWarmer(timeBlocks);
			writer = new IndexWriter(directory, config);
			return new LuceneStore(path, directory, writer, timeBlocks);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(writer);
			closeQuietly(directory);
			throw (ex instanceof IOException io) ? io : new IOException(ex.getMessage(), ex);
		}
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already failing
			}
		}
	}

	/** The folder of the index. */
	public Path path() {
		return this.path;
	}

	/** Stored entries that could not be read back (damaged), skipped by queries. */
	public long unreadable() {
		return this.unreadable.sum();
	}

	@Override
	public StoreType type() {
		return StoreType.EMBEDDED;
	}

	@Override
	public @Nullable String recovery() {
		return this.recovery;
	}

	void recovery(String recovery) {
		this.recovery = recovery;
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

	@Override
	public void write(List<ViewerEntry> entries) throws IOException {
		List<org.apache.lucene.document.Document> documents = new ArrayList<>(entries.size());
		for (ViewerEntry entry : entries) {
			documents.add(EntryDocument.of(entry));
		}
		this.writer.addDocuments(documents);
	}

	@Override
	public void commit(long nextId, List<SavedSource> sources) throws IOException {
		this.writer.setLiveCommitData(Map.of(NEXT_ID, Long.toString(nextId), SOURCES,
				Base64.getEncoder().encodeToString(SavedSources.encode(sources))).entrySet());
		this.writer.commit();
		this.searchers.maybeRefreshBlocking();
	}

	@Override
	public long retain(long maxBytes, Instant oldestReceived) throws IOException {
		long before = this.writer.getDocStats().numDocs;
		this.writer.deleteDocuments(
				LongPoint.newRangeQuery(EntryDocument.RECEIVED, Long.MIN_VALUE, oldestReceived.toEpochMilli() - 1));
		long bytes = bytesOnDisk();
		if (bytes > maxBytes) {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), EntryDocument.ID);
				byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), EntryDocument.ID);
				if (min != null && max != null) {
					long first = NumericUtils.sortableBytesToLong(min, 0);
					long last = NumericUtils.sortableBytesToLong(max, 0);
					// the share of ids over the limit, and a tenth more, so that this runs seldom
					double share = Math.min(1.0, (bytes - maxBytes) / (double) bytes + 0.1);
					long cut = first + (long) Math.ceil((last - first + 1) * share);
					this.writer.deleteDocuments(LongPoint.newRangeQuery(EntryDocument.ID, Long.MIN_VALUE, cut - 1));
				}
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		this.writer.flush();
		return Math.max(0, before - this.writer.getDocStats().numDocs);
	}

	/** Bytes of the index's files. */
	long bytesOnDisk() throws IOException {
		long bytes = 0;
		for (String file : this.directory.listAll()) {
			try {
				bytes += this.directory.fileLength(file);
			}
			catch (NoSuchFileException ex) {
				// removed by a merge meanwhile
			}
		}
		return bytes;
	}

	@Override
	public Selection newest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return select(filter, afterId, beforeId, limit, true, deadlineNanos);
	}

	@Override
	public Selection oldest(EntryFilter filter, long afterId, long beforeId, int limit, long deadlineNanos) {
		return select(filter, afterId, beforeId, limit, false, deadlineNanos);
	}

	private Selection select(EntryFilter filter, long afterId, long beforeId, int limit, boolean newestFirst,
			long deadlineNanos) {
		List<ViewerEntry> found = new ArrayList<>(Math.min(limit, 1024));
		boolean complete = search(filter, afterId, beforeId, limit, newestFirst, deadlineNanos, entries(filter), found);
		return new Selection(found, complete, 0);
	}

	/**
	 * The facets' values without the entries' messages and stack traces when the index
	 * answers the filter exactly (nothing to check on the entry): a third of the facets' time
	 * went into decoding texts they do not count.
	 */
	@Override
	public FacetSample newestFacets(EntryFilter filter, long beforeId, int limit, long deadlineNanos) {
		List<EntryFacets> found = new ArrayList<>(Math.min(limit, 1024));
		HitReader<EntryFacets> facets;
		if (LuceneQueries.isExact(filter)) {
			facets = (stored, doc) -> {
				byte[] bytes = stored.bytes(doc);
				return decode(bytes, (valid) -> EntryBytes.facets(valid, 0, valid.length));
			};
		}
		else {
			HitReader<ViewerEntry> entries = entries(filter);
			facets = (stored, doc) -> {
				ViewerEntry entry = entries.read(stored, doc);
				return (entry != null) ? EntryFacets.of(entry) : null;
			};
		}
		boolean complete = search(filter, Long.MIN_VALUE, beforeId, limit, true, deadlineNanos, facets, found);
		return new FacetSample(found, complete);
	}

	/** The entries that match the filter, checked exactly. */
	private HitReader<ViewerEntry> entries(EntryFilter filter) {
		return (stored, doc) -> {
			ViewerEntry entry = read(stored, doc);
			return (entry != null && filter.matches(entry)) ? entry : null;
		};
	}

	/**
	 * Searches windows of ids from one end of the range, each eight times wider than the
	 * last: ids are dense, so a window holds at most its width of entries, and sorting a
	 * window costs what it holds, not what the whole index holds (a newest page of 10
	 * million entries took 600 ms as one sorted search). Adds what the reader makes of the
	 * hits to {@code found}, oldest first.
	 * @return whether the search ended before the deadline
	 */
	private <T> boolean search(EntryFilter filter, long afterId, long beforeId, int limit, boolean newestFirst,
			long deadlineNanos, HitReader<T> reader, List<T> found) {
		boolean complete = true;
		IndexSearcher searcher = acquire();
		try {
			byte[] min = PointValues.getMinPackedValue(searcher.getIndexReader(), EntryDocument.ID);
			byte[] max = PointValues.getMaxPackedValue(searcher.getIndexReader(), EntryDocument.ID);
			if (min == null || max == null) {
				return true;
			}
			long after = Math.max(afterId, NumericUtils.sortableBytesToLong(min, 0) - 1);
			long before = Math.min(beforeId, NumericUtils.sortableBytesToLong(max, 0) + 1);
			long width = Math.max(4L * limit, FIRST_WINDOW);
			Sort sort = new Sort(new SortField(EntryDocument.ID, SortField.Type.LONG, newestFirst));
			EntryReader stored = new EntryReader(searcher.getIndexReader());
			while (after < before - 1 && complete && found.size() < limit) {
				long low = newestFirst ? Math.max(after, before - 1 - width) : after;
				long high = newestFirst ? before : Math.min(before, after + 1 + width);
				complete = searchWindow(searcher, stored, filter, low, high, sort, limit, reader, found, deadlineNanos);
				if (newestFirst) {
					before = low + 1;
				}
				else {
					after = high - 1;
				}
				width = Math.min(width * 8, Long.MAX_VALUE / 16);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
		if (newestFirst) {
			Collections.reverse(found);
		}
		return complete;
	}

	/**
	 * Adds what the reader makes of the hits between the ids, in the sort's order, until
	 * {@code found} holds {@code limit}.
	 * @return whether the window was searched before the deadline
	 */
	private <T> boolean searchWindow(IndexSearcher searcher, EntryReader stored, EntryFilter filter, long afterId,
			long beforeId, Sort sort, int limit, HitReader<T> reader, List<T> found, long deadlineNanos)
			throws IOException {
		Query query = query(filter, afterId, beforeId);
		ScoreDoc after = null;
		// one round when every candidate is likely to be taken, as with a filter the index answers exactly
		int round = Math.min(limit - found.size() + 1, Math.max(CANDIDATES_PER_ROUND, MAX_FIRST_ROUND));
		while (true) {
			TopFieldDocs top = searcher.searchAfter(after, query, round, sort, false);
			for (ScoreDoc hit : top.scoreDocs) {
				T value = reader.read(stored, hit.doc);
				if (value != null) {
					found.add(value);
					if (found.size() == limit) {
						return true;
					}
				}
				if (System.nanoTime() > deadlineNanos) {
					return false;
				}
			}
			if (top.scoreDocs.length < round) {
				return true;
			}
			after = top.scoreDocs[top.scoreDocs.length - 1];
			round = CANDIDATES_PER_ROUND;
		}
	}

	private static Query query(EntryFilter filter, long afterId, long beforeId) {
		try {
			return LuceneQueries.of(filter, afterId, beforeId);
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw new IllegalArgumentException("too many conditions in one query");
		}
	}

	private @Nullable ViewerEntry read(StoredFields stored, int doc) throws IOException {
		BytesRef bytes = stored.document(doc).getBinaryValue(EntryDocument.ENTRY);
		return (bytes != null) ? decode(bytes.bytes, bytes.offset, bytes.length) : decode(null, 0, 0);
	}

	private @Nullable ViewerEntry read(EntryReader stored, int doc) throws IOException {
		byte[] bytes = stored.bytes(doc);
		return decode(bytes, (valid) -> EntryBytes.decode(valid, 0, valid.length));
	}

	private @Nullable ViewerEntry decode(byte @Nullable [] bytes, int offset, int length) {
		return decode(bytes, (valid) -> EntryBytes.decode(valid, offset, length));
	}

	/** What the decoder makes of the bytes; {@code null}, counted as unreadable, when they are missing or damaged. */
	private <T> @Nullable T decode(byte @Nullable [] bytes, Function<byte[], T> decoder) {
		try {
			if (bytes == null) {
				this.unreadable.increment();
				return null;
			}
			return decoder.apply(bytes);
		}
		catch (IllegalArgumentException ex) {
			this.unreadable.increment();
			return null;
		}
	}

	@Override
	public @Nullable ViewerEntry get(long id) {
		IndexSearcher searcher = acquire();
		try {
			TopFieldDocs top = searcher.search(LongPoint.newExactQuery(EntryDocument.ID, id), 1,
					new Sort(new SortField(EntryDocument.ID, SortField.Type.LONG)));
			return (top.scoreDocs.length == 0) ? null : read(searcher.storedFields(), top.scoreDocs[0].doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	@Override
	public boolean count(EntryFilter filter, long beforeId, EntryCounter counter, long deadlineNanos) {
		if (LuceneQueries.isTimeAndLevel(filter)) {
			IndexSearcher searcher = acquire();
			try {
				return this.timeBlocks.count(searcher, filter, beforeId, counter, deadlineNanos);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				release(searcher);
			}
		}
		Query query = query(filter, Long.MIN_VALUE, beforeId);
		boolean exact = LuceneQueries.isExact(filter);
		Level[] levels = Level.values();
		IndexSearcher searcher = acquire();
		try {
			Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
			EntryReader stored = exact ? null : new EntryReader(searcher.getIndexReader());
			long seen = 0;
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				Scorer scorer = weight.scorer(leaf);
				if (scorer == null) {
					continue;
				}
				Bits live = leaf.reader().getLiveDocs();
				NumericDocValues times = leaf.reader().getNumericDocValues(EntryDocument.TIME);
				NumericDocValues levelValues = leaf.reader().getNumericDocValues(EntryDocument.LEVEL);
				DocIdSetIterator docs = scorer.iterator();
				for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
					if ((++seen & 1023) == 0 && System.nanoTime() > deadlineNanos) {
						return false;
					}
					if (live != null && !live.get(doc)) {
						continue;
					}
					if (stored != null) {
						ViewerEntry entry = read(stored, leaf.docBase + doc);
						if (entry != null && filter.matches(entry)) {
							counter.count(entry.time().toEpochMilli(), entry.level());
						}
						continue;
					}
					long time = (times != null && times.advanceExact(doc)) ? times.longValue() : 0;
					long level = (levelValues != null && levelValues.advanceExact(doc)) ? levelValues.longValue()
							: EntryDocument.NO_LEVEL;
					counter.count(time, (level >= 0 && level < levels.length) ? levels[(int) level] : null);
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	@Override
	public StoreSize size() {
		IndexSearcher searcher = acquire();
		try {
			int entries = searcher.getIndexReader().numDocs();
			Instant oldest = null;
			if (entries > 0) {
				TopFieldDocs top = searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(), 1,
						new Sort(new SortField(EntryDocument.ID, SortField.Type.LONG)));
				if (top.scoreDocs.length > 0) {
					ViewerEntry entry = read(searcher.storedFields(), top.scoreDocs[0].doc);
					oldest = (entry != null) ? entry.time() : null;
				}
			}
			return new StoreSize(bytesOnDisk(), entries, oldest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			release(searcher);
		}
	}

	private IndexSearcher acquire() {
		try {
			return this.searchers.acquire();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			this.searchers.release(searcher);
		}
		catch (IOException ex) {
			// a reader that fails to close changes no answer
		}
	}

	/** What a search makes of one hit: {@code null} to skip it (no match, or damaged). */
	@FunctionalInterface
	private interface HitReader<T> {

		@Nullable T read(EntryReader stored, int doc) throws IOException;

	}

	@Override
	public void close() {
		closeQuietly(this.searchers);
		closeQuietly(this.writer);
		closeQuietly(this.directory);
	}


}
