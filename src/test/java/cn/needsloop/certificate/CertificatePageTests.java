package cn.needsloop.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import cn.needsloop.support.AppContext;
import cn.needsloop.support.PageClient;
import cn.needsloop.support.PageClient.Page;

/**
 * 证明 on the pages: a resident requests from the catalog and follows the request; a kind the catalog does not
 * list is answered at once with the rule and where to go; the steward issues or declines on the request's page.
 * A bad form changes nothing and says why in Chinese; nobody else reads a request.
 */
@AppContext
class CertificatePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Certificates certificates;

	PageClient pages;

	@BeforeEach
	void setUp() {
		pages = new PageClient(mvc);
	}

	@Test
	void theFormOffersTheCatalogFromItsDecisionTable() throws Exception {
		Page form = pages.get("resident1", "/certificates/new");
		assertThat(form.html().select("#kind optgroup").first().select("option")).hasSize(15);
		assertThat(form.html().select("#kind option[value=RESIDENCE]").text()).isEqualTo("居住证明");
		assertThat(form.html().select("#kind option[value=CRIMINAL_RECORD]").text()).isEqualTo("无犯罪记录证明");
		assertThat(form.html().select("#kind option[value=OTHER]")).hasSize(1);
		assertThat(form.text("#catalog summary")).isEqualTo("社区证明材料清单（15 项）");
	}

	@Test
	void aResidentRequestsACertificateAndTheStewardIssuesIt() throws Exception {
		Page page = request("resident1", "RESIDENCE", "13800000001");
		long id = idOf(page);
		assertThat(page.text("#flash-done")).isEqualTo("申请已提交，民需管家将为您开具，或告知不予开具的原因。");
		assertThat(page.text("#certificate-kind")).isEqualTo("居住证明");
		assertThat(page.text("#certificate-status")).isEqualTo("待民需管家开具");
		assertThat(page.has("#form-decision")).isFalse();
		assertThat(pages.get("resident1", "/certificates").has(".card[data-certificate=" + id + "]")).isTrue();

		Page workbench = pages.get("steward1", "/steward");
		assertThat(workbench.html().select("a[href='/certificates/" + id + "']").text()).isEqualTo("开具证明");
		Page list = pages.get("steward1", "/certificates?status=PENDING");
		assertThat(list.text("#overseen-certificates tr[data-certificate=" + id + "]")).contains("居住证明").contains("刘秀英");
		assertThat(pages.get("steward2", "/certificates").has("#overseen-certificates tr[data-certificate=" + id + "]"))
			.as("another community's steward").isFalse();

		String path = "/certificates/" + id;
		page = pages.submit("steward1", path, path + "/decision", "issued", "false", "reason", " ");
		assertThat(page.text("#flash-error")).isEqualTo("不予开具须写明理由，申请人可见。");
		assertThat(certificates.findById(id).orElseThrow().getStatus()).isEqualTo(CertificateStatus.PENDING);
		assertThat(page.html().select("#issue-no").hasAttr("checked")).as("the choice stays").isTrue();

		page = pages.submit("steward1", path, path + "/decision", "issued", "true", "reason", "");
		assertThat(page.text("#flash-done")).isEqualTo("证明已开具，已通知申请人。");
		assertThat(page.text("#certificate-status")).isEqualTo("已开具");
		assertThat(page.has("#form-decision")).isFalse();
		assertThat(pages.get("resident1", path).text("#certificate-outcome"))
			.startsWith("证明已开具，请到社区党群服务中心综合窗口领取。");
	}

	@Test
	void theStewardDeclinesWithAReasonTheResidentReads() throws Exception {
		long id = idOf(request("resident1", "KINSHIP", "13800000001"));
		String path = "/certificates/" + id;
		pages.submit("steward1", path, path + "/decision", "issued", "false", "reason", "请补充户口簿复印件");
		assertThat(pages.get("resident1", path).text("#certificate-outcome")).contains("不予开具：请补充户口簿复印件");
	}

	@Test
	void aKindOutsideTheCatalogIsAnsweredAtOnceWithTheRuleAndWhereToGo() throws Exception {
		Page page = request("resident1", "CRIMINAL_RECORD", "13800000001");
		assertThat(page.text("#flash-done")).isEqualTo("社区不出具此证明，依据和办理去处见下。");
		assertThat(page.text("#certificate-status")).isEqualTo("社区不出具（已告知去处）");
		assertThat(page.text("#certificate-rule")).isNotBlank();
		assertThat(page.text("#certificate-refer-to")).contains("公安派出所");
		assertThat(pages.get("steward1", "/steward").has("a[href='/certificates/" + idOf(page) + "']")).isFalse();

		page = request("resident1", "OTHER", "13800000001");
		assertThat(page.text("#certificate-kind")).isEqualTo("其他证明");
		assertThat(page.text("#certificate-refer-to")).contains("12345");
	}

	@Test
	void aBadRequestChangesNothingAndSaysWhyInChinese() throws Exception {
		long before = certificates.count();
		Page page = request("resident1", "RESIDENCE", "call me");
		assertThat(page.path()).isEqualTo("/certificates/new");
		assertThat(page.text("#flash-error")).startsWith("联系电话：须为电话号码");
		assertThat(page.html().select("#purpose").text()).as("what was typed stays").isEqualTo("孩子入学报名");
		assertThat(page.html().select("#kind option[selected]").val()).isEqualTo("RESIDENCE");

		page = pages.submit("resident1", "/certificates/new", "/certificates", "communityCode", "nowhere", "kind",
				"RESIDENCE", "applicantName", "刘秀英", "applicantPhone", "13800000001", "purpose", "孩子入学报名");
		assertThat(page.text("#flash-error")).isEqualTo("不存在社区“nowhere”。");
		assertThat(certificates.count()).isEqualTo(before);
	}

	@Test
	void nobodyElseReadsARequest() throws Exception {
		long id = idOf(request("resident1", "SURVIVAL", "13800000001"));
		Page refused = pages.read("steward2", "/certificates/" + id, java.util.Map.of());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.html().text()).contains("证明申请 " + id + " 不是您提交的，也不属于您的社区。");
		assertThat(pages.read("org1", "/certificates/" + id, java.util.Map.of()).status()).isEqualTo(403);
		assertThat(pages.get("manager1", "/certificates/" + id).text("#certificate-status")).isEqualTo("待民需管家开具");
	}

	// --- helpers

	Page request(String user, String kind, String phone) throws Exception {
		return pages.submit(user, "/certificates/new", "/certificates", "communityCode", "xingfu", "kind", kind,
				"applicantName", "刘秀英", "applicantPhone", phone, "purpose", "孩子入学报名");
	}

	static long idOf(Page page) {
		return Long.parseLong(page.path().replaceAll(".*/certificates/(\\d+).*", "$1"));
	}
}
