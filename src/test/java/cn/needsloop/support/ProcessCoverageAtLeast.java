package cn.needsloop.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The coverage a test class must reach on a process it is about, checked by {@link ProcessCoverageCheck} after the
 * class ran: flow nodes and sequence flows each on their own, as ratios (0.9 = 90 %). Repeat it for a class about
 * several processes. Only the named processes count: whatever else the class starts (a need's loop behind a project)
 * is neither required nor in the way. The one way to require process coverage in the tests; it works in the shared
 * {@link AppContext}, which records the coverage of every class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ProcessCoverageAtLeast.List.class)
public @interface ProcessCoverageAtLeast {

	/** The process definition key. */
	String process();

	double flowNodes() default 0.9;

	double sequenceFlows() default 0.9;

	/** Flow nodes of the process that must each be reached by the class's tests, whatever the ratios. */
	String[] reached() default {};

	/** Several processes, each with its own requirement. */
	@Documented
	@Inherited
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@interface List {

		ProcessCoverageAtLeast[] value();
	}
}
