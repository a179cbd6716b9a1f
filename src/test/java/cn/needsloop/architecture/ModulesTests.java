package cn.needsloop.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import cn.needsloop.NeedsLoopApplication;

/**
 * The package graph is one-way: every top-level package under {@code cn.needsloop} is a module, no
 * two modules depend on each other (Spring Modulith's verification), and each module uses only
 * modules listed before it in {@link #ORDER}: the shared words and the platform first, then the
 * loop's phases in their order, then the views over all of them. A later phase may use an earlier
 * one, never the reverse; where an earlier phase must learn of a later one, the earlier one
 * declares an interface or listens to an event and the later one answers it (as
 * {@code design.ProjectRatings} is answered by {@code evaluation}).
 */
class ModulesTests {

	/** The modules, each allowed to use only those before it. docs/modules.md says what each holds. */
	static final List<String> ORDER = List.of(
			"shared", "calendar", "cluster", "understanding",
			"process", "system", "evidence", "community", "notification",
			"intake", "routing", "classification",
			"design", "implementation", "evaluation", "consultation",
			"admission", "certificate", "registration", "field",
			"workbench", "kpi", "board", "demo");

	static final ApplicationModules MODULES = ApplicationModules.of(NeedsLoopApplication.class);

	@Test
	void haveNoCyclesAndUseOnlyTheirOwnPublicTypes() {
		MODULES.verify();
	}

	@Test
	void everyModuleIsInTheOrder() {
		assertThat(MODULES.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrderElementsOf(ORDER);
	}

	@Test
	void laterModulesUseEarlierOnesNeverTheReverse() {
		List<String> backwards = new ArrayList<>();
		for (ApplicationModule module : MODULES) {
			int position = ORDER.indexOf(module.getName());
			module.getDirectDependencies(MODULES).stream()
				.filter(d -> ORDER.indexOf(d.getTargetModule().getName()) > position)
				.forEach(d -> backwards.add(module.getName() + " -> " + d.getTargetModule().getName() + " ("
						+ d.getSourceType().getName() + " uses " + d.getTargetType().getName() + ")"));
		}
		assertThat(backwards).as("modules that use a module after them in ModulesTests.ORDER").isEmpty();
	}

	/**
	 * docs/modules/ holds the diagrams of the modules as the code has them: run with
	 * {@code -Dneedsloop.write-docs=true} after changing a module's dependencies, and commit.
	 */
	@Test
	void theDiagramsInDocsFollowTheCode() throws IOException {
		Path generated = Path.of("target", "spring-modulith-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml();
		Path docs = Path.of("docs", "modules");
		Path written = generated.resolve("components.puml");
		if (Boolean.getBoolean("needsloop.write-docs")) {
			Files.createDirectories(docs);
			Files.copy(written, docs.resolve("components.puml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		assertThat(sortedLines(docs.resolve("components.puml"))).as("docs/modules/components.puml; regenerate with"
				+ " -Dneedsloop.write-docs=true").isEqualTo(sortedLines(written));
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
	}
}
