package dev.zmqlog.viewer.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo, on with {@code --demo} (the {@code demo} profile).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DemoConfiguration.PROFILE)
public class DemoConfiguration {

	public static final String PROFILE = "demo";

	@Bean
	DemoServices demoServices() {
		return new DemoServices();
	}

}
