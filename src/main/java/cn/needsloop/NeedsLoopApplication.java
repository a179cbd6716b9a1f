package cn.needsloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Needs Loop (民需闭环): the resident-needs service loop on Camunda Platform 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NeedsLoopApplication {

	public static void main(String[] args) {
		SpringApplication.run(NeedsLoopApplication.class, args);
	}
}
