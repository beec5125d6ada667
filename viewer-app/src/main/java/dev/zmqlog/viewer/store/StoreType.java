package dev.zmqlog.viewer.store;

/** Where history is kept ({@code zmq.log.viewer.store.type}). */
public enum StoreType {

	/** A Lucene index in {@code store.path}. */
	EMBEDDED,

	/** A database given by {@code spring.datasource.*} (PostgreSQL), shared by several viewers. */
	JDBC,

	/** Nothing beyond the recent window. */
	MEMORY

}
