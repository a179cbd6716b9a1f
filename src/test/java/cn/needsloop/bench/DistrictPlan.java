package cn.needsloop.bench;

import java.time.Instant;
import java.util.Locale;

/**
 * The shape of a generated district and the names of everything in it, shared by the generator and
 * the load run: communities {@code b001…}, their grids {@code b001-01…}, and per community a needs
 * steward {@code s-b001}, a party-line user {@code p-b001}, a self-governance user {@code g-b001}
 * and residents {@code r-b001-01…}; social organisations {@code o-01…} and managers {@code m-1…}.
 * Every generated user has the same password ({@link #DEFAULT_PASSWORD} unless given).
 */
record DistrictPlan(int communities, long closedNeeds, int openNeeds, long seed, String password, Instant now) {

	static final String DEFAULT_PASSWORD = "Bench-Loop-2026x";

	static final int RESIDENTS_PER_COMMUNITY = 10;

	static final int ORGANIZATIONS = 10;

	static final int MANAGERS = 5;

	static String community(int c) {
		return String.format(Locale.ROOT, "b%03d", c + 1);
	}

	static int gridsOf(int c) {
		return 3 + c % 6;
	}

	static String grid(int c, int g) {
		return community(c) + String.format(Locale.ROOT, "-%02d", g);
	}

	static String steward(int c) {
		return "s-" + community(c);
	}

	static String party(int c) {
		return "p-" + community(c);
	}

	static String selfgov(int c) {
		return "g-" + community(c);
	}

	static String resident(int c, int r) {
		return "r-" + community(c) + String.format(Locale.ROOT, "-%02d", r);
	}

	static String organization(int o) {
		return String.format(Locale.ROOT, "borg%02d", o);
	}

	static String organizationUser(int o) {
		return String.format(Locale.ROOT, "o-%02d", o);
	}

	static String manager(int m) {
		return "m-" + m;
	}
}
