package com.escalationanalyst.security;

import com.escalationanalyst.process.ProcessIds;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Tasklist shows tasks only through saved filters. Two are created once (and left alone afterwards, so
 * users may rename or reorder them): "My tasks" (the review tasks of the analyses the user started) first,
 * then "Escalation reviews" (every open review task the user may see). Both groups read every filter.
 */
final class TaskFilters {

    static final String MY_TASKS = "My tasks";
    static final String ALL_REVIEWS = "Escalation reviews";

    private TaskFilters() {
    }

    static void ensure(FilterService filters, TaskService tasks) {
        if (filters.createFilterQuery().filterName(MY_TASKS).count() == 0) {
            save(filters, MY_TASKS, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                    "Review tasks assigned to you", -10);
        }
        if (filters.createFilterQuery().filterName(ALL_REVIEWS).count() == 0) {
            save(filters, ALL_REVIEWS, tasks.createTaskQuery().processDefinitionKeyIn(
                    ProcessIds.ANALYZE_ESCALATION_PATTERNS, ProcessIds.COMPARE_SEGMENT_ESCALATION_RATES),
                    "Open reviews of escalation analyses", 0);
        }
    }

    private static void save(FilterService filters, String name, TaskQuery query,
                             String description, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        filters.saveFilter(filter);
    }
}
