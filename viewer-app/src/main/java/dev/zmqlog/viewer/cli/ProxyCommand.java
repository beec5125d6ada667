package dev.zmqlog.viewer.cli;

/**
 * {@code proxy}: an XSUB/XPUB forwarder between many publishers and many viewers.
 * To be written.
 */
public final class ProxyCommand {

	private ProxyCommand() {
	}

	public static int run(String[] args) {
		System.err.println("proxy: not yet available");
		return 2;
	}

}
