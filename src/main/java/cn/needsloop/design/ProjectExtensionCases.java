package cn.needsloop.design;

import org.springframework.stereotype.Component;

import cn.needsloop.intake.NeedLog;
import cn.needsloop.process.Subject;
import cn.needsloop.routing.ExtensionCase;
import cn.needsloop.routing.ExtensionCases;
import cn.needsloop.routing.StepChange;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Line;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Wording;

/**
 * Service projects, as cases whose steps may be extended (延期): whoever may see the project may ask, if they hold a
 * step of it; its history is each of its needs' (as for every step of a project).
 */
@Component
class ProjectExtensionCases implements ExtensionCases {

	private final Projects projects;

	private final ProjectService service;

	private final NeedLog log;

	ProjectExtensionCases(Projects projects, ProjectService service, NeedLog log) {
		this.projects = projects;
		this.service = service;
		this.log = log;
	}

	@Override
	public StepChange.CaseKind kind() {
		return StepChange.CaseKind.PROJECT;
	}

	@Override
	public ExtensionCase require(Long id, Actor actor) {
		ServiceProject project = projects.require(id);
		if (!service.maySee(actor, project)) {
			throw ProblemException.forbidden("problem.project.notYours", id);
		}
		return of(project);
	}

	@Override
	public ExtensionCase find(Long id) {
		return of(projects.require(id));
	}

	@Override
	public void record(ExtensionCase of, Phase phase, Wording activity, Line line, String actor) {
		log.record(of.subject(), phase == null ? Phase.IMPLEMENT : phase, activity, line, actor);
	}

	private static ExtensionCase of(ServiceProject project) {
		return new ExtensionCase(StepChange.CaseKind.PROJECT, project.getId(), project.getCommunityCode(),
				project.getProcessInstanceId(), project.getCategory(), new Subject(null, project.getId()));
	}
}
