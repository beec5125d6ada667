package dev.zmqlog.benchmarks;

/** One way of putting the harness's messages on the wire. */
interface Sender extends AutoCloseable {

	/** Sends the {@code i}-th message; never blocks on the network. */
	void send(long i);

	/** Messages that the sender itself dropped and counted, if it counts. */
	long dropped();

	@Override
	void close();

}
