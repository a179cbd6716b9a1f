package cn.needsloop.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.needsloop.support.AppContext;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.design.ServiceProject;
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
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.support.PageClient;
import cn.needsloop.support.PageClient.Page;
import cn.needsloop.shared.Actor;

/**
 * 社区协商 on the pages, as the demo users: proposing (in and outside the catalog), the list and its filter, each
 * step's form for the self-governance line, an objection during the publicity, the workbench's link, the project's
 * link. A refused or bad form changes nothing and says why in Chinese.
 */
@AppContext
class ConsultationPageTests {

	static final ZonedDateTime START = ConsultationProcessTests.START;

	@Autowired
	MockMvc mvc;

	@Autowired
	Consultations consultations;

	@Autowired
	ConsultationService consultationService;

	@Autowired
	ManagementService management;

	@Autowired
	NeedService needService;

	@Autowired
	ProjectService projectService;

	@Autowired
	IdentityService identity;

	PageClient pages;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(START.toInstant()));
		pages = new PageClient(mvc);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void stewardProposesATopicAndFindsItInTheListByStatus() throws Exception {
		Page form = pages.get("steward1", "/consultations/new");
		assertThat(form.html().select("#communityCode option").eachAttr("value")).containsExactly("xingfu");
		assertThat(form.html().select("#topicType option")).hasSize(TopicType.values().length);

		String topic = "3号院停车位划线 " + unique();
		Page page = propose("steward1", topic, "PUBLIC_SPACE");
		assertThat(page.path()).matches("/consultations/\\d+");
		assertThat(page.text("#flash-done")).isEqualTo("议题已提出，由居（村）委会确定协商主体。");
		assertThat(page.text("#consultation-topic")).isEqualTo(topic);
		assertThat(page.text("#consultation-status")).isEqualTo("确定协商主体");
		assertThat(page.text("#timeline")).contains("提出议题「" + topic + "」");
		assertThat(page.has("#steps")).as("the steps are the self-governance line's, not the steward's").isFalse();
		long id = idOf(page);

		Page list = pages.get("steward1", "/consultations");
		assertThat(list.html().select("#filter-community option[selected]").val()).isEqualTo("xingfu");
		assertThat(list.text("#consultations tr[data-consultation=" + id + "]")).contains(topic).contains("确定协商主体");
		assertThat(pages.get("resident1", "/consultations?communityCode=&status=PARTICIPANTS")
			.has("#consultations tr[data-consultation=" + id + "]")).isTrue();
		assertThat(pages.get("resident1", "/consultations?communityCode=xingfu&status=APPLIED")
			.has("#consultations tr[data-consultation=" + id + "]")).isFalse();
		assertThat(pages.get("manager1", "/consultations?communityCode=dongshan")
			.has("#consultations tr[data-consultation=" + id + "]")).isFalse();
		assertThat(list.has("#propose")).isTrue();
		assertThat(pages.get("party1", "/consultations").has("#propose")).as("the party line does not propose").isFalse();
	}

	@Test
	void aTopicOutsideTheCatalogIsAnsweredOnItsPage() throws Exception {
		Page page = propose("resident1", "区里拆迁补偿标准 " + unique(), "ADMINISTRATIVE_DECISION");
		assertThat(page.text("#flash-done")).isEqualTo("此议题不属于社区协商，原因见下。");
		assertThat(page.text("#consultation-status")).isEqualTo("不属于协商目录");
		assertThat(page.text("#consultation-outside")).startsWith("不属于社区协商目录：").contains("行政事项");
	}

	@Test
	void aBadProposalChangesNothingAndSaysWhyInChinese() throws Exception {
		long before = consultations.count();
		Page page = pages.submit("resident1", "/consultations/new", "/consultations", "communityCode", "xingfu", "topic",
				" ", "topicType", "PUBLIC_SPACE", "description", "楼下空地想建口袋公园");
		assertThat(page.path()).isEqualTo("/consultations/new");
		assertThat(page.text("#flash-error")).contains("议题：").doesNotContain("topic");
		assertThat(page.html().select("#description").text()).as("what was typed stays").isEqualTo("楼下空地想建口袋公园");

		page = pages.submit("org1", "/consultations", "/consultations", "communityCode", "xingfu", "topic", "议题",
				"topicType", "OTHER", "description", "说明");
		assertThat(page.text("#flash-error")).isEqualTo("只有民需管家、社区“xingfu”的居委会成员或居民可以提出协商议题。");
		assertThat(consultations.count()).isEqualTo(before);
	}

	@Test
	void theSelfGovernanceLineWalksAConsultationToItsAppliedResult() throws Exception {
		long id = idOf(propose("resident1", "垃圾分类投放点调整 " + unique(), "ENVIRONMENT_SANITATION"));
		String path = "/consultations/" + id;

		Page tasks = pages.get("selfgov1", "/tasks");
		assertThat(tasks.html().select("a[href='" + path + "']").text()).isEqualTo("确定协商主体");
		assertThat(tasks.text("#claimable-tasks")).contains("协商 #" + id);

		Page page = pages.get("selfgov1", path);
		assertThat(page.html().select("#form-participants select[name=kind] option[selected]").eachAttr("value"))
			.as("a row for each kind the catalog requires").contains("RESIDENT_REPRESENTATIVE", "PROPERTY_COMPANY", "STAKEHOLDER");
		assertThat(page.has("#form-agenda")).isFalse();

		// required kinds missing: refused, nothing changes
		page = pages.submit("selfgov1", path, path + "/participants", "name", "王建国", "kind", "RESIDENT_REPRESENTATIVE",
				"name", "", "kind", "PARTY_MEMBER");
		assertThat(page.text("#flash-error")).contains("按协商目录还须有以下协商主体参加");
		assertThat(consultationService.view(id, actor("selfgov1")).participants()).isEmpty();
		assertThat(page.text("#consultation-status")).isEqualTo("确定协商主体");

		page = fixParticipants(path);
		assertThat(page.text("#flash-done")).isEqualTo("已办理，流程已进入下一步。");
		assertThat(page.text("#consultation-status")).isEqualTo("发布议程");
		assertThat(page.text("#participants")).contains("王建国").contains("党员").doesNotContain("，，");

		// a meeting before the notice days: refused in Chinese, nothing changes
		String suggested = page.html().select("#meetingAt").val();
		page = pages.submit("selfgov1", path, path + "/agenda", "items", "投放点位置\n开放时间", "meetingAt",
				START.toLocalDate().plusDays(1) + "T10:00");
		assertThat(page.text("#flash-error")).startsWith("协商会议须在公告后至少");
		assertThat(page.html().select("#agenda-items").text()).contains("投放点位置");
		assertThat(consultationService.view(id, actor("selfgov1")).rounds()).isEmpty();

		page = pages.submit("selfgov1", path, path + "/agenda", "items", "投放点位置\n开放时间", "meetingAt", suggested);
		assertThat(page.text("#consultation-status")).isEqualTo("已公告，等待开会");
		assertThat(page.text("#consultation-waiting")).contains(suggested.replace('T', ' '));
		assertThat(page.has("#form-meeting")).as("the meeting has not been held").isFalse();

		fire(id, "timer_untilMeeting");
		page = pages.get("selfgov1", path);
		assertThat(page.has("#form-meeting")).isTrue();
		page = pages.submit("selfgov1", path, path + "/meeting", "attendees", "4", "opinions", "同意调整", "votesFor", "4",
				"votesAgainst", "1", "votesAbstain", "0");
		assertThat(page.text("#flash-error")).isEqualTo("表决票数 5 超过到会人数 4。");
		assertThat(page.html().select("#opinions").text()).isEqualTo("同意调整");
		assertThat(consultationService.view(id, actor("selfgov1")).status()).isEqualTo(ConsultationStatus.MEETING);
		page = pages.submit("selfgov1", path, path + "/meeting", "attendees", "abc", "opinions", "同意调整", "votesFor", "4",
				"votesAgainst", "0", "votesAbstain", "0");
		assertThat(page.text("#flash-error")).startsWith("到会人数：").contains("abc");

		page = pages.submit("selfgov1", path, path + "/meeting", "attendees", "5", "opinions", "同意调整", "votesFor", "4",
				"votesAgainst", "1", "votesAbstain", "0");
		assertThat(page.text("#consultation-status")).isEqualTo("结果公示中（可提异议）");
		assertThat(page.text("#rounds")).contains("同意 4，反对 1，弃权 0");
		assertThat(page.has("#form-objection")).isTrue();

		fire(id, "timer_publicityPeriod");
		page = pages.get("selfgov1", path);
		assertThat(page.has("#form-objection")).isFalse();
		page = pages.submit("selfgov1", path, path + "/application", "report", " ");
		assertThat(page.text("#flash-error")).startsWith("成果运用情况：");
		page = pages.submit("selfgov1", path, path + "/application", "report", "已在3号楼东侧设置新投放点");
		assertThat(page.text("#consultation-status")).isEqualTo("成果已运用并反馈");
		assertThat(page.text("#consultation-result")).startsWith("协商结果：同意");
		assertThat(page.text("#consultation-application")).isEqualTo("已在3号楼东侧设置新投放点");
		assertThat(page.text("#timeline")).contains("提交成果运用报告");
		assertThat(page.has("#steps")).isFalse();
	}

	@Test
	void anyoneMayObjectDuringThePublicityAndTheTopicGoesRoundAgain() throws Exception {
		long id = idOf(propose("steward1", "小区健身器材更新 " + unique(), "PUBLIC_SPACE"));
		String path = "/consultations/" + id;
		fixParticipants(path);
		String meetingAt = pages.get("selfgov1", path).html().select("#meetingAt").val();
		pages.submit("selfgov1", path, path + "/agenda", "items", "器材选型", "meetingAt", meetingAt);
		assertThat(pages.submit("resident1", path, path + "/objections", "text", "我反对").text("#flash-error"))
			.as("no objection before the publicity").contains("不在公示期");
		fire(id, "timer_untilMeeting");
		pages.submit("selfgov1", path, path + "/meeting", "attendees", "5", "opinions", "同意更新", "votesFor", "5",
				"votesAgainst", "0", "votesAbstain", "0");

		Page page = pages.get("resident1", path);
		assertThat(page.has("#form-objection")).isTrue();
		page = pages.submit("resident1", path, path + "/objections", "text", "  ");
		assertThat(page.text("#flash-error")).startsWith("异议内容：");
		assertThat(consultationService.view(id, actor("selfgov1")).objections()).isEmpty();

		page = pages.submit("resident1", path, path + "/objections", "text", "器材离住户窗户太近");
		assertThat(page.text("#flash-done")).isEqualTo("您的异议已记录，议题进入下一轮协商。");
		assertThat(page.text("#consultation-status")).isEqualTo("发布议程");
		assertThat(page.text("#consultation-round")).isEqualTo("2");
		assertThat(page.text("#objections")).contains("器材离住户窗户太近").contains("resident1");
		assertThat(pages.get("selfgov1", path).text("#form-agenda h3")).isEqualTo("发布第 2 轮协商议程");
	}

	@Test
	void theDiagramShowsWhereTheConsultationWaits() throws Exception {
		long id = idOf(propose("selfgov1", "楼道堆物清理 " + unique(), "ENVIRONMENT_SANITATION"));
		String json = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/consultations/" + id + "/diagram").cookie(pages.session("resident1")))
			.andReturn().getResponse().getContentAsString();
		assertThat(json).contains("communityConsultation").contains(Step.FIX_PARTICIPANTS);
		assertThat(pages.get("resident1", "/consultations/" + id).html().select("#diagram").attr("data-diagram"))
			.isEqualTo("/consultations/" + id + "/diagram");
	}

	@Test
	void aProjectThatWentToConsultationLinksToIt() throws Exception {
		Actor steward = actor("steward1");
		Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.STEWARD_STATION,
				"小区加装电梯 " + unique(), "多户老人上下楼困难", "刘秀英", "13800000001", 40), actor("resident1"));
		needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), steward);
		needService.classify(need.getId(), new Classify(Category.FACILITIES, Urgency.NORMAL, Scope.COMMON), steward);
		ServiceProject project = projectService.design(new DesignProject("xingfu", "加装电梯 " + unique(), "方便老人出行",
				"征求意见后加装", Category.FACILITIES, List.of(need.getId()), new BigDecimal("80000"), 40, true,
				START.toLocalDate().plusMonths(6), List.of("征求意见", "施工")), steward);
		Long consultationId = consultations.findAll().stream()
			.filter(c -> project.getId().equals(c.getProjectId()))
			.map(Consultation::getId)
			.findFirst()
			.orElseThrow();
		Page page = pages.get("steward1", "/projects/" + project.getId());
		assertThat(page.html().select("#project-consultation").attr("href")).isEqualTo("/consultations/" + consultationId);
		assertThat(pages.get("steward1", "/consultations/" + consultationId).html().select("#consultation-project")
			.attr("href")).isEqualTo("/projects/" + project.getId());
	}

	// --- helpers

	Page propose(String user, String topic, String topicType) throws Exception {
		return pages.submit(user, "/consultations/new", "/consultations", "communityCode", "xingfu", "topic", topic,
				"topicType", topicType, "description", "居民关心的共同事务", "projectId", "");
	}

	Page fixParticipants(String path) throws Exception {
		return pages.submit("selfgov1", path, path + "/participants", "name", "王建国", "kind", "RESIDENT_REPRESENTATIVE",
				"name", "李红", "kind", "PARTY_MEMBER", "name", "幸福物业", "kind", "PROPERTY_COMPANY", "name", "阳光社工",
				"kind", "SOCIAL_ORGANIZATION", "name", "3号楼住户", "kind", "STAKEHOLDER", "name", "", "kind",
				"RESIDENT_REPRESENTATIVE");
	}

	static long idOf(Page page) {
		return Long.parseLong(page.path().replaceAll(".*/consultations/(\\d+).*", "$1"));
	}

	void fire(long id, String timer) {
		String pid = consultations.findById(id).orElseThrow().getProcessInstanceId();
		Job job = management.createJobQuery().processInstanceId(pid).activityId(timer).singleResult();
		assertThat(job).as("timer %s", timer).isNotNull();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		management.executeJob(job.getId());
	}

	Actor actor(String user) {
		return new Actor(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
