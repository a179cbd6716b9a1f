package cn.needsloop.shared;

/** Need categories; social organisations are qualified per category. */
public enum Category {
	ELDERLY_CARE, DISABILITY_SUPPORT, CHILD_CARE, EMPLOYMENT, ENVIRONMENT, FACILITIES, CULTURE_SPORTS, LEGAL_AID, SAFETY, MENTAL_HEALTH, HARDSHIP_RELIEF, NEIGHBOR_DISPUTE, OTHER
}
