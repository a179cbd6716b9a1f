package cn.needsloop.consultation;

/**
 * The kind of a consultation topic, the key of the consultation catalog ({@code consultation-catalog.dmn}).
 * Whether a kind belongs in consultation is policy and lives in the catalog, not here.
 */
public enum TopicType {
	/** 公共空间和设施使用 */
	PUBLIC_SPACE,
	/** 物业管理和收费 */
	PROPERTY_FEES,
	/** 为老为小服务 */
	ELDERLY_CHILD_SERVICES,
	/** 环境卫生 */
	ENVIRONMENT_SANITATION,
	/** 平安建设措施 */
	PUBLIC_SECURITY,
	/** 社区资金使用 */
	COMMUNITY_FUNDS,
	/** 民需服务项目 */
	SERVICE_PROJECT,
	/** 个人或家庭私事 */
	PRIVATE_MATTER,
	/** 依法由政府部门决定的行政事项 */
	ADMINISTRATIVE_DECISION,
	/** 其他 */
	OTHER
}
