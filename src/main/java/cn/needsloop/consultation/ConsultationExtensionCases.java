package cn.needsloop.consultation;

import org.springframework.stereotype.Component;

import cn.needsloop.design.Projects;
import cn.needsloop.design.ServiceProject;
import cn.needsloop.intake.NeedLog;
import cn.needsloop.process.Subject;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.routing.ExtensionCase;
import cn.needsloop.routing.ExtensionCases;
import cn.needsloop.routing.StepChange;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.Wording;

/**
 * Community consultations, as cases whose steps may be extended (延期): consultations are public, so whoever holds a
 * step of one may ask; what happens is written in the consultation's history, and in the history of the needs of the
 * project it was called for.
 */
@Component
class ConsultationExtensionCases implements ExtensionCases {

	private final Consultations consultations;

	private final Projects projects;

	private final NeedLog log;

	ConsultationExtensionCases(Consultations consultations, Projects projects, NeedLog log) {
		this.consultations = consultations;
		this.projects = projects;
		this.log = log;
	}

	@Override
	public StepChange.CaseKind kind() {
		return StepChange.CaseKind.CONSULTATION;
	}

	@Override
	public ExtensionCase require(Long id, Actor actor) {
		// consultations are public (阳光社区): every one signed in may see one; holding its step is checked after
		return find(id);
	}

	@Override
	public ExtensionCase find(Long id) {
		Consultation consultation = consultations.require(id);
		ServiceProject project = consultation.getProjectId() == null ? null
				: projects.findById(consultation.getProjectId()).orElse(null);
		return new ExtensionCase(StepChange.CaseKind.CONSULTATION, consultation.getId(),
				consultation.getCommunityCode(), consultation.getProcessInstanceId(),
				project == null ? null : project.getCategory(), new Subject(null, consultation.getProjectId()));
	}

	@Override
	public void record(ExtensionCase of, Phase phase, Wording activity, Line line, String actor) {
		consultations.require(of.id()).record(activity, actor, TimeLimits.nowInstant());
		if (of.subject().projectId() != null) {
			log.record(of.subject(), phase == null ? Phase.DESIGN : phase, activity, line, actor);
		}
	}
}
