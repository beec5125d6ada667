package dev.zmqlog.viewer.cli;

import java.util.ArrayList;
import java.util.List;

import dev.zmqlog.transport.CurveKeyNames;
import dev.zmqlog.transport.CurveSettings;
import dev.zmqlog.transport.SocketMode;
import dev.zmqlog.viewer.cli.CommandLine.Syntax;
import dev.zmqlog.viewer.cli.CommandLine.UsageException;

/**
 * The {@code --curve-*} flags of {@code watch} and {@code proxy}: ZeroMQ CURVE keys as
 * Z85 strings, named as the viewer's {@code zmq.log.viewer.curve.*} properties.
 */
final class CurveFlags {

	private static final CurveKeyNames FLAG_NAMES = CurveKeyNames.kebabCase("--curve-");

	private CurveFlags() {
	}

	/** The flags of a command that connects to publishers and can also bind as a CURVE server. */
	static Syntax addTo(Syntax syntax, String serverRole) {
		return addServerFlagsTo(syntax.value(null, "curve-server-key", "KEY",
				"CURVE public key (Z85) of the publisher to connect to; encrypts the connection"), serverRole);
	}

	/** The flags of a command that only binds, as a CURVE server. */
	static Syntax addServerFlagsTo(Syntax syntax, String serverRole) {
		return syntax
			.value(null, "curve-secret-key", "KEY", "CURVE secret key (Z85) of " + serverRole)
			.value(null, "curve-public-key", "KEY", "CURVE public key (Z85) of " + serverRole)
			.value(null, "curve-allowed-clients", "KEYS",
					"public keys (Z85, comma-separated or repeated) allowed to connect\n"
							+ "(default: any client that knows the public key)");
	}

	/**
	 * The keys given, checked for a socket in {@code mode}.
	 * @throws UsageException naming the flag that is wrong
	 */
	static CurveSettings from(CommandLine line, SocketMode mode) throws UsageException {
		List<String> allowed = new ArrayList<>();
		for (String value : line.values("curve-allowed-clients")) {
			for (String key : value.split(",")) {
				allowed.add(key.strip());
			}
		}
		CurveSettings settings = new CurveSettings(line.value("curve-secret-key", ""),
				line.value("curve-public-key", ""), line.value("curve-server-key", ""), allowed);
		try {
			settings.validate(mode, FLAG_NAMES);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		return settings;
	}

}
