package dev.zmqlog.viewer.cli;

import dev.zmqlog.transport.CurveSettings;
import org.zeromq.ZMQ;

/**
 * {@code keygen}: prints a fresh ZeroMQ CURVE key pair, Z85-encoded, as
 * {@code public-key: KEY} and {@code secret-key: KEY}, one a line. The public key goes to
 * the peers ({@code server-key} of clients, {@code allowed-clients} of a server); the
 * secret key stays with its owner. The keys never contain {@code $ { }} or {@code :-},
 * which Logback's variable substitution would alter.
 */
public final class KeygenCommand {

	static final String PROGRAM = "zmqlog-viewer keygen";

	private KeygenCommand() {
	}

	public static int run(String[] args) {
		return run(args, LineOutput.stdout(), LineOutput.stderr());
	}

	static int run(String[] args, LineOutput out, LineOutput err) {
		if (args.length > 0) {
			boolean help = args[0].equals("-h") || args[0].equals("--help");
			(help ? out : err).println("usage: " + PROGRAM + "\n\nPrints a new ZeroMQ CURVE key pair (Z85), "
					+ "one key a line:\n  public-key: KEY\n  secret-key: KEY");
			return help ? 0 : 2;
		}
		ZMQ.Curve.KeyPair pair = CurveSettings.newKeyPair();
		out.println("public-key: " + pair.publicKey);
		out.println("secret-key: " + pair.secretKey);
		return 0;
	}

}
