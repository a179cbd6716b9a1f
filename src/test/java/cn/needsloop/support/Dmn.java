package cn.needsloop.support;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The one DMN engine of the decision table tests ({@code ...DecisionTests}), which evaluate the tables of
 * {@code processes/} without a process engine: Camunda's default DMN engine, built once for all of them rather
 * than once a test class.
 */
public final class Dmn {

	/** Built once; a DMN engine is thread-safe and keeps no state between evaluations. */
	public static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private Dmn() {
	}
}
