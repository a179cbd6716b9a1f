package cn.needsloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The engine's answers stream to the client as they are written (a large task list or a form is never copied in
 * memory); only a failure the guard rewrites is held, with its length left unset.
 */
class ErrorOnlyBufferTests {

	private static boolean rewritten(int status) {
		return status >= 400 && status != 401;
	}

	@Test
	void aSuccessfulAnswerReachesTheClientAsItIsWrittenAndKeepsItsLength() throws IOException {
		MockHttpServletResponse client = new MockHttpServletResponse();
		ErrorOnlyBuffer response = new ErrorOnlyBuffer(client, ErrorOnlyBufferTests::rewritten);
		response.setContentLength(5);
		response.setStatus(200);
		response.getOutputStream().write("[1,2]".getBytes(StandardCharsets.UTF_8));
		assertThat(client.getContentAsString()).as("written through before the engine finished").isEqualTo("[1,2]");
		assertThat(client.getContentLength()).isEqualTo(5);
		assertThat(response.failed()).isFalse();
		assertThat(response.heldBody()).isEmpty();
	}

	@Test
	void aFailureIsHeldForTheGuardAndNothingReachesTheClient() throws IOException {
		MockHttpServletResponse client = new MockHttpServletResponse();
		ErrorOnlyBuffer response = new ErrorOnlyBuffer(client, ErrorOnlyBufferTests::rewritten);
		response.setStatus(404);
		response.setContentLength(40);
		response.setHeader("Content-Length", "40");
		response.getOutputStream().write("{\"message\":\"Cannot find task\"}".getBytes(StandardCharsets.UTF_8));
		response.flushBuffer();
		assertThat(response.failed()).isTrue();
		assertThat(new String(response.heldBody(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Cannot find task\"}");
		assertThat(client.getContentAsByteArray()).isEmpty();
		assertThat(client.isCommitted()).isFalse();
		assertThat(client.getHeader("Content-Length")).isNull();
	}

	@Test
	void aFailureWrittenThroughTheWriterIsHeldToo() throws IOException {
		MockHttpServletResponse client = new MockHttpServletResponse();
		ErrorOnlyBuffer response = new ErrorOnlyBuffer(client, ErrorOnlyBufferTests::rewritten);
		response.setCharacterEncoding("UTF-8");
		response.setStatus(500);
		response.getWriter().write("{\"message\":\"失败\"}");
		assertThat(new String(response.heldBody(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"失败\"}");
		assertThat(client.getContentAsByteArray()).isEmpty();
	}

	@Test
	void aSuccessfulAnswerWrittenThroughTheWriterReachesTheClientWhenTheEngineIsDone() throws IOException {
		MockHttpServletResponse client = new MockHttpServletResponse();
		ErrorOnlyBuffer response = new ErrorOnlyBuffer(client, ErrorOnlyBufferTests::rewritten);
		response.setCharacterEncoding("UTF-8");
		response.setStatus(200);
		response.getWriter().write("{\"name\":\"核实诉求\"}");
		response.finish();
		assertThat(client.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"核实诉求\"}");
	}

	@Test
	void anAnswerTheGuardLeavesAloneStreamsEvenWhenItFails() throws IOException {
		MockHttpServletResponse client = new MockHttpServletResponse();
		ErrorOnlyBuffer response = new ErrorOnlyBuffer(client, ErrorOnlyBufferTests::rewritten);
		response.setStatus(401);
		response.getOutputStream().write('x');
		assertThat(client.getContentAsString()).isEqualTo("x");
	}
}
