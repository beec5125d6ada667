package dev.zmqlog.viewer.web;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Prints where the viewer can be opened, whatever the console's log threshold.
 */
public final class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

	private final List<String> endpoints;

	private final String mode;

	/**
	 * @param endpoints the endpoints the viewer subscribes to
	 * @param mode {@code connect} or {@code bind}
	 */
	public ReadyBanner(List<String> endpoints, String mode) {
		this.endpoints = endpoints;
		this.mode = mode;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		Environment environment = event.getApplicationContext().getEnvironment();
		String address = environment.getProperty("server.address", "127.0.0.1");
		System.out.printf("zmqlog viewer: http://%s:%d/  (subscribed to %s, %s)%n", address,
				web.getWebServer().getPort(), this.endpoints, this.mode);
	}

}
