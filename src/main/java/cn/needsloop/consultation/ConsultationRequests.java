package cn.needsloop.consultation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the consultations API. */
public final class ConsultationRequests {

	private ConsultationRequests() {
	}

	public record ProposeTopic(@NotBlank @Size(max = 32) String communityCode, @NotBlank @Size(max = 200) String topic,
			@NotNull TopicType topicType, @NotBlank @Size(max = 2000) String description, Long projectId) {
	}

	public record Participant(@NotBlank @Size(max = 100) String name, @NotNull ParticipantKind kind) {
	}

	public record FixParticipants(@NotEmpty @Size(max = 200) List<@NotNull @Valid Participant> participants) {
	}

	public record PublishAgenda(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> items,
			@NotNull OffsetDateTime meetingAt) {
	}

	public record RecordMeeting(@NotNull @Min(0) @Max(100000) Integer attendees,
			@NotBlank @Size(max = 4000) String opinions, @NotNull @Min(0) @Max(100000) Integer votesFor,
			@NotNull @Min(0) @Max(100000) Integer votesAgainst, @NotNull @Min(0) @Max(100000) Integer votesAbstain) {
	}

	public record RaiseObjection(@NotBlank @Size(max = 2000) String text) {
	}

	public record ApplyResult(@NotBlank @Size(max = 4000) String report) {
	}
}
