package cn.needsloop.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage in the shared {@link AppContext}: the engine reports every process event to the coverage
 * library, whose test execution listener (a default listener) writes each test class's coverage to
 * {@code target/process-test-coverage/<test class>/report.json}. What a class must reach it declares itself with
 * {@link ProcessCoverageAtLeast}, checked by {@link ProcessCoverageCheck}; the library asserts nothing itself.
 * <p>
 * Every class in the context is recorded (a class without a coverage suite would make the engine's events fail with
 * "Coverage state must be initialized"), so the per-method figures, which nobody reads, are left out.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessCoverage {

	/**
	 * Primary: the imported configuration registers its own default properties as well, and with two candidates the
	 * coverage listener would silently fall back to the default.
	 */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder().handleTestMethodCoverage(false).build();
	}
}
