package dev.zmqlog.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Files of the test resources, for processes that need a path.
 */
public final class TestResources {

	private TestResources() {
	}

	/** The file of a test resource, e.g. {@code interop/greeter-logback.xml}. */
	public static Path path(String resource) {
		URL url = TestResources.class.getClassLoader().getResource(resource);
		if (url == null) {
			throw new IllegalArgumentException("no test resource " + resource);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
