package com.escalationanalyst.drilldown;

import com.escalationanalyst.analysis.DrillDownLinks;
import com.escalationanalyst.analysis.RequestNumbers;
import com.escalationanalyst.knowledge.KnowledgeService;
import com.escalationanalyst.knowledge.ReasonCodeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /tickets}: the tickets behind a number in the browser, a page at a time, sortable, with the CSV a click away. */
@Controller
class DrillDownPage {

    /** Sortable columns of the page: parameter → heading. */
    private static final Map<String, String> SORTABLE = Map.of("ticket_id", "Ticket", "created_at", "Created",
            "status", "Status", "priority", "Priority", "product_area", "Product area", "escalated_at", "Escalated");

    private final TicketSelections selections;
    private final TicketRows rows;
    private final KnowledgeService knowledge;

    DrillDownPage(TicketSelections selections, TicketRows rows, KnowledgeService knowledge) {
        this.selections = selections;
        this.rows = rows;
        this.knowledge = knowledge;
    }

    @GetMapping("/tickets")
    String page(@RequestParam Map<String, String> parameters, Model model) {
        int page = RequestNumbers.wholeNumber("page", parameters.get("page"), 0, 0, DrillDownController.MAX_PAGE);
        int size = RequestNumbers.wholeNumber("size", parameters.get("size"), DrillDownController.DEFAULT_SIZE, 1,
                DrillDownController.MAX_SIZE);
        Map<String, String> selectionParameters = DrillDownController.withoutPaging(parameters);
        TicketSelection selection = selections.of(selectionParameters);
        ReasonCodeMap codes = knowledge.current().reasonCodes();
        long total = rows.count(selection);
        List<TicketLine> lines = rows.page(selection, page, size, codes::rootCauseOf);
        model.addAttribute("tickets", lines);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / size));
        model.addAttribute("description", describe(selection));
        model.addAttribute("csv", link("/api/tickets.csv", selectionParameters, Map.of()));
        Map<String, String> pages = new LinkedHashMap<>();
        if (page > 0) {
            pages.put("newer", link("/tickets", selectionParameters, Map.of("page", String.valueOf(page - 1))));
        }
        if ((long) (page + 1) * size < total) {
            pages.put("older", link("/tickets", selectionParameters, Map.of("page", String.valueOf(page + 1))));
        }
        model.addAttribute("pages", pages);
        Map<String, String> sortLinks = new LinkedHashMap<>();
        String current = selection.sort().parameter();
        for (Map.Entry<String, String> column : SORTABLE.entrySet()) {
            // a second click on the sorted column turns the order round
            String next = current.equals(column.getKey()) ? "-" + column.getKey() : column.getKey();
            sortLinks.put(column.getKey(), link("/tickets", selectionParameters, Map.of("sort", next)));
        }
        model.addAttribute("sortLinks", sortLinks);
        model.addAttribute("sort", current);
        return "tickets";
    }

    private static String link(String path, Map<String, String> parameters, Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putAll(changes);
        return DrillDownLinks.link(path, all);
    }

    private static String describe(TicketSelection s) {
        StringBuilder text = new StringBuilder(Boolean.TRUE.equals(s.escalated()) ? "Escalated tickets"
                : Boolean.FALSE.equals(s.escalated()) ? "Tickets that did not escalate" : "Tickets");
        if (s.rootCause() != null) {
            text.append(" with root cause ").append(s.rootCause().code().replace('_', ' '));
        }
        if (s.knownIssue() != null) {
            text.append(" matching known issue ").append(s.knownIssue());
        }
        if (s.members() != null && s.members().description() != null) {
            text.append(' ').append(s.members().description());
        }
        for (String[] filter : new String[][] {{"product area", s.filter().productArea()},
                {"segment", s.filter().segment()}, {"tier", s.filter().tier()}, {"region", s.filter().region()}}) {
            if (filter[1] != null) {
                text.append(", ").append(filter[0]).append(' ').append(filter[1]);
            }
        }
        return text.append(", created from ").append(s.filter().period().from().toOffsetDateTime())
                .append(" up to ").append(s.filter().period().to().toOffsetDateTime()).toString();
    }
}
