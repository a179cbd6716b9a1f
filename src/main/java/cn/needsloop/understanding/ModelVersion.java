package cn.needsloop.understanding;

import java.time.Instant;

/** A deployed text model: its version, when and by whom it was trained, on how many examples (of which corrections). */
public record ModelVersion(String version, Instant trainedAt, String trainedBy, int examples, int corrections,
		boolean active) {
}
