package cn.needsloop.system;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for machine-readable logs: {@code NEEDSLOOP_LOG_JSON=true} (or {@code needsloop.log.json=true})
 * makes the console write one JSON object per line in the Elastic Common Schema, Spring Boot's
 * {@code logging.structured.format.console=ecs}, with the request's {@code requestId} and {@code user}
 * (see {@link RequestLogging}) as fields of every line. A format set explicitly ({@code logstash},
 * {@code gelf}) wins. Runs before logging starts (registered in {@code META-INF/spring.factories}).
 */
public class JsonLogs implements EnvironmentPostProcessor {

	static final String FLAG = "needsloop.log.json";

	static final String FORMAT = "logging.structured.format.console";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty(FLAG, Boolean.class, false) && !environment.containsProperty(FORMAT)) {
			environment.getPropertySources().addFirst(new MapPropertySource("needsloopJsonLogs", Map.of(FORMAT, "ecs")));
		}
	}
}
