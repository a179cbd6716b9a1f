package cn.needsloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class WordingTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	WordingTests() {
		messages.addMessage("history.step.done", Locale.SIMPLIFIED_CHINESE, "{0} · 完成");
		messages.addMessage("history.step.done", Locale.ENGLISH, "{0} · done");
		messages.addMessage("step.name.userTask_verifyNeed", Locale.SIMPLIFIED_CHINESE, "核实民需");
		messages.addMessage("step.name.userTask_verifyNeed", Locale.ENGLISH, "Verify the need");
		messages.addMessage("task.label.need", Locale.ENGLISH, "Need #{0}");
		messages.addMessage("task.about", Locale.ENGLISH, "{0} {1}");
	}

	@Test
	void readsInEachLanguageWithNestedWordingsAfterAJsonRoundTrip() {
		Wording done = Wording.of("history.step.done", Wording.step("userTask_verifyNeed", "核实民需"));
		Wording stored = Wording.fromJson(done.toJson());

		assertThat(stored).isEqualTo(done);
		assertThat(stored.render(messages, Locale.ENGLISH)).isEqualTo("Verify the need · done");
		assertThat(stored.render(messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("核实民需 · 完成");
	}

	@Test
	void aStepWithoutAMessageReadsAsTheModelNamesIt() {
		assertThat(Wording.of("history.step.done", Wording.step("userTask_new", "新步骤")).render(messages, Locale.ENGLISH))
			.isEqualTo("新步骤 · done");
	}

	@Test
	void numbersAreNotGroupedAndMissingOrOtherValuesAreKeptAsText() {
		assertThat(Wording.of("task.label.need", 12345L).render(messages, Locale.ENGLISH)).isEqualTo("Need #12345");
		Wording about = Wording.of("task.about", Instant.parse("2026-11-30T08:00:00Z"), null);
		assertThat(Wording.fromJson(about.toJson()).render(messages, Locale.ENGLISH)).isEqualTo("2026-11-30T08:00:00Z ");
		assertThat(Wording.fromJson(null)).isNull();
	}
}
