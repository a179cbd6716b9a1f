package cn.needsloop.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * {@code /api/needs/{id}/evidence}, {@code /api/projects/{id}/evidence}, {@code /api/evidence/{file}}: files checked by
 * content, photos without their metadata, access as the case's, and {@code evidence-required.dmn} enforced when a
 * step is completed through the API and through the engine's REST API (Tasklist's way in) alike.
 */
class EvidenceControllerTests extends ApiTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	// ---------------------------------------------------------------- bad files change nothing

	@Test
	void refusesTextNamedAsAPhotoInChinese() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		Answer answer = upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "现场.jpg",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		answer.expectProblem(415, "problem.evidence.type");
		assertThat(answer.json.path("detail").asText()).contains("只收照片").contains("与文件名无关");
		assertThat(files("steward1", "/api/needs/" + need + "/evidence")).isEmpty();
	}

	@Test
	void refusesAnOversizedFile() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(TestFiles.jpegWithGps(40, 20, 1), 0, big, 0, 600);
		upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "大照片.jpg", big)
			.expectProblem(413, "problem.evidence.tooLarge");
		assertThat(files("steward1", "/api/needs/" + need + "/evidence")).isEmpty();
	}

	@Test
	void refusesACorruptPhoto() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		byte[] jpeg = TestFiles.jpegWithGps(40, 20, 1);
		upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "坏照片.jpg",
				java.util.Arrays.copyOf(jpeg, jpeg.length / 2)).expectProblem(400, "problem.evidence.corrupt");
		assertThat(files("steward1", "/api/needs/" + need + "/evidence")).isEmpty();
	}

	@Test
	void refusesAPdfWithAScript() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		Answer answer = upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "说明.pdf",
				TestFiles.pdf("/OpenAction << /S /JavaScript /JS (app.launchURL('http://x')) >>"));
		answer.expectProblem(400, "problem.evidence.pdfScript");
		assertThat(answer.json.path("detail").asText()).contains("/JavaScript");
		assertThat(files("steward1", "/api/needs/" + need + "/evidence")).isEmpty();
		upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "说明.pdf", TestFiles.pdf(""))
			.expect(201);
	}

	@Test
	void refusesAStepOfAnotherKindOfCase() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		upload("steward1", "/api/needs/" + need + "/evidence", "COMPLETION", "a.jpg", TestFiles.jpegWithGps(40, 20, 1))
			.expectProblem(400, "problem.invalid");
	}

	// ---------------------------------------------------------------- photos leave without their metadata

	@Test
	void keepsNoGpsOrCameraDataOfAnUploadedPhoto() throws Exception {
		long need = api.report("resident1", "xingfu", "路灯不亮", "3号楼东侧路灯晚上不亮", 1);
		byte[] original = TestFiles.jpegWithGps(64, 48, 1);
		assertThat(TestFiles.contains(original, TestFiles.GPS_DATUM)).isTrue();

		Answer uploaded = upload("resident1", "/api/needs/" + need + "/evidence", "REPORT", "IMG_0001.JPG", original)
			.expect(201);
		assertThat(uploaded.json.path("contentType").asText()).isEqualTo("image/jpeg");
		assertThat(uploaded.json.path("fileName").asText()).isEqualTo("IMG_0001.jpg");

		byte[] kept = download("steward1", uploaded.json.path("url").asText(), 200);
		assertThat(TestFiles.contains(kept, "Exif")).isFalse();
		assertThat(TestFiles.contains(kept, TestFiles.GPS_DATUM)).isFalse();
		assertThat(TestFiles.contains(kept, TestFiles.CAMERA)).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(64);
		byte[] thumbnail = download("resident1", uploaded.json.path("thumbnailUrl").asText(), 200);
		assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail))).isNotNull();
	}

	// ---------------------------------------------------------------- who may see a file

	@Test
	void refusesTheFilesOfANeedToAnotherCommunity() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		String url = upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "现场.jpg",
				TestFiles.jpegWithGps(40, 20, 1)).expect(201).json.path("url").asText();

		download("steward1", url, 200);
		download("manager1", url, 200);
		for (String other : new String[] { "steward2", "org1", "dept1" }) {
			assertThat(new String(download(other, url, 403), StandardCharsets.UTF_8)).contains("problem.evidence.notYours");
			download(other, url + "/thumbnail", 403);
			api.as(other).get("/api/needs/" + need + "/evidence").expectProblem(403);
		}
		upload("steward2", "/api/needs/" + need + "/evidence", "VERIFICATION", "x.jpg", TestFiles.jpegWithGps(40, 20, 1))
			.expectProblem(403, "problem.evidence.mayNotAdd");
		api.anonymous().get(url).expectProblem(401);
	}

	@Test
	void showsOnThePublicBoardOnlyWhatAStewardMadePublic() throws Exception {
		long need = api.reportedNeed("楼道堆物");
		JsonNode file = upload("steward1", "/api/needs/" + need + "/evidence", "VERIFICATION", "现场.jpg",
				TestFiles.jpegWithGps(40, 20, 1)).expect(201).json;
		String publicUrl = "/public/evidence/" + file.path("id").asLong();
		download(null, publicUrl, 404);

		api.as("steward2").put(file.path("url").asText() + "/public", Map.of("publicPhoto", true)).expectProblem(403);
		api.as("steward1").put(file.path("url").asText() + "/public", Map.of("publicPhoto", true)).expect(200);
		download(null, publicUrl + "/thumbnail", 200);
		download(null, publicUrl, 200);

		api.as("steward1").put(file.path("url").asText() + "/public", Map.of()).expectProblem(400);
		api.as("steward1").put(file.path("url").asText() + "/public", Map.of("publicPhoto", false)).expect(200);
		download(null, publicUrl, 404);
	}

	// ---------------------------------------------------------------- evidence-required.dmn

	@Test
	void aRepairIsNotSettledWithoutItsAfterPhoto() throws Exception {
		long need = api.individualNeed("单元门禁损坏", "FACILITIES");
		JsonNode before = api.need(need);
		Api.Response refused = api.as("selfgov1").language("zh-CN")
			.post("/api/needs/" + need + "/resolution", Map.of("note", "已更换门禁")).expectProblem(409);
		assertThat(refused.path("code").asText()).isEqualTo("problem.evidence.required");
		assertThat(refused.path("detail").asText()).contains("办理后").contains("1");
		api.assertNeedUnchanged(need, before);

		// a photo of the wrong step does not count
		upload("selfgov1", "/api/needs/" + need + "/evidence", "RESOLUTION_BEFORE", "before.jpg",
				TestFiles.jpegWithGps(40, 20, 1)).expect(201);
		api.as("selfgov1").post("/api/needs/" + need + "/resolution", Map.of("note", "已更换门禁")).expectProblem(409);

		upload("selfgov1", "/api/needs/" + need + "/evidence", "RESOLUTION_AFTER", "after.jpg",
				TestFiles.jpegWithGps(40, 20, 1)).expect(201);
		api.as("selfgov1").post("/api/needs/" + need + "/resolution", Map.of("note", "已更换门禁")).expect(204);
		// the line adds photos to the need it settles, but reads the need's files no more than the need itself
		api.as("selfgov1").get("/api/needs/" + need + "/evidence").expectProblem(403);
		assertThat(files("steward1", "/api/needs/" + need + "/evidence"))
			.allSatisfy(f -> assertThat(f.path("taken").asBoolean()).isTrue());
	}

	/** Tasklist completes a task through the engine's REST API: the step's rule holds there too. */
	@Test
	void theEngineRestApiObeysTheSameRule() throws Exception {
		long need = api.individualNeed("消防通道被占用", "SAFETY");
		String task = null;
		for (JsonNode t : api.as("selfgov1").get("/api/tasks?max=1000").expect(200).json()) {
			if (t.path("needId").asLong() == need && "userTask_resolveNeed".equals(t.path("taskKey").asText())) {
				task = t.path("id").asText();
			}
		}
		assertThat(task).as("the resolve task of need %s", need).isNotNull();
		api.as("selfgov1").post("/engine-rest/task/" + task + "/claim", Map.of("userId", "selfgov1"));
		Map<String, Object> body = Map.of("variables",
				Map.of("resolutionNote", Map.of("value", "已清理", "type", "String")));
		Api.Response refused = api.as("selfgov1").language("zh-CN").post("/engine-rest/task/" + task + "/complete", body);
		assertThat(refused.status()).isBetween(400, 499);
		assertThat(refused.body()).contains("办理后");
		assertThat(api.need(need).path("phase").asText()).isEqualTo(api.need(need).path("phase").asText());

		upload("selfgov1", "/api/needs/" + need + "/evidence", "RESOLUTION_AFTER", "after.jpg",
				TestFiles.jpegWithGps(40, 20, 1)).expect(201);
		api.as("selfgov1").post("/engine-rest/task/" + task + "/complete", body).expect(204);
		assertThat(api.need(need).path("phase").asText()).isEqualTo("EVALUATE");
	}

	// ---------------------------------------------------------------- helpers

	private JsonNode files(String user, String path) {
		return api.as(user).get(path).expect(200).json();
	}

	private Answer upload(String user, String path, String step, String fileName, byte[] content)
			throws IOException, InterruptedException {
		String boundary = "----evidence" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\n" + step + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = authorized(user, HttpRequest.newBuilder(URI.create(api.base() + path)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", "zh-CN")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
		return new Answer(path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				parsed);
	}

	private byte[] download(String user, String path, int expected) throws IOException, InterruptedException {
		HttpRequest request = authorized(user, HttpRequest.newBuilder(URI.create(api.base() + path))).GET().build();
		HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as("GET %s as %s", path, user).isEqualTo(expected);
		if (expected == 200) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		return response.body();
	}

	private static HttpRequest.Builder authorized(String user, HttpRequest.Builder request) {
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private record Answer(String call, int status, String contentType, JsonNode json) {

		Answer expect(int expected) {
			assertThat(status).as("status of %s; body %s", call, json).isEqualTo(expected);
			return this;
		}

		Answer expectProblem(int expected, String code) {
			expect(expected);
			assertThat(contentType).startsWith("application/problem+json");
			assertThat(json.path("code").asText()).as("problem of %s: %s", call, json).isEqualTo(code);
			return this;
		}
	}
}
