package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import cn.needsloop.calendar.WorkingCalendar;

/**
 * Row-by-row tests of {@code time-limits.dmn} (decision {@code timeLimit}, hit policy FIRST): each row is hit by
 * the facts it is written for and not shadowed by a row above it, the table agrees with {@code application.yml}
 * wherever both speak (so that the fallback and the table never disagree about today's limits), no row is hit for a
 * step the table does not know, and every limit is one a revision could carry.
 */
class TimeLimitsDecisionTests {

	private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private static DmnDecision timeLimit;

	private static DmnModelInstance model;

	@BeforeAll
	static void parseDecision() throws IOException {
		try (InputStream dmn = TimeLimitsDecisionTests.class.getResourceAsStream("/processes/time-limits.dmn")) {
			assertThat(dmn).as("time-limits.dmn on the classpath").isNotNull();
			timeLimit = DMN_ENGINE.parseDecision(Workflow.Decision.TIME_LIMIT, dmn);
		}
		try (InputStream dmn = TimeLimitsDecisionTests.class.getResourceAsStream("/processes/time-limits.dmn")) {
			model = Dmn.readModelFromStream(dmn);
		}
	}

	private static DmnDecisionTableResult evaluate(String step, String category, String urgency, String channel) {
		return DMN_ENGINE.evaluateDecisionTable(timeLimit, Variables.createVariables()
			.putValue("step", step)
			.putValue("category", category)
			.putValue("urgency", urgency)
			.putValue("channel", channel));
	}

	@ParameterizedTest(name = "[{index}] {0}: {1} {2} {3} {4} -> {5}")
	@CsvSource(nullValues = "null", textBlock = """
			verificationUrgentSafety, verification, SAFETY, URGENT, ONLINE, PT2H
			verificationUrgentSafety, verification, SAFETY, URGENT, HOTLINE_12345, PT2H
			verificationUrgent, verification, MENTAL_HEALTH, URGENT, STEWARD_STATION, PT1H
			verificationUrgent, verification, null, URGENT, null, PT1H
			verificationUrgent, verification, ELDERLY_CARE, URGENT, HOTLINE_12345, PT1H
			verificationHotline, verification, ELDERLY_CARE, NORMAL, HOTLINE_12345, 1WD
			verificationHotline, verification, null, null, HOTLINE_12345, 1WD
			verification, verification, SAFETY, null, ONLINE, PT24H
			verification, verification, SAFETY, HIGH, GRID_PATROL, PT24H
			verification, verification, null, null, null, PT24H
			classificationUrgent, classification, SAFETY, URGENT, ONLINE, PT2H
			classification, classification, SAFETY, HIGH, HOTLINE_12345, P2D
			classification, classification, null, null, null, P2D
			resolutionUrgent, resolution, LEGAL_AID, URGENT, ONE_WINDOW, PT24H
			resolution, resolution, LEGAL_AID, HIGH, HOTLINE_12345, P7D
			escalationUrgent, escalation, null, URGENT, null, PT1H
			escalation, escalation, FACILITIES, NORMAL, ONLINE, P1D
			confirmation, confirmation, null, null, null, P14D
			supervision, supervision, null, URGENT, null, P1D
			approval, approval, null, null, null, P3D
			revision, revision, null, null, null, P5D
			claim, claim, null, null, null, P7D
			assignment, assignment, null, null, null, P3D
			milestone, milestone, null, null, null, P30D
			completion, completion, null, null, null, P60D
			rectification, rectification, null, null, null, P14D
			evaluation, evaluation, null, null, null, P14D
			dispatchAnswer, dispatchAnswer, null, null, null, PT4H
			unfilledDispatch, unfilledDispatch, null, null, null, 1WD
			contractReview, contract-review, null, null, null, P10D
			listRevision, list-revision, null, null, null, P30D
			certificate, certificate, null, null, null, P5D
			consultationParticipants, consultationParticipants, null, null, null, 5WD
			consultationAgenda, consultationAgenda, null, null, null, 5WD
			consultationRecord, consultationRecord, null, null, null, 2WD
			consultationApplication, consultationApplication, null, null, null, 20WD
			""")
	void eachRowGivesItsLimit(String rule, String step, String category, String urgency, String channel, String limit) {
		DmnDecisionTableResult result = evaluate(step, category, urgency, channel);

		String found = result.getSingleResult().getSingleEntry();
		assertThat(found).isEqualTo(limit);
		// the row that answered is the one named: FIRST, so a row above it must not fit these facts
		assertThat(firstFitting(step, category, urgency, channel)).isEqualTo("rule_timeLimit_" + rule);
	}

	/** Which rule FIRST picks: evaluated with every rule above the named one removed would still give that rule. */
	private static String firstFitting(String step, String category, String urgency, String channel) {
		for (Rule rule : model.getModelElementsByType(Rule.class)) {
			List<String> entries = rule.getInputEntries().stream().map(e -> e.getText().getTextContent().strip()).toList();
			if (fits(entries.get(0), step) && fits(entries.get(1), category) && fits(entries.get(2), urgency)
					&& fits(entries.get(3), channel)) {
				return rule.getId();
			}
		}
		return null;
	}

	/** The table's conditions are "-" or one quoted value. */
	private static boolean fits(String condition, String value) {
		return condition.equals("-") || condition.equals("\"" + value + "\"");
	}

	@Test
	void everyRowIsTestedAboveAndEveryConditionIsAnyOrOneValue() {
		List<Rule> rules = List.copyOf(model.getModelElementsByType(Rule.class));
		assertThat(rules).hasSize(29);
		assertThat(rules).allSatisfy(rule -> {
			assertThat(rule.getDescription()).as("a note in Chinese on " + rule.getId()).isNotNull();
			assertThat(rule.getDescription().getTextContent()).matches(".*\\p{IsHan}.*");
			rule.getInputEntries()
				.forEach(e -> assertThat(e.getText().getTextContent().strip()).matches("-|\"[A-Za-z0-9_-]+\""));
		});
	}

	@Test
	void aStepTheTableDoesNotKnowHitsNoRowSoConfigurationDecides() {
		assertThat(evaluate("somethingNew", "SAFETY", "URGENT", "HOTLINE_12345").getResultList()).isEmpty();
		assertThat(evaluate(null, null, null, null).getResultList()).isEmpty();
	}

	@Test
	void agreesWithApplicationYmlWhereBothSpeak() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		Map<String, String> limits = new TreeMap<>();
		yaml.getObject().forEach((key, value) -> {
			String name = key.toString();
			if (name.startsWith("needsloop.time-limits.limits.")) {
				limits.put(name.substring("needsloop.time-limits.limits.".length()), value.toString());
			}
		});
		assertThat(limits).containsKeys("verification", "urgent-verification", "consultationApplication");
		limits.forEach((step, limit) -> {
			boolean urgent = step.startsWith("urgent-");
			String plain = urgent ? step.substring("urgent-".length()) : step;
			String fromTable = evaluate(plain, null, urgent ? "URGENT" : null, null).getSingleResult().getSingleEntry();
			assertThat(fromTable).as(step).isEqualTo(limit);
		});
		assertThat(evaluate(TimeLimits.ESCALATION, null, null, null).getSingleResult().<String>getSingleEntry())
			.isEqualTo(yaml.getObject().getProperty("needsloop.time-limits.escalation-delay"));
	}

	@Test
	void everyLimitIsOneARevisionMayCarry() throws Exception {
		TimeLimits limits = new TimeLimits(new TimeLimits.Settings(Map.of(), "P1D"), new WorkingCalendar("/nonexistent"));
		assertThat(model.getModelElementsByType(Rule.class)).allSatisfy(rule -> {
			String limit = rule.getOutputEntries().iterator().next().getText().getTextContent().strip().replace("\"", "");
			assertThat(limits.problemWith(limit)).as(rule.getId() + ": " + limit).isNull();
		});
	}
}
