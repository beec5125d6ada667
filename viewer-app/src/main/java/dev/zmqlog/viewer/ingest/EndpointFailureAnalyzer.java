package dev.zmqlog.viewer.ingest;

import dev.zmqlog.transport.EndpointException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a viewer that cannot use its endpoint in Spring Boot's "APPLICATION FAILED TO
 * START" report, instead of a stack trace.
 */
class EndpointFailureAnalyzer extends AbstractFailureAnalyzer<EndpointException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EndpointException cause) {
		return new FailureAnalysis("The viewer cannot subscribe: " + cause.getMessage(),
				"Check zmq.log.viewer.endpoints and zmq.log.viewer.mode: in bind mode the port must be free;"
						+ " in connect mode the host must resolve.",
				cause);
	}

}
