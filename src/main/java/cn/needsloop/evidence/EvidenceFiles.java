package cn.needsloop.evidence;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceFiles extends JpaRepository<EvidenceFile, Long> {

	List<EvidenceFile> findByCaseKindAndCaseIdOrderByIdAsc(CaseKind caseKind, long caseId);

	/** The files uploaded for a step and not yet taken by a completed task of it. */
	List<EvidenceFile> findByCaseKindAndCaseIdAndStepAndTaskIdIsNullOrderByIdAsc(CaseKind caseKind, long caseId,
			EvidenceStep step);
}
