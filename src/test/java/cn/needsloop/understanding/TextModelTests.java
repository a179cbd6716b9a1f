package cn.needsloop.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the shipped model makes of the needs the issue names (none of these sentences is in the corpus). */
class TextModelTests {

	private static final TextModel MODEL = TextModels.shipped();

	@Test
	void aNeighbourJumpingAtNightIsANeighbourDisputeAndTheStewardSeesWhy() {
		Understanding u = MODEL.understand("楼上天天半夜蹦跶");
		assertThat(u.category()).isEqualTo("NEIGHBOR_DISPUTE");
		assertThat(u.urgent()).isFalse();
		assertThat(u.decisiveWords()).isNotEmpty().allSatisfy(w -> assertThat("楼上天天半夜蹦跶").contains(w));
		assertThat(u.modelVersion()).isEqualTo(TextModels.SHIPPED_VERSION);
	}

	@ParameterizedTest(name = "{0} -> {1}, URGENT")
	@CsvSource({
			"这两天总想着从楼顶跳下去一了百了, MENTAL_HEALTH",
			"老想着跳下去, MENTAL_HEALTH",
			"一楼过道里有人拉了根线给电瓶车充电, SAFETY",
			"三单元门口闻到好大一股煤气味, SAFETY",
			"东边那条路上的窨井盖不见了，黑咕隆咚的, FACILITIES",
			"村西头刘婶家的土坯房墙裂了，她还住在里头, SAFETY",
			"独居的孙奶奶好几天没见着人了，敲门也没人应, ELDERLY_CARE" })
	void dangerToLifeIsUrgentWhateverTheCategory(String text, String category) {
		Understanding u = MODEL.understand(text);
		assertThat(u.urgent()).as("urgent: %s", text).isTrue();
		assertThat(u.urgencyWords()).isNotEmpty();
		assertThat(u.category()).isEqualTo(category);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"留守的孙子跟着我们老两口过，作业我们辅导不了, CHILD_CARE",
			"我们退休职工的舞蹈队想找个地方排练, CULTURE_SPORTS",
			"楼下地下室的水管爆了，水已经漫到台阶了, FACILITIES",
			"有人把电动车推到楼梯间里充电, SAFETY" })
	void whatHasToBeDoneDecidesNotWhoIsAffected(String text, String category) {
		assertThat(MODEL.understand(text).category()).isEqualTo(category);
	}

	@Test
	void aQuietRequestIsNotUrgent() {
		assertThat(MODEL.understand("希望社区开个书法班，周末大家一起练练字").urgent()).isFalse();
	}
}
