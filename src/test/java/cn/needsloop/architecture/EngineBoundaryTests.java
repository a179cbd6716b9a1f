package cn.needsloop.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * {@code process} is the engine's boundary: the loop's modules reach the engine only through
 * {@code ProcessGateway}, {@code DecisionTables} and the app's own records ({@code OpenTask}), and
 * implement delegates and listeners with the engine's delegate API. They never use the engine's
 * services, queries, query results or exceptions.
 *
 * Beneath the features, {@code system} plugs the engine's identity into Spring Security (sign-in,
 * {@code /engine-rest} authentication, the first administrator, authorizations) and {@code cluster}
 * holds its start lock as an engine plugin: both configure the engine rather than use it for a case,
 * and are the only other modules allowed to name its types.
 */
class EngineBoundaryTests {

	static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.needsloop");

	@Test
	void onlyProcessUsesTheEngineTheFeaturesUseItsDelegateApi() {
		noClasses().that()
			.resideInAPackage("cn.needsloop..")
			.and()
			.resideOutsideOfPackages("cn.needsloop.process..", "cn.needsloop.system..", "cn.needsloop.cluster..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine..")
				.and(not(resideInAnyPackage("org.camunda.bpm.engine.delegate..", "org.camunda.bpm.engine.variable..")))
				// what DelegateTask#getCandidates returns
				.and(not(belongToAnyOf(IdentityLink.class, IdentityLinkType.class))))
			.because("features reach the engine through cn.needsloop.process (ProcessGateway, DecisionTables, OpenTask)")
			.check(APP);
	}
}
