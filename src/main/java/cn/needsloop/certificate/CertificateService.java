package cn.needsloop.certificate;

import java.util.Locale;
import org.springframework.context.MessageSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.needsloop.process.OpenTask;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.needsloop.certificate.Certificate.CatalogAnswer;
import cn.needsloop.certificate.CertificateRequests.Decision;
import cn.needsloop.certificate.CertificateRequests.RequestCertificate;
import cn.needsloop.community.Communities;
import cn.needsloop.process.DecisionTables;
import cn.needsloop.process.DecisionTables.Evaluation;
import cn.needsloop.process.ProcessGateway;
import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Workflow;
import cn.needsloop.process.Workflow.Step;
import cn.needsloop.process.Workflow.Var;
import cn.needsloop.shared.Actor;
import cn.needsloop.system.Disclosures;
import cn.needsloop.system.PersonalData;
import cn.needsloop.system.PersonalData.Revealed;
import cn.needsloop.system.PersonalDataReveal;
import cn.needsloop.shared.ProblemException;

/**
 * 证明材料清单: a request for a kind on the catalog becomes a task for the community's steward; any
 * other kind is answered at once with the rule and where to go instead, and recorded all the same.
 */
@Service
@Transactional
public class CertificateService {

	private final Certificates certificates;

	private final Communities communities;

	private final DecisionTables decisionTables;

	private final ProcessGateway process;

	private final Disclosures disclosures;

	private final PersonalData personalData;

	private final MessageSource messages;

	CertificateService(Certificates certificates, Communities communities, DecisionTables decisionTables,
			ProcessGateway process, Disclosures disclosures, PersonalData personalData,
			MessageSource messages) {
		this.certificates = certificates;
		this.communities = communities;
		this.decisionTables = decisionTables;
		this.process = process;
		this.disclosures = disclosures;
		this.personalData = personalData;
		this.messages = messages;
	}

	public Certificate request(RequestCertificate request, Actor actor) {
		if (!communities.existsById(request.communityCode())) {
			throw ProblemException.badField("communityCode", "problem.community.unknown", request.communityCode());
		}
		Evaluation evaluation = decisionTables.evaluate(Workflow.Decision.CERTIFICATE_CATALOG,
				Map.of("kind", request.kind()));
		Map<String, Object> result = evaluation.result();
		CatalogAnswer answer = new CatalogAnswer(Boolean.TRUE.equals(result.get("listed")), text(result, "kindName"),
				text(result, "ruleText"), text(result, "referTo"), evaluation.decision().id(),
				evaluation.decision().version());
		Certificate certificate = certificates.save(new Certificate(request.communityCode(), request.kind(),
				request.applicantName().trim(), request.applicantPhone().trim(), actor.userId(),
				request.purpose().trim(), answer, TimeLimits.nowInstant()));
		if (certificate.isListed()) {
			// the applicant's name, phone and purpose stay in certificate_request: the steward reads them on the
			// request's page, never from the engine's variables (which Tasklist shows and history keeps)
			Map<String, Object> variables = new HashMap<>();
			variables.put(Var.CERTIFICATE_ID, certificate.getId());
			variables.put(Var.COMMUNITY_CODE, certificate.getCommunityCode());
			variables.put(Var.CERTIFICATE_KIND, certificate.getKind());
			variables.put(Var.CERTIFICATE_KIND_NAME, certificate.getKindName());
			// Tasklist shows the title as the engine keeps it: in Chinese
			variables.put(Var.SUBJECT_TITLE, certificate.subjectTitle().render(messages, Locale.SIMPLIFIED_CHINESE));
			certificate.startedAs(process.start(Workflow.CERTIFICATE_REQUEST, certificate.getId(), variables));
		}
		return certificate;
	}

	@Transactional(readOnly = true)
	public CertificateView view(Long id, Actor actor) {
		Certificate certificate = certificates.require(id);
		if (!actor.isManager() && !actor.isStewardOf(certificate.getCommunityCode())
				&& !actor.userId().equals(certificate.getApplicantUser())) {
			throw ProblemException.forbidden("problem.certificate.notYours", id);
		}
		return CertificateView.of(certificate, disclosures.ofCommunity(actor, certificate.getCommunityCode()));
	}

	/** The steward of the request's community sees the applicant's phone number in full; recorded. */
	public Revealed revealApplicantPhone(Long id, Actor actor) {
		Certificate certificate = certificates.require(id);
		return personalData.reveal(actor, certificate.getCommunityCode(), PersonalDataReveal.Record.CERTIFICATE, id,
				"applicantPhone", certificate.getApplicantPhone());
	}

	/** The requests the actor made, newest first. */
	@Transactional(readOnly = true)
	public List<CertificateView> requestedBy(Actor actor, int max) {
		return certificates.findByApplicantUserOrderByIdDesc(actor.userId(), PageRequest.of(0, max)).stream()
			.map(c -> CertificateView.of(c, disclosures.ofCommunity(actor, c.getCommunityCode())))
			.toList();
	}

	/**
	 * The requests a steward decides (those of their communities) or a manager oversees (all), newest first,
	 * optionally of one status; nobody else sees other people's requests.
	 */
	@Transactional(readOnly = true)
	public List<CertificateView> toOversee(CertificateStatus status, Actor actor, int max) {
		PageRequest page = PageRequest.of(0, max);
		List<Certificate> found;
		if (actor.isManager()) {
			found = status == null ? certificates.findAllByOrderByIdDesc(page)
					: certificates.findByStatusOrderByIdDesc(status, page);
		}
		else if (actor.isSteward()) {
			found = status == null ? certificates.findByCommunityCodeInOrderByIdDesc(actor.stewardCommunities(), page)
					: certificates.findByCommunityCodeInAndStatusOrderByIdDesc(actor.stewardCommunities(), status, page);
		}
		else {
			found = List.of();
		}
		return found.stream()
			.map(c -> CertificateView.of(c, disclosures.ofCommunity(actor, c.getCommunityCode())))
			.toList();
	}

	public void decide(Long id, Decision request, Actor actor) {
		Certificate certificate = certificates.require(id);
		if (!actor.isStewardOf(certificate.getCommunityCode())) {
			throw ProblemException.forbidden("problem.certificate.stewardOnly", id);
		}
		if (!request.issued() && (request.reason() == null || request.reason().isBlank())) {
			throw ProblemException.badField("reason", "problem.certificate.reasonRequired");
		}
		OpenTask task = process.taskToWork(certificate.getProcessInstanceId(), Step.ISSUE_CERTIFICATE, actor,
				"problem.certificate.notAtStep.issue", id);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CERTIFICATE_DECISION, (request.issued() ? CertificateDecision.ISSUED : CertificateDecision.DECLINED).name());
		variables.put(Var.DECLINE_REASON, request.issued() ? null : request.reason().trim());
		process.complete(task, variables, actor);
	}

	private static String text(Map<String, Object> result, String name) {
		Object value = result.get(name);
		return value == null ? null : value.toString();
	}
}
