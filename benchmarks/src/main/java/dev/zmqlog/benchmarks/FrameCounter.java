package dev.zmqlog.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.zmqlog.transport.SharedContextSockets;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The throughput harness's receiver, run in a JVM of its own: a SUB socket connected to
 * the given endpoints that only counts whole messages and keeps the last one. Answers on
 * standard output to commands on standard input: {@code count} (messages so far),
 * {@code sample} (the last message's frames, Base64), {@code quit}.
 */
public final class FrameCounter {

	private volatile long messages;

	private volatile byte[][] last = new byte[0][];

	public static void main(String[] endpoints) throws Exception {
		FrameCounter counter = new FrameCounter();
		ZMQ.Socket socket = SharedContextSockets.open(SocketType.SUB);
		socket.setRcvHWM(0);
		socket.subscribe(ZMQ.SUBSCRIPTION_ALL);
		for (String endpoint : endpoints) {
			socket.connect(endpoint);
		}
		Thread receiver = new Thread(() -> counter.receive(socket), "frame-counter");
		receiver.setDaemon(true);
		receiver.start();
		System.out.println("ready");
		counter.answer(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
		System.exit(0);
	}

	private void receive(ZMQ.Socket socket) {
		while (true) {
			byte[] topic = socket.recv();
			byte[] payload = socket.hasReceiveMore() ? socket.recv() : new byte[0];
			while (socket.hasReceiveMore()) {
				socket.recv();
			}
			if ((this.messages & 0xFFFF) == 0) {
				// keeping every message would cost more than counting it
				this.last = new byte[][] { topic, payload };
			}
			this.messages++;
		}
	}

	private void answer(BufferedReader commands) throws Exception {
		for (String command = commands.readLine(); command != null; command = commands.readLine()) {
			switch (command.strip()) {
				case "count" -> System.out.println(this.messages);
				case "sample" -> System.out.println(encode(this.last));
				case "quit" -> {
					return;
				}
				default -> System.out.println("unknown command " + command);
			}
		}
	}

	private static String encode(byte[][] frames) {
		StringBuilder line = new StringBuilder();
		for (byte[] frame : frames) {
			line.append(Base64.getEncoder().encodeToString(frame)).append(' ');
		}
		return line.toString().strip();
	}

}
