package dev.zmqlog.viewer.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.lucene.store.LockObtainFailedException;

/**
 * Opens the embedded store; a folder that cannot be read as one (damaged, foreign files, a
 * file where the folder should be) is moved aside, next to it, with a clear log line, and
 * a fresh store is started, so that a damaged store never keeps the viewer from starting.
 * A store that another viewer holds is not touched: that is a configuration error.
 */
public final class EmbeddedStoreOpener {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedStoreOpener.class);

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final double ramBufferMegabytes;

	public EmbeddedStoreOpener(Clock clock, double ramBufferMegabytes) {
		this.clock = clock;
		this.ramBufferMegabytes = ramBufferMegabytes;
	}

	public LuceneStore open(Path path) {
		try {
			return LuceneStore.open(path, this.ramBufferMegabytes);
		}
		catch (LockObtainFailedException ex) {
			throw new IllegalStateException("The history store in " + path.toAbsolutePath()
					+ " is in use by another viewer; give each viewer its own zmq.log.viewer.store.path, "
					+ "or share history with store.type=jdbc", ex);
		}
		catch (IOException | RuntimeException damaged) {
			Path aside = moveAside(path);
			String recovery = "The history store in " + path.toAbsolutePath() + " could not be read (" + damaged
					+ "); moved it to " + aside.getFileName() + " and started a fresh one";
			logger.error(recovery);
			try {
				LuceneStore fresh = LuceneStore.open(path, this.ramBufferMegabytes);
				fresh.recovery(recovery);
				return fresh;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The history store in " + path.toAbsolutePath() + " cannot be created", ex);
			}
		}
	}

	private Path moveAside(Path path) {
		Path absolute = path.toAbsolutePath();
		String name = absolute.getFileName() + ".damaged-" + SUFFIX.format(this.clock.instant());
		Path aside = absolute.resolveSibling(name);
		for (int i = 2; Files.exists(aside); i++) {
			aside = absolute.resolveSibling(name + "-" + i);
		}
		try {
			Files.move(absolute, aside);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The history store in " + absolute
					+ " could not be read, nor moved aside; move or delete it by hand", ex);
		}
		return aside;
	}

}
