package dev.zmqlog.viewer;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.zmqlog.viewer.store.JdbcStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's DataSource from {@code spring.datasource.*} (and
 * {@code spring.datasource.hikari.*}), only for {@code store.type=jdbc}: the application
 * excludes Boot's own DataSource auto-configuration, which would refuse to start a viewer
 * that has no database. A DataSource bean of the user's own is used as it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "zmq.log.viewer.store", name = "type", havingValue = "jdbc")
@EnableConfigurationProperties(DataSourceProperties.class)
class JdbcStoreConfiguration {

	static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	@Bean
	@ConditionalOnMissingBean(DataSource.class)
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties) {
		HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		dataSource.setPoolName("zmqlog-store");
		return dataSource;
	}

	static JdbcStore open(DataSource dataSource) {
		try {
			return JdbcStore.open(dataSource);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The history database cannot be used: " + ex.getMessage(), ex);
		}
	}

}
