package cn.needsloop.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP API tests: the whole application on a random port with the demo users and an
 * in-memory database (one shared context, so every test creates its own needs and projects).
 * The engine is the JVM's "default" engine here, so that {@code /engine-rest/task} reaches it.
 * Metrics are exported as in production ({@code /actuator/prometheus}), which Spring's tests leave out by default.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		// application-test.yml gives every engine a unique name; the engine REST API's default path
		// (/engine-rest/task) only reaches an engine named "default", so this context keeps that name.
		properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles({ "demo", "test" })
public abstract class ApiTest {

	@LocalServerPort
	private int port;

	protected Api api;

	@BeforeEach
	void connect() {
		api = new Api(port);
	}
}
