package cn.needsloop.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import cn.needsloop.support.ApiTest;
import cn.needsloop.support.PageSession;

/**
 * The photos on a need's and a project's page: the upload form (the step preselected from the reader's open
 * step), thumbnails that open the photo, refusals in Chinese that keep nothing, and the step that needs a photo
 * completed from its page once it has one.
 */
class EvidencePageTests extends ApiTest {

	private int port() {
		return Integer.parseInt(api.base().replaceAll(".*:", ""));
	}

	@Test
	void theStewardUploadsPhotosOnTheNeedsPageAndShowsOneOnThePublicBoard() throws Exception {
		long need = api.reportedNeed("健身器材损坏");
		String page = "/needs/" + need;
		PageSession steward = PageSession.signIn(port(), "steward1");
		Document before = steward.page(page);
		assertThat(before.select("#evidence-none")).isNotEmpty();
		assertThat(before.select("#evidence-step option[selected]").attr("value")).isEqualTo("VERIFICATION");
		assertThat(before.select("#evidence-files").attr("accept")).contains("image/");

		// a text file named as a photo keeps nothing and says why, in Chinese
		PageSession.Page bad = steward.postFile(page, page + "/evidence", List.of(Map.entry("step", "VERIFICATION")),
				"files", "现场.jpg", "不是照片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(steward.follow(bad).document().select("#flash-error").text()).contains("只收照片");
		assertThat(steward.page(page).select("#evidence-gallery img")).isEmpty();

		PageSession.Page uploaded = steward.postFile(page, page + "/evidence",
				List.of(Map.entry("step", "VERIFICATION")), "files", "现场.jpg", TestFiles.jpegWithGps(80, 60, 1));
		Document after = steward.follow(uploaded).document();
		assertThat(after.select("#flash-done").text()).isEqualTo("照片和文件已上传");
		String thumbnail = after.select("#evidence-gallery img").attr("src");
		assertThat(thumbnail).endsWith("/thumbnail");
		assertThat(ImageIO.read(new ByteArrayInputStream(steward.bytes(thumbnail)))).isNotNull();
		assertThat(after.select("#evidence-gallery a").attr("href")).isEqualTo(thumbnail.replace("/thumbnail", ""));
		assertThat(PageSession.signIn(port(), "steward2").status(thumbnail)).isEqualTo(403);

		// on the public board only once the steward shows it there
		String publicPhoto = thumbnail.replace("/api/evidence/", "/public/evidence/");
		assertThat(PageSession.anonymous(port()).status(publicPhoto)).isEqualTo(404);
		String publish = after.select("#evidence-gallery form").attr("action");
		Document published = steward.follow(steward.post(publish, List.of(Map.entry("publicPhoto", "true")))).document();
		assertThat(published.select(".evidence-public").text()).isEqualTo("已在公示栏公开");
		assertThat(PageSession.anonymous(port()).status(publicPhoto)).isEqualTo(200);

		// the resident who reported it sees the photo, without the steward's button
		Document resident = PageSession.signIn(port(), "resident1").page(page);
		assertThat(resident.select("#evidence-gallery img")).hasSize(1);
		assertThat(resident.select("#evidence-gallery form")).isEmpty();
	}

	@Test
	void theProjectsPageShowsItsFilesAndTheUploadFormToTheImplementer() throws Exception {
		long project = api.publishedProject("ELDERLY_CARE", 1).projectId();
		api.claim("org1", project).expect(200);
		String page = "/projects/" + project;
		PageSession org = PageSession.signIn(port(), "org1");
		Document before = org.page(page);
		assertThat(before.select("#evidence-step option").eachAttr("value")).containsExactly("MILESTONE", "COMPLETION",
				"RECTIFICATION");
		PageSession.Page uploaded = org.postFile(page, page + "/evidence", List.of(Map.entry("step", "MILESTONE")),
				"files", "活动.pdf", TestFiles.pdf(""));
		Document after = org.follow(uploaded).document();
		assertThat(after.select("#evidence-gallery .evidence-document").text()).contains("活动.pdf");
		assertThat(after.select("#evidence-gallery form")).as("only the steward shows photos on the board").isEmpty();

		// a photo the steward shows on the public board is there for anyone; the PDF is not
		PageSession steward = PageSession.signIn(port(), "steward1");
		steward.page(page);
		Document withPhoto = steward.follow(steward.postFile(page, page + "/evidence",
				List.of(Map.entry("step", "MILESTONE")), "files", "活动.jpg", TestFiles.jpegWithGps(80, 60, 1))).document();
		steward.follow(steward.post(withPhoto.select("#evidence-gallery form").attr("action"),
				List.of(Map.entry("publicPhoto", "true"))));
		Document board = PageSession.anonymous(port()).page("/public");
		assertThat(board.select("[data-project=" + project + "] .board-photos img")).hasSize(1);
		// a resident sees the project and its files, but has no upload form
		assertThat(PageSession.signIn(port(), "resident1").page(page).select("#form-evidence")).isEmpty();
	}

	@Test
	void aResidentReportsANeedWithAPhotoTakenOnThePhone() throws Exception {
		PageSession resident = PageSession.signIn(port(), "resident1");
		Document form = resident.page("/resident/report");
		assertThat(form.select("#form-report").attr("enctype")).isEqualTo("multipart/form-data");
		String key = form.selectFirst("#form-report input[name=idempotencyKey]").val();
		List<Map.Entry<String, String>> fields = List.of(Map.entry("channel", "ONLINE"), Map.entry("idempotencyKey", key),
				Map.entry("communityCode", "xingfu"), Map.entry("title", "路灯不亮 " + cn.needsloop.support.Api.unique()),
				Map.entry("description", "3号楼东侧路灯晚上不亮"), Map.entry("reporterName", "刘秀英"),
				Map.entry("reporterPhone", "13800000001"));

		// a refused photo reports nothing
		long needsBefore = api.needCount();
		PageSession.Page refused = resident.postFile("/resident/report", "/resident/report", fields, "files", "IMG_1.JPG",
				TestFiles.pdf("/OpenAction << /S /JavaScript /JS (x) >>"));
		assertThat(resident.follow(refused).document().select("#flash-error").text()).contains("脚本");
		assertThat(api.needCount()).isEqualTo(needsBefore);

		PageSession.Page reported = resident.postFile("/resident/report", "/resident/report", fields, "files",
				"IMG_1.JPG", TestFiles.jpegWithGps(120, 90, 6));
		assertThat(reported.location()).matches(".*/needs/\\d+");
		Document need = resident.follow(reported).document();
		assertThat(need.select("#evidence-gallery img")).hasSize(1);
		assertThat(need.select("#evidence-gallery .hint").text()).contains("上报");
		assertThat(need.select("#evidence-gallery .hint").text()).doesNotContain("待本步办结时使用");
		byte[] photo = resident.bytes(need.select("#evidence-gallery a").attr("href"));
		assertThat(TestFiles.contains(photo, TestFiles.GPS_DATUM)).isFalse();
		// orientation 6: the phone held upright, so the kept photo stands upright
		assertThat(ImageIO.read(new ByteArrayInputStream(photo)).getHeight()).isEqualTo(120);
	}
}
