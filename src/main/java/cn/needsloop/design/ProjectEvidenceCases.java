package cn.needsloop.design;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.evidence.CaseKind;
import cn.needsloop.evidence.EvidenceCases;
import cn.needsloop.shared.Actor;

/**
 * The files of a project follow the project: seen by whoever may see it (a social organisation: its own projects
 * and those in the hall; everyone else: all, as {@link ProjectService} shows them); added by those who deliver and
 * oversee it: the organisation that claimed it, the community's stewards and managers.
 */
@Component
class ProjectEvidenceCases implements EvidenceCases {

	private final Projects projects;

	private final Organizations organizations;

	ProjectEvidenceCases(Projects projects, Organizations organizations) {
		this.projects = projects;
		this.organizations = organizations;
	}

	@Override
	public CaseKind kind() {
		return CaseKind.PROJECT;
	}

	@Override
	@Transactional(readOnly = true)
	public String communityOf(long caseId) {
		return projects.require(caseId).getCommunityCode();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySee(Actor actor, long caseId) {
		ServiceProject project = projects.require(caseId);
		if (!actor.isSocialOrganization() || actor.isManager() || actor.isSteward()) {
			return true;
		}
		return project.getStatus() == ProjectStatus.PUBLISHED || claimant(actor, project);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayAdd(Actor actor, long caseId) {
		ServiceProject project = projects.require(caseId);
		return actor.isManager() || actor.isStewardOf(project.getCommunityCode()) || claimant(actor, project);
	}

	private boolean claimant(Actor actor, ServiceProject project) {
		String own = organizations.findByAccountUser(actor.userId()).map(Organization::getCode).orElse(null);
		return own != null && own.equals(project.getClaimantCode());
	}
}
