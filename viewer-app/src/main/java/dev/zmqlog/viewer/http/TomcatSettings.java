package dev.zmqlog.viewer.http;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * What Tomcat accepts and how it answers what it refuses. It takes in a query string the
 * characters that browsers leave raw in an address (a regular expression pasted into the
 * address bar: {@code a|b}, {@code [0-9]}, {@code \d{4}}, {@code ^}, a backtick), which it
 * otherwise refuses with its own 400 page before the viewer sees the request
 * ({@link RequestUrlFilter} encodes them for the code behind it). What it still refuses
 * (a request line or header it cannot parse) is answered with the viewer's JSON by
 * {@link ContainerErrorReport} in place of Spring Boot's HTML error valve. Runs after Spring
 * Boot's own customizer (this one has the lowest precedence), whose valve it replaces.
 */
final class TomcatSettings implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	/** Every character Tomcat can be told to allow in a query: all that browsers send raw. */
	static final String RELAXED_QUERY_CHARS = "\"<>[\\]^`{|}";

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> connector.setProperty("relaxedQueryChars", RELAXED_QUERY_CHARS));
		factory.addContextCustomizers(TomcatSettings::answerErrorsAsJson);
	}

	private static void answerErrorsAsJson(Context context) {
		Container host = context.getParent();
		Pipeline pipeline = host.getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		if (host instanceof StandardHost standardHost) {
			// the host adds a valve of this class when it starts, unless it finds one
			standardHost.setErrorReportValveClass(ContainerErrorReport.class.getName());
		}
		pipeline.addValve(new ContainerErrorReport());
	}

}
