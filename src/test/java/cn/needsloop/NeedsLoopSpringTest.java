package cn.needsloop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the demo users (password {@code demo}) and a fresh
 * in-memory database, job executor off. Process and API tests share this one configuration, so
 * Spring starts the application once for all of them. Process coverage is measured and asserted for
 * every class that uses this annotation (see {@link ProcessTestCoverage}): a class that starts a
 * process must run at least 90% of it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@Import(ProcessTestCoverage.class)
public @interface NeedsLoopSpringTest {
}
