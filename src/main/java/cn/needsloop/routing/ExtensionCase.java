package cn.needsloop.routing;

import cn.needsloop.process.Subject;
import cn.needsloop.shared.Category;

/**
 * A case whose steps may be extended (延期), as {@link StepChangeService} needs it: which one, where, the process
 * instance that holds its steps, its category, and the subject its notifications are about.
 */
public record ExtensionCase(StepChange.CaseKind kind, Long id, String communityCode, String processInstanceId,
		Category category, Subject subject) {
}
