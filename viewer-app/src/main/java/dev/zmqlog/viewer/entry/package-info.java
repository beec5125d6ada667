/**
 * The entry model every part of the viewer shares: the entry, the filter, the one JSON
 * writer, the memory an entry takes, and the seam where numbered entries are handed on.
 * Imports no other viewer package.
 */
@NullMarked
package dev.zmqlog.viewer.entry;

import org.jspecify.annotations.NullMarked;
