package cn.needsloop.anchor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Camunda 7.24 engine with its REST API at /engine-rest and one process of five user tasks. */
@SpringBootApplication
public class AnchorApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnchorApplication.class, args);
	}
}
