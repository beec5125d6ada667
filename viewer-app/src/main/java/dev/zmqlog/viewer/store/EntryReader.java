package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.lucene.codecs.StoredFieldsReader;
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
 * merges segments decompresses a block once and reads its entries from memory. Pages read
 * neighbours, so they use the merging reader, one per segment, for one query on one thread.
 */
final class EntryReader {

	private final List<LeafReaderContext> leaves;

	private final @Nullable StoredFields[] readers;

	private final BytesVisitor visitor = new BytesVisitor();

	EntryReader(IndexReader reader) {
		this.leaves = reader.leaves();
		this.readers = new StoredFields[this.leaves.size()];
	}

	/** The entry's stored bytes; {@code null} when it has none (damaged). */
	byte @Nullable [] bytes(int doc) throws IOException {
		int leaf = ReaderUtil.subIndex(doc, this.leaves);
		StoredFields stored = this.readers[leaf];
		if (stored == null) {
			LeafReaderContext context = this.leaves.get(leaf);
			stored = (context.reader() instanceof CodecReader codec && codec.getFieldsReader() != null)
					? mergeInstance(codec.getFieldsReader()) : context.reader().storedFields();
			this.readers[leaf] = stored;
		}
		this.visitor.bytes = null;
		stored.document(doc - this.leaves.get(leaf).docBase, this.visitor);
		return this.visitor.bytes;
	}

	private static StoredFields mergeInstance(StoredFieldsReader reader) {
		return reader.getMergeInstance();
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
