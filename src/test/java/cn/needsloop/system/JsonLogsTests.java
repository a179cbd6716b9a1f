package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code NEEDSLOOP_LOG_JSON=true}: the console writes one JSON object per line (Elastic Common Schema)
 * with the request id and user of the line's request. Logging is set up the way the application sets
 * it up (application.yml, the test profile), by starting a bare Spring application with the flag; the
 * plain setup is restored afterwards for the test classes that follow (Spring Boot keeps the format in a
 * system property of the JVM, which only matters where, as here, one JVM starts many applications).
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsTests {

	@Configuration(proxyBeanMethods = false)
	static class Bare {
	}

	private static ConfigurableApplicationContext start(String... properties) {
		// the test contexts still open have set logging up; without this Spring Boot would not set it up again
		LoggingSystem.get(JsonLogsTests.class.getClassLoader()).cleanUp();
		return new SpringApplicationBuilder(Bare.class).web(WebApplicationType.NONE)
			.profiles("test")
			.properties("spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	@AfterEach
	void forgetTheFormat() {
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
	}

	@AfterAll
	static void plainLogsAgain() {
		start().close();
	}

	@Test
	void theFlagMakesEveryLineAJsonObjectWithRequestIdAndUser(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("needsloop.log.json=true")) {
			MDC.put(RequestLogging.REQUEST_ID, "req-json-1");
			MDC.put(RequestLogging.USER, "steward1");
			try {
				LoggerFactory.getLogger(JsonLogsTests.class).warn("核实民需 overdue");
			}
			finally {
				MDC.clear();
			}
		}
		List<String> lines = output.getOut().lines().filter(l -> l.contains("req-json-1")).toList();
		assertThat(lines).hasSize(1);
		JsonNode line = new ObjectMapper().readTree(lines.get(0));
		assertThat(line.path("requestId").asText()).isEqualTo("req-json-1");
		assertThat(line.path("user").asText()).isEqualTo("steward1");
		assertThat(line.path("message").asText()).isEqualTo("核实民需 overdue");
		assertThat(line.path("log").path("level").asText()).isEqualTo("WARN");
		assertThat(line.path("@timestamp").asText()).isNotBlank();
	}

	@Test
	void withoutTheFlagLinesArePlainTextWithRequestIdAndUser(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			MDC.put(RequestLogging.REQUEST_ID, "req-plain-1");
			MDC.put(RequestLogging.USER, "steward1");
			try {
				LoggerFactory.getLogger(JsonLogsTests.class).warn("plain line");
			}
			finally {
				MDC.clear();
			}
		}
		List<String> lines = output.getOut().lines().filter(l -> l.contains("req-plain-1")).toList();
		assertThat(lines).singleElement()
			.satisfies(l -> assertThat(l).doesNotStartWith("{").contains("[req-plain-1 steward1] ").endsWith("plain line"));
	}

	@Test
	void aFormatSetExplicitlyWins(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("needsloop.log.json=true",
				"logging.structured.format.console=logstash")) {
			MDC.put(RequestLogging.REQUEST_ID, "req-logstash-1");
			try {
				LoggerFactory.getLogger(JsonLogsTests.class).warn("logstash line");
			}
			finally {
				MDC.clear();
			}
		}
		String line = output.getOut().lines().filter(l -> l.contains("req-logstash-1")).findFirst().orElseThrow();
		JsonNode json = new ObjectMapper().readTree(line);
		assertThat(json.path("requestId").asText()).isEqualTo("req-logstash-1");
		assertThat(json.has("@version")).as("logstash's own field").isTrue();
	}
}
