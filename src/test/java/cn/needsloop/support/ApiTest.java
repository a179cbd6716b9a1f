package cn.needsloop.support;

import org.junit.jupiter.api.BeforeEach;



import org.springframework.boot.test.web.server.LocalServerPort;


/**
 * Base of the HTTP API tests: the whole application on a random port with the demo users and an
 * in-memory database (one shared context, so every test creates its own needs and projects).
 * The engine is the JVM's "default" engine here, so that {@code /engine-rest/task} reaches it.
 * Metrics are exported as in production ({@code /actuator/prometheus}), which Spring's tests leave out by default.
 */
@AppContext
public abstract class ApiTest {

	@LocalServerPort
	private int port;

	protected Api api;

	@BeforeEach
	void connect() {
		api = new Api(port);
	}
}
