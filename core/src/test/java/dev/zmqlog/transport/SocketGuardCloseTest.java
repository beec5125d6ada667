package dev.zmqlog.transport;

import java.time.Duration;

import dev.zmqlog.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Closing a guard while ZeroMQ's I/O thread reports connection events. JeroMQ writes a
 * monitor event with a blocking send while it holds the socket's monitor lock; if the
 * guard stopped reading its end of the monitor pair before the monitor was switched off,
 * the I/O thread blocked there for good, holding the lock that the closing thread then
 * waited for: every socket of the context went deaf (seen under load: all of
 * ZmqLogAppenderTest failing after one subscriber to a gone endpoint was closed).
 */
class SocketGuardCloseTest {

	private static final int CLOSES = 200;

	@Test
	void closingWhileConnectRetriesAreReportedLeavesTheContextWorking() {
		try (ZContext context = new ZContext(1)) {
			String gone = FreePorts.endpoint();
			for (int i = 0; i < CLOSES; i++) {
				ZMQ.Socket socket = context.createSocket(SocketType.SUB);
				// a retry every millisecond: the I/O thread reports one event after another
				socket.setReconnectIVL(1);
				socket.setReconnectIVLMax(1);
				SocketGuard guard = SocketGuard.install(context, socket, new InboundLimits(1024, 4),
						new PeerRefusals("test"));
				socket.connect(gone);
				assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
					guard.close();
					context.destroySocket(socket);
				}, () -> "closing guard " + guard);
			}
			assertThat(deliversOneMessage(context)).as("a new pair of sockets in the same context").isTrue();
		}
	}

	private static boolean deliversOneMessage(ZContext context) {
		ZMQ.Socket publisher = context.createSocket(SocketType.PUB);
		ZMQ.Socket subscriber = context.createSocket(SocketType.SUB);
		try {
			publisher.bind("tcp://127.0.0.1:*");
			subscriber.subscribe(new byte[0]);
			subscriber.setReceiveTimeOut(100);
			subscriber.connect(publisher.getLastEndpoint());
			for (int attempt = 0; attempt < 100; attempt++) {
				publisher.send("ping");
				if (subscriber.recvStr() != null) {
					return true;
				}
			}
			return false;
		}
		finally {
			context.destroySocket(subscriber);
			context.destroySocket(publisher);
		}
	}

}
