package cn.needsloop.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter read once (to check it, or to fingerprint it) and that whoever comes next reads
 * again, whole, with its length. Synchronous reads only.
 */
final class KeptBody extends HttpServletRequestWrapper {

	private final byte[] bytes;

	/** Reads the request's body now. */
	KeptBody(HttpServletRequest request) throws IOException {
		this(request, request.getInputStream().readAllBytes());
	}

	/** Keeps a body already read from the request. */
	KeptBody(HttpServletRequest request, byte[] bytes) {
		super(request);
		this.bytes = bytes;
	}

	byte[] bytes() {
		return bytes;
	}

	@Override
	public ServletInputStream getInputStream() {
		ByteArrayInputStream in = new ByteArrayInputStream(bytes);
		return new ServletInputStream() {

			@Override
			public int read() {
				return in.read();
			}

			@Override
			public int read(byte[] b, int off, int len) {
				return in.read(b, off, len);
			}

			@Override
			public boolean isFinished() {
				return in.available() == 0;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new UnsupportedOperationException("synchronous reads only");
			}
		};
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	@Override
	public int getContentLength() {
		return bytes.length;
	}

	@Override
	public long getContentLengthLong() {
		return bytes.length;
	}
}
