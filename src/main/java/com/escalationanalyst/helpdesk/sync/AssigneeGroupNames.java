package com.escalationanalyst.helpdesk.sync;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.sync.FeedClient;
import com.escalationanalyst.sync.FeedClient.FeedResponse;
import com.escalationanalyst.sync.MalformedPageException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The helpdesk's assignee group names ({@code GET /api/v2/groups.json}, every page), kept in table
 * {@code assignee_group}: synced tickets store the group's name, as a person reads it and as a CSV import
 * carries it, not its number. Refreshed at the start of every sync; when the helpdesk cannot answer, the names
 * stored by an earlier run are used, and a group without a known name keeps its id.
 */
@Component
class AssigneeGroupNames {

    static final String PATH = "/api/v2/groups.json";
    private static final int MAX_PAGES = 100;

    private final HelpdeskDatabase helpdesk;
    private final Clock clock;

    AssigneeGroupNames(HelpdeskDatabase helpdesk, Clock clock) {
        this.helpdesk = helpdesk;
        this.clock = clock;
    }

    /**
     * Reads every page of groups and stores their names in one transaction; returns how many groups there are.
     * Any answer but 200, or a page that cannot be read, leaves the stored names as they were and throws.
     */
    int refresh(FeedClient client, HelpdeskSyncSettings settings) {
        Map<String, String> names = new LinkedHashMap<>();
        String url = settings.baseUrl() + PATH;
        for (int page = 1; url != null; page++) {
            if (page > MAX_PAGES) {
                throw new MalformedPageException("groups: more than " + MAX_PAGES + " pages; the next_page links do not end");
            }
            String where = "groups page " + page;
            FeedResponse response = client.get(url, settings.authorization());
            if (response.status() != 200) {
                throw new IllegalStateException("Helpdesk API answered HTTP " + response.status() + " for " + where);
            }
            JsonNode root = MalformedPageException.read(response.body(), where);
            if (!root.path("groups").isArray()) {
                throw new MalformedPageException(where + ": no 'groups' array");
            }
            int index = 0;
            for (JsonNode group : root.get("groups")) {
                String at = where + ": groups[" + index++ + "]";
                if (!group.path("id").canConvertToLong() || !group.path("name").isTextual()
                        || group.get("name").asText().isBlank()) {
                    throw new MalformedPageException(at + ": needs a numeric id and a name");
                }
                String name = group.get("name").asText().strip();
                names.put(Long.toString(group.get("id").asLong()), name.length() > 128 ? name.substring(0, 128) : name);
            }
            JsonNode next = root.path("next_page");
            // the token goes only to the configured helpdesk, never to an address a page names
            url = next.isTextual() && next.asText().startsWith(settings.baseUrl() + "/") ? next.asText() : null;
        }
        Object now = clock.instant().atOffset(ZoneOffset.UTC);
        helpdesk.transactions().executeWithoutResult(tx -> names.forEach((id, name) -> {
            if (helpdesk.jdbc().update("UPDATE assignee_group SET name = ?, updated_at = ? WHERE group_id = ?", name, now, id) == 0) {
                helpdesk.jdbc().update("INSERT INTO assignee_group (group_id, name, updated_at) VALUES (?, ?, ?)", id, name, now);
            }
        }));
        return names.size();
    }

    /** Group id → name, as last stored. */
    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        helpdesk.jdbc().query("SELECT group_id, name FROM assignee_group", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        return names;
    }
}
