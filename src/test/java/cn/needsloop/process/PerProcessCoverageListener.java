package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asserts the coverage of each process named by {@link ProcessCoverageAtLeast} on its own, so that a
 * well-covered called process cannot hide a poorly covered caller or the other way round. It reads
 * the report that camunda-process-test-coverage's own listener (registered for every Spring test)
 * writes for the class into {@code target/process-test-coverage/<class>/report.json}: covered
 * elements are the distinct flow nodes and sequence flows with an event, as in the library. Needs
 * {@code @Import(ProcessEngineCoverageConfiguration.class)} on the test class.
 */
public class PerProcessCoverageListener implements TestExecutionListener, Ordered {

	private static final Logger log = LoggerFactory.getLogger(PerProcessCoverageListener.class);

	static final String REPORTS = "target/process-test-coverage";

	/** Just before the library's listener, so that its report is written when {@link #afterTestClass} runs. */
	@Override
	public int getOrder() {
		return Integer.MAX_VALUE - 1;
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		ProcessCoverageAtLeast expected = testContext.getTestClass().getAnnotation(ProcessCoverageAtLeast.class);
		if (expected == null) {
			return;
		}
		String name = testContext.getTestClass().getSimpleName();
		JsonNode report = read(new File(REPORTS, testContext.getTestClass().getName() + "/report.json"));
		for (String key : expected.processes()) {
			double coverage = coverage(report, key);
			log.info("Coverage of process {} by {}: {}", key, name, String.format(Locale.ROOT, "%.1f%%", coverage * 100));
			assertThat(coverage).as("coverage of process %s by %s", key, name).isGreaterThanOrEqualTo(expected.value());
		}
	}

	static double coverage(JsonNode report, String key) {
		int total = 0;
		for (JsonNode model : report.path("models")) {
			if (key.equals(model.path("key").asText())) {
				total = model.path("totalElementCount").asInt();
			}
		}
		assertThat(total).as("process %s was run", key).isPositive();
		Set<String> covered = new HashSet<>();
		for (JsonNode suite : report.path("suites")) {
			for (JsonNode run : suite.path("runs")) {
				for (JsonNode event : run.path("events")) {
					if (key.equals(event.path("modelKey").asText())) {
						covered.add(event.path("definitionKey").asText());
					}
				}
			}
		}
		return (double) covered.size() / total;
	}

	private static JsonNode read(File file) {
		assertThat(file).as("process test coverage report").exists();
		try {
			return new ObjectMapper().readTree(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
