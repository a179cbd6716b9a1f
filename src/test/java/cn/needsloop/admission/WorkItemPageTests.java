package cn.needsloop.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.Workflow;
import cn.needsloop.support.PageTest;

/**
 * 工作事项准入 on pages: a department submits and sees the decision with its rule (admitted, refused),
 * a bad submission changes nothing and says why in Chinese, the manager reviews a purchased-service
 * contract on the item's page, and the admission list reads as a table (revisions by managers only).
 */
class WorkItemPageTests extends PageTest {

	@Autowired
	WorkItems workItems;

	@Autowired
	DecisionTables decisionTables;

	private MockHttpServletRequestBuilder submission(String title, String legalBasis, String itemType) {
		return submission("dept1", title, legalBasis, itemType);
	}

	private MockHttpServletRequestBuilder submission(String user, String title, String legalBasis, String itemType) {
		return form(user, "/work-items", "/work-items/new").param("department", "市民政局")
			.param("title", title)
			.param("legalBasis", legalBasis)
			.param("itemType", itemType)
			.param("communityCodes", "xingfu")
			.param("_communityCodes", "on")
			.param("_purchasedService", "on");
	}

	private Long submit(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/work-items/*"))
			.andExpect(flash().attribute("doneKey", "workItems.submitted"))
			.andReturn();
		return redirectedId(result);
	}

	@Test
	void departmentSubmitsAListedItemAndSeesItAdmittedWithTheRule() throws Exception {
		String title = unique("低保入户调查初审 ");
		Long id = submit(submission(title, "《社会救助暂行办法》第十一条", "MIN_LIVING_ALLOWANCE"));

		Document page = page("dept1", "/work-items/" + id);
		assertThat(page.getElementById("work-item-title").text()).isEqualTo(title);
		assertThat(page.getElementById("work-item-status").text()).isEqualTo("准入");
		assertThat(page.getElementById("decision-admitted").text()).isEqualTo("列入准入清单，准予交由社区落实");
		assertThat(page.getElementById("decision-rule-id").text()).isEqualTo("ZR-01");
		assertThat(page.getElementById("decision-rule").text()).contains("居民最低生活保障");
		assertThat(page.getElementById("timeline").text()).contains("部门提交事项").contains("对照准入清单：准入");
		assertThat(page.getElementById("steps")).as("no step for the department").isNull();

		Document list = page("dept1", "/work-items");
		assertThat(list.select("#work-items tr[data-work-item=" + id + "]").text()).contains(title).contains("准入");
		assertThat(page("selfgov1", "/work-items").select("#work-items tr[data-work-item=" + id + "]"))
			.as("the self-governance line of the community sees it").hasSize(1);
		assertThat(page("steward2", "/work-items").select("#work-items tr[data-work-item=" + id + "]"))
			.as("another community's steward does not").isEmpty();
	}

	@Test
	void anItemThatSetsQuotasIsRefusedCitingTheRule() throws Exception {
		Long id = submit(submission(unique("社区创卫考核排名 "), "市创卫办通知", ""));
		Document page = page("dept1", "/work-items/" + id);
		assertThat(page.getElementById("work-item-status").text()).isEqualTo("不予准入");
		assertThat(page.getElementById("decision-rule-id").text()).isEqualTo("JZ-01");
		assertThat(page.getElementById("decision-rule").text()).contains("不得以行政命令的方式");
		assertThat(page.getElementById("timeline").text()).contains("不予准入");
		assertThat(workItems.require(id).getStatus()).isEqualTo(WorkItemStatus.REFUSED);
	}

	@Test
	void aBadSubmissionChangesNothingAndSaysWhyInChinese() throws Exception {
		long before = workItems.count();
		String title = unique("垃圾分类入户宣传 ");
		// a purchased service without funding: the service refuses it
		MvcResult refused = mvc.perform(submission(title, "市城管局文件", "").param("purchasedService", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/work-items/new"))
			.andExpect(flash().attribute("error", Matchers.containsString("须提供经费")))
			.andReturn();
		Document form = page("dept1", "/work-items/new", refused.getFlashMap());
		assertThat(form.getElementById("flash-error").text()).contains("以购买服务方式委托须提供经费");
		assertThat(form.getElementById("title").val()).as("what was typed stays").isEqualTo(title);

		// a blank title: the form names the field in Chinese
		MvcResult invalid = mvc.perform(submission("", "市城管局文件", ""))
			.andExpect(redirectedUrl("/work-items/new"))
			.andReturn();
		Document again = page("dept1", "/work-items/new", invalid.getFlashMap());
		assertThat(again.getElementById("flash-error").text()).startsWith("事项名称：").contains("此项为必填项");
		assertThat(workItems.count()).isEqualTo(before);

		// and someone who is not a department may not submit at all
		mvc.perform(submission("resident1", title, "市城管局文件", ""))
			.andExpect(flash().attribute("error", Matchers.containsString("只有市直部门")));
		assertThat(page("resident1", "/work-items/new").getElementById("error-text").text()).contains("只有市直部门");
		assertThat(workItems.count()).isEqualTo(before);
	}

	@Test
	void aSubmissionIsCheckedAsTheApiChecksItBeforeAnythingIsStored() throws Exception {
		long before = workItems.count();
		// a list entry code longer than its column, and one that is not a code: refused on the form, as by the API
		mvc.perform(submission(unique("超长代码 "), "市城管局文件", "A" + "B".repeat(45)))
			.andExpect(redirectedUrl("/work-items/new"))
			.andExpect(flash().attribute("error", Matchers.startsWith("对应准入清单事项：")));
		mvc.perform(submission(unique("注入代码 "), "市城管局文件", "MIN_LIVING_ALLOWANCE' OR 1=1 --"))
			.andExpect(redirectedUrl("/work-items/new"))
			.andExpect(flash().attribute("error", Matchers.startsWith("对应准入清单事项：")));
		// a character no one types, in any field
		mvc.perform(submission(unique("方向控制 \u202e"), "市城管局文件", ""))
			.andExpect(redirectedUrl("/work-items/new"))
			.andExpect(flash().attribute("error", Matchers.containsString("U+202E")));
		assertThat(workItems.count()).isEqualTo(before);
	}

	@Test
	void aRevisedListThatWouldRunCodeIsRefusedOnThePageNamingRuleAndCell() throws Exception {
		int version = decisionTables.latest(Workflow.Decision.WORK_ITEM_ADMISSION).version();
		String shipped = new String(getClass().getResourceAsStream("/processes/work-item-admission.dmn").readAllBytes(),
				StandardCharsets.UTF_8);
		String old = "<outputEntry id=\"rule_workItemAdmission_census_out2\">";
		assertThat(shipped).contains(old);
		MockMultipartFile juel = new MockMultipartFile("file", "清单.dmn", "application/xml",
				shipped.replace(old, "<outputEntry id=\"rule_workItemAdmission_census_out2\" expressionLanguage=\"juel\">")
					.getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/admission-list").file(juel)
			.with(as("manager1"))
			.with(csrf())
			.header("Referer", "http://localhost/admission-list"))
			.andExpect(redirectedUrl("/admission-list"))
			.andExpect(flash().attribute("error",
					"第 14 条规则（rule_workItemAdmission_census）的“规则编号”列：只允许 FEEL，不允许表达式语言“juel”。"));
		assertThat(decisionTables.latest(Workflow.Decision.WORK_ITEM_ADMISSION).version()).isEqualTo(version);
	}

	@Test
	void theManagerReviewsAPurchasedServiceContractOnTheItemsPage() throws Exception {
		Long id = submit(submission(unique("老旧小区加装电梯意愿摸排 "), "市住建局文件", "")
			.param("purchasedService", "true")
			.param("fundingYuan", "50000"));
		assertThat(page("dept1", "/work-items/" + id).getElementById("work-item-status").text())
			.isEqualTo("待审核购买服务合同");
		assertThat(page("dept1", "/work-items/" + id).getElementById("form-contract-review"))
			.as("the department does not review its own contract").isNull();

		Document managers = page("manager1", "/work-items/" + id);
		assertThat(managers.getElementById("form-contract-review")).isNotNull();
		assertThat(managers.getElementById("form-contract-review").text()).contains("50,000");
		Document workbench = page("manager1", "/tasks");
		assertThat(workbench.select("a[href=/work-items/" + id + "]")).as("the task links to the item's page").isNotEmpty();

		// without a note nothing happens
		MvcResult invalid = mvc.perform(form("manager1", "/work-items/" + id + "/contract-review", "/work-items/" + id)
			.param("approved", "true")
			.param("note", "")).andExpect(redirectedUrl("/work-items/" + id)).andReturn();
		assertThat(page("manager1", "/work-items/" + id, invalid.getFlashMap()).getElementById("flash-error").text())
			.contains("审核意见").contains("此项为必填项");
		assertThat(workItems.require(id).getStatus()).isEqualTo(WorkItemStatus.CONTRACT_REVIEW);

		MvcResult done = mvc.perform(form("manager1", "/work-items/" + id + "/contract-review", "/work-items/" + id)
			.param("approved", "true")
			.param("note", "合同条款齐全，经费到位"))
			.andExpect(redirectedUrl("/work-items/" + id))
			.andExpect(flash().attribute("doneKey", "step.done"))
			.andReturn();
		Document after = page("dept1", "/work-items/" + id, done.getFlashMap());
		assertThat(after.getElementById("work-item-status").text()).isEqualTo("以购买服务方式准入");
		assertThat(after.getElementById("contract-note-shown").text()).isEqualTo("合同条款齐全，经费到位");
		assertThat(after.getElementById("timeline").text()).contains("购买服务合同审核通过");

		// the step is done: a second review is refused with the reason
		mvc.perform(form("manager1", "/work-items/" + id + "/contract-review", "/work-items/" + id)
			.param("approved", "false")
			.param("note", "再审"))
			.andExpect(flash().attribute("error", Matchers.containsString("当前不在购买服务合同审核环节")));
	}

	@Test
	void theAdmissionListReadsAsATableAndOnlyManagersPublishRevisions() throws Exception {
		Document list = page("resident1", "/admission-list");
		assertThat(list.getElementById("list-version").text()).startsWith("第 ");
		assertThat(list.select("#admission-rules tr[data-rule=ZR-01]").text()).contains("MIN_LIVING_ALLOWANCE")
			.contains("准入")
			.contains("居民最低生活保障");
		assertThat(list.select("#admission-rules tr[data-rule=JZ-01]").text()).contains("含以下任一词语")
			.contains("指标")
			.contains("不予准入");
		assertThat(list.select("#admission-rules tr[data-rule=WLR]").text()).contains("其他所有事项");
		assertThat(list.getElementById("form-revise-list")).as("no upload for residents").isNull();
		assertThat(page("manager1", "/admission-list").getElementById("form-revise-list")).isNotNull();

		int version = decisionTables.latest(Workflow.Decision.WORK_ITEM_ADMISSION).version();
		MockMultipartFile junk = new MockMultipartFile("file", "清单.dmn", "application/xml",
				"<definitions>不是 DMN</definitions>".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/admission-list").file(junk)
			.with(as("manager1"))
			.with(csrf())
			.header("Referer", "http://localhost/admission-list"))
			.andExpect(redirectedUrl("/admission-list"))
			.andExpect(flash().attribute("error", Matchers.startsWith("不是可部署的 DMN 文件")));
		MockMultipartFile otherDecision = new MockMultipartFile("file", "other.dmn", "application/xml",
				new String(getClass().getResourceAsStream("/processes/work-item-admission.dmn").readAllBytes(), StandardCharsets.UTF_8)
					.replace("id=\"workItemAdmission\"", "id=\"somethingElse\"")
					.getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/admission-list").file(otherDecision)
			.with(as("manager1"))
			.with(csrf())
			.header("Referer", "http://localhost/admission-list"))
			.andExpect(flash().attribute("error", Matchers.containsString("DMN 文件中没有决策“workItemAdmission”")));
		mvc.perform(multipart("/admission-list").file(junk)
			.with(as("dept1"))
			.with(csrf())
			.header("Referer", "http://localhost/admission-list"))
			.andExpect(flash().attribute("error", Matchers.containsString("只有街道或区民政局管理人员")));
		assertThat(decisionTables.latest(Workflow.Decision.WORK_ITEM_ADMISSION).version()).isEqualTo(version);
	}

	@Test
	void theDepartmentsStartPageIsItsWorkItems() throws Exception {
		mvc.perform(get("/").with(as("dept1")))
			.andExpect(redirectedUrl("/work-items"));
		Document list = page("dept1", "/work-items");
		assertThat(list.getElementById("nav-work-items")).isNotNull();
		assertThat(list.getElementById("new-work-item")).isNotNull();
		assertThat(page("resident1", "/resident").getElementById("nav-work-items")).isNull();
	}
}
