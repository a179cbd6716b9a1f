package cn.needsloop.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as what is wrong and what to set (registered in {@code META-INF/spring.factories}). */
class StartRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartRefusedException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}
}
