package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** House rules for every model in bpmn/ (docs/processes.md, "Modelling rules"), checked without an engine. */
class ProcessModelLintTest {

    static List<Path> files(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }

    static Set<String> beanNames() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> names = new HashSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("com.escalationanalyst")) {
            try {
                Class<?> type = Class.forName(bean.getBeanClassName());
                Component component = type.getAnnotation(Component.class);
                String name = component != null && !component.value().isEmpty() ? component.value()
                        : Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
                names.add(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return names;
    }

    static Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                ids.add(new ObjectMapper().readTree(form.toFile()).get("id").asText());
            }
        }
        return ids;
    }

    @Test
    void everyProcessFollowsTheHouseRules() throws IOException {
        Set<String> beans = beanNames();
        Set<String> forms = formIds();
        List<String> problems = new ArrayList<>();
        List<Path> models = files(".bpmn");
        assertThat(models).isNotEmpty();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            String expectedId = file.getFileName().toString().replace(".bpmn", "");
            // a file holds the process named like it, and may hold helpers of it (a pool of the same collaboration)
            String stem = expectedId.replaceAll("Process$", "");
            if (model.getModelElementsByType(Process.class).stream().noneMatch(p -> p.getId().equals(expectedId))
                    || !expectedId.endsWith("Process")) {
                problems.add(file + ": no process whose id is the file name, ending in Process");
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (!process.getId().startsWith(stem) || !process.getId().endsWith("Process")) {
                    problems.add(file + ": process id " + process.getId() + " must start with " + stem + " and end in Process");
                }
                if (process.getCamundaHistoryTimeToLiveString() == null) {
                    problems.add(file + ": no camunda:historyTimeToLive");
                }
            }
            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String where = file.getFileName() + " " + node.getId();
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add(where + ": no human name");
                }
                if (!node.getId().matches("(StartEvent|EndEvent|Task|Gateway|Event)_[A-Z]\\w+")) {
                    problems.add(where + ": id is not Type_Name");
                }
                if (!shapes.contains(node.getId())) {
                    problems.add(where + ": no diagram shape");
                }
            }
            for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
                String where = file.getFileName() + " " + script.getId();
                String resource = script.getCamundaResource();
                if (!"python".equals(script.getScriptFormat())) {
                    problems.add(where + ": script format " + script.getScriptFormat() + " (only python)");
                }
                if (script.getScript() != null || resource == null || !resource.startsWith("deployment://bpmn/scripts/")) {
                    problems.add(where + ": scripts must be files referenced as deployment://bpmn/scripts/...");
                } else if (!new File(resource.substring("deployment://".length())).isFile()) {
                    problems.add(where + ": " + resource + " does not exist");
                }
            }
            // service tasks and execution listeners alike
            String xml = Files.readString(file);
            Matcher listeners = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(xml);
            while (listeners.find()) {
                if (!beans.contains(listeners.group(1))) {
                    problems.add(file.getFileName() + ": ${" + listeners.group(1) + "} is not a bean");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (task.getCamundaFormRef() != null && !forms.contains(task.getCamundaFormRef())) {
                    problems.add(file.getFileName() + " " + task.getId() + ": no form " + task.getCamundaFormRef());
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null && !forms.contains(start.getCamundaFormRef())) {
                    problems.add(file.getFileName() + " " + start.getId() + ": no form " + start.getCamundaFormRef());
                }
            }
        }
        for (Path file : files(".dmn")) {
            DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
            for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
                if (decision.getCamundaHistoryTimeToLiveString() == null) {
                    problems.add(file + " " + decision.getId() + ": no camunda:historyTimeToLive");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
