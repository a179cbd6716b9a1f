package cn.needsloop.system;

import cn.needsloop.system.DemoBanner;
import cn.needsloop.process.StoredPasswords;
import cn.needsloop.shared.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.NeedsLoopApplication;
import cn.needsloop.support.PageSession;

/**
 * A production start, as a packaged jar runs it: no profile at all (so no demo data), an empty
 * database, the first administrator from configuration. Nobody becomes administrator through
 * Camunda's first-user setup, not even with a valid XSRF cookie and header and not even when the
 * database has no administrator left; the app refuses to start without an administrator, with a
 * weak one, or on the {@code mysql} profile without a database account, and says what to set.
 * The refused starts are real {@link SpringApplication} runs, without a web server: closing one
 * would tear down the static state of Camunda's webapps under every other application in this JVM,
 * which is also why this class leaves its own context to the test context cache.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:production-${random.uuid};DB_CLOSE_DELAY=-1",
				"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
				"camunda.bpm.generate-unique-process-application-name=true",
				"needsloop.admin.user=" + ProductionStartTests.ADMIN,
				"needsloop.admin.password=" + ProductionStartTests.ADMIN_PASSWORD })
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartTests {

	static final String ADMIN = "district-admin";

	static final String ADMIN_PASSWORD = "Harbour-Lantern-48!";

	private static final List<String> DEMO_USERS = List.of("steward1", "steward2", "party1", "selfgov1", "org1", "org2",
			"manager1", "resident1", "dept1", "admin1");

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Environment environment;

	@Autowired
	DemoBanner demoAccounts;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void createsTheConfiguredAdministratorWhoSignsInToTheAppAndCamundaAdmin() throws Exception {
		assertThat(identity.createUserQuery().memberOfGroup(Actor.ADMIN).list()).extracting(User::getId)
			.containsExactly(ADMIN);

		PageSession session = PageSession.signIn(port, ADMIN, ADMIN_PASSWORD);
		// opening an app signs the session in to Camunda for its engine (SpringSecurityContainerAuthentication)
		assertThat(session.status("/camunda/app/admin/" + engine.getName() + "/")).isEqualTo(200);
		JsonNode camundaUser = json.readTree(session.getJson("/camunda/api/admin/auth/user/" + engine.getName()).body());
		assertThat(camundaUser.path("userId").asText()).isEqualTo(ADMIN);
		assertThat(camundaUser.path("authorizedApps").toString()).contains("admin", "cockpit", "tasklist");
	}

	@Test
	void hasNoDemoProfileNoDemoUsersAndNoDemoBanner() {
		assertThat(environment.getActiveProfiles()).isEmpty();
		for (String demoUser : DEMO_USERS) {
			assertThat(identity.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
		}
		assertThat(demoAccounts.shown()).isFalse();
		assertThat(PageSession.anonymous(port).get("/login").document().getElementById("demo-banner")).isNull();
		assertThat(PageSession.signIn(port, ADMIN, ADMIN_PASSWORD).page("/public").getElementById("demo-banner")).isNull();
	}

	@Test
	void neverOpensCamundasFirstUserSetupEvenWithAValidXsrfPair() throws Exception {
		assertThat(attemptSetup("intruder1").statusCode()).isIn(401, 403);
		assertThat(identity.createUserQuery().userId("intruder1").count()).isZero();

		// not even when the database has no administrator left (Camunda itself would open the setup then)
		identity.deleteMembership(ADMIN, Actor.ADMIN);
		try {
			assertThat(identity.createUserQuery().memberOfGroup(Actor.ADMIN).count()).isZero();
			assertThat(attemptSetup("intruder2").statusCode()).isIn(401, 403);
			assertThat(identity.createUserQuery().userId("intruder2").count()).isZero();
			assertThat(identity.createUserQuery().memberOfGroup(Actor.ADMIN).count()).isZero();
		}
		finally {
			identity.createMembership(ADMIN, Actor.ADMIN);
		}
	}

	@Test
	void keepsTheAdminAppsSetupPageClosedEvenToTheAdministrator() {
		String setup = "/camunda/app/admin/" + engine.getName() + "/setup/";
		assertThat(PageSession.anonymous(port).status(setup)).isNotEqualTo(200);
		assertThat(PageSession.signIn(port, ADMIN, ADMIN_PASSWORD).status(setup)).isEqualTo(403);
	}

	@Test
	void servesNoOpenApiDocumentOrSwaggerUiInProduction() {
		PageSession admin = PageSession.signIn(port, ADMIN, ADMIN_PASSWORD);
		assertThat(admin.getJson("/v3/api-docs").status()).isEqualTo(404);
		assertThat(admin.status("/swagger-ui.html")).isEqualTo(404);
		assertThat(PageSession.anonymous(port).getJson("/v3/api-docs").status()).isEqualTo(401);
	}

	/**
	 * Camunda's setup call as an attacker makes it: the XSRF cookie from a GET under /camunda, sent
	 * back as the X-XSRF-TOKEN header with the session, and a new member of camunda-admin in the body.
	 */
	private HttpResponse<String> attemptSetup(String userId) throws IOException, InterruptedException {
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
		String base = "http://localhost:" + port;
		http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine.getName())).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		String xsrf = cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from a GET under /camunda"));
		String body = """
				{"profile":{"id":"%s","firstName":"I","lastName":"Ntruder","email":"i@example.org"},
				 "credentials":{"password":"Intruder-Passw0rd-77"}}""".formatted(userId);
		return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/setup/" + engine.getName() + "/user/create"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void refusesToStartWithoutAnAdministratorSayingWhatToSet(CapturedOutput output) {
		StartRefusedException refused = refusedStart("--needsloop.admin.user=", "--needsloop.admin.password=");

		assertThat(refused.getMessage()).contains("There is no administrator")
			.contains("Set NEEDSLOOP_ADMIN_USER and NEEDSLOOP_ADMIN_PASSWORD");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("There is no administrator")
			.contains("Set NEEDSLOOP_ADMIN_USER and NEEDSLOOP_ADMIN_PASSWORD");
	}

	@Test
	void refusesAWeakOrHalfConfiguredAdministrator() {
		for (String weak : List.of("demo", "District-Admin-2026!")) {
			assertThat(refusedStart("--needsloop.admin.user=" + ADMIN, "--needsloop.admin.password=" + weak).getMessage())
				.as(weak)
				.contains("NEEDSLOOP_ADMIN_PASSWORD is too weak")
				.contains("Set NEEDSLOOP_ADMIN_PASSWORD to a stronger password");
		}
		assertThat(refusedStart("--needsloop.admin.user=" + ADMIN, "--needsloop.admin.password=").getMessage())
			.contains("NEEDSLOOP_ADMIN_USER is set but NEEDSLOOP_ADMIN_PASSWORD is not");
		assertThat(refusedStart("--needsloop.admin.user=", "--needsloop.admin.password=" + ADMIN_PASSWORD).getMessage())
			.contains("NEEDSLOOP_ADMIN_PASSWORD is set but NEEDSLOOP_ADMIN_USER is not");
	}

	@Test
	void refusesTheMysqlProfileWithoutADatabaseAccount() {
		String admin = "--needsloop.admin.user=" + ADMIN;
		String password = "--needsloop.admin.password=" + ADMIN_PASSWORD;
		assertThat(refusedStart("--spring.profiles.active=mysql", "--spring.datasource.username=", admin, password)
			.getMessage()).contains("no database user").contains("Set MYSQL_USER and MYSQL_PASSWORD");

		assumeThat(System.getenv("MYSQL_PASSWORD")).as("MYSQL_PASSWORD is not set in this environment").isNull();
		assertThat(refusedStart("--spring.profiles.active=mysql", "--spring.datasource.username=needsloop", admin, password)
			.getMessage()).contains("no database password").contains("Set MYSQL_USER and MYSQL_PASSWORD");
	}

	@Test
	void needsNoConfiguredAdministratorOnceOneExistsAndKeepsAChangedPassword(CapturedOutput output) {
		String database = "--spring.datasource.url=jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		String admin = "--needsloop.admin.user=first-admin";
		String password = "--needsloop.admin.password=" + ADMIN_PASSWORD;
		try (ConfigurableApplicationContext first = start(database, admin, password)) {
			IdentityService identity = first.getBean(IdentityService.class);
			User user = identity.createUserQuery().userId("first-admin").singleResult();
			user.setPassword("Changed-in-Admin-93!");
			identity.saveUser(user);
		}
		try (ConfigurableApplicationContext second = start(database, "--needsloop.admin.user=",
				"--needsloop.admin.password=")) {
			assertThat(second.getBean(IdentityService.class).createUserQuery().memberOfGroup(Actor.ADMIN).count())
				.isEqualTo(1);
		}
		try (ConfigurableApplicationContext third = start(database, admin, password)) {
			StoredPasswords passwords = third.getBean(StoredPasswords.class);
			assertThat(passwords.matches("first-admin", "Changed-in-Admin-93!")).isTrue();
			assertThat(passwords.matches("first-admin", ADMIN_PASSWORD)).isFalse();
		}
		assertThat(output).contains("the password in the database is kept");
	}

	/**
	 * A start as a packaged jar does it (no profile), with an in-memory database of its own, no job
	 * executor and no web server; {@code settings} ({@code --key=value}) add to these or replace them.
	 */
	private static ConfigurableApplicationContext start(String... settings) {
		Map<String, String> args = new LinkedHashMap<>();
		for (String arg : List.of("--spring.datasource.url=jdbc:h2:mem:start-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.main.web-application-type=none",
				"--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
				"--camunda.bpm.job-execution.enabled=false",
				"--camunda.bpm.generate-unique-process-engine-name=true",
				"--camunda.bpm.generate-unique-process-application-name=true", "--spring.main.banner-mode=off")) {
			args.put(arg.substring(0, arg.indexOf('=')), arg);
		}
		for (String arg : settings) {
			args.put(arg.substring(0, arg.indexOf('=')), arg);
		}
		return new SpringApplication(NeedsLoopApplication.class).run(args.values().toArray(String[]::new));
	}

	private static StartRefusedException refusedStart(String... settings) {
		Throwable failure = catchThrowable(() -> start(settings).close());
		assertThat(failure).as("the start was refused").isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof StartRefusedException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a StartRefusedException in %s", failure).isInstanceOf(StartRefusedException.class);
		return (StartRefusedException) cause;
	}
}
