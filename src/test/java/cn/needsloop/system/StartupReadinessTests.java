package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import cn.needsloop.support.Api;
import cn.needsloop.support.Api.Response;
import cn.needsloop.support.PageSession;

/**
 * Ready only when everything is there. Tomcat accepts requests before the application runners (demo
 * data, Camunda authorizations) have run and before the job executor has started; a runner ordered
 * after all the others looks at the application from outside at that moment: readiness refused, the
 * API, the engine's REST API and the pages answer 503 with {@code Retry-After}, the probes answer. Then
 * the readiness state turns to accepting traffic, with the job executor running (it is on in this
 * context; its own in-memory database has no due jobs). The context stays open like the others: closing a
 * context with Camunda's webapps clears the webapps' static application context
 * ({@code LazyInitRegistration}), which the webapps of the contexts still open need.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({ "demo", "test" })
@Import(StartupReadinessTests.WhileStarting.class)
class StartupReadinessTests {

	/** The last application runner: what a client sees before the application is ready. */
	static class WhileStarting implements ApplicationRunner, Ordered {

		final List<String> events = new CopyOnWriteArrayList<>();

		ReadinessState readiness;

		boolean demoUsersThere;

		boolean jobExecutorActive;

		Response apiAnonymous;

		Response apiSignedIn;

		Response engineRest;

		Response readinessProbe;

		Response livenessProbe;

		PageSession.Page page;

		private final ApplicationAvailability availability;

		private final IdentityService identity;

		private final JobExecutor jobExecutor;

		private final Environment environment;

		WhileStarting(ApplicationAvailability availability, IdentityService identity, JobExecutor jobExecutor,
				Environment environment) {
			this.availability = availability;
			this.identity = identity;
			this.jobExecutor = jobExecutor;
			this.environment = environment;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void run(ApplicationArguments args) {
			events.add("last runner");
			readiness = availability.getReadinessState();
			demoUsersThere = identity.createUserQuery().userId("steward1").count() == 1;
			jobExecutorActive = jobExecutor.isActive();
			int port = environment.getRequiredProperty("local.server.port", Integer.class);
			Api api = new Api(port);
			apiAnonymous = api.anonymous().language("zh-CN").get("/api/needs");
			apiSignedIn = api.as("steward1").get("/api/needs?communityCode=xingfu");
			engineRest = api.as("steward1").get("/engine-rest/task");
			readinessProbe = api.anonymous().get("/actuator/health/readiness");
			livenessProbe = api.anonymous().get("/actuator/health/liveness");
			page = PageSession.anonymous(port).get("/steward");
		}

		@EventListener
		void on(AvailabilityChangeEvent<ReadinessState> event) {
			events.add(event.getState() + (jobExecutor.isActive() ? " with the job executor running" : ""));
		}
	}

	@Autowired
	private WhileStarting whileStarting;

	@Autowired
	private ApplicationAvailability availability;

	@Autowired
	private JobExecutor jobExecutor;

	@LocalServerPort
	private int port;

	@Test
	void readyOnlyAfterTheRunnersAndTheJobExecutor() {
		assertThat(whileStarting.demoUsersThere).as("demo data seeded before the last runner").isTrue();
		assertThat(whileStarting.readiness).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
		assertThat(whileStarting.jobExecutorActive).isFalse();
		assertThat(whileStarting.events).containsExactly("last runner",
				"ACCEPTING_TRAFFIC with the job executor running");
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(jobExecutor.isActive()).isTrue();
	}

	@Test
	void probesAnsweredWhileStarting() {
		assertThat(whileStarting.readinessProbe.status()).isEqualTo(503);
		// readinessState OUT_OF_SERVICE, jobExecution DOWN (not started yet): DOWN overall
		assertThat(whileStarting.readinessProbe.path("status").asText()).isIn("DOWN", "OUT_OF_SERVICE");
		assertThat(whileStarting.livenessProbe.status()).isEqualTo(200);
		assertThat(whileStarting.livenessProbe.path("status").asText()).isEqualTo("UP");
	}

	@Test
	void everythingElseAnswered503WithRetryAfterWhileStarting() {
		Response anonymous = whileStarting.apiAnonymous.expectProblem(503);
		assertThat(anonymous.header("Retry-After")).isEqualTo("5");
		assertThat(anonymous.path("title").asText()).isEqualTo("系统正在启动");
		assertThat(anonymous.path("detail").asText()).contains("尚未就绪");
		// not 401 nor half-seeded data: nobody is let in yet
		Response signedIn = whileStarting.apiSignedIn.expectProblem(503);
		assertThat(signedIn.path("title").asText()).isEqualTo("Starting up");
		assertThat(signedIn.header("Retry-After")).isEqualTo("5");
		assertThat(whileStarting.engineRest.expectProblem(503).header("Retry-After")).isEqualTo("5");

		assertThat(whileStarting.page.status()).isEqualTo(503);
		assertThat(whileStarting.page.contentType()).startsWith("text/html");
		assertThat(whileStarting.page.document().select("#starting-title").text()).isEqualTo("系统正在启动");
		assertThat(whileStarting.page.document().select("meta[http-equiv=refresh]").attr("content")).isEqualTo("5");
	}

	@Test
	void answersOnceReady() {
		Api api = new Api(port);
		api.anonymous().get("/actuator/health/readiness").expect(200);
		Response needs = api.as("steward1").get("/api/needs?communityCode=xingfu").expect(200);
		assertThat(needs.header("Retry-After")).isNull();
		assertThat(PageSession.signIn(port, "steward1").get("/steward").status()).isEqualTo(200);
	}
}
