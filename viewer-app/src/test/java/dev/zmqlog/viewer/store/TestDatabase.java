package dev.zmqlog.viewer.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh PostgreSQL database for one test class, on the server CI starts
 * ({@code .ci/run}): {@code ZMQLOG_TEST_PG_HOST} (127.0.0.1), {@code ZMQLOG_TEST_PG_PORT}
 * (5432), user {@code postgres}, password {@code ZMQLOG_TEST_PG_PASSWORD} (postgres).
 * Without a reachable server the test is skipped, and says why, except in CI ({@code CI}
 * set), where it fails.
 */
public final class TestDatabase implements AutoCloseable {

	private static final String HOST = env("ZMQLOG_TEST_PG_HOST", "127.0.0.1");

	private static final String PORT = env("ZMQLOG_TEST_PG_PORT", "5432");

	private static final String PASSWORD = env("ZMQLOG_TEST_PG_PASSWORD", "postgres");

	private final String name;

	private TestDatabase(String name) {
		this.name = name;
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : otherwise;
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	/** Creates the database, or skips the test outside CI when no server answers. */
	public static TestDatabase create() {
		String name = "zmqlog_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", PASSWORD);
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			if (System.getenv("CI") == null) {
				Assumptions.abort("PostgreSQL tests skipped: no server at " + url("postgres") + " as postgres ("
						+ ex.getMessage() + "); .ci/run installs and starts one");
			}
			throw new IllegalStateException("CI must run the PostgreSQL tests, but " + url("postgres") + " failed", ex);
		}
		return new TestDatabase(name);
	}

	public String url() {
		return url(this.name);
	}

	public String user() {
		return "postgres";
	}

	public String password() {
		return PASSWORD;
	}

	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url());
		dataSource.setUser(user());
		dataSource.setPassword(PASSWORD);
		return dataSource;
	}

	/** Drops the database, closing whatever is still connected to it. */
	@Override
	public void close() {
		try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", PASSWORD);
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
