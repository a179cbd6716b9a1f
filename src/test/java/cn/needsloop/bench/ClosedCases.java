package cn.needsloop.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Outcome;
import cn.needsloop.shared.Phase;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.shared.Line;

/**
 * Writes a district's closed cases straight into the domain tables of a database whose schema the app
 * created (Flyway and Camunda, one start with the {@code mysql} profile): the communities and grids,
 * the social organisations, the users and groups of every line (Camunda's identity tables, salted
 * SHA-512 like the engine's own), and N closed needs over five years with their history, notifications,
 * service projects with milestones and ratings, and consultations. Rows go in as multi-row INSERTs of
 * {@value #ROWS_PER_STATEMENT} rows on a few connections ({@link Writers}) with foreign-key and unique checks
 * off for their sessions. Ids are
 * assigned here, so nothing is read back. The needs that are still open are not written here: they go
 * through the app ({@link OpenCases}) so that their process instances, tasks and timers are real.
 */
final class ClosedCases {

	static final int ROWS_PER_STATEMENT = 1000;

	static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "高", "罗" };

	private static final String[] GIVEN = { "芳", "强", "华", "敏", "秀英", "建国", "丽", "军", "静", "磊", "洋", "艳", "勇", "杰",
			"娟", "涛", "明", "超", "霞", "平" };

	private static final String[] PLACE = { "幸福", "东山", "和平", "振华", "新华", "光明", "朝阳", "滨海", "福山", "芝罘", "莱山",
			"牟平", "黄务", "世回尧", "只楚", "白石", "奇山", "向阳", "毓璜顶", "通伸" };

	private static final Map<Category, String[]> TITLES = new HashMap<>();

	static {
		TITLES.put(Category.ELDERLY_CARE, new String[] { "独居老人需要助餐服务", "老人希望有人定期上门探访", "老年食堂午餐供应不足" });
		TITLES.put(Category.DISABILITY_SUPPORT, new String[] { "残疾人出行需要无障碍坡道", "需要康复辅具借用" });
		TITLES.put(Category.CHILD_CARE, new String[] { "双职工家庭暑期托管", "放学后无人接送" });
		TITLES.put(Category.EMPLOYMENT, new String[] { "失业人员希望参加技能培训", "需要就业岗位信息" });
		TITLES.put(Category.ENVIRONMENT, new String[] { "垃圾清运不及时", "绿化带杂草丛生", "楼道堆放杂物" });
		TITLES.put(Category.FACILITIES, new String[] { "小区路灯不亮", "单元门禁损坏", "健身器材损坏", "雨水井堵塞" });
		TITLES.put(Category.CULTURE_SPORTS, new String[] { "希望开设书法兴趣班", "广场舞场地不足" });
		TITLES.put(Category.LEGAL_AID, new String[] { "需要法律咨询", "劳动纠纷求助" });
		TITLES.put(Category.SAFETY, new String[] { "电动车楼道充电隐患", "消防通道被占用" });
		TITLES.put(Category.MENTAL_HEALTH, new String[] { "需要心理疏导", "独居老人情绪低落" });
		TITLES.put(Category.HARDSHIP_RELIEF, new String[] { "困难家庭申请临时救助", "冬季取暖困难" });
		TITLES.put(Category.NEIGHBOR_DISPUTE, new String[] { "楼上漏水邻里纠纷", "噪音扰民" });
		TITLES.put(Category.OTHER, new String[] { "其他诉求" });
	}

	private final Writers db;

	private final DistrictPlan plan;

	private final SplittableRandom random;

	private final Map<String, Rows> rows = new HashMap<>();

	private final Map<String, Long> counts = new HashMap<>();

	private long historyId;

	private long notificationId;

	private long projectId;

	private long evaluationId;

	private long consultationId;

	/** Per community: the project the next common need joins, and how many more needs it takes. */
	private final long[] openProject;

	private final int[] openProjectRoom;

	private final Instant[] openProjectStart;

	ClosedCases(Writers db, DistrictPlan plan) {
		this.db = db;
		this.plan = plan;
		this.random = new SplittableRandom(plan.seed());
		this.openProject = new long[plan.communities()];
		this.openProjectRoom = new int[plan.communities()];
		this.openProjectStart = new Instant[plan.communities()];
	}

	static Connection connect(String jdbcBase, String database) throws SQLException {
		return DriverManager.getConnection(jdbcBase + database
				+ "?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC"
				+ "&characterEncoding=UTF-8&sendFractionalSeconds=false&useServerPrepStmts=false", "root", "");
	}

	Map<String, Long> load() throws SQLException {
		communitiesAndUsers();
		needs();
		flushAll();
		db.commit();
		return counts;
	}

	// ---------------------------------------------------------------- communities, lines, users

	private void communitiesAndUsers() throws SQLException {
		String password = plan.password();
		for (int c = 0; c < plan.communities(); c++) {
			String code = DistrictPlan.community(c);
			boolean rural = c % 4 == 3;
			String name = PLACE[c % PLACE.length] + (rural ? "村" : "社区") + (c >= PLACE.length ? "（" + (c / PLACE.length + 1) + "）" : "");
			add("community", "(code, name, kind)", q(code), q(name), q(rural ? "RURAL" : "URBAN"));
			for (int g = 1; g <= DistrictPlan.gridsOf(c); g++) {
				add("grid", "(code, community_code, name)", q(DistrictPlan.grid(c, g)), q(code), q(name + "第" + g + "网格"));
			}
			group("steward:" + code, name + " 民需管家");
			group("party:" + code, name + " 党组织");
			group("selfgov:" + code, name + " 自治组织");
			user(DistrictPlan.steward(c), "管家", name, password, "steward:" + code);
			user(DistrictPlan.party(c), "书记", name, password, "party:" + code);
			user(DistrictPlan.selfgov(c), "主任", name, password, "selfgov:" + code);
			for (int r = 1; r <= DistrictPlan.RESIDENTS_PER_COMMUNITY; r++) {
				user(DistrictPlan.resident(c, r), person(), name + "居民", password, "resident");
			}
		}
		group("socialorg", "社会组织");
		group("manager", "街道管理者");
		group("resident", "居民");
		Category[] categories = Category.values();
		for (int o = 1; o <= DistrictPlan.ORGANIZATIONS; o++) {
			String code = DistrictPlan.organization(o);
			String account = DistrictPlan.organizationUser(o);
			add("organization", "(code, name, kind, account_user)", q(code), q(PLACE[o % PLACE.length] + "社工服务中心" + o),
					q("SOCIAL_ORGANIZATION"), q(account));
			for (int k = 0; k < 4; k++) {
				add("organization_category", "(organization_code, category)", q(code),
						q(categories[(o * 3 + k) % categories.length].name()));
			}
			user(account, "社工服务中心" + o, "承接方", password, "socialorg");
		}
		for (int m = 1; m <= DistrictPlan.MANAGERS; m++) {
			user(DistrictPlan.manager(m), "管理者" + m, "街道", password, "manager");
		}
		flushAll();
	}

	private void group(String id, String name) throws SQLException {
		add("ACT_ID_GROUP", "(ID_, REV_, NAME_, TYPE_)", q(id), "1", q(name), q("WORKFLOW"));
	}

	private void user(String id, String first, String last, String password, String group) throws SQLException {
		byte[] saltBytes = new byte[16];
		random.nextBytes(saltBytes);
		String salt = Base64.getEncoder().encodeToString(saltBytes);
		String hash = "{SHA-512}" + new Sha512HashDigest().encrypt(EncryptionUtil.saltPassword(password, salt));
		add("ACT_ID_USER", "(ID_, REV_, FIRST_, LAST_, EMAIL_, PWD_, SALT_, ATTEMPTS_)", q(id), "1", q(first), q(last),
				q(id + "@bench.needsloop.cn"), q(hash), q(salt), "0");
		add("ACT_ID_MEMBERSHIP", "(USER_ID_, GROUP_ID_)", q(id), q(group));
	}

	// ---------------------------------------------------------------- needs

	private void needs() throws SQLException {
		Instant end = plan.now().minus(Duration.ofDays(4));
		Instant start = plan.now().minus(Duration.ofDays(5 * 365));
		long span = Duration.between(start, end).toSeconds();
		long needs = plan.closedNeeds();
		long started = System.nanoTime();
		for (long i = 1; i <= needs; i++) {
			// a district reports more each year: the density grows linearly, so the i-th need sits at sqrt
			double position = Math.sqrt((i - 0.5) / needs) * 0.5 + ((i - 0.5) / needs) * 0.5;
			Instant reportedAt = start.plusSeconds((long) (position * span) + random.nextInt(3600) - 1800)
				.truncatedTo(ChronoUnit.MILLIS);
			need(i, reportedAt);
			if (i % 100_000 == 0) {
				flushAll();
				db.commit();
				System.out.printf(Locale.ROOT, "  %,d closed needs written (%.0f needs/s)%n", i,
						i / ((System.nanoTime() - started) / 1e9));
			}
		}
		flushProjects();
	}

	private void need(long id, Instant reportedAt) throws SQLException {
		int c = skewedCommunity();
		String community = DistrictPlan.community(c);
		String grid = random.nextInt(10) == 0 ? null : DistrictPlan.grid(c, 1 + random.nextInt(DistrictPlan.gridsOf(c)));
		Channel channel = pick(Channel.values(), 35, 10, 10, 5, 15, 25);
		Category category = pick(Category.values(), 16, 4, 6, 5, 12, 18, 6, 4, 6, 4, 5, 8, 2);
		String[] titles = TITLES.get(category);
		String title = titles[random.nextInt(titles.length)];
		int residentNo = 1 + random.nextInt(DistrictPlan.RESIDENTS_PER_COMMUNITY);
		String reporterUser = channel == Channel.ONLINE ? DistrictPlan.resident(c, residentNo) : DistrictPlan.steward(c);
		String reporterName = person();
		String phone = "138" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
		VerificationVerdict verdict = pick(VerificationVerdict.values(), 82, 6, 7, 5);
		// the last four months: closed within days (projects and reopened needs of that time are still open)
		boolean recent = reportedAt.isAfter(plan.now().minus(Duration.ofDays(120)));
		int round = 1;
		int reopen = random.nextInt(100);
		if (verdict == VerificationVerdict.GENUINE && reopen < 8 && !recent) {
			round = reopen < 2 ? 3 : 2;
		}
		Instant verificationDue = reportedAt.plus(Duration.ofHours(24));
		Instant verifiedAt = reportedAt.plusSeconds(recent ? 600 + random.nextInt(7200) : random.nextInt(100) < 88 ? 600 + random.nextInt(23 * 3600)
				: 24 * 3600 + random.nextInt(48 * 3600));
		Urgency urgency = pick(Urgency.values(), 15, 60, 20, 5);
		boolean common = verdict == VerificationVerdict.GENUINE && reportedAt.isBefore(plan.now().minus(Duration.ofDays(150)))
				&& random.nextInt(100) < 40;
		Line resolveLine = switch (category) {
			// as task-routing.dmn routes userTask_resolveNeed
			case NEIGHBOR_DISPUTE, FACILITIES, ENVIRONMENT, SAFETY -> Line.SELF_GOVERNANCE;
			case HARDSHIP_RELIEF, EMPLOYMENT, LEGAL_AID -> Line.PARTY;
			default -> Line.STEWARD;
		};
		Long project = null;
		Outcome outcome;
		Phase phase;
		Instant categorizedAt = null;
		Instant evaluatedAt = null;
		Instant closedAt;
		Integer score = null;
		String scope = null;
		List<String[]> history = new ArrayList<>();
		String reporterGroupActor = reporterUser;
		Instant t = reportedAt;
		for (int r = 1; r < round; r++) {
			// earlier rounds: verified, classified, resolved, the resident unsatisfied, reopened
			t = step(history, r, "DISCOVER", "核实民需", "STEWARD", DistrictPlan.steward(c), t, 2 + random.nextInt(20));
			t = step(history, r, "CATEGORIZE", "分类汇总", "STEWARD", DistrictPlan.steward(c), t, 2 + random.nextInt(40));
			t = step(history, r, "IMPLEMENT", "办理个人需求", resolveLine.name(), lineUser(resolveLine, c), t,
					24 + random.nextInt(200));
			t = step(history, r, "EVALUATE", "居民确认", "STEWARD", reporterGroupActor, t, 24 + random.nextInt(100));
			t = t.plusSeconds(60);
			history.add(entry(r, "EVALUATE", "需求未满足，重新核实（第" + (r + 1) + "轮）", null, "system", t));
		}
		Instant roundStart = t;
		verifiedAt = roundStart.plus(Duration.between(reportedAt, verifiedAt));
		verificationDue = roundStart.plus(Duration.ofHours(24));
		step(history, round, "DISCOVER", "核实民需", "STEWARD", DistrictPlan.steward(c), roundStart,
				verifiedAt);
		if (verdict != VerificationVerdict.GENUINE) {
			outcome = switch (verdict) {
				case DUPLICATE -> Outcome.DUPLICATE;
				case NOT_GENUINE -> Outcome.NOT_GENUINE;
				default -> Outcome.REFERRED;
			};
			phase = Phase.DISCOVER;
			closedAt = verifiedAt.plusSeconds(5);
			history.add(entry(round, "DISCOVER", "办结：" + label(outcome) + "（核实意见：" + verificationNote(verdict) + "）", null,
					"system", closedAt));
			category = null;
		}
		else {
			categorizedAt = verifiedAt.plusSeconds(recent ? 600 + random.nextInt(4 * 3600) : 1800 + random.nextInt(48 * 3600));
			step(history, round, "CATEGORIZE", "分类汇总", "STEWARD", DistrictPlan.steward(c), verifiedAt, categorizedAt);
			if (common) {
				scope = "COMMON";
				history.add(entry(round, "CATEGORIZE", "进入需求池，等待统筹设计项目", "STEWARD", "system", categorizedAt.plusSeconds(1)));
				project = joinProject(c, categorizedAt, category);
				ProjectLife life = projectLives.get(project);
				history.add(entry(round, "DESIGN", "纳入服务项目 #" + project + "「" + life.title + "」", "STEWARD",
						DistrictPlan.steward(c), max(life.createdAt, categorizedAt.plusSeconds(2))));
				for (String[] e : life.needHistory(round)) {
					history.add(e);
				}
				closedAt = max(life.closedAt, categorizedAt.plusSeconds(3));
				boolean satisfied = !life.failed;
				score = satisfied ? 3 + random.nextInt(3) : 1 + random.nextInt(2);
				evaluatedAt = closedAt.minusSeconds(60);
				outcome = satisfied ? Outcome.RESOLVED : Outcome.UNRESOLVED;
				history.add(entry(round, "EVALUATE", "项目评估结论：" + (satisfied ? "满意" : "不满意，项目终止"), null, "system",
						closedAt.minusSeconds(1)));
				life.needIds.add(id);
				life.scores.add(score);
				if (openProjectRoom[c] == 0) {
					writeProject(projectLives.remove(project));
				}
			}
			else {
				scope = "INDIVIDUAL";
				Instant resolved = categorizedAt.plusSeconds(3600 + random.nextInt((recent ? 2 : 10) * 24 * 3600));
				step(history, round, "IMPLEMENT", "办理个人需求", resolveLine.name(), lineUser(resolveLine, c), categorizedAt,
						resolved);
				evaluatedAt = resolved.plusSeconds(600 + random.nextInt((recent ? 1 : 7) * 24 * 3600));
				boolean byReporter = random.nextInt(100) < 70;
				step(history, round, "EVALUATE", "居民确认", byReporter ? null : "STEWARD",
						byReporter ? reporterUser : DistrictPlan.steward(c), resolved, evaluatedAt);
				score = pick(new Integer[] { 1, 2, 3, 4, 5 }, 3, 4, 10, 33, 50);
				outcome = score <= 2 && round == 3 ? Outcome.UNRESOLVED : Outcome.RESOLVED;
				if (score <= 2 && round < 3) {
					score = 4; // an unsatisfied rating reopens the need; this closed one ended satisfied
				}
				closedAt = evaluatedAt.plusSeconds(1);
			}
			phase = Phase.EVALUATE;
			history.add(entry(round, "EVALUATE", "办结：" + label(outcome), null, "system", closedAt));
		}
		Line line = verdict != VerificationVerdict.GENUINE ? Line.STEWARD : common ? Line.SOCIAL_ORGANIZATION : resolveLine;
		add("need", "(id, process_instance_id, community_code, grid_code, channel, title, description, reporter_name,"
				+ " reporter_phone, reporter_user, household_count, status, phase, line, category, urgency, scope,"
				+ " proposed_category, proposed_urgency, proposed_scope, proposed_line, pooled, project_id, duplicate_of_id,"
				+ " outcome, round, verification_verdict, verification_note, resolution_note, need_score,"
				+ " confirmation_comment, reported_at, verification_due_at, verified_at, categorized_at, evaluated_at,"
				+ " closed_at, version)",
				Long.toString(id), "null", q(community), q(grid), q(channel.name()), q(title),
				q(title + "，" + (grid == null ? "" : "网格 " + grid + "，") + "请社区帮助解决。"), q(reporterName), q(phone),
				q(reporterUser), common ? Integer.toString(5 + random.nextInt(60)) : "null", q("CLOSED"), q(phase.name()),
				q(line.name()), q(category == null ? null : category.name()),
				q(category == null ? null : urgency.name()), q(scope), q(category == null ? null : category.name()),
				q(category == null ? null : urgency.name()), q(scope), q(category == null ? null : line.name()),
				common ? "1" : "0", project == null ? "null" : project.toString(),
				verdict == VerificationVerdict.DUPLICATE && id > 1 ? Long.toString(Math.max(1, id - 1 - random.nextInt(50)))
						: "null",
				q(outcome.name()), Integer.toString(round), q(verdict.name()), q(verificationNote(verdict)),
				q(common || category == null ? null : "已上门处理，" + title + "问题已解决"), score == null ? "null" : score.toString(),
				q(score == null ? null : score >= 4 ? "满意，谢谢社区" : "还有些问题"), t(reportedAt), t(verificationDue),
				t(verifiedAt), t(categorizedAt), t(evaluatedAt), t(closedAt), "3");
		for (String[] e : history) {
			add("need_history", "(id, need_id, round, phase, activity, line, actor, at)", Long.toString(++historyId),
					Long.toString(id), e[0], q(e[1]), q(e[2]), q(e[3]), q(e[4]), e[5]);
		}
		notification(null, "steward:" + community, "新的待办：核实民需", "民需 #" + id + " " + title, id, null, reportedAt,
				verifiedAt);
		notification(reporterUser, null, "您的民需已办结：" + label(outcome), "民需 #" + id + " " + title, id, null, closedAt,
				random.nextInt(100) < 80 ? closedAt.plusSeconds(3600 + random.nextInt(86400)) : null);
	}

	private Instant step(List<String[]> history, int round, String phase, String task, String line, String actor,
			Instant from, int hours) {
		Instant done = from.plusSeconds(hours * 3600L + random.nextInt(3600));
		step(history, round, phase, task, line, actor, from, done);
		return done;
	}

	private void step(List<String[]> history, int round, String phase, String task, String line, String actor,
			Instant from, Instant done) {
		history.add(entry(round, phase, task + " · 待办", line, null, from.plusSeconds(1)));
		history.add(entry(round, phase, task + " · 完成", line, actor, done));
	}

	private String[] entry(int round, String phase, String activity, String line, String actor, Instant at) {
		return new String[] { Integer.toString(round), phase, activity, line, actor, t(at) };
	}

	// ---------------------------------------------------------------- projects

	private final Map<Long, ProjectLife> projectLives = new HashMap<>();

	private final class ProjectLife {

		final long id;

		final int community;

		final Category category;

		final String title;

		final Instant createdAt;

		final Instant publishedAt;

		final Instant claimedAt;

		final Instant completedAt;

		final Instant closedAt;

		final boolean failed;

		final int organization;

		final List<Long> needIds = new ArrayList<>();

		final List<Integer> scores = new ArrayList<>();

		final boolean consultation;

		ProjectLife(long id, int community, Category category, Instant firstCategorized) {
			this.id = id;
			this.community = community;
			this.category = category;
			String[] titles = TITLES.get(category);
			this.title = titles[random.nextInt(titles.length)].replaceAll("^(.{2,8}).*$", "$1") + "服务项目";
			this.createdAt = firstCategorized.plusSeconds(3 * 86400 + random.nextInt(4 * 86400));
			this.consultation = random.nextInt(100) < 12;
			this.publishedAt = createdAt.plusSeconds((consultation ? 20 : 2) * 86400L + random.nextInt(3 * 86400));
			this.claimedAt = publishedAt.plusSeconds(3600 + random.nextInt(9 * 86400));
			this.completedAt = claimedAt.plusSeconds(15 * 86400L + random.nextInt(60 * 86400));
			this.closedAt = completedAt.plusSeconds(86400 + random.nextInt(13 * 86400));
			this.failed = random.nextInt(100) < 6;
			this.organization = 1 + random.nextInt(DistrictPlan.ORGANIZATIONS);
		}

		List<String[]> needHistory(int round) {
			String org = DistrictPlan.organizationUser(organization);
			String steward = DistrictPlan.steward(community);
			List<String[]> h = new ArrayList<>();
			if (consultation) {
				h.add(entry(round, "DESIGN", "提交社区协商 #" + (consultationIdOf(id)), "SELF_GOVERNANCE", "system",
						createdAt.plusSeconds(5)));
			}
			step(h, round, "DESIGN", "党组织审批", "PARTY", DistrictPlan.party(community), publishedAt.minusSeconds(86400),
					publishedAt.minusSeconds(60));
			step(h, round, "IMPLEMENT", "认领项目", "SOCIAL_ORGANIZATION", org, publishedAt, claimedAt);
			h.add(entry(round, "IMPLEMENT", "承接方开始实施", "SOCIAL_ORGANIZATION", org, claimedAt.plusSeconds(1)));
			step(h, round, "IMPLEMENT", "完成实施", "SOCIAL_ORGANIZATION", org, claimedAt.plusSeconds(2), completedAt);
			step(h, round, "EVALUATE", "社区评价承接方", "STEWARD", steward, completedAt, completedAt.plusSeconds(86400));
			return h;
		}
	}

	private final Map<Long, Long> consultations = new HashMap<>();

	private long consultationIdOf(long project) {
		return consultations.computeIfAbsent(project, p -> ++consultationId);
	}

	private long joinProject(int c, Instant categorizedAt, Category category) throws SQLException {
		if (openProjectRoom[c] == 0) {
			long id = ++projectId;
			ProjectLife life = new ProjectLife(id, c, category, categorizedAt);
			projectLives.put(id, life);
			openProject[c] = id;
			openProjectRoom[c] = 2 + random.nextInt(3);
			openProjectStart[c] = categorizedAt;
		}
		openProjectRoom[c]--;
		return openProject[c];
	}

	private void flushProjects() throws SQLException {
		for (ProjectLife life : List.copyOf(projectLives.values())) {
			writeProject(life);
		}
		projectLives.clear();
	}

	private void writeProject(ProjectLife p) throws SQLException {
		String community = DistrictPlan.community(p.community);
		int households = 10 + random.nextInt(80);
		long budget = 5_000 + random.nextInt(60) * 1000L;
		boolean publicAffairs = p.consultation || random.nextInt(100) < 10;
		Long consultation = p.consultation ? consultationIdOf(p.id) : null;
		String org = DistrictPlan.organization(p.organization);
		String orgUser = DistrictPlan.organizationUser(p.organization);
		add("service_project", "(id, process_instance_id, community_code, title, goal, plan, category, budget_yuan,"
				+ " household_count, public_affairs, planned_end, status, approval_note, claimant_code, implementer_user,"
				+ " claim_deadline, published_at, claimed_at, claimed_in_time, completed_at, completion_report,"
				+ " rectification_report, evaluation_round, verdict, created_by, created_at, closed_at, version,"
				+ " consultation_id, consultation_note)",
				Long.toString(p.id), "null", q(community), q(p.title), q("解决" + p.needIds.size() + " 项同类民需：" + p.title),
				q("入户走访、集中服务、定期回访三个阶段实施。"), q(p.category.name()), budget + ".00", Integer.toString(households),
				publicAffairs ? "1" : "0",
				q(LocalDateTime.ofInstant(p.completedAt.plusSeconds(random.nextInt(20 * 86400) - 5 * 86400L), ZoneOffset.UTC)
					.toLocalDate()
					.toString()),
				q(p.failed ? "FAILED" : "CLOSED"), q("同意实施"), q(org), q(orgUser), t(p.publishedAt.plus(Duration.ofDays(7))),
				t(p.publishedAt), t(p.claimedAt), Duration.between(p.publishedAt, p.claimedAt).toDays() < 7 ? "1" : "0",
				t(p.completedAt), q("项目按计划实施完成，服务 " + households + " 户。"), "null", "1",
				q(p.failed ? "FAILED" : "SATISFIED"), q(DistrictPlan.steward(p.community)), t(p.createdAt), t(p.closedAt),
				"6", consultation == null ? "null" : consultation.toString(), "null");
		int milestones = 2 + random.nextInt(3);
		for (int m = 0; m < milestones; m++) {
			Instant at = p.claimedAt.plus(Duration.between(p.claimedAt, p.completedAt).multipliedBy(m + 1).dividedBy(milestones + 1));
			add("project_milestone", "(project_id, idx, title, note, social_workers, volunteers, reported_by, reported_at)",
					Long.toString(p.id), Integer.toString(m), q("第" + (m + 1) + "阶段"), q("已完成第" + (m + 1) + "阶段服务"),
					Integer.toString(1 + random.nextInt(4)), Integer.toString(random.nextInt(12)), q(orgUser), t(at));
		}
		Instant rated = p.completedAt.plusSeconds(86400);
		for (int n = 0; n < p.needIds.size(); n++) {
			evaluation(p.id, p.needIds.get(n), "RESIDENT", p.scores.get(n), DistrictPlan.steward(p.community), rated);
		}
		evaluation(p.id, null, "COMMUNITY", p.failed ? 2 : 4 + random.nextInt(2), DistrictPlan.steward(p.community), rated);
		evaluation(p.id, null, "IMPLEMENTER", 4 + random.nextInt(2), orgUser, rated);
		notification(orgUser, null, "项目已发布，可认领", "项目 #" + p.id + " " + p.title, null, p.id, p.publishedAt, p.claimedAt);
		notification(null, "party:" + community, "新的待办：党组织审批", "项目 #" + p.id + " " + p.title, null, p.id,
				p.publishedAt.minusSeconds(86400), p.publishedAt);
		if (consultation != null) {
			writeConsultation(consultation, p);
		}
	}

	private void evaluation(long project, Long need, String perspective, int score, String rater, Instant at)
			throws SQLException {
		add("evaluation", "(id, project_id, need_id, perspective, evaluation_round, score, comment, rater, created_at)",
				Long.toString(++evaluationId), Long.toString(project), need == null ? "null" : need.toString(), q(perspective),
				"1", Integer.toString(score), q(score >= 4 ? "服务到位" : "仍需改进"), q(rater), t(at));
	}

	private void writeConsultation(long id, ProjectLife p) throws SQLException {
		String community = DistrictPlan.community(p.community);
		Instant created = p.createdAt.plusSeconds(5);
		Instant meeting = created.plus(Duration.ofDays(8));
		Instant concluded = meeting.plusSeconds(7200);
		Instant applied = p.publishedAt.minusSeconds(3600);
		add("consultation", "(id, process_instance_id, community_code, topic, topic_type, description, project_id,"
				+ " proposed_by, status, in_catalog, catalog_reason, consultation_level, required_kinds, notice_days,"
				+ " publicity_days, round, result, result_reason, publicity_ends_at, application_report, applied_by,"
				+ " applied_at, reported_back_at, concluded_at, closed_at, created_at, version)",
				Long.toString(id), "null", q(community), q(p.title + " 协商"), q("SERVICE_PROJECT"), q("涉及公共事务的服务项目"),
				Long.toString(p.id), q(DistrictPlan.steward(p.community)), q("APPLIED"), "1", q("服务项目涉及公共事务"),
				q("COMMUNITY"), q("RESIDENT_REPRESENTATIVE,PARTY_MEMBER,STAKEHOLDER"), "5", "5", "1", q("AGREED"),
				q("到会过半数同意"), t(concluded.plus(Duration.ofDays(7))), q("协商结果已运用于项目设计"),
				q(DistrictPlan.selfgov(p.community)), t(applied), t(applied.plusSeconds(60)), t(concluded),
				t(applied.plusSeconds(60)), t(created), "8");
		String[] kinds = { "RESIDENT_REPRESENTATIVE", "RESIDENT_REPRESENTATIVE", "PARTY_MEMBER", "STAKEHOLDER", "PROPERTY_COMPANY" };
		for (int i = 0; i < kinds.length; i++) {
			add("consultation_participant", "(consultation_id, idx, name, kind)", Long.toString(id), Integer.toString(i),
					q(person()), q(kinds[i]));
		}
		add("consultation_round", "(consultation_id, idx, round_no, agenda, meeting_at, published_by, published_at,"
				+ " attendees, opinions, votes_for, votes_against, votes_abstain, recorded_by, recorded_at, result, reason)",
				Long.toString(id), "0", "1", q("议题：" + p.title), t(meeting), q(DistrictPlan.selfgov(p.community)),
				t(created.plus(Duration.ofDays(1))), "5", q("多数赞成"), "4", "1", "0", q(DistrictPlan.selfgov(p.community)),
				t(concluded), q("AGREED"), q("到会过半数同意"));
		String[][] h = { { "登记议题，对照协商目录", "system" }, { "列入协商目录（COMMUNITY）：服务项目涉及公共事务", "system" },
				{ "确定协商主体 5 名", DistrictPlan.selfgov(p.community) }, { "发布第 1 轮协商议程", DistrictPlan.selfgov(p.community) },
				{ "记录第 1 轮协商会议：到会 5 人，同意 4", DistrictPlan.selfgov(p.community) }, { "第 1 轮协商结果：同意。", "system" },
				{ "公示期满无异议，协商结果生效", "system" }, { "提交成果运用报告", DistrictPlan.selfgov(p.community) } };
		for (int i = 0; i < h.length; i++) {
			Instant at = i < 3 ? created.plusSeconds(i * 3600L) : i < 6 ? concluded.minusSeconds((6 - i) * 60L)
					: applied.minusSeconds((8 - i) * 60L);
			add("consultation_history", "(consultation_id, idx, activity, actor, at)", Long.toString(id), Integer.toString(i),
					q(h[i][0]), q(h[i][1]), t(at));
		}
	}

	// ---------------------------------------------------------------- helpers

	private void notification(String user, String group, String title, String body, Long need, Long project,
			Instant at, Instant readAt) throws SQLException {
		add("notification", "(id, recipient_user, recipient_group, title, body, need_id, project_id, task_id, created_at, read_at)",
				Long.toString(++notificationId), q(user), q(group), q(title), q(body), need == null ? "null" : need.toString(),
				project == null ? "null" : project.toString(), "null", t(at), t(readAt));
	}

	private int skewedCommunity() {
		// a few large communities, many small ones
		double u = random.nextDouble();
		return (int) (Math.pow(u, 1.6) * plan.communities());
	}

	private String lineUser(Line line, int c) {
		return switch (line) {
			case PARTY -> DistrictPlan.party(c);
			case SELF_GOVERNANCE -> DistrictPlan.selfgov(c);
			default -> DistrictPlan.steward(c);
		};
	}

	private static String label(Outcome outcome) {
		return switch (outcome) {
			case RESOLVED -> "已解决";
			case NOT_GENUINE -> "经核实不属实";
			case DUPLICATE -> "与已有民需重复，已合并办理";
			case REFERRED -> "不属于社区职责，已转办";
			case UNRESOLVED -> "未能解决";
		};
	}

	private static String verificationNote(VerificationVerdict verdict) {
		return switch (verdict) {
			case GENUINE -> "上门核实，情况属实";
			case DUPLICATE -> "与已上报民需相同";
			case NOT_GENUINE -> "经核实情况不属实";
			case OUT_OF_SCOPE -> "属于供电公司职责，已告知居民并转办";
		};
	}

	private String person() {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
	}

	@SafeVarargs
	private <T> T pick(T[] values, int... weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	static String t(Instant instant) {
		return instant == null ? "null" : "'" + SQL_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'";
	}

	static String q(String value) {
		if (value == null) {
			return "null";
		}
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	private void add(String table, String columns, String... values) throws SQLException {
		Rows r = rows.computeIfAbsent(table, name -> new Rows(name, columns));
		r.add(values);
		counts.merge(table, 1L, Long::sum);
		if (r.size == ROWS_PER_STATEMENT) {
			r.flush(db);
		}
	}

	private void flushAll() throws SQLException {
		for (Rows r : rows.values()) {
			r.flush(db);
		}
	}

	/** One table's rows waiting for the next multi-row INSERT. */
	private static final class Rows {

		final String table;

		final String head;

		final StringBuilder sql = new StringBuilder(256 * 1024);

		int size;

		Rows(String table, String columns) {
			this.table = table;
			this.head = "insert into " + table + " " + columns + " values ";
		}

		void add(String[] values) {
			sql.append(size == 0 ? head : ",").append('(');
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					sql.append(',');
				}
				sql.append(values[i]);
			}
			sql.append(')');
			size++;
		}

		void flush(Writers db) throws SQLException {
			if (size == 0) {
				return;
			}
			db.submit(table, sql.toString());
			sql.setLength(0);
			size = 0;
		}
	}
}
