package cn.needsloop.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * {@code process} is the engine's boundary: the loop's modules reach the engine only through
 * {@code ProcessGateway}, {@code DecisionTables} and the app's own records ({@code OpenTask}), and
 * implement delegates and listeners with the engine's delegate API. They never use the engine's
 * services, queries, query results or exceptions.
 *
 * The platform beneath the features reaches the engine the same way: {@code system} signs people in through
 * {@code process.EngineIdentity} and the engine's plugins ({@code ThrottledIdentityProvider} asking
 * {@code system.SignInThrottle} as a {@code PasswordGate}, {@code StatisticsForManagers}), {@code cluster}'s start
 * lock is taken by {@code process.StartLockPlugin}, and engine failures are told apart by
 * {@code process.EngineFailures}. Still to move behind {@code process}: the start's authorizations and filters
 * ({@code system.AccessBootstrap}) and the first administrator ({@code system.Administrators}), the only
 * exceptions named below.
 */
class EngineBoundaryTests {

	static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.needsloop");

	/** The engine set-up still outside {@code process} (with their nested classes), to move behind it. */
	static final DescribedPredicate<JavaClass> STILL_IN_SYSTEM = DescribedPredicate.describe(
			"system.AccessBootstrap and system.Administrators",
			type -> Set.of("cn.needsloop.system.AccessBootstrap", "cn.needsloop.system.Administrators")
				.contains(type.getName().replaceFirst("\\$.*", "")));

	@Test
	void onlyProcessUsesTheEngineTheFeaturesUseItsDelegateApi() {
		noClasses().that()
			.resideInAPackage("cn.needsloop..")
			.and()
			.resideOutsideOfPackage("cn.needsloop.process..")
			.and(not(STILL_IN_SYSTEM))
			.should()
			.dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine..")
				.and(not(resideInAnyPackage("org.camunda.bpm.engine.delegate..", "org.camunda.bpm.engine.variable..")))
				// what DelegateTask#getCandidates returns
				.and(not(belongToAnyOf(IdentityLink.class, IdentityLinkType.class))))
			.because("the modules reach the engine through cn.needsloop.process (ProcessGateway, DecisionTables, OpenTask)")
			.check(APP);
	}
}
