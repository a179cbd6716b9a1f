package cn.needsloop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.needsloop.shared.Phase;

/**
 * The rules every model in {@code processes/} keeps, checked on the files themselves (no engine):
 * every user task has a Camunda Form that exists, a phase of the loop, a due date, the routing and
 * completion listeners; every service task calls a bean by a delegate expression and that bean
 * exists; decisions and called processes that are referred to exist; every flow node and sequence
 * flow is laid out in the diagram; every process sets its history time to live; no scripts. A model
 * that breaks one fails here with the element's id, before an engine or a modeler ever opens it.
 * (The lint rules themselves are run by bpmnlint in {@code .ci/run}.)
 */
class ProcessModelTests {

	private static final Path PROCESSES = Path.of("processes");

	private static final Path FORMS = Path.of("forms");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([a-zA-Z][a-zA-Z0-9]*)}$");

	private static final Pattern NAMED_COMPONENT = Pattern
			.compile("@(?:Component|Service|Named)\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");

	private static final Pattern BEAN_METHOD = Pattern.compile("@Bean\\s+(?:public\\s+|static\\s+)*\\S+\\s+(\\w+)\\s*\\(");

	private static List<BpmnModelInstance> models;

	private static Set<String> beans;

	private static Set<String> decisionIds;

	private static Set<String> processIds;

	private static Set<String> formIds;

	@BeforeAll
	static void readModels() throws IOException {
		models = new ArrayList<>();
		try (Stream<Path> files = Files.list(PROCESSES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
				models.add(Bpmn.readModelFromFile(file.toFile()));
			}
		}
		decisionIds = new HashSet<>();
		try (Stream<Path> files = Files.list(PROCESSES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
				Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)
					.forEach(d -> decisionIds.add(d.getId()));
			}
		}
		processIds = models.stream()
			.flatMap(m -> m.getModelElementsByType(Process.class).stream())
			.map(Process::getId)
			.collect(Collectors.toSet());
		formIds = new HashSet<>();
		Pattern formId = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
		try (Stream<Path> files = Files.list(FORMS)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
				String json = Files.readString(file);
				// the form's own id is the last top-level "id" (components come first in our files);
				// a form is named after its file, which the modeler keeps in step with its id
				String name = file.getFileName().toString().replace(".form", "");
				Matcher m = formId.matcher(json);
				while (m.find()) {
					if (m.group(1).equals(name)) {
						formIds.add(name);
					}
				}
			}
		}
		beans = new HashSet<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher named = NAMED_COMPONENT.matcher(source);
				while (named.find()) {
					beans.add(named.group(1));
				}
				Matcher method = BEAN_METHOD.matcher(source);
				while (method.find()) {
					beans.add(method.group(1));
				}
				if (source.matches("(?s).*@(Component|Service|Configuration)\\b(?!\\().*")) {
					String type = file.getFileName().toString().replace(".java", "");
					beans.add(Character.toLowerCase(type.charAt(0)) + type.substring(1));
				}
			}
		}
		assertThat(models).as("models in %s", PROCESSES).isNotEmpty();
	}

	@Test
	void everyProcessIsExecutableAndKeepsItsHistoryForALimitedTime() {
		List<String> problems = new ArrayList<>();
		for (BpmnModelInstance model : models) {
			for (Process process : model.getModelElementsByType(Process.class)) {
				if (!process.isExecutable()) {
					problems.add(process.getId() + ": not executable");
				}
				if (process.getCamundaHistoryTimeToLiveString() == null
						|| process.getCamundaHistoryTimeToLiveString().isBlank()) {
					problems.add(process.getId() + ": no historyTimeToLive");
				}
				if (process.getName() == null || process.getName().isBlank()) {
					problems.add(process.getId() + ": no name");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyUserTaskHasAFormAPhaseADueDateAndTheRoutingAndCompletionListeners() {
		Set<String> phases = Arrays.stream(Phase.values()).map(Enum::name).collect(Collectors.toSet());
		List<String> problems = new ArrayList<>();
		int tasks = 0;
		for (BpmnModelInstance model : models) {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				tasks++;
				String id = task.getId();
				if (task.getName() == null || task.getName().isBlank()) {
					problems.add(id + ": no name");
				}
				String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
				if (formRef == null) {
					problems.add(id + ": no camunda:formRef");
				}
				else if (!formIds.contains(formRef)) {
					problems.add(id + ": form " + formRef + " is not in forms/ (or its id differs from its file name)");
				}
				if (task.getCamundaFormKey() != null) {
					problems.add(id + ": a formKey beside the Camunda Form");
				}
				if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
					problems.add(id + ": no due date");
				}
				List<String> taskPhases = properties(task, "phase");
				if (taskPhases.size() != 1 || !phases.contains(taskPhases.get(0))) {
					problems.add(id + ": phase " + taskPhases + " is not one of " + new TreeSet<>(phases));
				}
				Collection<CamundaTaskListener> listeners = task.getExtensionElements() == null ? List.of()
						: task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
				if (listeners.stream().noneMatch(l -> "create".equals(l.getCamundaEvent())
						&& "${taskRoutingListener}".equals(l.getCamundaDelegateExpression()))) {
					problems.add(id + ": no ${taskRoutingListener} on create");
				}
				if (listeners.stream().noneMatch(l -> "complete".equals(l.getCamundaEvent())
						&& "${taskCompletionListener}".equals(l.getCamundaDelegateExpression()))) {
					problems.add(id + ": no ${taskCompletionListener} on complete");
				}
				for (CamundaTaskListener listener : listeners) {
					checkBean(id + " task listener", listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
							listener.getCamundaExpression(), problems);
				}
			}
		}
		assertThat(tasks).isGreaterThan(20);
		assertThat(problems).isEmpty();
	}

	/** Histories and notifications name a step by {@code step.name.<id>}, in both languages (the Chinese as the model names it). */
	@Test
	void everyUserTaskIsNamedInBothLanguages() throws IOException {
		java.util.Properties english = new java.util.Properties();
		java.util.Properties chinese = new java.util.Properties();
		try (var en = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"));
				var zh = Files.newBufferedReader(Path.of("src/main/resources/messages_zh.properties"))) {
			english.load(en);
			chinese.load(zh);
		}
		List<String> problems = new ArrayList<>();
		for (BpmnModelInstance model : models) {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String key = "step.name." + task.getId();
				if (english.getProperty(key) == null) {
					problems.add(key + ": no English name in messages.properties");
				}
				if (!java.util.Objects.equals(chinese.getProperty(key), task.getName())) {
					problems.add(key + ": messages_zh.properties says " + chinese.getProperty(key) + ", the model "
							+ task.getName());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyServiceTaskCallsABeanThatExists() {
		List<String> problems = new ArrayList<>();
		int tasks = 0;
		for (BpmnModelInstance model : models) {
			for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
				tasks++;
				checkBean(task.getId(), task.getCamundaDelegateExpression(), task.getCamundaClass(),
						task.getCamundaExpression(), problems);
				if (task.getCamundaType() != null || task.getCamundaTopic() != null) {
					problems.add(task.getId() + ": external or typed task (no worker runs here)");
				}
			}
			for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
				if (listener.getCamundaScript() != null) {
					problems.add(((BaseElement) listener.getParentElement().getParentElement()).getId()
							+ ": a script execution listener");
				}
				else {
					checkBean(((BaseElement) listener.getParentElement().getParentElement()).getId() + " execution listener",
							listener.getCamundaDelegateExpression(), listener.getCamundaClass(),
							listener.getCamundaExpression(), problems);
				}
			}
		}
		assertThat(tasks).isGreaterThan(10);
		assertThat(problems).isEmpty();
	}

	@Test
	void noModelRunsAScript() {
		List<String> scripts = models.stream()
			.flatMap(m -> m.getModelElementsByType(ScriptTask.class).stream())
			.map(ScriptTask::getId)
			.toList();
		assertThat(scripts).as("script tasks (scripts are switched off in the engine)").isEmpty();
	}

	@Test
	void decisionsCalledProcessesAndMessagesThatAreReferredToExist() {
		List<String> problems = new ArrayList<>();
		for (BpmnModelInstance model : models) {
			for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
				String ref = task.getCamundaDecisionRef();
				if (ref == null || !decisionIds.contains(ref)) {
					problems.add(task.getId() + ": decision " + ref + " is not in processes/*.dmn");
				}
				if (task.getCamundaResultVariable() == null) {
					problems.add(task.getId() + ": no result variable");
				}
			}
			for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
				if (!processIds.contains(call.getCalledElement())) {
					problems.add(call.getId() + ": calls " + call.getCalledElement() + ", which is not in processes/");
				}
			}
			for (MessageEventDefinition definition : model.getModelElementsByType(MessageEventDefinition.class)) {
				Message message = definition.getMessage();
				if (message == null || message.getName() == null || message.getName().isBlank()) {
					problems.add(((BaseElement) definition.getParentElement()).getId() + ": a message event without a named message");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyFlowNodeAndSequenceFlowIsLaidOut() {
		List<String> problems = new ArrayList<>();
		for (BpmnModelInstance model : models) {
			Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
				.filter(s -> s.getBpmnElement() != null && s.getBounds() != null)
				.map(s -> s.getBpmnElement().getId())
				.collect(Collectors.toSet());
			Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
				.filter(e -> e.getBpmnElement() != null && e.getWaypoints().size() >= 2)
				.map(e -> e.getBpmnElement().getId())
				.collect(Collectors.toSet());
			for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
				if (!shapes.contains(node.getId())) {
					problems.add(node.getId() + ": no shape in the diagram");
				}
			}
			for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
				if (!edges.contains(flow.getId())) {
					problems.add(flow.getId() + ": no edge in the diagram");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private static List<String> properties(BaseElement element, String name) {
		if (element.getExtensionElements() == null) {
			return List.of();
		}
		return element.getExtensionElements().getElementsQuery().filterByType(
				org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
			.flatMap(p -> p.getCamundaProperties().stream())
			.filter(p -> name.equals(p.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.toList();
	}

	private static void checkBean(String where, String delegateExpression, String className, String expression,
			List<String> problems) {
		if (className != null) {
			problems.add(where + ": camunda:class " + className + " (use a bean by delegate expression)");
			return;
		}
		if (delegateExpression == null) {
			if (expression == null) {
				problems.add(where + ": no delegate expression");
			}
			return;
		}
		Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression);
		if (!bean.matches()) {
			problems.add(where + ": delegate expression " + delegateExpression + " is not ${bean}");
		}
		else if (!beans.contains(bean.group(1))) {
			problems.add(where + ": no bean named " + bean.group(1) + " in src/main/java");
		}
	}
}
