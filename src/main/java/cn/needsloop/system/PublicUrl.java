package cn.needsloop.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address people use to reach the app ({@code needsloop.public-url}, for example
 * {@code https://needs.example.org}; environment {@code NEEDSLOOP_PUBLIC_URL}). Redirects are built from it,
 * never from the request's {@code Host} header, which anyone can set ({@code Host: evil.example} used to
 * send the browser to {@code http://evil.example/login}); without it redirects are relative
 * ({@code Location: /login}), which a browser resolves against the address it asked. The app never
 * redirects to another site: a redirect to any absolute address keeps only its path.
 * <p>
 * It is also what a browser's {@code Origin} must be for a change to be accepted from a page
 * ({@link CrossSiteWriteFilter}), besides the address the request itself was sent to.
 */
@Component
public class PublicUrl {

	/** scheme://host[:port] without a trailing slash, or null when not configured */
	private final String origin;

	PublicUrl(@Value("${needsloop.public-url:}") String configured) {
		this.origin = configured == null || configured.isBlank() ? null : originOf(configured.strip());
	}

	private static String originOf(String configured) {
		try {
			URI uri = new URI(configured);
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
			boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
			if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || !bare
					|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new IllegalArgumentException();
			}
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("needsloop.public-url must be the address people use, like "
					+ "https://needs.example.org (http or https, a host, an optional port, no path): " + configured);
		}
	}

	/** The configured origin ({@code https://needs.example.org}), or null. */
	public String origin() {
		return origin;
	}

	/**
	 * Where a redirect to {@code location} goes: the same path on this site, absolute on the public URL when
	 * one is configured, else relative. A relative location is resolved against the request's path first.
	 */
	public String redirect(String location, HttpServletRequest request) {
		String path;
		try {
			URI uri = new URI(location);
			if (uri.isOpaque()) {
				path = "/"; // mailto:, javascript: and the like: never a place to send someone
			}
			else if (uri.isAbsolute() || uri.getRawAuthority() != null) {
				path = pathOf(uri);
			}
			else if (location.startsWith("/")) {
				path = pathOf(uri);
			}
			else {
				path = pathOf(new URI(request.getRequestURI()).resolve(uri));
			}
		}
		catch (URISyntaxException ex) {
			path = "/"; // not an address (a backslash, which browsers read as a slash, say): the start page
		}
		return origin == null ? path : origin + path;
	}

	private static String pathOf(URI uri) {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		if (path.startsWith("//")) {
			path = "/" + path.replaceFirst("^/+", "");
		}
		return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
				+ (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
	}

	/**
	 * Whether a browser's {@code Origin} is this site: the public URL, or the address the request was sent
	 * to (its scheme, host and port as the container sees them, behind a trusted proxy the forwarded ones).
	 * A browser sets both the {@code Origin} and the {@code Host} of its requests; a page of another site
	 * cannot make them agree.
	 */
	public boolean isThisSite(String browserOrigin, HttpServletRequest request) {
		String given = browserOrigin.strip().toLowerCase(Locale.ROOT);
		if (origin != null && origin.equals(given)) {
			return true;
		}
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		String own = scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		return own.equals(given);
	}

	/** Whether {@code host} (of a {@code Referer}) is this site's: the public URL's or the request's own. */
	public boolean isThisHost(String host, HttpServletRequest request) {
		if (host == null) {
			return false;
		}
		if (host.equalsIgnoreCase(request.getServerName())) {
			return true;
		}
		return origin != null && host.equalsIgnoreCase(URI.create(origin).getHost());
	}
}
