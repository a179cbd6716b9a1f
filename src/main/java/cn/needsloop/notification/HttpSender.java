package cn.needsloop.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SMS or a WeChat template message through an HTTP adapter of the deployment (the SMS provider's gateway, or a
 * small service holding the WeChat official account's access token): one {@code POST} of JSON
 * <pre>{"id": "outbox-12", "channel": "SMS", "to": "13800000000", "template": "...", "subject": "...", "text": "..."}</pre>
 * with the headers {@code Idempotency-Key: outbox-12} and, when configured, {@code Authorization: Bearer <token>}.
 * A 2xx answer means accepted; anything else, or no answer within the timeout, is a failed attempt.
 */
public class HttpSender implements Sender {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final OutboxChannel channel;

	private final URI url;

	private final String token;

	private final String template;

	private final Duration timeout;

	private final HttpClient client;

	public HttpSender(OutboxChannel channel, URI url, String token, String template, Duration timeout) {
		this.channel = channel;
		this.url = url;
		this.token = token == null || token.isBlank() ? null : token;
		this.template = template == null || template.isBlank() ? null : template;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	@Override
	public OutboxChannel channel() {
		return channel;
	}

	@Override
	public void send(String key, String address, String subject, String body) throws Exception {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", key);
		message.put("channel", channel.name());
		message.put("to", address);
		message.put("template", template);
		message.put("subject", subject);
		message.put("text", body);
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(message)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String answer = response.body() == null ? "" : response.body();
			throw new IllegalStateException(channel + " adapter answered " + response.statusCode() + ": "
					+ (answer.length() > 200 ? answer.substring(0, 200) : answer));
		}
	}
}
