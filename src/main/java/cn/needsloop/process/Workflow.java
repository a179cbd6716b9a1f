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
	/** 党员志愿服务派单 (双报到): business key = dispatch id. */
	public static final String VOLUNTEER_DISPATCH = "volunteerDispatch";

	// admission and certificates
	public static final String WORK_ITEM_ADMISSION = "workItemAdmission";
	public static final String WORK_ITEM_ANNUAL_REVIEW = "workItemAnnualReview";
	public static final String CERTIFICATE_REQUEST = "certificateRequest";
	public static final String COMMUNITY_CONSULTATION = "communityConsultation";

	public static final String MESSAGE_NEED_JOINED_PROJECT = "NeedJoinedProject";
	public static final String MESSAGE_PROJECT_CONCLUDED = "ProjectConcluded";
	public static final String MESSAGE_CONSULTATION_OBJECTION = "ConsultationObjection";
	/** 转办: a steward moves a need to another community (boundary events on verification and classification). */
	public static final String MESSAGE_NEED_TRANSFER_REQUESTED = "NeedTransferRequested";
	/** 申请延期: the line holding a step asks for more time (event sub-process of needsLoop). */
	public static final String MESSAGE_STEP_EXTENSION_REQUESTED = "StepExtensionRequested";

	/** The id of a user task's timeout listener that reminds its line when it falls due (催办). */
	public static final String TIMER_REMINDER = "reminder";

	/** The id of a user task's timeout listener that escalates it to the manager (督办). */
	public static final String TIMER_ESCALATION = "escalation";

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

		/** How the need came in ({@code shared.Channel}), for the time-limits table. */
		public static final String CHANNEL = "channel";

		/** The category the text model proposes when a need is reported, for the time-limits table before classification. */
		public static final String PROPOSED_CATEGORY = "proposedCategory";

		/** Boolean: the need is urgent (the reporter said so or its text shows danger to life and limb). */
		public static final String URGENT = "urgent";

		/** What the text model read in a need, for the steward's forms. */
		public static final String TEXT_READING = "textReading";

		/** Boolean: the decision table asks the steward to look closely at the proposed category. */
		public static final String STEWARD_LOOK = "stewardLook";
		public static final String SCOPE = "scope";
		public static final String PROPOSED_LINE = "proposedLine";
		public static final String RESOLUTION_NOTE = "resolutionNote";

		/** 就地办结: the category the grid worker chose when asking to settle a finding on the spot. */
		public static final String SPOT_CATEGORY = "spotCategory";
		/** 就地办结: the worker's estimated cost in yuan. */
		public static final String ESTIMATED_COST = "estimatedCost";
		/** 就地办结: the grid worker who asked to settle the need on the spot (the task's assignee). */
		public static final String SPOT_SETTLER = "spotSettler";
		/** 就地办结: what spot-settlement.dmn decided (ON_SPOT, URGENT, COSTLY, NOT_SMALL). */
		public static final String SPOT_SETTLEMENT = "spotSettlement";
		/** 就地办结: who settled the need on the spot; they may not confirm it for the resident. */
		public static final String SPOT_SETTLED_BY = "spotSettledBy";
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

		/** Volunteer dispatch (双报到). */
		public static final String DISPATCH_ID = "dispatchId";
		public static final String DISPATCH_TITLE = "dispatchTitle";
		public static final String SKILL = "skill";
		public static final String PEOPLE = "people";
		public static final String DISPATCH_ROUND = "dispatchRound";
		public static final String MAX_ROUNDS = "maxRounds";
		public static final String INVITED_REGISTRATION_IDS = "invitedRegistrationIds";
		public static final String REGISTRATION_ID = "registrationId";
		public static final String ACCEPTED_COUNT = "acceptedCount";
		public static final String MORE_MATCHES = "moreMatches";
		public static final String DISPATCH_ANSWER = "dispatchAnswer";
		public static final String ANSWER_NOTE = "answerNote";
		public static final String UNFILLED_RESOLUTION = "unfilledResolution";
		public static final String UNFILLED_NOTE = "unfilledNote";
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

		/** 退单: the line that held {@code userTask_resolveNeed} returns it (Boolean) with a reason. */
		public static final String RETURNED = "returned";
		public static final String RETURN_REASON = "returnReason";
		/** 重新派单: the steward's choice ({@code ANOTHER_LINE}, {@code RECLASSIFY}, {@code TRANSFER}), line and note. */
		public static final String REROUTE_DECISION = "rerouteDecision";
		public static final String REROUTE_LINE = "rerouteLine";
		public static final String REROUTE_NOTE = "rerouteNote";
		/** The line the steward re-routed {@code userTask_resolveNeed} to; routing takes it before the decision table. */
		public static final String REROUTED_LINE = "reroutedLine";
		/** 转办: the community a need moves to, and why. */
		public static final String TRANSFER_TO = "transferTo";
		public static final String TRANSFER_REASON = "transferReason";
		/** 延期: the request (its record's id, the held task, the due date asked for as a Date and as text, why). */
		public static final String EXTENSION_REQUEST_ID = "extensionRequestId";
		public static final String EXTENSION_TASK_ID = "extensionTaskId";
		public static final String EXTENSION_DUE = "extensionDue";
		public static final String EXTENSION_DUE_TEXT = "extensionDueText";
		public static final String EXTENSION_STEP_NAME = "extensionStepName";
		public static final String EXTENSION_REASON = "extensionReason";
		public static final String EXTENSION_DECISION = "extensionDecision";
		public static final String EXTENSION_DECISION_NOTE = "extensionDecisionNote";
		/** The phase of the step an extension was asked for (its history entries are written in it). */
		public static final String EXTENSION_PHASE = "extensionPhase";
		/** The line that decided an extension: the community's stewards' lead, or the manager. */
		public static final String EXTENSION_DECIDED_BY_LINE = "extensionDecidedByLine";

		/** Task-local variables written by routing. */
		public static final String LINE = "line";
		public static final String PHASE = "phase";
		public static final String ESCALATED_TASK_ID = "escalatedTaskId";

		/**
		 * Task-local, written when the task is created: the version of {@code time-limits.dmn} that set its due date
		 * (absent when no row matched and {@code application.yml} did) and the limit it gave ({@code PT2H}, {@code 1WD}).
		 */
		public static final String TIME_LIMIT_VERSION = "timeLimitVersion";
		public static final String TIME_LIMIT = "timeLimit";

		// admission and certificates
		/** What a task of a process without a need or project is about, shown in notifications. */
		public static final String SUBJECT_TITLE = "subjectTitle";
		/**
		 * Task-local: what the task is about (民需 #12 路灯不亮, 项目 #3 …), shown under the task's name in Tasklist's
		 * list; local, so that whoever may read the task reads it without rights on the whole process instance.
		 */
		public static final String TASK_SUBJECT = "taskSubject";
		public static final String WORK_ITEM_ID = "workItemId";
		public static final String WORK_ITEM_TITLE = "workItemTitle";
		public static final String DEPARTMENT = "department";
		public static final String ITEM_TYPE = "itemType";
		public static final String ADMISSION_TEXT = "text";
		public static final String ADMISSION_DECISION = "admissionDecision";
		public static final String ADMITTED = "admitted";
		public static final String PURCHASE_OFFERED = "purchaseOffered";
		public static final String RULE_ID = "ruleId";
		public static final String RULE_TEXT = "ruleText";
		public static final String FUNDING_YUAN = "fundingYuan";
		public static final String CONTRACT_DECISION = "contractDecision";
		public static final String CONTRACT_NOTE = "contractNote";
		public static final String REVIEW_ID = "reviewId";
		public static final String REVIEW_YEAR = "reviewYear";
		public static final String REQUESTED_COUNT = "requestedCount";
		public static final String ADMITTED_COUNT = "admittedCount";
		public static final String PURCHASED_SERVICE_COUNT = "purchasedServiceCount";
		public static final String REFUSED_COUNT = "refusedCount";
		public static final String REFUSED_SUMMARY = "refusedSummary";
		public static final String LIST_REVISION_NOTE = "listRevisionNote";
		public static final String CERTIFICATE_ID = "certificateId";
		public static final String CERTIFICATE_KIND = "certificateKind";
		public static final String CERTIFICATE_KIND_NAME = "certificateKindName";
		public static final String CERTIFICATE_DECISION = "certificateDecision";
		public static final String DECLINE_REASON = "declineReason";
	}

	/** User task definition keys. */
	public static final class Step {
		private Step() {
		}

		public static final String VERIFY_NEED = "userTask_verifyNeed";
		public static final String CLASSIFY_NEED = "userTask_classifyNeed";
		public static final String RESOLVE_NEED = "userTask_resolveNeed";
		/** 就地办结: a grid worker settles a small need found on patrol at once (spot-settlement.dmn). */
		public static final String SETTLE_ON_SPOT = "userTask_settleOnSpot";
		public static final String CONFIRM_RESOLUTION = "userTask_confirmResolution";
		public static final String REROUTE_NEED = "userTask_rerouteNeed";
		public static final String DECIDE_EXTENSION = "userTask_decideExtension";
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
		public static final String ANSWER_DISPATCH = "userTask_answerDispatch";
		public static final String HANDLE_UNFILLED_DISPATCH = "userTask_handleUnfilledDispatch";
		public static final String FIX_PARTICIPANTS = "userTask_fixParticipants";
		public static final String PUBLISH_AGENDA = "userTask_publishAgenda";
		public static final String RECORD_MEETING = "userTask_recordMeeting";
		public static final String APPLY_RESULT = "userTask_applyResult";
		/** Standalone supervision task created for the manager when a task is overdue. */
		public static final String SUPERVISE_OVERDUE = "supervise-overdue";

		// admission and certificates
		public static final String REVIEW_SERVICE_CONTRACT = "userTask_reviewServiceContract";
		public static final String REVISE_ADMISSION_LIST = "userTask_reviseAdmissionList";
		public static final String ISSUE_CERTIFICATE = "userTask_issueCertificate";
	}

	/** Decision keys. */
	public static final class Decision {
		private Decision() {
		}

		public static final String NEED_CATEGORY = "needCategory";
		public static final String NEED_SCOPE = "needScope";
		public static final String NEED_URGENCY = "needUrgency";
		public static final String TASK_ROUTING = "taskRouting";
		public static final String EVALUATION_VERDICT = "evaluationVerdict";
		public static final String NEED_OUTCOME = "needOutcome";
		public static final String STEP_EXTENSION = "stepExtension";

		// admission and certificates
		public static final String WORK_ITEM_ADMISSION = "workItemAdmission";
		public static final String CERTIFICATE_CATALOG = "certificateCatalog";
		public static final String CONSULTATION_CATALOG = "consultationCatalog";
		public static final String CONSULTATION_RESULT = "consultationResult";
		public static final String CONSULTATION_REQUIRED = "consultationRequired";

		/** The time limit of every step ({@code time-limits.dmn}), revisable by the manager. */
		public static final String TIME_LIMIT = "timeLimit";
	}
}
