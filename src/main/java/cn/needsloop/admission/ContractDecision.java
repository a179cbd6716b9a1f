package cn.needsloop.admission;

/** The review of a purchased-service contract ({@code contractDecision}: the model's gateway reads its name). */
public enum ContractDecision {
	APPROVED, REJECTED
}
