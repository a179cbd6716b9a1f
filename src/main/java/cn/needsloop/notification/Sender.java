package cn.needsloop.notification;

/**
 * Sends one message of the outbox on one channel. {@code key} ({@code outbox-<id>}) names the message: an e-mail
 * carries it as its Message-ID, an HTTP adapter as its {@code Idempotency-Key}, so that a receiver that keeps
 * them can drop a copy. A sender throws when the message was not accepted.
 */
public interface Sender {

	OutboxChannel channel();

	void send(String key, String address, String subject, String body) throws Exception;
}
