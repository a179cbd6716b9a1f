package cn.needsloop.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the API, page, process and browser tests (and of tests over HTTP that need nothing
 * else): the whole application on a random port with the demo users and an in-memory database, so every test
 * creates its own needs and projects. Spring caches a context by its configuration; tests that declare exactly
 * this share one application instead of starting their own.
 * <p>
 * The engine is the JVM's "default" engine here, so that {@code /engine-rest/task} reaches it (application-test.yml
 * gives every other engine a unique name). Metrics are exported as in production ({@code /actuator/prometheus}),
 * which Spring's tests leave out by default. A {@code MockMvc} is there for the page tests that post forms
 * without a browser. Process test coverage is recorded for every class ({@link ProcessCoverage}); a class requires
 * it with {@link ProcessCoverageAtLeast}. Hibernate's statements are counted per thread ({@link StatementCounter}).
 * <p>
 * Contexts of their own are left for what this one cannot be: {@code StartupReadinessTests} (the job executor on
 * and a runner of its own during the start), {@code ProductionStartTests} (no profile, no demo data) and the MySQL
 * integration tests (their own database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AutoConfigureObservability(tracing = false)
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.generate-unique-process-engine-name=false",
				"spring.jpa.properties.hibernate.session_factory.statement_inspector="
						+ "cn.needsloop.support.StatementCounter" })
@ActiveProfiles({ "demo", "test" })
@Import(ProcessCoverage.class)
public @interface AppContext {
}
