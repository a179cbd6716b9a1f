package cn.needsloop.demo;

import cn.needsloop.shared.ChinaTime;
import cn.needsloop.process.Accounts;
import cn.needsloop.process.AccessBootstrap;
import cn.needsloop.shared.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.needsloop.community.Communities;
import cn.needsloop.community.Community;
import cn.needsloop.community.Grid;
import cn.needsloop.community.Grids;
import cn.needsloop.field.GridMemberService;
import cn.needsloop.field.HouseholdService;
import cn.needsloop.field.HouseholdRequests.SaveHousehold;
import cn.needsloop.design.ProjectRequests.DesignProject;
import cn.needsloop.design.ProjectService;
import cn.needsloop.community.Organization;
import cn.needsloop.community.Organizations;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.intake.Need;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Resolve;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.intake.NeedService;
import cn.needsloop.intake.Needs;
import cn.needsloop.intake.Scope;
import cn.needsloop.shared.Urgency;
import cn.needsloop.intake.VerificationVerdict;
import cn.needsloop.process.TimeLimits;

/**
 * Demo users (password {@code demo}), two communities, organisations and, on an empty database, a
 * handful of needs in different phases. Active with the {@code demo} profile only, which nothing
 * turns on by itself except {@code ./mvnw spring-boot:run} (pom.xml); while demo users exist every
 * page says so ({@link DemoAccounts}). Two nodes started at the same moment seed once: every application runner
 * runs under the database's start lock ({@link cn.needsloop.cluster.StartLock}), so the second node finds the
 * users, reference data and sample needs there and adds nothing.
 */
@Component
@Profile("demo")
@Order(5)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo";

	/** The demo administrator, created by Camunda from {@code camunda.bpm.admin-user} in application-demo.yml. */
	static final String ADMIN = "admin1";

	record DemoUser(String id, String name, List<String> groups) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("steward1", "王芳", List.of("steward:xingfu")),
			new DemoUser("steward2", "陈刚", List.of("steward:dongshan")),
			new DemoUser("lead1", "周建华", List.of("steward:xingfu", "steward-lead:xingfu")),
			new DemoUser("party1", "李强", List.of("party:xingfu")),
			new DemoUser("selfgov1", "张华", List.of("selfgov:xingfu")),
			new DemoUser("org1", "阳光社工服务中心", List.of("socialorg")),
			new DemoUser("org2", "爱心志愿者协会", List.of("socialorg")),
			new DemoUser("manager1", "赵敏", List.of("manager")),
			new DemoUser("resident1", "刘秀英", List.of("resident")),
			new DemoUser("dept1", "市民政局", List.of("department")),
			new DemoUser("grid1", "孙丽", List.of("grid:xingfu-01")),
			new DemoUser("grid2", "周强", List.of("grid:xingfu-02")),
			new DemoUser("grid3", "马红", List.of("grid:dongshan-01")));

	static final Map<String, String> GROUPS = Map.ofEntries(Map.entry("steward:xingfu", "幸福社区民需管家"),
			Map.entry("steward:dongshan", "东山村民需管家"), Map.entry("steward-lead:xingfu", "幸福社区民需管家站长"),
			Map.entry("steward-lead:dongshan", "东山村民需管家站长"), Map.entry("party:xingfu", "幸福社区党组织"),
			Map.entry("party:dongshan", "东山村党组织"), Map.entry("selfgov:xingfu", "幸福社区居委会"),
			Map.entry("selfgov:dongshan", "东山村村委会"), Map.entry("socialorg", "社会组织"),
			Map.entry("manager", "街道管理人员"), Map.entry("resident", "居民"), Map.entry("department", "市直部门"),
			Map.entry("grid:xingfu-01", "幸福社区第一网格网格员"), Map.entry("grid:xingfu-02", "幸福社区第二网格网格员"),
			Map.entry("grid:dongshan-01", "东山村一组网格员"));

	private final Accounts accounts;

	private final AccessBootstrap access;

	private final Communities communities;

	private final Grids grids;

	private final Organizations organizations;

	private final Needs needs;

	private final NeedService needService;

	private final ProjectService projectService;

	private final TransactionTemplate transaction;

	private final boolean sampleNeeds;

	private final GridMemberService gridMembers;

	private final HouseholdService households;

	DemoData(Accounts accounts, AccessBootstrap access, Communities communities, Grids grids,
			Organizations organizations, Needs needs, NeedService needService, ProjectService projectService,
			TransactionTemplate transaction, @Value("${needsloop.demo.sample-needs:true}") boolean sampleNeeds,
			GridMemberService gridMembers, HouseholdService households) {
		this.gridMembers = gridMembers;
		this.households = households;
		this.accounts = accounts;
		this.access = access;
		this.communities = communities;
		this.grids = grids;
		this.organizations = organizations;
		this.needs = needs;
		this.needService = needService;
		this.projectService = projectService;
		this.transaction = transaction;
		this.sampleNeeds = sampleNeeds;
	}

	@Override
	public void run(ApplicationArguments args) {
		users();
		transaction.executeWithoutResult(status -> referenceData());
		transaction.executeWithoutResult(status -> fieldData());
		if (sampleNeeds && needs.count() == 0) {
			sampleNeeds();
		}
	}

	private void users() {
		GROUPS.forEach((id, name) -> {
			accounts.ensureGroup(id, name);
			access.grantDefaults(id);
		});
		for (DemoUser demo : USERS) {
			accounts.ensureAccount(demo.id(), demo.name(), PASSWORD, demo.id() + "@demo.needsloop.cn", demo.groups());
		}
	}

	private void referenceData() {
		if (!communities.existsById("xingfu")) {
			communities.save(new Community("xingfu", "幸福社区", Community.Kind.URBAN));
			communities.save(new Community("dongshan", "东山村", Community.Kind.RURAL));
			grids.save(new Grid("xingfu-01", "xingfu", "幸福社区第一网格"));
			grids.save(new Grid("xingfu-02", "xingfu", "幸福社区第二网格"));
			grids.save(new Grid("dongshan-01", "dongshan", "东山村一组"));
		}
		if (!organizations.existsById("yangguang")) {
			organizations.save(new Organization("yangguang", "阳光社工服务中心", Organization.Kind.SOCIAL_ORGANIZATION, "org1",
					EnumSet.of(Category.ELDERLY_CARE, Category.DISABILITY_SUPPORT, Category.MENTAL_HEALTH)));
			organizations.save(new Organization("aixin", "爱心志愿者协会", Organization.Kind.SOCIAL_ORGANIZATION, "org2",
					EnumSet.of(Category.ELDERLY_CARE, Category.ENVIRONMENT, Category.CULTURE_SPORTS)));
			organizations.save(new Organization("xingfu-party-team", "幸福社区党员志愿服务队",
					Organization.Kind.PARTY_VOLUNTEER_TEAM, "party1", EnumSet.noneOf(Category.class)));
		}
	}

	/** A grid worker for each grid, and a few households in each grid's register (none visited yet: all due). */
	private void fieldData() {
		gridMembers.register("xingfu-01", "grid1", "system");
		gridMembers.register("xingfu-02", "grid2", "system");
		gridMembers.register("dongshan-01", "grid3", "system");
		if (households.isEmpty()) {
			Actor steward1 = actor("steward1");
			households.save("xingfu", new SaveHousehold("xingfu-01", "3", "2", "301", null, null, "王秀兰", "13800000011",
					"独居老人、低保"), steward1);
			households.save("xingfu", new SaveHousehold("xingfu-01", "3", "1", "102", null, null, "李建国", "13800000012",
					"空巢"), steward1);
			households.save("xingfu", new SaveHousehold("xingfu-01", "5", "1", "201", null, null, "赵小红", "13800000013",
					"残疾"), steward1);
			households.save("xingfu", new SaveHousehold("xingfu-02", "7", "2", "401", null, null, "周敏", "13800000003",
					"军属"), steward1);
			households.save("xingfu", new SaveHousehold("xingfu-02", "7", "1", "301", null, null, "孙立", "13800000002",
					null), steward1);
			households.save("dongshan", new SaveHousehold("dongshan-01", null, null, null, "东山村一组", "12", "马大山", null,
					"留守儿童"), actor("steward2"));
			households.save("dongshan", new SaveHousehold("dongshan-01", null, null, null, "东山村一组", "15", "马建国",
					"13700000001", "独居老人"), actor("steward2"));
		}
	}

	/** A need at each stage of the loop, moved there through the same services the API uses. */
	private void sampleNeeds() {
		Actor steward = actor("steward1");
		Actor resident = actor("resident1");
		Actor selfgov = actor("selfgov1");
		transaction.executeWithoutResult(status -> {
			needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.ONLINE, "楼道路灯坏了三天",
					"3号楼2单元楼道路灯不亮，老人夜里上下楼不安全。", "刘秀英", "13800000001", 1), resident);
			Need verified = needService.report(new ReportNeed("xingfu", "xingfu-02", Channel.STEWARD_STATION,
					"邻居家空调滴水噪音扰民", "5号楼空调外机滴水并有噪音，多次沟通未果，希望社区调解。", "孙立", "13800000002", 1), steward);
			needService.verify(verified.getId(), new Verify(VerificationVerdict.GENUINE, null, "已上门核实，情况属实"), steward);
			Need resolving = needService.report(new ReportNeed("xingfu", "xingfu-02", Channel.SELF_GOVERNANCE,
					"楼上漏水影响邻居", "7号楼401漏水至301，双方协商未果。", "周敏", "13800000003", 1), steward);
			needService.verify(resolving.getId(), new Verify(VerificationVerdict.GENUINE, null, "网格员已核实"), steward);
			needService.classify(resolving.getId(), new Classify(Category.NEIGHBOR_DISPUTE, Urgency.NORMAL, Scope.INDIVIDUAL),
					steward);
			Need resolved = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.PARTY, "邻里噪音纠纷",
					"楼下广场舞音响声音太大，影响休息。", "吴刚", "13800000004", 1), steward);
			needService.verify(resolved.getId(), new Verify(VerificationVerdict.GENUINE, null, "已电话核实"), steward);
			needService.classify(resolved.getId(), new Classify(Category.NEIGHBOR_DISPUTE, Urgency.NORMAL, Scope.INDIVIDUAL),
					steward);
			needService.resolve(resolved.getId(), new Resolve("居委会约谈双方，约定晚八点后关闭音响"), selfgov);
			Long[] pooled = new Long[3];
			String[][] meals = { { "独居老人吃饭难", "2号楼独居老人王大爷行动不便，希望社区提供助餐服务。" },
					{ "希望开办老年助餐点", "小区高龄老人多，子女不在身边，希望有老年食堂。" },
					{ "老人午餐没人管", "社区空巢老人较多，中午吃饭成问题。" } };
			for (int i = 0; i < meals.length; i++) {
				Need need = needService.report(new ReportNeed("xingfu", "xingfu-01", Channel.STEWARD_STATION, meals[i][0],
						meals[i][1], "居民" + (i + 1), "1390000000" + i, 5), steward);
				needService.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "入户走访核实"), steward);
				needService.classify(need.getId(), new Classify(Category.ELDERLY_CARE, Urgency.HIGH, Scope.COMMON), steward);
				pooled[i] = need.getId();
			}
			LocalDate end = TimeLimits.nowInstant().atZone(ChinaTime.ZONE).toLocalDate().plusMonths(3);
			projectService.design(new DesignProject("xingfu", "幸福社区老年助餐点", "为独居、高龄老人提供午餐助餐服务",
					"依托社区党群服务中心开设助餐点，工作日供应午餐，行动不便老人由志愿者送餐上门。", Category.ELDERLY_CARE,
					List.of(pooled[0], pooled[1]), new BigDecimal("30000"), 20, false, end,
					List.of("场地改造与设备采购", "试运营一个月", "正式运营与满意度回访")), steward);
			needService.report(new ReportNeed("dongshan", "dongshan-01", Channel.ONE_WINDOW, "村里垃圾清运不及时",
					"东山村一组垃圾点三天未清运，气味很大。", "马建国", "13700000001", 12), actor("steward2"));
		});
	}

	private Actor actor(String userId) {
		return USERS.stream().filter(u -> u.id().equals(userId)).findFirst()
			.map(u -> new Actor(u.id(), u.groups())).orElseThrow();
	}
}
