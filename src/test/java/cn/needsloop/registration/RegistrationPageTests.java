package cn.needsloop.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedService;
import cn.needsloop.support.PageTest;

/**
 * 双报到 and 派单 on pages: a member registers themself, the party line sees the roster with its KPIs
 * and registers a unit, dispatches members for an open need, an invited member answers, the party
 * line records the hours; bad input changes nothing and says why in Chinese.
 */
class RegistrationPageTests extends PageTest {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	Registrations registrations;

	@Autowired
	Dispatches dispatches;

	@Autowired
	DispatchOffers offers;

	@Autowired
	ServiceHoursLog hours;

	@Autowired
	NeedService needService;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private MockHttpServletRequestBuilder registration(String user, String skills) {
		return registration(user, skills, "MEMBER");
	}

	private MockHttpServletRequestBuilder registration(String user, String skills, String kind) {
		return registration(user, skills, kind, "13800003333");
	}

	private MockHttpServletRequestBuilder registration(String user, String skills, String kind, String phone) {
		return form(user, "/registrations", "/registrations").param("communityCode", "xingfu")
			.param("kind", kind)
			.param("style", "MENU")
			.param("name", "赵党员")
			.param("unit", "市税务局")
			.param("phone", phone)
			.param("skills", skills)
			.param("offers", "周末可以上门");
	}

	/** A new user who registers themself with xingfu offering the skill, through the page. */
	private String registeredMember(String skill) throws Exception {
		String member = newUser("member", "resident");
		mvc.perform(registration(member, skill + "，助老"))
			.andExpect(redirectedUrl("/registrations?communityCode=xingfu"))
			.andExpect(flash().attribute("doneKey", "registration.done"));
		return member;
	}

	@Test
	void aMemberRegistersThemselfAndThePartyLineSeesTheRosterWithItsKpis() throws Exception {
		String skill = unique("理发");
		String member = registeredMember(skill);
		assertThat(registrations.findByUsernameOrderByIdDesc(member)).singleElement().satisfies(r -> {
			assertThat(r.getKind()).isEqualTo(PartyRegistration.Kind.MEMBER);
			assertThat(r.getSkills()).containsExactlyInAnyOrder(skill, "助老");
			assertThat(r.getRegisteredBy()).isEqualTo(member);
		});
		Document mine = page(member, "/registrations");
		assertThat(mine.getElementById("my-registrations").text()).contains("赵党员").contains("幸福社区").contains(skill);
		assertThat(mine.getElementById("registration-kpis")).as("KPIs are for the party line and stewards").isNull();
		assertThat(mine.select("#kind option")).extracting(e -> e.val()).containsExactly("MEMBER");

		Document party = page("party1", "/registrations");
		assertThat(party.getElementById("registration-kpis")).isNotNull();
		assertThat(Integer.parseInt(party.getElementById("kpi-members").text())).isPositive();
		assertThat(party.getElementById("roster").text()).contains(skill).contains(member);

		// the party line registers a unit
		String unit = unique("市财政局机关党委");
		mvc.perform(form("party1", "/registrations", "/registrations").param("communityCode", "xingfu")
			.param("kind", "ORGANIZATION")
			.param("style", "ALLIANCE")
			.param("name", unit)
			.param("unit", "市财政局")
			.param("phone", "0535-6600000")
			.param("skills", "政策宣讲"))
			.andExpect(flash().attribute("doneKey", "registration.done"));
		assertThat(page("party1", "/registrations").getElementById("roster").text()).contains(unit).contains("单位党组织");
	}

	@Test
	void aBadRegistrationChangesNothingAndSaysWhyInChinese() throws Exception {
		String member = newUser("member", "resident");
		MvcResult invalid = mvc.perform(registration(member, "理发", "MEMBER", "打电话"))
			.andExpect(redirectedUrl("/registrations?communityCode=xingfu"))
			.andReturn();
		Document page = page(member, "/registrations", invalid.getFlashMap());
		assertThat(page.getElementById("flash-error").text()).isEqualTo("联系电话：须为电话号码（数字、+、- 和空格）");
		assertThat(page.getElementById("name").val()).as("what was typed stays").isEqualTo("赵党员");
		assertThat(registrations.findByUsernameOrderByIdDesc(member)).isEmpty();

		// the skills the line makes are checked as the API checks them: a skill longer than its column (50)
		mvc.perform(registration(member, "理发，" + "修".repeat(51)))
			.andExpect(redirectedUrl("/registrations?communityCode=xingfu"))
			.andExpect(flash().attribute("error", Matchers.startsWith("服务技能：")));
		assertThat(registrations.findByUsernameOrderByIdDesc(member)).isEmpty();

		// a resident may not register a unit
		mvc.perform(registration(member, "理发", "ORGANIZATION"))
			.andExpect(flash().attribute("error", Matchers.containsString("只有社区“xingfu”的党组织")));
		assertThat(registrations.findByUsernameOrderByIdDesc(member)).isEmpty();
	}

	@Test
	void thePartyLineDispatchesAnInvitedMemberAnswersAndHoursAreRecorded() throws Exception {
		String skill = unique("维修");
		String member = registeredMember(skill);
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.PARTY, unique("独居老人家水管漏水 "),
				"需要懂维修的党员帮忙", "刘秀英", "13800000001", 1), actor("resident1"));

		Document form = page("party1", "/dispatches/new?communityCode=xingfu");
		assertThat(form.select("#needId option[value=" + need.getId() + "]")).as("the open need can be chosen").hasSize(1);
		assertThat(form.select("#skills option[value=" + skill + "]")).as("registered skills are suggested").hasSize(1);

		MvcResult created = mvc.perform(form("party1", "/dispatches", "/dispatches/new?communityCode=xingfu")
			.param("communityCode", "xingfu")
			.param("needId", need.getId().toString())
			.param("projectId", "")
			.param("skill", skill)
			.param("people", "1")
			.param("at", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(2).format(LOCAL)))
			.andExpect(redirectedUrlPattern("/dispatches/*"))
			.andExpect(flash().attribute("doneKey", "dispatch.created"))
			.andReturn();
		Long id = redirectedId(created);
		Dispatch dispatch = dispatches.require(id);
		assertThat(dispatch.getNeedId()).isEqualTo(need.getId());
		Long registrationId = registrations.findByUsernameOrderByIdDesc(member).get(0).getId();

		Document shown = page("party1", "/dispatches/" + id);
		assertThat(shown.getElementById("dispatch-status").text()).isEqualTo("邀请中");
		assertThat(shown.select("#offers tr[data-registration=" + registrationId + "]").text()).contains("待答复");
		assertThat(page("party1", "/dispatches").select("#dispatches tr[data-dispatch=" + id + "]")).hasSize(1);

		Document invitations = page(member, "/dispatches");
		assertThat(invitations.select(".invitation[data-dispatch=" + id + "]").text()).contains(skill).contains("待答复");
		assertThat(page(member, "/tasks").select("a[href=/dispatches/" + id + "]"))
			.as("the answer task on the member's list links to the dispatch").isNotEmpty();

		MvcResult answered = mvc.perform(form(member, "/dispatches/" + id + "/answers", "/dispatches")
			.param("registrationId", registrationId.toString())
			.param("accepted", "true")
			.param("note", "准时到"))
			.andExpect(redirectedUrl("/dispatches/" + id))
			.andExpect(flash().attribute("doneKey", "dispatch.answer.accepted"))
			.andReturn();
		Document after = page(member, "/dispatches/" + id, answered.getFlashMap());
		assertThat(after.getElementById("flash-done").text()).isEqualTo("已接受邀请，谢谢！");
		assertThat(after.getElementById("dispatch-status").text()).isEqualTo("已满员");
		assertThat(after.select("form.hours")).as("only the party line records hours").isEmpty();

		// answering twice is refused with the reason
		mvc.perform(form(member, "/dispatches/" + id + "/answers", "/dispatches/" + id)
			.param("registrationId", registrationId.toString())
			.param("accepted", "false"))
			.andExpect(flash().attribute("error", Matchers.containsString("已答复或已过期")));

		// hours: not before the service time; a bad value changes nothing; then the party line records them
		Document beforeService = page("party1", "/dispatches/" + id);
		assertThat(beforeService.select("form.hours")).isEmpty();
		assertThat(beforeService.getElementById("hours-after-service").text()).contains("之后可登记服务时长");
		mvc.perform(form("party1", "/dispatches/" + id + "/hours", "/dispatches/" + id)
			.param("registrationId", registrationId.toString())
			.param("hours", "2"))
			.andExpect(flash().attribute("error", Matchers.containsString("之后才能登记服务时长")));
		assertThat(hours.findByDispatchIdOrderById(id)).isEmpty();
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3))));
		assertThat(page("party1", "/dispatches/" + id).select("form.hours")).hasSize(1);
		mvc.perform(form("party1", "/dispatches/" + id + "/hours", "/dispatches/" + id)
			.param("registrationId", registrationId.toString())
			.param("hours", "30"))
			.andExpect(flash().attribute("error", Matchers.containsString("时长（小时）：")));
		assertThat(hours.findByDispatchIdOrderById(id)).isEmpty();
		mvc.perform(form("party1", "/dispatches/" + id + "/hours", "/dispatches/" + id)
			.param("registrationId", registrationId.toString())
			.param("hours", "2.5"))
			.andExpect(flash().attribute("doneKey", "dispatch.hours.done"));
		assertThat(page("party1", "/dispatches/" + id).getElementById("hours").text()).contains("市税务局").contains("2.5");
	}

	@Test
	void aBadDispatchChangesNothingAndSaysWhyInChinese() throws Exception {
		long before = dispatches.count();
		String skill = unique("维修");
		MvcResult past = mvc.perform(form("party1", "/dispatches", "/dispatches/new?communityCode=xingfu")
			.param("communityCode", "xingfu")
			.param("skill", skill)
			.param("people", "2")
			.param("at", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1).format(LOCAL)))
			.andExpect(redirectedUrl("/dispatches/new?communityCode=xingfu"))
			.andExpect(flash().attribute("error", Matchers.containsString("必须晚于现在")))
			.andReturn();
		Document form = page("party1", "/dispatches/new?communityCode=xingfu", past.getFlashMap());
		assertThat(form.getElementById("flash-error").text()).contains("服务时间");
		assertThat(form.getElementById("skill").val()).isEqualTo(skill);

		MvcResult invalid = mvc.perform(form("party1", "/dispatches", "/dispatches/new?communityCode=xingfu")
			.param("communityCode", "xingfu")
			.param("skill", skill)
			.param("people", "0")
			.param("at", "明天"))
			.andExpect(redirectedUrl("/dispatches/new?communityCode=xingfu"))
			.andReturn();
		String error = page("party1", "/dispatches/new?communityCode=xingfu", invalid.getFlashMap())
			.getElementById("flash-error").text();
		assertThat(error).contains("需要人数：").contains("服务时间：“明天”不是此处允许的取值");

		// only the party line or a steward of the community dispatches
		mvc.perform(form("resident1", "/dispatches", "/dispatches")
			.param("communityCode", "xingfu")
			.param("skill", skill)
			.param("people", "1")
			.param("at", LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).format(LOCAL)))
			.andExpect(flash().attribute("error", Matchers.containsString("只有社区“xingfu”的党组织或民需管家")));
		assertThat(page("resident1", "/dispatches/new?communityCode=xingfu").getElementById("error-text").text())
			.contains("只有社区“xingfu”的党组织或民需管家");
		assertThat(dispatches.count()).isEqualTo(before);
	}
}
