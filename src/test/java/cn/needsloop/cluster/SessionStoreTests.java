package cn.needsloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The session of the pages and of Camunda's webapps lives in the database (Spring Session JDBC, tables from
 * Flyway): a sign-in is a row of SPRING_SESSION with the user as principal, Camunda's webapps keep their
 * authentication in it (Java-serialized), and signing out removes it. Its filter wraps the request before
 * Spring Security and Camunda's filters read the session.
 */
class SessionStoreTests extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	/**
	 * Two requests of one session adding the same attribute at once (a double click on a form that redirects with a
	 * flash message) each save it as new: the second save replaces the first instead of failing on the key.
	 */
	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void twoRequestsAddingTheSameAttributeAtOnceBothSave() {
		SessionRepository<Session> sessions = (SessionRepository) this.sessions;
		Session created = sessions.createSession();
		sessions.save(created);
		Session first = sessions.findById(created.getId());
		Session second = sessions.findById(created.getId());
		first.setAttribute("flash", "first");
		second.setAttribute("flash", "second");
		sessions.save(first);
		sessions.save(second);
		assertThat((String) sessions.findById(created.getId()).getAttribute("flash")).isEqualTo("second");
		sessions.deleteById(created.getId());
	}

	@Test
	void keepsTheSignInAndCamundasAuthenticationInTheDatabase() {
		int before = sessionsOf("steward2");
		PageSession session = PageSession.signIn(port, "steward2");
		assertThat(sessionsOf("steward2")).isEqualTo(before + 1);
		// Tasklist learns who signed in from the same session, and keeps its own authentication there
		assertThat(session.status("/camunda/app/tasklist/default/")).isEqualTo(200);
		assertThat(session.getJson("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"steward2\"");
		List<String> attributes = jdbc.queryForList("select a.ATTRIBUTE_NAME from SPRING_SESSION_ATTRIBUTES a join "
				+ "SPRING_SESSION s on s.PRIMARY_ID = a.SESSION_PRIMARY_ID where s.PRINCIPAL_NAME = 'steward2'"
				+ " order by s.CREATION_TIME desc", String.class);
		assertThat(attributes).contains("SPRING_SECURITY_CONTEXT", "authenticatedUser");
		assertThat(session.page("/steward").selectFirst(".who").text()).isEqualTo("steward2");

		session.post("/logout", List.of(Map.entry("x", "y")));
		assertThat(sessionsOf("steward2")).isEqualTo(before);
		assertThat(session.get("/steward").location()).endsWith("/login");
	}

	private int sessionsOf(String user) {
		return jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class, user);
	}

	@Test
	void wrapsTheRequestBeforeSpringSecurityAndCamundasFilters() {
		int sessionFilter = context.getBeansOfType(AbstractFilterRegistrationBean.class).values().stream()
			.filter(r -> r.getFilterName() != null && r.getFilterName().equals("springSessionRepositoryFilter")
					|| (r instanceof FilterRegistrationBean<?> f && f.getFilter() instanceof SessionRepositoryFilter))
			.mapToInt(AbstractFilterRegistrationBean::getOrder)
			.findFirst()
			.orElseThrow();
		assertThat(sessionFilter).isLessThan(SecurityProperties.DEFAULT_FILTER_ORDER);
		// Camunda's webapp filters come from a ServletContextInitializer without an order: after every ordered filter
		FilterRegistrationBean<?> sso = context.getBean("camundaWebappAuthentication", FilterRegistrationBean.class);
		assertThat(sessionFilter).isLessThan(sso.getOrder());
	}
}
