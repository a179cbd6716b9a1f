package cn.needsloop.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.community.Grid;
import cn.needsloop.intake.NeedRequests.Classify;
import cn.needsloop.intake.NeedRequests.ReportNeed;
import cn.needsloop.intake.NeedRequests.Verify;
import cn.needsloop.shared.Actor;
import cn.needsloop.shared.Category;
import cn.needsloop.shared.Channel;
import cn.needsloop.shared.ProblemException;
import cn.needsloop.shared.Urgency;
import cn.needsloop.support.AppContext;

/** 分类前补定网格: a steward gives a need reported without a grid one of its community's grids, before classification. */
@AppContext
class GridAssignmentTests {

	static final Actor STEWARD1 = new Actor("steward1", List.of("steward:xingfu"));

	static final Actor STEWARD2 = new Actor("steward2", List.of("steward:dongshan"));

	static final Actor RESIDENT = new Actor("resident1", List.of("resident"));

	@Autowired
	NeedService service;

	@Autowired
	Needs needs;

	@Autowired
	NeedHistory history;

	private Need reportWithoutGrid() {
		return service.report(new ReportNeed("xingfu", null, Channel.ONLINE, "小区路灯不亮", "小区里有一盏路灯不亮，晚上看不清路。",
				"张三", "13800000099", 1), RESIDENT);
	}

	@Test
	void theStewardGivesANeedWithoutAGridItsGridAndTheHistorySaysSo() {
		Need need = reportWithoutGrid();
		assertThat(service.gridChoices(need.getId(), STEWARD1)).extracting(Grid::getCode)
			.contains("xingfu-01", "xingfu-02").doesNotContain("dongshan-01");
		assertThat(service.gridChoices(need.getId(), RESIDENT)).isEmpty();
		assertThat(service.gridChoices(need.getId(), STEWARD2)).isEmpty();

		assertThatThrownBy(() -> service.assignGrid(need.getId(), "dongshan-01", STEWARD1))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldProblems())
				.extracting(ProblemException.FieldProblem::field).containsExactly("gridCode"));
		assertThatThrownBy(() -> service.assignGrid(need.getId(), "xingfu-01", STEWARD2)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.need.gridStewardOnly");
		assertThatThrownBy(() -> service.assignGrid(need.getId(), "xingfu-01", RESIDENT)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.need.gridStewardOnly");
		assertThat(needs.findById(need.getId()).orElseThrow().getGridCode()).isNull();

		service.assignGrid(need.getId(), " xingfu-01 ", STEWARD1);
		assertThat(needs.findById(need.getId()).orElseThrow().getGridCode()).isEqualTo("xingfu-01");
		assertThat(history.findByNeedIdOrderByAtAscIdAsc(need.getId())).anySatisfy(h -> {
			assertThat(h.getActivity()).startsWith("民需管家补定网格：");
			assertThat(h.getActor()).isEqualTo("steward1");
		});
		assertThat(service.gridChoices(need.getId(), STEWARD1)).isEmpty();
		assertThatThrownBy(() -> service.assignGrid(need.getId(), "xingfu-02", STEWARD1)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.need.hasGrid");
	}

	@Test
	void aClassifiedNeedKeepsItsMissingGrid() {
		Need need = reportWithoutGrid();
		service.verify(need.getId(), new Verify(VerificationVerdict.GENUINE, null, "已核实"), STEWARD1);
		service.classify(need.getId(), new Classify(Category.FACILITIES, Urgency.NORMAL, Scope.INDIVIDUAL), STEWARD1);
		assertThat(service.gridChoices(need.getId(), STEWARD1)).isEmpty();
		assertThatThrownBy(() -> service.assignGrid(need.getId(), "xingfu-01", STEWARD1)).isInstanceOf(ProblemException.class)
			.hasMessage("problem.need.gridTooLate");
	}
}
