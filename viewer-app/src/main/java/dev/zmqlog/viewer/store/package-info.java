/**
 * The history store (PRODUCT.md §5.3): entries kept on disk (Lucene) or in a shared
 * database (PostgreSQL), written in batches by a thread of its own, and read together with
 * the recent window as one list. Imports {@code entry} and {@code history}.
 */
@NullMarked
package dev.zmqlog.viewer.store;

import org.jspecify.annotations.NullMarked;
