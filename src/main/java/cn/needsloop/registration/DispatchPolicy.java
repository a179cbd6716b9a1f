package cn.needsloop.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How dispatches go out ({@code needsloop.dispatch.*}): how many registrants one round invites (at
 * least as many as are still needed), and how many rounds are sent before the dispatch is
 * escalated. The answer limit of a round is the time limit {@code dispatchAnswer}.
 */
@ConfigurationProperties("needsloop.dispatch")
public record DispatchPolicy(Integer batchSize, Integer maxRounds) {

	public DispatchPolicy {
		batchSize = batchSize == null ? 3 : batchSize;
		maxRounds = maxRounds == null ? 3 : maxRounds;
		if (batchSize < 1 || maxRounds < 1) {
			throw new IllegalArgumentException("needsloop.dispatch.batch-size and max-rounds must be at least 1");
		}
	}

	/** How many to invite in a round when this many people are still needed. */
	public int invitations(int stillNeeded) {
		return Math.max(batchSize, stillNeeded);
	}
}
