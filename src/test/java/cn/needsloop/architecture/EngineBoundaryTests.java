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
 * The platform beneath the features reaches the engine the same way, with no exception: {@code system} signs
 * people in through {@code process.EngineIdentity} and the engine plugins in {@code process}
 * ({@code ThrottledIdentityProvider}, which asks {@code system.SignInThrottle} as its {@code PasswordGate};
 * {@code StatisticsForManagers}); the start's authorizations, filters and first administrator are made by
 * {@code process.AccessBootstrap} and {@code process.EngineAdministrators}; engine failures are told apart by
 * {@code process.EngineFailures} and answered through {@code process.ProblemAnswers}; times come from
 * {@code process.EngineClock}; and {@code cluster}'s start lock is taken by {@code process.StartLockPlugin}.
 */
class EngineBoundaryTests {

	static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.needsloop");

	@Test
	void onlyProcessUsesTheEngineTheFeaturesUseItsDelegateApi() {
		noClasses().that()
			.resideInAPackage("cn.needsloop..")
			.and()
			.resideOutsideOfPackage("cn.needsloop.process..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine..")
				.and(not(resideInAnyPackage("org.camunda.bpm.engine.delegate..", "org.camunda.bpm.engine.variable..")))
				// what DelegateTask#getCandidates returns
				.and(not(belongToAnyOf(IdentityLink.class, IdentityLinkType.class))))
			.because("the modules reach the engine through cn.needsloop.process (ProcessGateway, DecisionTables, OpenTask)")
			.check(APP);
	}
}
