package cn.needsloop.process;

/**
 * Names shared by the BPMN models and the Java code: process keys, messages, variables, task
 * keys. See {@code docs/processes.md}.
 */
public final class Workflow {

	private Workflow() {
	}

	public static final String NEEDS_LOOP = "needsLoop";
	public static final String SERVICE_PROJECT = "serviceProject";
	public static final String COMMUNITY_CONSULTATION = "communityConsultation";

	public static final String MESSAGE_NEED_JOINED_PROJECT = "NeedJoinedProject";
	public static final String MESSAGE_PROJECT_CONCLUDED = "ProjectConcluded";
	public static final String MESSAGE_CONSULTATION_OBJECTION = "ConsultationObjection";

	/** Process variables. */
	public static final class Var {
		private Var() {
		}

		public static final String NEED_ID = "needId";
		public static final String NEED_TITLE = "needTitle";
		public static final String COMMUNITY_CODE = "communityCode";
		public static final String ROUND = "round";
		public static final String NEED_SCORE = "needScore";
		public static final String CONFIRMATION_COMMENT = "confirmationComment";
		public static final String VERIFICATION_VERDICT = "verificationVerdict";
		public static final String DUPLICATE_OF_ID = "duplicateOfId";
		public static final String VERIFICATION_NOTE = "verificationNote";
		public static final String CATEGORY = "category";
		public static final String URGENCY = "urgency";
		public static final String SCOPE = "scope";
		public static final String PROPOSED_LINE = "proposedLine";
		public static final String RESOLUTION_NOTE = "resolutionNote";
		public static final String NEED_OUTCOME = "needOutcome";
		public static final String OUTCOME = "outcome";

		public static final String PROJECT_ID = "projectId";
		public static final String PROJECT_TITLE = "projectTitle";
		public static final String PROJECT_VERDICT = "projectVerdict";
		public static final String NEED_IDS = "needIds";
		public static final String MILESTONE_INDEXES = "milestoneIndexes";
		public static final String MILESTONE_INDEX = "milestoneIndex";
		public static final String APPROVAL_DECISION = "approvalDecision";
		public static final String APPROVAL_NOTE = "approvalNote";
		public static final String PLAN = "plan";
		public static final String BUDGET_YUAN = "budgetYuan";
		public static final String REVISION_NOTE = "revisionNote";
		public static final String CLAIM_CONFIRMED = "claimConfirmed";
		public static final String ORGANIZATION_CODE = "organizationCode";
		public static final String ASSIGNMENT_NOTE = "assignmentNote";
		public static final String IMPLEMENTER_USER = "implementerUser";
		public static final String MILESTONE_NOTE = "milestoneNote";
		public static final String SOCIAL_WORKERS = "socialWorkers";
		public static final String VOLUNTEERS = "volunteers";
		public static final String COMPLETION_REPORT = "completionReport";
		public static final String RECTIFICATION_REPORT = "rectificationReport";
		public static final String EVALUATION_ROUND = "evaluationRound";
		public static final String RATED_NEED_ID = "ratedNeedId";
		public static final String RATING_SCORE = "ratingScore";
		public static final String RATING_COMMENT = "ratingComment";
		public static final String RESIDENT_AVERAGE = "residentAverage";
		public static final String COMMUNITY_SCORE = "communityScore";
		public static final String IMPLEMENTER_SCORE = "implementerScore";
		public static final String VERDICT = "verdict";

		public static final String CONSULTATION_ID = "consultationId";
		public static final String CONSULTATION_TOPIC = "consultationTopic";
		public static final String TOPIC_TYPE = "topicType";
		public static final String CATALOG_ENTRY = "catalogEntry";
		public static final String IN_CATALOG = "inCatalog";
		public static final String REQUIRED_PARTICIPANTS = "requiredParticipants";
		public static final String NOTICE_DAYS = "noticeDays";
		public static final String PARTICIPANTS = "participants";
		public static final String PARTICIPANT_COUNT = "participantCount";
		public static final String AGENDA_ITEMS = "agendaItems";
		public static final String MEETING_AT = "meetingAt";
		public static final String MEETING_TIME = "meetingTime";
		public static final String ATTENDEES = "attendees";
		public static final String OPINIONS = "opinions";
		public static final String VOTES_FOR = "votesFor";
		public static final String VOTES_AGAINST = "votesAgainst";
		public static final String VOTES_ABSTAIN = "votesAbstain";
		public static final String CONSULTATION_ROUND = "consultationRound";
		public static final String OBJECTED = "objected";
		public static final String CONSULTATION_OUTCOME = "consultationOutcome";
		public static final String CONSULTATION_RESULT = "consultationResult";
		public static final String CONSULTATION_REASON = "consultationReason";
		public static final String PUBLICITY_ENDS_AT = "publicityEndsAt";
		public static final String APPLICATION_REPORT = "applicationReport";
		public static final String CONSULTATION_REQUIRED = "consultationRequired";

		/** Task-local variables written by routing. */
		public static final String LINE = "line";
		public static final String PHASE = "phase";
		public static final String ESCALATED_TASK_ID = "escalatedTaskId";
	}

	/** User task definition keys. */
	public static final class Step {
		private Step() {
		}

		public static final String VERIFY_NEED = "userTask_verifyNeed";
		public static final String CLASSIFY_NEED = "userTask_classifyNeed";
		public static final String RESOLVE_NEED = "userTask_resolveNeed";
		public static final String CONFIRM_RESOLUTION = "userTask_confirmResolution";
		public static final String APPROVE_PROJECT = "userTask_approveProject";
		public static final String REVISE_DESIGN = "userTask_reviseDesign";
		public static final String CLAIM_PROJECT = "userTask_claimProject";
		public static final String ASSIGN_PROJECT = "userTask_assignProject";
		public static final String REPORT_MILESTONE = "userTask_reportMilestone";
		public static final String COMPLETE_PROJECT = "userTask_completeProject";
		public static final String RATE_AS_RESIDENT = "userTask_rateAsResident";
		public static final String RATE_AS_COMMUNITY = "userTask_rateAsCommunity";
		public static final String RATE_AS_IMPLEMENTER = "userTask_rateAsImplementer";
		public static final String RECTIFY_PROJECT = "userTask_rectifyProject";
		public static final String FIX_PARTICIPANTS = "userTask_fixParticipants";
		public static final String PUBLISH_AGENDA = "userTask_publishAgenda";
		public static final String RECORD_MEETING = "userTask_recordMeeting";
		public static final String APPLY_RESULT = "userTask_applyResult";
		/** Standalone supervision task created for the manager when a task is overdue. */
		public static final String SUPERVISE_OVERDUE = "supervise-overdue";
	}

	/** Decision keys. */
	public static final class Decision {
		private Decision() {
		}

		public static final String NEED_CATEGORY = "needCategory";
		public static final String NEED_SCOPE = "needScope";
		public static final String TASK_ROUTING = "taskRouting";
		public static final String EVALUATION_VERDICT = "evaluationVerdict";
		public static final String NEED_OUTCOME = "needOutcome";
		public static final String CONSULTATION_CATALOG = "consultationCatalog";
		public static final String CONSULTATION_RESULT = "consultationResult";
		public static final String CONSULTATION_REQUIRED = "consultationRequired";
	}
}
