package cn.needsloop;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage: every test class in this context must cover at least 90% of the flow nodes
 * and sequence flows of the processes it runs (the aggregate over those processes), or it fails.
 * Reports land in {@code target/process-test-coverage}. Test classes cannot opt out by name here:
 * the coverage plugin records every process event of the shared engine, and a class without a
 * coverage suite would make those events fail ("Coverage state must be initialized").
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class ProcessTestCoverage {

	public static final double MINIMUM = 0.9;

	/**
	 * Primary: the imported configuration registers its own default properties (without any assertion)
	 * as well, and with two candidates the coverage listener would silently fall back to the default.
	 */
	@Bean
	@Primary
	ProcessEngineCoverageProperties processEngineCoverageProperties() {
		return ProcessEngineCoverageProperties.builder()
			.assertClassCoverageAtLeast(MINIMUM)
			.excludeProcessDefinitionKeys("needsLoop", "serviceProject")
			.build();
	}
}
