package cn.needsloop.registration;

import cn.needsloop.support.AppContext;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;


import com.fasterxml.jackson.databind.JsonNode;

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
@AppContext
class RegistrationControllerTests {

	@Autowired
	TestRestTemplate http;

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

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(http, identity);
	}

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
		String user = api.newUser("member", "resident");

		ResponseEntity<JsonNode> response = api.post(user, "/api/registrations", member("周明", null, "理发", "维修"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode body = response.getBody();
		assertThat(response.getHeaders().getLocation()).hasPath("/api/registrations/" + body.get("id").asLong());
		assertThat(body.get("username").asText()).isEqualTo(user);
		assertThat(body.get("style").asText()).isEqualTo("MENU");
		assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(body.get("skills")).extracting(JsonNode::asText).containsExactly("理发", "维修");
		assertThat(api.get(user, "/api/registrations/" + body.get("id").asLong()).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void rejectsInvalidRegistrationNamingEachField() {
		Map<String, Object> body = member(" ", null);
		body.put("phone", "call me");

		ResponseEntity<JsonNode> response = api.post("resident1", "/api/registrations", body);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(ApiClient.errorFields(response)).contains("name", "phone", "skills");
	}

	@Test
	void rejectsUnknownKindAndCommunity() {
		Map<String, Object> badKind = member("周明", null, "理发");
		badKind.put("kind", "PERSON");
		assertThat(ApiClient.errorFields(api.post("resident1", "/api/registrations", badKind))).containsExactly("kind");

		Map<String, Object> badCommunity = member("周明", null, "理发");
		badCommunity.put("communityCode", "nowhere");
		ResponseEntity<JsonNode> response = api.post("party1", "/api/registrations", badCommunity);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(response)).containsExactly("communityCode");
	}

	@Test
	void requiresSignIn() {
		ResponseEntity<JsonNode> response = api.get(null, "/api/registrations");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void onlyStaffRegisterUnitsAndOthers() {
		Map<String, Object> unit = member(ApiClient.unique("市税务局党支部"), null, "法律咨询");
		unit.put("kind", "ORGANIZATION");
		assertThat(api.post("resident1", "/api/registrations", unit).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> chinese = api.call(HttpMethod.POST, "resident1", "/api/registrations", unit, "zh-CN");
		assertThat(chinese.getBody().get("detail").asText()).contains("党组织");

		assertThat(api.post("resident1", "/api/registrations", member("冒名", "party1", "理发")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<JsonNode> byParty = api.post("party1", "/api/registrations", unit);
		assertThat(byParty.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(byParty.getBody().get("username").isNull()).isTrue();
		assertThat(byParty.getBody().get("registeredBy").asText()).isEqualTo("party1");
	}

	@Test
	void rejectsSecondRegistrationOfSameMemberOrUnit() {
		String user = api.newUser("member", "resident");
		assertThat(api.post(user, "/api/registrations", member("周明", null, "理发")).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		ResponseEntity<JsonNode> again = api.post(user, "/api/registrations", member("周明", null, "维修"));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody().get("code").asText()).isEqualTo("problem.registration.duplicateUser");

		Map<String, Object> unit = member(ApiClient.unique("市交通局党委"), null, "交通疏导");
		unit.put("kind", "ORGANIZATION");
		unit.put("style", "ALLIANCE");
		assertThat(api.post("steward1", "/api/registrations", unit).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(api.post("party1", "/api/registrations", unit).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void rejectsUnknownAccountAndTeamWithoutAccount() {
		ResponseEntity<JsonNode> unknown = api.post("party1", "/api/registrations", member("周明", "nobody-x", "理发"));
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(unknown)).containsExactly("username");

		Map<String, Object> team = member(ApiClient.unique("志愿服务队"), null, "助老");
		team.put("kind", "ORGANIZATION");
		team.put("style", "TEAM");
		ResponseEntity<JsonNode> noAccount = api.post("party1", "/api/registrations", team);
		assertThat(noAccount.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(noAccount)).containsExactly("username");
	}

	@Test
	void unknownRegistrationIsNotFoundAndOthersAreForbidden() {
		assertThat(api.get("party1", "/api/registrations/987654").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		String user = api.newUser("member", "resident");
		long id = api.post(user, "/api/registrations", member("周明", null, "理发")).getBody().get("id").asLong();
		assertThat(api.get("resident1", "/api/registrations/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get("steward2", "/api/registrations/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get("steward1", "/api/registrations/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void listsRegistrantsOfACommunityBySkill() {
		String skill = ApiClient.unique("心理疏导");
		String user = api.newUser("member", "resident");
		long mine = api.post(user, "/api/registrations", member("周明", null, skill)).getBody().get("id").asLong();
		api.post("party1", "/api/registrations", member("吴芳", null, skill));
		api.post("party1", "/api/registrations", member("郑红", null, ApiClient.unique("other")));

		ResponseEntity<JsonNode> party = api.get("party1", "/api/registrations?communityCode=xingfu&skill=" + skill);
		assertThat(party.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(party.getBody().findValuesAsText("name")).containsExactlyInAnyOrder("周明", "吴芳");

		ResponseEntity<JsonNode> own = api.get(user, "/api/registrations?communityCode=xingfu");
		assertThat(own.getBody()).hasSize(1);
		assertThat(own.getBody().get(0).get("id").asLong()).isEqualTo(mine);
	}

	@Test
	void registeredTeamCanBeAssignedAnUnclaimedProject() {
		String account = api.newUser("team");
		Map<String, Object> team = member(ApiClient.unique("市财政局党员志愿服务队"), account, "助餐", "送餐");
		team.put("kind", "ORGANIZATION");
		team.put("style", "TEAM");

		ResponseEntity<JsonNode> registered = api.post("party1", "/api/registrations", team);

		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String code = registered.getBody().get("organizationCode").asText();
		assertThat(code).isEqualTo("team-" + registered.getBody().get("id").asLong());
		Organization organization = organizations.findById(code).orElseThrow();
		assertThat(organization.getKind()).isEqualTo(Organization.Kind.PARTY_VOLUNTEER_TEAM);
		assertThat(organization.getAccountUser()).isEqualTo(account);

		ServiceProject project = unclaimedProject();
		ResponseEntity<JsonNode> assigned = api.post("manager1", "/api/projects/" + project.getId() + "/assignment",
				Map.of("organizationCode", code, "note", "交由双报到党员志愿服务队承接"));

		assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(assigned.getBody().get("claimant").asText()).isEqualTo(code);
		assertThat(assigned.getBody().get("claimedInTime").asBoolean()).isFalse();
	}

	@Test
	void teamAccountOfASocialOrganizationIsAConflict() {
		Map<String, Object> team = member(ApiClient.unique("服务队"), "org1", "助老");
		team.put("kind", "ORGANIZATION");
		team.put("style", "TEAM");

		ResponseEntity<JsonNode> response = api.post("party1", "/api/registrations", team);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody().get("code").asText()).isEqualTo("problem.registration.accountIsOrganization");
	}

	@Test
	void kpisCountRegisteredUnitsAndMembers() {
		Map<String, Object> unit = member(ApiClient.unique("市卫健委党支部"), null, "义诊");
		unit.put("kind", "ORGANIZATION");
		api.post("party1", "/api/registrations", unit);
		api.post("party1", "/api/registrations", member("钱亮", null, "义诊"));

		ResponseEntity<JsonNode> kpis = api.get("party1", "/api/registrations/kpis?communityCode=xingfu");

		assertThat(kpis.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(kpis.getBody().get("registeredUnits").asLong()).isPositive();
		assertThat(kpis.getBody().get("registeredMembers").asLong()).isPositive();
		assertThat(kpis.getBody().get("communityCode").asText()).isEqualTo("xingfu");
		assertThat(api.get("steward1", "/api/registrations/kpis").getBody().get("communityCode").asText())
			.isEqualTo("xingfu");
		assertThat(api.get("manager1", "/api/registrations/kpis").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.get("resident1", "/api/registrations/kpis").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.get("steward2", "/api/registrations/kpis?communityCode=xingfu").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<JsonNode> empty = api.get("manager1", "/api/registrations/kpis?from=2026-03-02&to=2026-03-01");
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ApiClient.errorFields(empty)).containsExactly("from");
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
