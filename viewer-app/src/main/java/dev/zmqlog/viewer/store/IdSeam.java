package dev.zmqlog.viewer.store;

/**
 * Where a viewer's own ids (its recent window's) meet the store's, for
 * {@link EntryHistory}: which window ids the window answers for, and which stored ids a
 * query's cursor stands for. For a viewer whose entries are stored under its own ids
 * (every store but a shared one written by another viewer), ids are the same on both
 * sides: {@link #EXACT}.
 */
interface IdSeam {

	/** Ids mean the same in the window and the store. */
	IdSeam EXACT = new IdSeam() {

		@Override
		public long windowFrom(long windowOldestId) {
			return windowOldestId;
		}

		@Override
		public long storeBefore(long beforeId, long windowFrom) {
			return Math.min(beforeId, windowFrom);
		}

		@Override
		public long storeAfter(long afterId) {
			return afterId;
		}

	};

	/** The lowest window id the window answers for; the store answers for what is before. */
	long windowFrom(long windowOldestId);

	/** The stored ids a query before {@code beforeId} reads from the store: those below the one returned. */
	long storeBefore(long beforeId, long windowFrom);

	/** The stored ids a query after {@code afterId} reads from the store: those above the one returned. */
	long storeAfter(long afterId);

}
