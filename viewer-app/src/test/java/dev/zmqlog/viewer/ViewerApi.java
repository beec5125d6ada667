package dev.zmqlog.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's HTTP API as a test calls it: real requests to 127.0.0.1, JSON answers.
 */
public final class ViewerApi {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public ViewerApi(int port) {
		this.port = port;
	}

	public int port() {
		return this.port;
	}

	/** Sends {@code GET pathAndQuery}. */
	public HttpResponse<String> send(String pathAndQuery) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code GET pathAndQuery}, which must answer 200 with JSON. */
	public JsonNode get(String pathAndQuery) {
		HttpResponse<String> response = send(pathAndQuery);
		assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** {@code GET /api/entries?query}: the entries, oldest first. */
	public List<JsonNode> entries(String query) {
		JsonNode array = get("/api/entries" + (query.isEmpty() ? "" : "?" + query));
		assertThat(array.isArray()).as("an array: %s", array).isTrue();
		List<JsonNode> entries = new ArrayList<>(array.size());
		array.forEach(entries::add);
		return entries;
	}

	public List<JsonNode> entries() {
		return entries("");
	}

	public JsonNode stats() {
		return get("/api/stats");
	}

	/** The id of the newest entry, 0 when there is none. */
	public long lastId() {
		List<JsonNode> last = entries("limit=1");
		return last.isEmpty() ? 0 : last.get(0).get("id").asLong();
	}

}
