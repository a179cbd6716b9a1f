package cn.needsloop.consultation;

import cn.needsloop.shared.Wording;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.needsloop.process.TimeLimits;
import cn.needsloop.process.Variables;
import cn.needsloop.process.Workflow.Var;

/**
 * Writes the catalog's answer ({@code catalogEntry}, the single result of {@code consultationCatalog})
 * into the consultation and into flat variables for the gateway and the forms.
 */
@Component("recordCatalogEntryDelegate")
class RecordCatalogEntryDelegate implements JavaDelegate {

	private final Consultations consultations;

	RecordCatalogEntryDelegate(Consultations consultations) {
		this.consultations = consultations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Consultation consultation = consultations.require(Variables.longValue(execution, Var.CONSULTATION_ID));
		Map<?, ?> entry = execution.getVariable(Var.CATALOG_ENTRY) instanceof Map<?, ?> map ? map : Map.of();
		boolean inCatalog = Boolean.TRUE.equals(entry.get("inCatalog"));
		// the catalog's own words (Chinese, as the table writes them); none: the consultation words the default
		String reason = entry.get("catalogReason") == null ? null : entry.get("catalogReason").toString();
		Set<ParticipantKind> required = EnumSet.noneOf(ParticipantKind.class);
		if (entry.get("participantKinds") != null) {
			Arrays.stream(entry.get("participantKinds").toString().split(",")).map(String::strip)
				.filter(s -> !s.isEmpty()).map(ParticipantKind::valueOf).forEach(required::add);
		}
		ConsultationLevel level = entry.get("level") == null ? null : ConsultationLevel.valueOf(entry.get("level").toString());
		Integer noticeDays = number(entry.get("noticeDays"));
		Integer publicityDays = number(entry.get("publicityDays"));
		consultation.catalogChecked(inCatalog, level, required, noticeDays, publicityDays, reason);
		execution.removeVariable(Var.CATALOG_ENTRY);
		execution.setVariable(Var.IN_CATALOG, inCatalog);
		execution.setVariable(Var.NOTICE_DAYS, noticeDays);
		execution.setVariable(Var.REQUIRED_PARTICIPANTS,
				required.stream().map(ParticipantKind::label).collect(Collectors.joining("、")));
		Wording why = consultation.catalogReason() == null ? Wording.of("text", "") : consultation.catalogReason();
		consultation.record(inCatalog
				? Wording.of("consultation.history.inCatalog",
						level == null ? "" : Wording.of("enum.ConsultationLevel." + level.name()), why)
				: Wording.of("consultation.history.notInCatalog", why), "system", TimeLimits.nowInstant());
	}

	private static Integer number(Object value) {
		return value instanceof Number n ? n.intValue() : null;
	}
}
