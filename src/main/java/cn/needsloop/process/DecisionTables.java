package cn.needsloop.process;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.ProblemException.FieldProblem;

/**
 * The policy tables under {@code processes/} as the engine holds them: which version of a decision
 * is current, evaluating one outside a process (keeping the version that answered), and deploying
 * a revised table as a new version. Older versions stay deployed, so every decision already taken
 * remains auditable with the table that made it.
 */
@Component
public class DecisionTables {

	/** The longest revised table accepted, in characters (the shipped admission list has about 40,000). */
	public static final int MAX_REVISION_CHARS = 1_000_000;

	private final RepositoryService repository;

	private final DecisionService decisions;

	/** Camunda's default DMN engine without the process engine's history listeners, for {@link #lookUp}. */
	private final DmnEngine lookups = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	/** The parsed decisions {@link #lookUp} evaluated, by the id of their deployed version. */
	private final Map<String, DmnDecision> parsed = new java.util.concurrent.ConcurrentHashMap<>();

	/** The most answers {@link #lookUp} keeps before it forgets them all and starts again. */
	static final int MAX_ANSWERS = 10_000;

	/**
	 * The answers {@link #lookUp} gave, by deployed version and input: a version never changes and its answer depends
	 * on the input alone (the lookups' tables read no clock), so one answer stands for every later evaluation of the
	 * same version with the same input. A revision is a new version with answers of its own.
	 */
	private final Map<Question, Map<String, Object>> answers = new java.util.concurrent.ConcurrentHashMap<>();

	/** One evaluation {@link #lookUp} made: the deployed version and its input. */
	private record Question(String versionId, Map<String, Object> input) {
	}

	DecisionTables(RepositoryService repository, DecisionService decisions) {
		this.repository = repository;
		this.decisions = decisions;
	}

	/** One deployed version of a decision. */
	public record DecisionVersion(String id, String key, int version, String deploymentId) {

		static DecisionVersion of(DecisionDefinition definition) {
			return new DecisionVersion(definition.getId(), definition.getKey(), definition.getVersion(),
					definition.getDeploymentId());
		}
	}

	/**
	 * A further check of one output entry of a revised table, beyond its type: given the output's name and the
	 * entry's value (text without its quotes), what is wrong with it, or null.
	 */
	@FunctionalInterface
	public interface OutputCheck {

		CellProblem check(String output, String value);
	}

	/** What is wrong with a cell: a message key whose first argument ({0}) is the cell's location, then these. */
	public record CellProblem(String key, Object... args) {
	}

	/** The single result of a decision, with the version that produced it. */
	public record Evaluation(Map<String, Object> result, DecisionVersion decision) {
	}

	/** The version a business rule task or an evaluation by key uses now: the latest. */
	public DecisionVersion latest(String decisionKey) {
		DecisionDefinition definition = repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(decisionKey)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new IllegalStateException("Decision " + decisionKey + " is not deployed");
		}
		return DecisionVersion.of(definition);
	}

	/** One deployed version of a decision with its deployment: its name (who revised it) and when. */
	public record Revision(DecisionVersion version, String name, java.time.Instant deployedAt) {
	}

	/** Every deployed version of a decision, the latest first. */
	public List<Revision> revisions(String decisionKey) {
		List<DecisionVersion> versions = repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(decisionKey)
			.orderByDecisionDefinitionVersion()
			.desc()
			.list()
			.stream()
			.map(DecisionVersion::of)
			.toList();
		Map<String, Deployment> deployments = new HashMap<>();
		versions.stream().map(DecisionVersion::deploymentId).distinct().forEach(id -> {
			Deployment d = repository.createDeploymentQuery().deploymentId(id).singleResult();
			if (d != null) {
				deployments.put(id, d);
			}
		});
		return versions.stream().map(v -> {
			Deployment d = deployments.get(v.deploymentId());
			return new Revision(v, d == null ? null : d.getName(),
					d == null || d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant());
		}).toList();
	}

	/** The model of one deployed version of a decision, as deployed (for showing a table on a page). */
	public DmnModelInstance model(DecisionVersion version) {
		return repository.getDmnModelInstance(version.id());
	}

	/** Evaluates the latest version of a decision with a single result; history records the evaluation. */
	public Evaluation evaluate(String decisionKey, Map<String, Object> input) {
		DecisionVersion version = latest(decisionKey);
		DmnDecisionResultEntries entries = decisions.evaluateDecisionById(version.id())
			.variables(input)
			.evaluate()
			.getSingleResult();
		return new Evaluation(entries == null ? Map.of() : new HashMap<>(entries.getEntryMap()), version);
	}

	/**
	 * Evaluates the latest version of a decision without a history record: for a lookup its caller records itself
	 * with the version that answered (a step's time limit, read up to four times a task and kept on the task). Each
	 * deployed version is parsed once (a version never changes) and answers an input once: the answer is kept by
	 * version and input (at most {@link #MAX_ANSWERS}; FEEL's evaluation of a table of thirty rows cost more than
	 * anything else in a step). Which version is the latest is read from the database every time, so a revision
	 * deployed on another node counts at once.
	 */
	public Evaluation lookUp(String decisionKey, Map<String, Object> input) {
		DecisionVersion version = latest(decisionKey);
		Question question = new Question(version.id(), java.util.Collections.unmodifiableMap(new HashMap<>(input)));
		Map<String, Object> answer = answers.get(question);
		if (answer == null) {
			DmnDecision decision = parsed.computeIfAbsent(version.id(),
					id -> lookups.parseDecision(decisionKey, repository.getDmnModelInstance(id)));
			DmnDecisionResultEntries entries = lookups
				.evaluateDecision(decision, org.camunda.bpm.engine.variable.Variables.fromMap(input))
				.getSingleResult();
			answer = java.util.Collections.unmodifiableMap(entries == null ? Map.of() : new HashMap<>(entries.getEntryMap()));
			if (answers.size() >= MAX_ANSWERS) {
				answers.clear();
			}
			answers.put(question, answer);
		}
		return new Evaluation(new HashMap<>(answer), version);
	}

	/**
	 * The single output entry of the latest version of a decision whose hit policy gives one result (a rule
	 * must match: the tables end with a catch-all row); history records the evaluation.
	 */
	@SuppressWarnings("unchecked")
	public <T> T decide(String decisionKey, Map<String, Object> input) {
		return (T) decisions.evaluateDecisionTableByKey(decisionKey, input).getSingleResult().getSingleEntry();
	}

	/**
	 * The rules of the latest version of a decision table, in order, each as the text of its entries: the input
	 * entries by their input expression, the output entries by their output name ({@code "RESIDENCE"},
	 * {@code true}, {@code -}). For pages that offer the choices a table knows, such as the certificate catalog.
	 */
	public List<Map<String, String>> rules(String decisionKey) {
		DmnModelInstance model = repository.getDmnModelInstance(latest(decisionKey).id());
		Decision decision = model.getModelElementById(decisionKey);
		DecisionTable table = decision.getChildElementsByType(DecisionTable.class).iterator().next();
		List<Input> inputs = List.copyOf(table.getInputs());
		List<Output> outputs = List.copyOf(table.getOutputs());
		return table.getRules().stream().map(rule -> {
			Map<String, String> entries = new LinkedHashMap<>();
			List<InputEntry> in = List.copyOf(rule.getInputEntries());
			for (int i = 0; i < in.size() && i < inputs.size(); i++) {
				entries.put(inputs.get(i).getInputExpression().getText().getTextContent().strip(),
						in.get(i).getText().getTextContent().strip());
			}
			List<OutputEntry> out = List.copyOf(rule.getOutputEntries());
			for (int i = 0; i < out.size() && i < outputs.size(); i++) {
				entries.put(outputs.get(i).getName(), out.get(i).getText().getTextContent().strip());
			}
			return entries;
		}).toList();
	}

	/**
	 * Deploys a revised DMN file as a new version of the decision, after {@link DecisionRevisionCheck}: the file
	 * must parse and hold the decision with the given key as a FEEL table of plain values with the structure of
	 * the table shipped in {@code processes/<resourceName>} (so that it runs nothing but the table). A refused
	 * file is reported with each rule and cell it breaks, and nothing is deployed.
	 * @param maxLengths the longest text an output may hold (by output name), where a column keeps it
	 * @param field the request field the XML came in, for the problem report
	 */
	public DecisionVersion deployRevision(String decisionKey, String resourceName, String xml,
			Map<String, Integer> maxLengths, String deploymentName, String field) {
		return deployRevision(decisionKey, resourceName, xml, maxLengths, deploymentName, field, null);
	}

	/**
	 * Deploys a revised DMN file as a new version of the decision, as {@link #deployRevision(String, String, String,
	 * Map, String, String)}, checking besides every output entry with {@code outputCheck}.
	 */
	public DecisionVersion deployRevision(String decisionKey, String resourceName, String xml,
			Map<String, Integer> maxLengths, String deploymentName, String field, OutputCheck outputCheck) {
		if (xml.length() > MAX_REVISION_CHARS) {
			throw ProblemException.badField(field, "problem.decision.tooLarge", MAX_REVISION_CHARS);
		}
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			throw ProblemException.badField(field, "problem.decision.unreadable", rootMessage(ex));
		}
		Decision decision = model.getModelElementById(decisionKey);
		if (decision == null) {
			throw ProblemException.badField(field, "problem.decision.missing", decisionKey);
		}
		List<FieldProblem> problems = DecisionRevisionCheck.problems(xml, model, shipped(resourceName), decisionKey,
				maxLengths, field, outputCheck);
		if (!problems.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "problem.invalid", problems);
		}
		Deployment deployment;
		try {
			deployment = repository.createDeployment()
				.name(deploymentName)
				.source("needs-loop-api")
				.addString(resourceName, xml)
				.deploy();
		}
		catch (ProcessEngineException ex) {
			throw ProblemException.badField(field, "problem.decision.unreadable", rootMessage(ex));
		}
		return DecisionVersion.of(repository.createDecisionDefinitionQuery()
			.deploymentId(deployment.getId())
			.decisionDefinitionKey(decisionKey)
			.singleResult());
	}

	/** The table as shipped with the application, the pattern every revision of it keeps. */
	private static DmnModelInstance shipped(String resourceName) {
		try (InputStream in = DecisionTables.class.getResourceAsStream("/processes/" + resourceName)) {
			if (in == null) {
				throw new IllegalStateException("processes/" + resourceName + " is not on the classpath");
			}
			return Dmn.readModelFromStream(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		return message.length() > 300 ? message.substring(0, 300) : message;
	}
}
