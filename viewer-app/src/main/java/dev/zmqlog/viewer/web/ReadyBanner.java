package dev.zmqlog.viewer.web;

import dev.zmqlog.viewer.ViewerProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Prints where the viewer can be opened, whatever the console's log threshold.
 */
public final class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

	private final ViewerProperties properties;

	public ReadyBanner(ViewerProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		Environment environment = event.getApplicationContext().getEnvironment();
		String address = environment.getProperty("server.address", "127.0.0.1");
		System.out.printf("zmqlog viewer: http://%s:%d/  (subscribed to %s, %s)%n", address,
				web.getWebServer().getPort(), this.properties.endpoints(), this.properties.mode().name().toLowerCase());
	}

}
