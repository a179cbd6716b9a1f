package cn.needsloop.registration;

import static cn.needsloop.registration.TestUsers.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.needsloop.support.Api.Response;
import cn.needsloop.support.ApiTest;
import cn.needsloop.design.ProjectRequests.Approval;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.shared.Actor;

/** {@code /api/registrations} over HTTP: 双报到, the registry, the KPIs and the team fallback. */
class RegistrationControllerTests extends ApiTest {

	@Autowired
	IdentityService identity;

	@Autowired
	Organizations organizations;

	@Autowired
	NeedService needService;

	@Autowired
	ProjectService projectService;

	@Autowired
	ManagementService management;

	static Map<String, Object> member(String name, String username, String... skills) {
		Map<String, Object> body = new HashMap<>();
		body.put("communityCode", "xingfu");
		body.put("kind", "MEMBER");
		body.put("name", name);
		body.put("unit", "市民政局");
		body.put("phone", "13800001111");
		body.put("skills", List.of(skills));
		body.put("offers", "周末可参加助老服务");
		body.put("username", username);
		return body;
	}

	@Test
	void partyMemberRegistersThemself() {
		String user = TestUsers.newUser(identity, "member", "resident");

		Response response = api.as(user).post("/api/registrations", member("周明", null, "理发", "维修"));

		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(URI.create(response.header("Location"))).hasPath("/api/registrations/" + body.get("id").asLong());
		assertThat(body.get("username").asText()).isEqualTo(user);
		assertThat(body.get("style").asText()).isEqualTo("MENU");
		assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(body.get("skills")).extracting(JsonNode::asText).containsExactly("理发", "维修");
		assertThat(api.as(user).get("/api/registrations/" + body.get("id").asLong()).status())
			.isEqualTo(200);
	}

	@Test
	void rejectsInvalidRegistrationNamingEachField() {
		Map<String, Object> body = member(" ", null);
		body.put("phone", "call me");

		Response response = api.as("resident1").post("/api/registrations", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.errorFields()).contains("name", "phone", "skills");
	}

	@Test
	void rejectsUnknownKindAndCommunity() {
		Map<String, Object> badKind = member("周明", null, "理发");
		badKind.put("kind", "PERSON");
		assertThat(api.as("resident1").post("/api/registrations", badKind).errorFields()).containsExactly("kind");

		Map<String, Object> badCommunity = member("周明", null, "理发");
		badCommunity.put("communityCode", "nowhere");
		Response response = api.as("party1").post("/api/registrations", badCommunity);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("communityCode");
	}

	@Test
	void requiresSignIn() {
		Response response = api.anonymous().get("/api/registrations");

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void onlyStaffRegisterUnitsAndOthers() {
		Map<String, Object> unit = member(unique("市税务局党支部"), null, "法律咨询");
		unit.put("kind", "ORGANIZATION");
		assertThat(api.as("resident1").post("/api/registrations", unit).status()).isEqualTo(403);
		Response chinese = api.as("resident1").language("zh-CN").post("/api/registrations", unit);
		assertThat(chinese.json().get("detail").asText()).contains("党组织");

		assertThat(api.as("resident1").post("/api/registrations", member("冒名", "party1", "理发")).status())
			.isEqualTo(403);

		Response byParty = api.as("party1").post("/api/registrations", unit);
		assertThat(byParty.status()).isEqualTo(201);
		assertThat(byParty.json().get("username").isNull()).isTrue();
		assertThat(byParty.json().get("registeredBy").asText()).isEqualTo("party1");
	}

	@Test
	void rejectsSecondRegistrationOfSameMemberOrUnit() {
		String user = TestUsers.newUser(identity, "member", "resident");
		assertThat(api.as(user).post("/api/registrations", member("周明", null, "理发")).status())
			.isEqualTo(201);

		Response again = api.as(user).post("/api/registrations", member("周明", null, "维修"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("problem.registration.duplicateUser");

		Map<String, Object> unit = member(unique("市交通局党委"), null, "交通疏导");
		unit.put("kind", "ORGANIZATION");
		unit.put("style", "ALLIANCE");
		assertThat(api.as("steward1").post("/api/registrations", unit).status()).isEqualTo(201);
		assertThat(api.as("party1").post("/api/registrations", unit).status()).isEqualTo(409);
	}

	@Test
	void rejectsUnknownAccountAndTeamWithoutAccount() {
		Response unknown = api.as("party1").post("/api/registrations", member("周明", "nobody-x", "理发"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("username");

		Map<String, Object> team = member(unique("志愿服务队"), null, "助老");
		team.put("kind", "ORGANIZATION");
		team.put("style", "TEAM");
		Response noAccount = api.as("party1").post("/api/registrations", team);
		assertThat(noAccount.status()).isEqualTo(400);
		assertThat(noAccount.errorFields()).containsExactly("username");
	}

	@Test
	void unknownRegistrationIsNotFoundAndOthersAreForbidden() {
		assertThat(api.as("party1").get("/api/registrations/987654").status()).isEqualTo(404);

		String user = TestUsers.newUser(identity, "member", "resident");
		long id = api.as(user).post("/api/registrations", member("周明", null, "理发")).json().get("id").asLong();
		assertThat(api.as("resident1").get("/api/registrations/" + id).status()).isEqualTo(403);
		assertThat(api.as("steward2").get("/api/registrations/" + id).status()).isEqualTo(403);
		assertThat(api.as("steward1").get("/api/registrations/" + id).status()).isEqualTo(200);
	}

	@Test
	void listsRegistrantsOfACommunityBySkill() {
		String skill = unique("心理疏导");
		String user = TestUsers.newUser(identity, "member", "resident");
		long mine = api.as(user).post("/api/registrations", member("周明", null, skill)).json().get("id").asLong();
		api.as("party1").post("/api/registrations", member("吴芳", null, skill));
		api.as("party1").post("/api/registrations", member("郑红", null, unique("other")));

		Response party = api.as("party1").get("/api/registrations?communityCode=xingfu&skill=" + skill);
		assertThat(party.status()).isEqualTo(200);
		assertThat(party.json().findValuesAsText("name")).containsExactlyInAnyOrder("周明", "吴芳");

		Response own = api.as(user).get("/api/registrations?communityCode=xingfu");
		assertThat(own.json()).hasSize(1);
		assertThat(own.json().get(0).get("id").asLong()).isEqualTo(mine);
	}

	@Test
	void registeredTeamCanBeAssignedAnUnclaimedProject() {
		String account = TestUsers.newUser(identity, "team");
		Map<String, Object> team = member(unique("市财政局党员志愿服务队"), account, "助餐", "送餐");
		team.put("kind", "ORGANIZATION");
		team.put("style", "TEAM");

		Response registered = api.as("party1").post("/api/registrations", team);

		assertThat(registered.status()).isEqualTo(201);
		String code = registered.json().get("organizationCode").asText();
		assertThat(code).isEqualTo("team-" + registered.json().get("id").asLong());
		Organization organization = organizations.findById(code).orElseThrow();
		assertThat(organization.getKind()).isEqualTo(Organization.Kind.PARTY_VOLUNTEER_TEAM);
		assertThat(organization.getAccountUser()).isEqualTo(account);

		ServiceProject project = unclaimedProject();
		Response assigned = api.as("manager1").post("/api/projects/" + project.getId() + "/assignment",
				Map.of("organizationCode", code, "note", "交由双报到党员志愿服务队承接"));

		assertThat(assigned.status()).isEqualTo(200);
		assertThat(assigned.json().get("claimant").asText()).isEqualTo(code);
		assertThat(assigned.json().get("claimedInTime").asBoolean()).isFalse();
	}

	@Test
	void teamAccountOfASocialOrganizationIsAConflict() {
		Map<String, Object> team = member(unique("服务队"), "org1", "助老");
		team.put("kind", "ORGANIZATION");
		team.put("style", "TEAM");

		Response response = api.as("party1").post("/api/registrations", team);

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("code").asText()).isEqualTo("problem.registration.accountIsOrganization");
	}

	@Test
	void kpisCountRegisteredUnitsAndMembers() {
		Map<String, Object> unit = member(unique("市卫健委党支部"), null, "义诊");
		unit.put("kind", "ORGANIZATION");
		api.as("party1").post("/api/registrations", unit);
		api.as("party1").post("/api/registrations", member("钱亮", null, "义诊"));

		Response kpis = api.as("party1").get("/api/registrations/kpis?communityCode=xingfu");

		assertThat(kpis.status()).isEqualTo(200);
		assertThat(kpis.json().get("registeredUnits").asLong()).isPositive();
		assertThat(kpis.json().get("registeredMembers").asLong()).isPositive();
		assertThat(kpis.json().get("communityCode").asText()).isEqualTo("xingfu");
		assertThat(api.as("steward1").get("/api/registrations/kpis").json().get("communityCode").asText())
			.isEqualTo("xingfu");
		assertThat(api.as("manager1").get("/api/registrations/kpis").status()).isEqualTo(200);
		assertThat(api.as("resident1").get("/api/registrations/kpis").status()).isEqualTo(403);
		assertThat(api.as("steward2").get("/api/registrations/kpis?communityCode=xingfu").status())
			.isEqualTo(403);
		Response empty = api.as("manager1").get("/api/registrations/kpis?from=2026-03-02&to=2026-03-01");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.errorFields()).containsExactly("from");
	}

	/** A project approved, published and left unclaimed past its deadline: waiting for the manager. */
	private ServiceProject unclaimedProject() {
		Actor steward = new Actor("steward1", List.of("steward:xingfu"));
		List<Long> needIds = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.STEWARD_STATION, "老人吃饭难" + i,
					"高龄老人午餐无人照料，希望有助餐服务。", "居民" + i, "1390000000" + i, 3), steward);
			needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "入户核实"), steward);
			needService.classify(need.getId(), new Classify(Category.ELDERLY_CARE, Urgency.HIGH, Scope.COMMON), steward);
			needIds.add(need.getId());
		}
		ServiceProject project = projectService.design(new DesignProject("xingfu", "助餐送餐", "为高龄老人送餐",
				"党员志愿者每日送餐上门", Category.ELDERLY_CARE, needIds, new BigDecimal("5000"), 10, false,
				LocalDate.now().plusMonths(2), List.of("开展送餐")), steward);
		projectService.approve(project.getId(), new Approval(true, "同意"),
				new Actor("party1", List.of("party:xingfu")));
		Job deadline = management.createJobQuery().processInstanceId(project.getProcessInstanceId()).timers()
			.activityId("timer_claimDeadline").singleResult();
		management.executeJob(deadline.getId());
		return project;
	}
}
