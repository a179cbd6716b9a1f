package cn.needsloop.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A dispatch with its invitations and the hours recorded for it. */
public record DispatchView(Long id, String communityCode, Long needId, Long projectId, String skill, int people,
		Instant at, Dispatch.Status status, int round, int acceptedCount, Dispatch.Resolution resolution,
		String resolutionNote, String requestedBy, Instant requestedAt, Instant closedAt, List<OfferView> offers,
		List<HoursView> hours) {

	public record OfferView(Long registrationId, String name, String unit, int round, DispatchOffer.Status status,
			Instant invitedAt, Instant dueAt, Instant answeredAt, String answeredBy, String note) {
	}

	public record HoursView(Long registrationId, String unit, BigDecimal hours, String recordedBy, Instant recordedAt) {
	}
}
