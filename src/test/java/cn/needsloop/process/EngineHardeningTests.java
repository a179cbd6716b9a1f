package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.needsloop.support.Api;
import cn.needsloop.support.ApiTest;

/**
 * The engine's own switches ({@link EngineHardening}): whatever gets deployed, a decision table runs FEEL and
 * nothing else, no model runs a script, and no variable is stored that the engine could not read back. These
 * models are deployed directly, past the checks of the upload, to show the second wall holds on its own.
 */
class EngineHardeningTests extends ApiTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	DecisionService decisions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	private Deployment deployment;

	@AfterEach
	void undeploy() {
		if (deployment != null) {
			repository.deleteDeployment(deployment.getId(), true);
		}
	}

	private static String decision(String key, String outputAttributes, String output) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
				    id="definitions_%1$s" name="test" namespace="https://needsloop.cn/test">
				  <decision id="%1$s" name="test" camunda:historyTimeToLive="P1D">
				    <decisionTable id="table_%1$s">
				      <input id="input_%1$s"><inputExpression id="expression_%1$s" typeRef="string"><text>x</text></inputExpression></input>
				      <output id="output_%1$s" name="result" typeRef="string" />
				      <rule id="rule_%1$s">
				        <inputEntry id="in_%1$s"><text>-</text></inputEntry>
				        <outputEntry id="out_%1$s" %2$s><text>%3$s</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(key, outputAttributes, output);
	}

	@Test
	void aDecisionTableInJuelReachesNoBean() {
		String user = "pwned-" + Api.unique();
		String key = "juelDecision" + Math.abs(user.hashCode());
		deployment = repository.createDeployment()
			.addString("juel.dmn", decision(key, "expressionLanguage=\"juel\"",
					"${identityService.saveUser(identityService.newUser(\"" + user + "\"))}"))
			.deploy();

		assertThatThrownBy(() -> decisions.evaluateDecisionTableByKey(key, Map.of("x", "a")))
			.isInstanceOf(ProcessEngineException.class);
		assertThat(identity.createUserQuery().userId(user).count()).isZero();
	}

	@Test
	void aDecisionTableWithAScriptRunsNoScript() {
		String key = "scriptDecision" + Math.abs(Api.unique().hashCode());
		deployment = repository.createDeployment()
			.addString("script.dmn", decision(key, "expressionLanguage=\"javascript\"", "'ran'"))
			.deploy();

		assertThatThrownBy(() -> decisions.evaluateDecisionTableByKey(key, Map.of("x", "a")))
			.isInstanceOf(ProcessEngineException.class);
	}

	@Test
	void aDecisionTableInFeelStillRuns() {
		String key = "feelDecision" + Math.abs(Api.unique().hashCode());
		deployment = repository.createDeployment().addString("feel.dmn", decision(key, "", "\"FEEL\"")).deploy();

		Object result = decisions.evaluateDecisionTableByKey(key, Map.of("x", "a")).getSingleResult().getEntry("result");
		assertThat(result).isEqualTo("FEEL");
	}

	@Test
	void aProcessWithAScriptTaskDoesNotStart() {
		String key = "scriptProcess" + Math.abs(Api.unique().hashCode());
		deployment = repository.createDeployment()
			.addString("script.bpmn", """
					<?xml version="1.0" encoding="UTF-8"?>
					<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
					    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s"
					    targetNamespace="https://needsloop.cn/test">
					  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
					    <bpmn:startEvent id="start" />
					    <bpmn:sequenceFlow id="flow1" sourceRef="start" targetRef="script" />
					    <bpmn:scriptTask id="script" scriptFormat="javascript">
					      <bpmn:script>execution.setVariable("ran", true)</bpmn:script>
					    </bpmn:scriptTask>
					    <bpmn:sequenceFlow id="flow2" sourceRef="script" targetRef="end" />
					    <bpmn:endEvent id="end" />
					  </bpmn:process>
					</bpmn:definitions>
					""".formatted(key))
			.deploy();

		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("Can't find scripting engine");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void noVariableIsStoredThatCouldNotBeReadBack() {
		ProcessInstance instance = startedProcess();
		String deep = "[".repeat(20_000) + "]".repeat(20_000);

		assertThatThrownBy(() -> runtime.setVariable(instance.getId(), "deep", SpinValues.jsonValue(deep).create()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("at most 32 levels deep");
		assertThatThrownBy(() -> runtime.setVariable(instance.getId(), "notJson",
				Variables.serializedObjectValue("{\"a\":1} trailing")
					.serializationDataFormat(SerializationDataFormats.JSON)
					.objectTypeName("java.util.HashMap")
					.create()))
			.isInstanceOf(ProcessEngineException.class);
		assertThatThrownBy(() -> runtime.setVariable(instance.getId(), "gadget",
				Variables.serializedObjectValue("\"http://example.org\"")
					.serializationDataFormat(SerializationDataFormats.JSON)
					.objectTypeName("java.net.URL")
					.create()))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("java.net.URL");
		assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("deep", "notJson", "gadget");

		runtime.setVariable(instance.getId(), "shallow", SpinValues.jsonValue("{\"a\":[1,2,{\"b\":\"c\"}]}").create());
		assertThat(runtime.getVariableTyped(instance.getId(), "shallow").getValue().toString()).contains("\"b\"");
	}

	private ProcessInstance startedProcess() {
		String key = "waiting" + Math.abs(Api.unique().hashCode());
		deployment = repository.createDeployment()
			.addString("waiting.bpmn", """
					<?xml version="1.0" encoding="UTF-8"?>
					<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
					    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_%1$s"
					    targetNamespace="https://needsloop.cn/test">
					  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
					    <bpmn:startEvent id="start" />
					    <bpmn:sequenceFlow id="flow1" sourceRef="start" targetRef="wait" />
					    <bpmn:receiveTask id="wait" />
					  </bpmn:process>
					</bpmn:definitions>
					""".formatted(key))
			.deploy();
		return runtime.startProcessInstanceByKey(key);
	}
}
