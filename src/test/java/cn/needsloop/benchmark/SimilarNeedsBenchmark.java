package cn.needsloop.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.needsloop.intake.SimilarNeedIndex;
import cn.needsloop.understanding.NeedSimilarity;

/**
 * The suggestion call with 100,000 open needs in one community, on MariaDB/MySQL at 127.0.0.1:3306 (a database of its
 * own, dropped after): the needs are written for 300 buildings of 6 units and 40 kinds of problem in several wordings
 * (half of them with a sentence of the labelled corpus besides),
 * indexed as the V42 migration indexes open needs, then 300 drafts (other wordings, other buildings) are looked up as
 * {@code POST /api/needs/similar} does after the text model's proposal: counts of the draft's terms, postings of its
 * rarest terms, full score of the best 40. A benchmark, not a test (the name does not end in Tests): run it with
 * {@code ./mvnw test -Dtest=SimilarNeedsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; the figures are printed
 * and recorded in docs/benchmarks.md.
 */
class SimilarNeedsBenchmark {

	static final int NEEDS = 100_000;

	static final int QUERIES = 300;

	private static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";

	private static final String OPTIONS = "?sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&serverTimezone=UTC&rewriteBatchedStatements=true";

	private static final String DATABASE = "similar_bench";

	/** Problems, each in a few wordings a resident might use: {0} is where. */
	private static final String[][] PROBLEMS = { { "{0}楼道灯坏了", "{0}的声控灯不亮，晚上上楼看不见", "{0}楼梯一片漆黑，灯坏了好久" },
			{ "{0}电梯又坏了", "{0}电梯三天两头停，老人下不了楼", "{0}电梯关人了" },
			{ "{0}楼道里有人给电动车充电", "{0}一楼飞线给电瓶车充电", "{0}电瓶车推进楼道充电" },
			{ "{0}门口垃圾没人清", "{0}垃圾桶满了好几天，臭得不行", "{0}垃圾清运不及时" },
			{ "{0}顶楼漏雨", "{0}屋顶漏水，天花板发霉", "{0}楼顶防水坏了" }, { "{0}楼上半夜蹦跶", "{0}楼上每天晚上跺脚拖椅子", "{0}楼上半夜打麻将" },
			{ "{0}消防通道被车堵了", "{0}后面的消防通道停满私家车", "{0}消防车道被占" }, { "{0}暖气不热", "{0}家里暖气冰凉，才十五度", "{0}供暖不达标" },
			{ "{0}下水道堵了", "{0}一楼返水，污水往外冒", "{0}污水管道堵塞" }, { "{0}门禁坏了", "{0}单元门关不上，陌生人随便进", "{0}门禁刷不开" },
			{ "{0}门口井盖没了", "{0}的井盖碎了，一踩就陷", "{0}井盖丢了，黑洞洞的" }, { "{0}流浪猫太多", "{0}地下室住了好多野猫，晚上叫", "{0}流浪猫扰民" },
			{ "{0}楼下烧烤油烟大", "{0}饭店油烟往楼上冒", "{0}底商油烟熏人" }, { "{0}外墙瓷砖往下掉", "{0}外墙皮脱落，下面有孩子玩", "{0}外墙掉砖" },
			{ "{0}水压太低", "{0}高层白天没水", "{0}供水不足，洗澡都洗不了" }, { "{0}快递柜坏了", "{0}快递柜打不开", "{0}快递柜屏幕坏了取不了件" },
			{ "{0}车棚丢车", "{0}车棚电瓶被偷", "{0}自行车老被偷，想装监控" }, { "{0}树枝挡光", "{0}窗外的树该修剪了", "{0}大树枝碰到电线" },
			{ "{0}想加装电梯", "{0}老楼没有电梯，老人上下楼难", "{0}加装电梯的事" }, { "{0}停车位太少", "{0}晚上回来没地方停车", "{0}停车难" },
			{ "{0}楼道堆满杂物", "{0}对门把鞋柜放在楼道里", "{0}楼道被纸箱子占了" }, { "{0}装修噪音太大", "{0}中午有人打电钻", "{0}周末一早就砸墙" },
			{ "{0}有煤气味", "{0}楼道里燃气味很浓", "{0}好像有人家漏气了" }, { "{0}楼上漏水到我家", "{0}楼上卫生间渗水，楼上不管", "{0}天花板滴水，楼上不肯修" },
			{ "{0}手机没信号", "{0}屋里信号太差", "{0}打电话要跑到楼下" }, { "{0}扶手松了", "{0}楼梯扶手晃得厉害", "{0}扶手断了老人不敢扶" },
			{ "{0}台阶碎了", "{0}门口台阶坏了容易绊倒", "{0}台阶缺了一块" }, { "{0}鸽子屎到处都是", "{0}楼顶有人养鸽子", "{0}鸽子太吵太脏" },
			{ "{0}狗叫扰民", "{0}邻居家狗天天叫", "{0}狗半夜叫个不停" }, { "{0}空调外机滴水", "{0}楼上空调水滴到我家窗台", "{0}空调外机噪音大" },
			{ "{0}路面坑坑洼洼", "{0}门口的路全是坑", "{0}路面破损下雨积水" }, { "{0}路灯不亮", "{0}门口路灯坏了", "{0}晚上路灯都不亮" },
			{ "{0}地下车库积水", "{0}车库进水了", "{0}地库排水不畅" }, { "{0}信报箱坏了", "{0}信箱锁坏了", "{0}报箱门掉了" },
			{ "{0}健身器材坏了", "{0}健身器材螺丝松了", "{0}秋千座掉了" }, { "{0}老鼠多", "{0}晚上老鼠乱窜", "{0}需要灭鼠" },
			{ "{0}蚊子太多", "{0}夏天蚊子多想消杀", "{0}积水招蚊子" }, { "{0}楼道窗户碎了", "{0}楼道玻璃窗破了", "{0}窗户玻璃掉下来了" },
			{ "{0}水管冻裂", "{0}水管爆了", "{0}自来水管漏水" }, { "{0}屋顶太阳能漏水", "{0}太阳能热水器漏水", "{0}楼顶太阳能管子裂了" } };

	private static final String[] EXTRAS = { "希望尽快处理", "找物业好几次了没人管", "老人孩子都不方便", "已经一个多星期了", "麻烦社区协调一下",
			"大家意见很大", "晚上尤其危险", "请派人来看看", "", "" };

	private static String place(Random random) {
		int building = 1 + random.nextInt(300);
		return random.nextBoolean() ? building + "号楼" : building + "号楼" + (1 + random.nextInt(6)) + "单元";
	}

	@Test
	void suggestionsWithOneHundredThousandOpenNeedsInACommunity() throws Exception {
		// -Dsimilar.bench.keep=true keeps the database after the run, -Dsimilar.bench.reuse=true times the kept one again
		boolean reuse = Boolean.getBoolean("similar.bench.reuse");
		if (!reuse) {
			try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + DATABASE);
				statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
			}
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(SERVER + DATABASE + OPTIONS);
		pool.setUsername("root");
		pool.setPassword("");
		pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		try {
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			Random random = new Random(13);
			Instant now = Instant.parse("2026-11-30T02:00:00Z");
			if (!reuse) {
				fill(pool, jdbc, random, now);
			}
			else {
				for (int i = 0; i < NEEDS; i++) {
					random.nextInt();
				}
			}
			time(jdbc, random, now);
		}
		finally {
			pool.close();
			if (!Boolean.getBoolean("similar.bench.keep")) {
				try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
						Statement statement = connection.createStatement()) {
					statement.execute("drop database if exists " + DATABASE);
				}
			}
		}
	}

	private static void fill(HikariDataSource pool, JdbcTemplate jdbc, Random random, Instant now) {
			Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
			jdbc.update("insert into community (code, name, kind) values ('bench', '基准社区', 'URBAN')");
			// residents write more than the problem: half the needs also carry a sentence of the labelled corpus
			List<String> sentences = cn.needsloop.understanding.Corpus.bundled().all().stream().map(t -> t.text()).toList();
			long started = System.nanoTime();
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < NEEDS; i++) {
				String[] problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
				String where = place(random);
				String title = problem[random.nextInt(problem.length)].replace("{0}", where);
				String description = problem[random.nextInt(problem.length)].replace("{0}", random.nextBoolean() ? where : "")
						+ "，" + EXTRAS[random.nextInt(EXTRAS.length)]
						+ (random.nextBoolean() ? "。" + sentences.get(random.nextInt(sentences.size())) : "");
				rows.add(new Object[] { title, description, "FACILITIES", "bench-0" + (1 + random.nextInt(4)),
						Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 180)))) });
				if (rows.size() == 5_000 || i == NEEDS - 1) {
					jdbc.batchUpdate("""
							insert into need (community_code, grid_code, channel, title, description, reporter_name,
							  reporter_phone, reporter_user, status, phase, pooled, round, reported_at, version, proposed_category)
							values ('bench', ?, 'ONLINE', ?, ?, '测试', '13800000000', 'resident1', 'OPEN', 'DISCOVER', false, 1, ?,
							  0, ?)""", rows.stream().map(r -> new Object[] { r[3], r[0], r[1], r[4], r[2] }).toList());
					rows.clear();
				}
			}
			System.out.printf("%nBENCHMARK %d open needs written in %.1f s%n", NEEDS, (System.nanoTime() - started) / 1e9);
			started = System.nanoTime();
			SimilarNeedIndex.indexOpenNeeds(jdbc);
			System.out.printf("BENCHMARK indexed in %.1f s: %d postings, %d terms counted%n",
					(System.nanoTime() - started) / 1e9, jdbc.queryForObject("select count(*) from need_term", Long.class),
					jdbc.queryForObject("select count(*) from need_term_count", Long.class));
	}

	private static void time(JdbcTemplate jdbc, Random random, Instant now) {
			SimilarNeedIndex index = new SimilarNeedIndex(jdbc);
			List<SimilarNeedIndex.Query> drafts = new ArrayList<>();
			for (int i = 0; i < QUERIES + 50; i++) {
				String[] problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
				String where = place(random);
				drafts.add(new SimilarNeedIndex.Query("bench", random.nextBoolean() ? null : "bench-01",
						problem[random.nextInt(problem.length)].replace("{0}", where),
						problem[random.nextInt(problem.length)].replace("{0}", "") + "，" + EXTRAS[random.nextInt(EXTRAS.length)],
						"FACILITIES", now, null));
			}
			for (int i = 0; i < 50; i++) {
				index.similar(drafts.get(i), NeedSimilarity.SUGGEST_FROM, 3);
			}
			double[] millis = new double[QUERIES];
			int offered = 0;
			for (int i = 0; i < QUERIES; i++) {
				long start = System.nanoTime();
				offered += index.similar(drafts.get(50 + i), NeedSimilarity.SUGGEST_FROM, 3).isEmpty() ? 0 : 1;
				millis[i] = (System.nanoTime() - start) / 1e6;
			}
			double[] sorted = millis.clone();
			Arrays.sort(sorted);
			System.out.printf("BENCHMARK suggestion call over %d open needs, %d drafts: mean %.1f ms, p50 %.1f ms, "
					+ "p95 %.1f ms, p99 %.1f ms, max %.1f ms; %d drafts were offered at least one need%n", NEEDS, QUERIES,
					Arrays.stream(millis).average().orElse(0), sorted[QUERIES / 2], sorted[(int) (QUERIES * 0.95)],
					sorted[(int) (QUERIES * 0.99)], sorted[QUERIES - 1], offered);
			var example = index.similar(drafts.get(50), NeedSimilarity.SUGGEST_FROM, 3);
			System.out.printf("BENCHMARK example: %s / %s -> %s%n", drafts.get(50).title(), drafts.get(50).description(),
					example.stream().map(f -> f.title() + " (" + Math.round(f.score().value() * 100) + ")").toList());
	}
}
