package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.calendar.WorkingCalendar;
import cn.needsloop.consultation.ConsultationService;
import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;
import cn.needsloop.support.ConsultationSteps;
import cn.needsloop.support.PageSession;
import cn.needsloop.support.PageSession.Page;

/**
 * Personal data on the pages, read as each role reads them (signed in through the login form, read with jsoup):
 * roles instead of a resident's account for an organisation, masked phone numbers with a reveal button for the
 * community's steward only, and the reveal log for managers.
 */
class PersonalDataPageTests extends ApiTest {

	static final String PHONE = "13800000001";

	static final String MASKED = "138****0001";

	@Autowired
	ConsultationService consultations;

	@Autowired
	ManagementService management;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	IdentityService identity;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void organisationReadsAConsultationPageWithRolesAndMaskedNames() {
		long id = api.as("resident1")
			.post("/api/consultations", Map.of("communityCode", "xingfu", "topic", "助餐点选址 " + Api.unique(), "topicType",
					"ELDERLY_CHILD_SERVICES", "description", "居民提出：助餐点设在哪里"))
			.expect(201)
			.id();
		new ConsultationSteps(consultations, management, calendar).consult(id, 9, 7, 1, 1);
		api.as("resident1").post("/api/consultations/" + id + "/objections", Map.of("text", "选址离我家太近"))
			.expect(200);

		Document asOrg = PageSession.signIn(port(), "org1").page("/consultations/" + id);
		assertThat(asOrg.select("main").text()).contains("居民", "王**").doesNotContain("resident1", "selfgov1", "王建国");
		assertThat(asOrg.select("#objections").text()).contains("居民");
		assertThat(asOrg.select("#participants").text()).contains("幸福物业");

		Document asSelfGovernance = PageSession.signIn(port(), "selfgov1").page("/consultations/" + id);
		assertThat(asSelfGovernance.select("main").text()).contains("resident1", "王建国");
	}

	@Test
	void needPageMasksThePhoneAndOnlyTheCommunitysStewardRevealsIt() {
		long id = report();

		Document asResident = PageSession.signIn(port(), "resident1").page("/needs/" + id);
		assertThat(asResident.getElementById("reporter-phone").text()).isEqualTo(PHONE);
		assertThat(asResident.getElementById("form-reveal-phone")).isNull();

		Document asManager = PageSession.signIn(port(), "manager1").page("/needs/" + id);
		assertThat(asManager.getElementById("reporter-phone").text()).isEqualTo(MASKED);
		assertThat(asManager.getElementById("reporter-name").text()).isEqualTo("刘秀英");
		assertThat(asManager.getElementById("form-reveal-phone")).isNull();
		assertThat(asManager.select("main").text()).doesNotContain(PHONE);

		PageSession steward = PageSession.signIn(port(), "steward1");
		Document masked = steward.page("/needs/" + id);
		assertThat(masked.getElementById("reporter-phone").text()).isEqualTo(MASKED);
		assertThat(masked.select("main").text()).doesNotContain(PHONE);
		String action = masked.getElementById("form-reveal-phone").attr("action");
		assertThat(action).endsWith("/needs/" + id + "/reporter-phone/reveal");

		Page redirect = steward.post(action, List.of());
		assertThat(redirect.location()).endsWith("/needs/" + id);
		Document revealed = steward.follow(redirect).document();
		assertThat(revealed.getElementById("reporter-phone").text()).isEqualTo(PHONE);
		assertThat(revealed.select("#need-reporter .hint").text()).isEqualTo("已显示完整号码，本次查看已留痕。");
		assertThat(steward.page("/needs/" + id).getElementById("reporter-phone").text()).as("shown once")
			.isEqualTo(MASKED);

		PageSession otherSteward = PageSession.signIn(port(), "steward2");
		otherSteward.page("/steward");
		Page refused = otherSteward.post("/needs/" + id + "/reporter-phone/reveal", List.of());
		assertThat(otherSteward.follow(refused).document().select("#flash-error").text())
			.contains("所在社区的民需管家可以查看完整电话");

		PageSession manager = PageSession.signIn(port(), "manager1");
		Document log = manager.page("/manager/reveals");
		assertThat(log.select("#reveals tr[data-record=NEED][data-record-id=" + id + "]")).singleElement()
			.satisfies(row -> {
				assertThat(row.text()).contains("steward1", "民需 #", "上报人电话", "幸福社区");
				assertThat(row.select("a").attr("href")).endsWith("/needs/" + id);
			});
		assertThat(manager.page("/manager").getElementById("reveal-log").attr("href")).endsWith("/manager/reveals");
		assertThat(steward.status("/manager/reveals")).isEqualTo(403);
	}

	@Test
	void certificatePageMasksThePhoneAndTheStewardRevealsIt() {
		long id = api.as("resident1").post("/api/certificates", Map.of("communityCode", "xingfu", "kind", "RESIDENCE",
				"applicantName", "刘秀英", "applicantPhone", PHONE, "purpose", "孩子入学报名")).expect(201).id();

		assertThat(PageSession.signIn(port(), "resident1").page("/certificates/" + id).getElementById("applicant-phone")
			.text()).isEqualTo(PHONE);
		Document asManager = PageSession.signIn(port(), "manager1").page("/certificates/" + id);
		assertThat(asManager.getElementById("applicant-phone").text()).isEqualTo(MASKED);
		assertThat(asManager.getElementById("form-reveal-phone")).isNull();

		PageSession steward = PageSession.signIn(port(), "steward1");
		Document masked = steward.page("/certificates/" + id);
		assertThat(masked.getElementById("applicant-phone").text()).isEqualTo(MASKED);
		assertThat(steward.page("/certificates").select("main").text()).as("the steward's list").doesNotContain(PHONE);
		Page redirect = steward.post(masked.getElementById("form-reveal-phone").attr("action"), List.of());
		assertThat(steward.follow(redirect).document().getElementById("applicant-phone").text()).isEqualTo(PHONE);
	}

	@Test
	void rosterMasksPhonesAndOnlyTheStewardRevealsOne() {
		String member = newResident();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("communityCode", "xingfu");
		body.put("kind", "MEMBER");
		body.put("name", "周明");
		body.put("unit", "市民政局");
		body.put("phone", PHONE);
		body.put("skills", List.of("理发"));
		long id = api.as(member).post("/api/registrations", body).expect(201).id();

		Document asParty = PageSession.signIn(port(), "party1").page("/registrations?communityCode=xingfu");
		assertThat(asParty.select("#roster tr[data-registration=" + id + "] .phone").text()).isEqualTo(MASKED);
		assertThat(asParty.select("#roster").text()).doesNotContain(PHONE);
		assertThat(asParty.select("#roster form.reveal-phone")).isEmpty();

		PageSession steward = PageSession.signIn(port(), "steward1");
		Document roster = steward.page("/registrations?communityCode=xingfu");
		String action = roster.select("#roster tr[data-registration=" + id + "] form.reveal-phone").attr("action");
		assertThat(action).endsWith("/registrations/" + id + "/phone/reveal");
		Document revealed = steward.follow(steward.post(action, List.of())).document();
		assertThat(revealed.select("#roster tr[data-registration=" + id + "] .phone").text()).isEqualTo(PHONE);
		assertThat(revealed.select("#roster tr:not([data-registration=" + id + "]) .phone").eachText())
			.allSatisfy(phone -> assertThat(phone).contains("****"));
	}

	private long report() {
		Map<String, Object> body = Api.needBody("xingfu", "楼道灯坏了 " + Api.unique(), "3号楼2单元楼道灯不亮", 1);
		body.put("reporterName", "刘秀英");
		body.put("reporterPhone", PHONE);
		return api.as("resident1").post("/api/needs", body).expect(201).id();
	}

	private String newResident() {
		String id = "member-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identity.newUser(id);
		user.setFirstName("member");
		user.setLastName("");
		user.setPassword(Api.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(id, "resident");
		return id;
	}

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}
}
