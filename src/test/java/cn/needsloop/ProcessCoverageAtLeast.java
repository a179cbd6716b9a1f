package cn.needsloop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The coverage a test class must reach on the process it is about, checked by
 * {@link ProcessCoverageCheck} after the class ran: flow nodes and sequence flows each on their
 * own, as ratios (0.9 = 90 %).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessCoverageAtLeast {

	/** The process definition key. */
	String process();

	double flowNodes();

	double sequenceFlows();
}
