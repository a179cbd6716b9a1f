package cn.needsloop.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that goes straight to the client while it succeeds and is held back once it fails: an engine
 * answer whose status the guard rewrites ({@code rewritten}) is kept in memory, with its length, so that
 * {@link EngineRestGuard} can read the engine's message and answer in its place; every other answer (a task
 * list, a form, a diagram) streams as the engine writes it, never copied. The engine sets the status before it
 * writes the body (JAX-RS writes the entity after its status), so the first write decides.
 */
final class ErrorOnlyBuffer extends HttpServletResponseWrapper {

	private final IntPredicate rewritten;

	private ByteArrayOutputStream held;

	private ServletOutputStream stream;

	private PrintWriter writer;

	ErrorOnlyBuffer(HttpServletResponse response, IntPredicate rewritten) {
		super(response);
		this.rewritten = rewritten;
	}

	/** Whether the answer so far is one the guard rewrites. */
	boolean failed() {
		return rewritten.test(getStatus());
	}

	/** What the engine wrote of a failed answer (empty when it wrote nothing or the answer streamed). */
	byte[] heldBody() {
		if (writer != null) {
			writer.flush();
		}
		return held == null ? new byte[0] : held.toByteArray();
	}

	/** After the engine answered: what it wrote through the writer, still in the writer's buffer, goes out. */
	void finish() {
		if (writer != null) {
			writer.flush();
		}
	}

	/** Drops what was held; the response is the guard's to write. */
	void discard() {
		held = null;
	}

	@Override
	public void setContentLength(int len) {
		if (!failed()) {
			super.setContentLength(len);
		}
	}

	@Override
	public void setContentLengthLong(long len) {
		if (!failed()) {
			super.setContentLengthLong(len);
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (!("Content-Length".equalsIgnoreCase(name) && failed())) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (!("Content-Length".equalsIgnoreCase(name) && failed())) {
			super.addHeader(name, value);
		}
	}

	@Override
	public void flushBuffer() throws IOException {
		if (writer != null) {
			writer.flush();
		}
		if (held == null && !failed()) {
			super.flushBuffer();
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (writer != null) {
			throw new IllegalStateException("getWriter() has already been called");
		}
		if (stream == null) {
			stream = new Deciding();
		}
		return stream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (stream != null && writer == null) {
			throw new IllegalStateException("getOutputStream() has already been called");
		}
		if (writer == null) {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
			stream = new Deciding();
			writer = new PrintWriter(new OutputStreamWriter(stream, charset));
		}
		return writer;
	}

	/** Decides at the first byte whether the answer streams to the client or is held for the guard. */
	private final class Deciding extends ServletOutputStream {

		private ServletOutputStream out;

		private ServletOutputStream target() throws IOException {
			if (out == null && held == null) {
				if (failed()) {
					held = new ByteArrayOutputStream();
				}
				else {
					out = getResponse().getOutputStream();
				}
			}
			return out;
		}

		@Override
		public void write(int b) throws IOException {
			ServletOutputStream to = target();
			if (to != null) {
				to.write(b);
			}
			else if (held != null) {
				held.write(b);
			}
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			ServletOutputStream to = target();
			if (to != null) {
				to.write(b, off, len);
			}
			else if (held != null) {
				held.write(b, off, len);
			}
		}

		@Override
		public void flush() throws IOException {
			if (out != null) {
				out.flush();
			}
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new UnsupportedOperationException("the engine's answers are written blocking");
		}
	}
}
