package cn.needsloop.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least coverage (flow nodes and sequence flows, 0..1) that the tests of the annotated class
 * must reach in each of the named processes, each on its own. Checked by
 * {@link PerProcessCoverageListener} after the class has run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessCoverageAtLeast {

	double value();

	/** Process definition keys. */
	String[] processes();
}
