package cn.needsloop.kpi;

import java.time.LocalDate;

import org.springframework.web.util.UriComponentsBuilder;

import cn.needsloop.kpi.DrillDown.ProjectBasis;

/** Paths (under the context path) of the lists behind the dashboard's figures, with the filters they drill with. */
final class Links {

	private Links() {
	}

	/** Needs of the community and period with one more filter ({@code name=value}). */
	static String needs(String communityCode, LocalDate from, LocalDate to, String name, String value) {
		return period("/manager/needs", communityCode, from, to).queryParam(name, value).build().encode().toUriString();
	}

	/** Overdue tasks of a line created in the period. */
	static String tasks(String communityCode, LocalDate from, LocalDate to, String line) {
		return period("/manager/tasks", communityCode, from, to).queryParam("line", line).build().encode().toUriString();
	}

	/** The projects an implementer completed in the period. */
	static String implementerProjects(String communityCode, LocalDate from, LocalDate to, String claimant) {
		return period("/manager/projects", communityCode, from, to).queryParam("basis", ProjectBasis.COMPLETED)
			.queryParam("claimant", claimant)
			.build()
			.encode()
			.toUriString();
	}

	private static UriComponentsBuilder period(String path, String communityCode, LocalDate from, LocalDate to) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (communityCode != null) {
			uri.queryParam("communityCode", communityCode);
		}
		return uri.queryParam("from", from).queryParam("to", to);
	}
}
