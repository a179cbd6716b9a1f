package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * Cockpit and Admin, with their APIs and plugins, are for managers and administrators (Admin for
 * administrators only), whatever Camunda's own filter lets through: its Cockpit statistics plugin
 * answered any Tasklist user, and so did the engine's own statistics and metrics. Tasklist stays open
 * to every signed-in worker. Signed in through our
 * login page (single sign-on into the apps), on the engine named "default".
 */
class CamundaAppsAccessTests extends ApiTest {

	private static final String STATISTICS = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";

	private static final String COCKPIT = "/camunda/app/cockpit/default/";

	private static final String ADMIN = "/camunda/app/admin/default/";

	private static final String ADMIN_METRICS = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
			+ "?subscriptionStartDate=2026-01-01&groupBy=month";

	@LocalServerPort
	int port;

	@Test
	void refusesCockpitItsStatisticsPluginAndAdminToResidentsAndStewards() {
		for (String user : new String[] { "resident1", "steward1" }) {
			PageSession session = PageSession.signIn(port, user);
			assertThat(session.status("/camunda/app/tasklist/default/")).as("%s opens Tasklist", user).isEqualTo(200);
			assertThat(session.getJson(STATISTICS).status()).as("%s: Cockpit statistics", user).isEqualTo(403);
			assertThat(session.status(COCKPIT)).as("%s: Cockpit", user).isEqualTo(403);
			assertThat(session.status(ADMIN)).as("%s: Admin", user).isEqualTo(403);
			assertThat(session.getJson(ADMIN_METRICS).status()).as("%s: Admin's API", user).isEqualTo(403);
			// every app still learns who is signed in
			assertThat(session.getJson("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + user + "\"");
		}
	}

	@Test
	void opensCockpitAndItsStatisticsToManagersAndAdministrators() {
		for (String user : new String[] { "manager1", "admin1" }) {
			PageSession session = PageSession.signIn(port, user);
			assertThat(session.status(COCKPIT)).as("%s: Cockpit", user).isEqualTo(200);
			PageSession.Page statistics = session.getJson(STATISTICS);
			assertThat(statistics.status()).as("%s: Cockpit statistics", user).isEqualTo(200);
			assertThat(statistics.body()).as("%s: Cockpit statistics", user).contains("\"count\"");
		}
	}

	@Test
	void opensAdminAndItsApiToAdministratorsOnly() {
		PageSession manager = PageSession.signIn(port, "manager1");
		assertThat(manager.status(ADMIN)).isEqualTo(403);
		assertThat(manager.getJson(ADMIN_METRICS).status()).isEqualTo(403);

		PageSession admin = PageSession.signIn(port, "admin1");
		assertThat(admin.status(ADMIN)).isEqualTo(200);
		assertThat(admin.getJson(ADMIN_METRICS).status()).isEqualTo(200);
	}

	@Test
	void answersTheWebappsApisWithoutASessionWithUnauthorized() {
		PageSession anonymous = PageSession.anonymous(port);
		assertThat(anonymous.getJson(STATISTICS).status()).isEqualTo(401);
		assertThat(anonymous.getJson(ADMIN_METRICS).status()).isEqualTo(401);
		assertThat(anonymous.get(COCKPIT).location()).endsWith("/login");
	}

	/** The same counts through the engine's own REST API, as /engine-rest and as the webapps call it. */
	@Test
	void givesTheEnginesStatisticsAndMetricsToManagersAndAdministratorsOnly() {
		for (String user : new String[] { "resident1", "steward1", "org1" }) {
			assertThat(api.as(user).get("/engine-rest/process-definition/statistics").status()).as(user).isEqualTo(403);
			assertThat(api.as(user).get("/engine-rest/metrics/activity-instance-start/sum").status()).as(user).isEqualTo(403);
			PageSession session = PageSession.signIn(port, user);
			assertThat(session.status("/camunda/app/tasklist/default/")).isEqualTo(200);
			assertThat(session.getJson("/camunda/api/engine/engine/default/process-definition/statistics").status()).as(user)
				.isEqualTo(403);
			// Tasklist's own calls still answer
			assertThat(api.as(user).get("/engine-rest/process-definition?latestVersion=true").status()).isEqualTo(200);
		}
		for (String user : new String[] { "manager1", "admin1" }) {
			assertThat(api.as(user).get("/engine-rest/process-definition/statistics").json().toString()).as(user)
				.contains("\"instances\"");
			assertThat(api.as(user).get("/engine-rest/metrics/activity-instance-start/sum").status()).as(user).isEqualTo(200);
		}
	}
}
