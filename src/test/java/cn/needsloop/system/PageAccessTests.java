package cn.needsloop.system;

import cn.needsloop.support.AppContext;
import cn.needsloop.shared.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.NeedStatus;
import cn.needsloop.intake.Needs;
import cn.needsloop.shared.Phase;

/**
 * Who may open and post which page: a steward sees only their community's needs, a resident only
 * their own, each home page only its group; a refused or bad form changes nothing and says why in
 * Chinese; no form is accepted without its CSRF token.
 */
@AppContext
class PageAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	NeedService needService;

	@Autowired
	Needs needs;

	static UserRequestPostProcessor as(String user, String... groups) {
		return user(user).authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList());
	}

	Need reported() {
		return needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.ONLINE, "门口台阶破损 " + UUID.randomUUID(),
				"单元门口台阶破损，老人容易摔倒", "刘秀英", "13800000001", 1), new Actor("resident1", java.util.List.of("resident")));
	}

	@Test
	void aStewardOpensTheNeedsOfTheirCommunityOnly() throws Exception {
		Need need = reported();
		mvc.perform(get("/needs/{id}", need.getId()).with(as("steward1", "steward:xingfu"))).andExpect(status().isOk());
		mvc.perform(get("/needs/{id}", need.getId()).with(as("steward2", "steward:dongshan")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/needs/{id}/diagram", need.getId()).with(as("steward2", "steward:dongshan")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aResidentOpensTheirOwnNeedsOnly() throws Exception {
		Need need = reported();
		mvc.perform(get("/needs/{id}", need.getId()).with(as("resident1", "resident"))).andExpect(status().isOk());
		mvc.perform(get("/needs/{id}", need.getId()).with(as("resident9", "resident"))).andExpect(status().isForbidden());
	}

	@Test
	void aStewardOfAnotherCommunityCannotVerifyAndNothingChanges() throws Exception {
		Need need = reported();
		mvc.perform(post("/needs/{id}/verification", need.getId()).with(as("steward2", "steward:dongshan")).with(csrf())
			.header("Referer", "http://localhost/needs/" + need.getId())
			.param("verdict", "GENUINE")
			.param("note", "核实"));
		Need after = needs.findById(need.getId()).orElseThrow();
		assertThat(after.getVerificationVerdict()).isNull();
		assertThat(after.getPhase()).isEqualTo(Phase.DISCOVER);
	}

	@Test
	void aBadFormChangesNothingAndSaysWhyInChinese() throws Exception {
		Need need = reported();
		mvc.perform(post("/needs/{id}/verification", need.getId()).with(as("steward1", "steward:xingfu")).with(csrf())
			.locale(Locale.SIMPLIFIED_CHINESE)
			.param("verdict", "NOT_A_VERDICT"))
			.andExpect(redirectedUrl("/needs/" + need.getId()))
			.andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("核实结论：“NOT_A_VERDICT”不是此处允许的取值。"));
		mvc.perform(post("/needs/{id}/verification", need.getId()).with(as("steward1", "steward:xingfu")).with(csrf())
			.locale(Locale.SIMPLIFIED_CHINESE))
			.andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("error"))).contains("核实结论：此项为必填项。")
				.contains("说明：此项为必填项。"));
		Need after = needs.findById(need.getId()).orElseThrow();
		assertThat(after.getVerificationVerdict()).isNull();
		assertThat(after.getStatus()).isNotEqualTo(NeedStatus.CLOSED);
	}

	@Test
	void aRefusedStepGoesBackToItsPageOnThisSiteOnly() throws Exception {
		Need need = reported();
		mvc.perform(post("/needs/{id}/verification", need.getId()).with(as("steward1", "steward:xingfu")).with(csrf())
			.header("Referer", "http://localhost/needs/" + need.getId() + "?from=workbench")
			.param("verdict", "DUPLICATE")
			.param("duplicateOfId", "999999999")
			.param("note", "重复"))
			.andExpect(redirectedUrl("/needs/" + need.getId() + "?from=workbench"));
		mvc.perform(post("/needs/{id}/verification", need.getId()).with(as("steward1", "steward:xingfu")).with(csrf())
			.header("Referer", "https://evil.example/phish")
			.param("verdict", "DUPLICATE")
			.param("duplicateOfId", "999999999")
			.param("note", "重复"))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isNull());
		assertThat(needs.findById(need.getId()).orElseThrow().getVerificationVerdict()).isNull();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		Need need = reported();
		mvc.perform(post("/needs/{id}/verification", need.getId()).with(as("steward1", "steward:xingfu"))
			.param("verdict", "GENUINE")).andExpect(status().isForbidden());
		assertThat(needs.findById(need.getId()).orElseThrow().getVerificationVerdict()).isNull();
	}

	@Test
	void eachHomeBelongsToItsGroup() throws Exception {
		mvc.perform(get("/manager").with(as("org1", "socialorg"))).andExpect(status().isForbidden());
		mvc.perform(get("/hall").with(as("steward1", "steward:xingfu"))).andExpect(status().isForbidden());
		mvc.perform(get("/steward/pool").with(as("resident1", "resident"))).andExpect(status().isForbidden());
		mvc.perform(get("/manager").with(as("manager1", "manager"))).andExpect(status().isOk());
		mvc.perform(get("/steward")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/public")).andExpect(status().isOk());
		mvc.perform(get("/").with(as("org1", "socialorg"))).andExpect(redirectedUrl("/hall"));
		mvc.perform(get("/").with(as("steward1", "steward:xingfu"))).andExpect(redirectedUrl("/steward"));
		mvc.perform(get("/").with(as("manager1", "manager"))).andExpect(redirectedUrl("/manager"));
		mvc.perform(get("/").with(as("resident1", "resident"))).andExpect(redirectedUrl("/resident"));
	}
}
