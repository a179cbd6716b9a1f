package cn.needsloop.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Enforces {@link ProcessCoverageAtLeast} on a test class; registered for every Spring test in
 * {@code META-INF/spring.factories}, it does nothing for a class without the annotation. The process test coverage
 * library ({@code ProcessEngineCoverageTestExecutionListener}, imported with {@link ProcessCoverage}) writes the class's
 * coverage to {@code target/process-test-coverage/<test class>/report.json} when the class is done, and can only
 * assert one ratio over flow nodes and sequence flows of all processes together. This listener runs right after it,
 * reads that report and checks flow nodes and sequence flows of each named process on their own, counting elements
 * exactly as the library does (executable flow nodes of the process, sequence flows leaving them). It fails the class,
 * listing what was never reached; a class whose context records no coverage fails too.
 */
public class ProcessCoverageCheck implements TestExecutionListener, Ordered {

	/** Before the library's listener ({@code Integer.MAX_VALUE}), so that its {@code afterTestClass} runs after it. */
	@Override
	public int getOrder() {
		return Integer.MAX_VALUE - 1;
	}

	/** A report left by an earlier run must not stand in for this one's. */
	@Override
	public void beforeTestClass(TestContext testContext) throws Exception {
		if (testContext.getTestClass().getAnnotationsByType(ProcessCoverageAtLeast.class).length > 0) {
			Files.deleteIfExists(report(testContext));
		}
	}

	@Override
	public void afterTestClass(TestContext testContext) throws Exception {
		ProcessCoverageAtLeast[] requirements = testContext.getTestClass().getAnnotationsByType(ProcessCoverageAtLeast.class);
		if (requirements.length == 0) {
			return;
		}
		Path report = report(testContext);
		if (!Files.exists(report)) {
			throw new AssertionError("No process test coverage report at " + report
					+ ": does the class run in the shared AppContext, which imports ProcessCoverage?");
		}
		CoverageStateResult result = CoverageStateJsonExporter
			.readCoverageStateResult(Files.readString(report, StandardCharsets.UTF_8));
		StringBuilder failures = new StringBuilder();
		for (ProcessCoverageAtLeast required : requirements) {
			failures.append(check(result, required, report.getParent()));
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(testContext.getTestClass().getSimpleName() + " covers too little:"
					+ System.lineSeparator() + failures);
		}
	}

	private static String check(CoverageStateResult result, ProcessCoverageAtLeast required, Path directory)
			throws java.io.IOException {
		Figures figures = figures(result, required.process());
		String summary = figures.describe();
		System.out.println(summary);
		Files.writeString(directory.resolve(required.process() + "-coverage.txt"), summary + System.lineSeparator(),
				StandardCharsets.UTF_8);
		StringBuilder failures = new StringBuilder();
		if (figures.flowNodeRatio() < required.flowNodes()) {
			failures.append(String.format(Locale.ROOT, "flow nodes %.1f %% < %.1f %%, never reached: %s%n",
					100 * figures.flowNodeRatio(), 100 * required.flowNodes(), figures.missedNodes()));
		}
		if (figures.sequenceFlowRatio() < required.sequenceFlows()) {
			failures.append(String.format(Locale.ROOT, "sequence flows %.1f %% < %.1f %%, never taken: %s%n",
					100 * figures.sequenceFlowRatio(), 100 * required.sequenceFlows(), figures.missedFlows()));
		}
		Set<String> unreached = new TreeSet<>(Set.of(required.reached()));
		unreached.removeAll(figures.reachedNodes());
		if (!unreached.isEmpty()) {
			failures.append(String.format(Locale.ROOT, "required flow nodes never reached: %s%n", unreached));
		}
		return failures.isEmpty() ? "" : "process " + required.process() + ": " + failures;
	}

	private static Path report(TestContext testContext) {
		return reportDirectory(testContext).resolve(testContext.getTestClass().getName()).resolve("report.json");
	}

	private static Path reportDirectory(TestContext testContext) {
		ObjectProvider<ProcessEngineCoverageProperties> properties = testContext.getApplicationContext()
			.getBeanProvider(ProcessEngineCoverageProperties.class);
		ProcessEngineCoverageProperties configured = properties.getIfAvailable();
		String directory = configured == null || configured.getReportDirectory() == null ? CoverageReportUtil.TARGET_DIR_ROOT
				: configured.getReportDirectory();
		return Path.of(directory);
	}

	static Figures figures(CoverageStateResult result, String processKey) {
		Model model = result.getModels().stream().filter(m -> processKey.equals(m.getKey())).findFirst().orElse(null);
		if (model == null) {
			throw new AssertionError("Process " + processKey + " was never started by the tests of this class");
		}
		BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.getXml().getBytes(StandardCharsets.UTF_8)));
		Set<String> nodes = bpmn.getModelElementsByType(FlowNode.class).stream()
			.filter(node -> inExecutableProcess(node, processKey))
			.map(FlowNode::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> flows = bpmn.getModelElementsByType(SequenceFlow.class).stream()
			.filter(flow -> nodes.contains(flow.getSource().getId()))
			.map(SequenceFlow::getId)
			.collect(Collectors.toCollection(TreeSet::new));
		Collection<Event> events = result.getEvents(processKey);
		Set<String> reachedNodes = reached(events, EventSource.FLOW_NODE, nodes);
		Set<String> takenFlows = reached(events, EventSource.SEQUENCE_FLOW, flows);
		return new Figures(processKey, nodes, reachedNodes, flows, takenFlows);
	}

	private static Set<String> reached(Collection<Event> events, EventSource source, Set<String> elements) {
		return events.stream()
			.filter(e -> e.getSource() == source && elements.contains(e.getDefinitionKey()))
			.map(Event::getDefinitionKey)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static boolean inExecutableProcess(ModelElementInstance element, String processKey) {
		for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
			if (e instanceof Process process) {
				return process.isExecutable() && processKey.equals(process.getId());
			}
		}
		return false;
	}

	record Figures(String process, Set<String> nodes, Set<String> reachedNodes, Set<String> flows,
			Set<String> takenFlows) {

		double flowNodeRatio() {
			return nodes.isEmpty() ? 1 : (double) reachedNodes.size() / nodes.size();
		}

		double sequenceFlowRatio() {
			return flows.isEmpty() ? 1 : (double) takenFlows.size() / flows.size();
		}

		Set<String> missedNodes() {
			Set<String> missed = new TreeSet<>(nodes);
			missed.removeAll(reachedNodes);
			return missed;
		}

		Set<String> missedFlows() {
			Set<String> missed = new TreeSet<>(flows);
			missed.removeAll(takenFlows);
			return missed;
		}

		String describe() {
			return String.format(Locale.ROOT,
					"Process test coverage of %s: flow nodes %d/%d (%.1f %%), sequence flows %d/%d (%.1f %%)%s%s", process,
					reachedNodes.size(), nodes.size(), 100 * flowNodeRatio(), takenFlows.size(), flows.size(),
					100 * sequenceFlowRatio(), missedNodes().isEmpty() ? "" : "; nodes never reached: " + missedNodes(),
					missedFlows().isEmpty() ? "" : "; flows never taken: " + missedFlows());
		}
	}
}
