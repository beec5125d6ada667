package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;

/**
 * Reads the stored bytes of many entries of one searcher, as a page does, in id order.
 * Lucene compresses stored fields in blocks of about 80 KB; its reader for random access
 * decompresses a block's dictionary and a sub-block for every entry (the profile of
 * {@code /api/fields}, 5,000 entries: most of the time in LZ4), while the reader that
 * merges segments decompresses a whole block once and reads its entries from memory. An
 * entry read close after its neighbour (within {@value #DENSE_GAP} documents) goes through
 * the merging reader, a lone one through the random-access reader (a rare substring's
 * matches, one per block, cost three times as much through the merging one). One segment's
 * readers per query, on one thread.
 */
final class EntryReader {

	/** Documents between two reads of a segment for the second to count as a neighbour's. */
	static final int DENSE_GAP = 32;

	private final List<LeafReaderContext> leaves;

	private final @Nullable StoredFields[] random;

	private final @Nullable StoredFields[] merging;

	private final int[] lastDoc;

	private final BytesVisitor visitor = new BytesVisitor();

	EntryReader(IndexReader reader) {
		this.leaves = reader.leaves();
		this.random = new StoredFields[this.leaves.size()];
		this.merging = new StoredFields[this.leaves.size()];
		this.lastDoc = new int[this.leaves.size()];
		Arrays.fill(this.lastDoc, Integer.MIN_VALUE / 2);
	}

	/** The entry's stored bytes; {@code null} when it has none (damaged). */
	byte @Nullable [] bytes(int doc) throws IOException {
		int leaf = ReaderUtil.subIndex(doc, this.leaves);
		LeafReaderContext context = this.leaves.get(leaf);
		int local = doc - context.docBase;
		boolean neighbour = Math.abs(local - this.lastDoc[leaf]) <= DENSE_GAP;
		this.lastDoc[leaf] = local;
		StoredFields stored = neighbour ? this.merging[leaf] : this.random[leaf];
		if (stored == null) {
			if (neighbour && context.reader() instanceof CodecReader codec && codec.getFieldsReader() != null) {
				stored = codec.getFieldsReader().getMergeInstance();
			}
			else {
				stored = context.reader().storedFields();
			}
			(neighbour ? this.merging : this.random)[leaf] = stored;
		}
		this.visitor.bytes = null;
		stored.document(local, this.visitor);
		return this.visitor.bytes;
	}

	/** Takes the entry's bytes and stops. */
	private static final class BytesVisitor extends StoredFieldVisitor {

		private byte @Nullable [] bytes;

		@Override
		public Status needsField(FieldInfo field) {
			if (this.bytes != null) {
				return Status.STOP;
			}
			return EntryDocument.ENTRY.equals(field.name) ? Status.YES : Status.NO;
		}

		@Override
		public void binaryField(FieldInfo field, byte[] value) {
			this.bytes = value;
		}

	}

}
