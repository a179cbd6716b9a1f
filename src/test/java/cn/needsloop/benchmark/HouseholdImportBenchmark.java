package cn.needsloop.benchmark;

import cn.needsloop.support.AppContext;

/**
 * {@link HouseholdImportBenchmarks} on H2 in memory (the test profile):
 * {@code ./mvnw test -Dtest=HouseholdImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@AppContext
class HouseholdImportBenchmark extends HouseholdImportBenchmarks {

	@Override
	String database() {
		return "H2";
	}
}
