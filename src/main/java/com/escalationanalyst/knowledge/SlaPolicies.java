package com.escalationanalyst.knowledge;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLA policies as data (escalation-policies space, e.g. {@code sla-policies.yaml}): business-hours calendars and
 * ordered policies, the first whose conditions a ticket meets applying to it, as in the usual helpdesks.
 * <pre>
 * calendars:
 *   business: {zone: America/New_York, hours: {monday: "09:00-17:00", ...}, holidays: [2026-12-25]}
 *   always: {zone: UTC, hours: 24x7}
 * policies:
 *   - name: Strategic
 *     when: {tier: [Strategic]}              # priority, tier, segment, channel; absent: any
 *     calendar: always
 *     pause-while-pending: true              # the resolution clock stops while the ticket is pending
 *     first-response: {urgent: 30m, high: 2h, normal: 4h, low: 8h}
 *     resolution: {urgent: 8h, high: 24h, normal: 40h, low: 40h}
 * </pre>
 * Targets are business time of the policy's calendar, in minutes ({@code 30m}) or hours ({@code 8h}); a priority
 * without a target has none. {@link #parse} lists every mistake with where it is.
 */
public record SlaPolicies(Map<String, Calendar> calendars, List<Policy> policies) {

    public static final String FIRST_RESPONSE = "first_response";
    public static final String RESOLUTION = "resolution";
    static final List<String> PRIORITIES = List.of("urgent", "high", "normal", "low");
    static final List<String> CONDITIONS = List.of("priority", "tier", "segment", "channel");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final Pattern TARGET = Pattern.compile("(\\d+)\\s*([mh])");

    /**
     * A business-hours calendar: {@code hours} per weekday as [open, close) local times (a day absent is closed),
     * or {@code alwaysOpen} (24×7: every instant counts); {@code holidays} are closed all day.
     */
    public record Calendar(String name, ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<LocalTime[]>> hours,
                           Set<LocalDate> holidays) {
    }

    /** One policy; a condition is a set of accepted values (lower case), empty for any. */
    public record Policy(String name, Map<String, Set<String>> when, String calendar, boolean pauseWhilePending,
                         Map<String, Duration> firstResponse, Map<String, Duration> resolution) {

        boolean matches(String priority, String tier, String segment, String channel) {
            return accepts("priority", priority) && accepts("tier", tier) && accepts("segment", segment)
                    && accepts("channel", channel);
        }

        private boolean accepts(String condition, String value) {
            Set<String> accepted = when.get(condition);
            return accepted == null || accepted.isEmpty()
                    || (value != null && accepted.contains(value.toLowerCase(Locale.ROOT)));
        }

        /** The target of {@code kind} ({@link #FIRST_RESPONSE} or {@link #RESOLUTION}) for a priority, if any. */
        public Optional<Duration> target(String kind, String priority) {
            return Optional.ofNullable((FIRST_RESPONSE.equals(kind) ? firstResponse : resolution).get(priority));
        }
    }

    /** The first policy whose conditions the ticket's {priority, tier, segment, channel} meet. */
    public Optional<Policy> match(String priority, String tier, String segment, String channel) {
        for (Policy policy : policies) {
            if (policy.matches(priority, tier, segment, channel)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    public Calendar calendarOf(Policy policy) {
        return calendars.get(policy.calendar());
    }

    /** Whether a YAML document of the escalation-policies space means to be SLA policies (a top-level 'policies'). */
    static boolean declares(String yaml) {
        return Pattern.compile("^(policies|calendars)\\s*:", Pattern.MULTILINE).matcher(yaml).find();
    }

    /** Reads and checks an SLA policy document; every mistake is listed, with where it is. */
    public static SlaPolicies parse(String yaml) {
        Object document = KnowledgeYaml.load(yaml);
        if (!(document instanceof Map<?, ?> root) || !(root.get("policies") instanceof List<?>)
                || !(root.get("calendars") instanceof Map<?, ?>)) {
            throw new KnowledgeValidationException(List.of(
                    "an SLA policy document needs a mapping 'calendars' and a list 'policies'"));
        }
        List<String> reasons = new ArrayList<>();
        Map<String, Calendar> calendars = new LinkedHashMap<>();
        ((Map<?, ?>) root.get("calendars")).forEach((key, value) -> {
            Calendar calendar = calendar(String.valueOf(key), value, reasons);
            if (calendar != null) {
                calendars.put(calendar.name(), calendar);
            }
        });
        List<?> entries = (List<?>) root.get("policies");
        List<Policy> policies = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Policy policy = policy("policies[" + i + "]", entries.get(i), calendars, root, reasons);
            if (policy != null) {
                if (!names.add(policy.name())) {
                    reasons.add("policies[" + i + "] (" + policy.name() + "): the name is used twice");
                }
                policies.add(policy);
            }
        }
        if (entries.isEmpty()) {
            reasons.add("'policies' is empty");
        }
        for (String key : new TreeSet<>(root.keySet().stream().map(String::valueOf).toList())) {
            if (!key.equals("calendars") && !key.equals("policies")) {
                reasons.add("'" + key + "' is not a known key (calendars, policies)");
            }
        }
        if (!reasons.isEmpty()) {
            throw new KnowledgeValidationException(reasons);
        }
        return new SlaPolicies(Map.copyOf(calendars), List.copyOf(policies));
    }

    private static Calendar calendar(String name, Object value, List<String> reasons) {
        String where = "calendars." + name;
        if (!(value instanceof Map<?, ?> map)) {
            reasons.add(where + ": must be a mapping with 'zone' and 'hours'");
            return null;
        }
        int before = reasons.size();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(String.valueOf(map.get("zone")));
        } catch (DateTimeException e) {
            reasons.add(where + ".zone: '" + map.get("zone") + "' is not a time zone (e.g. Europe/Berlin)");
        }
        Object hours = map.get("hours");
        boolean always = "24x7".equals(hours) || "24/7".equals(hours);
        Map<DayOfWeek, List<LocalTime[]>> week = new EnumMap<>(DayOfWeek.class);
        if (!always) {
            if (!(hours instanceof Map<?, ?> days) || days.isEmpty()) {
                reasons.add(where + ".hours: must be 24x7 or a mapping of weekdays to opening hours (monday: 09:00-17:00)");
            } else {
                days.forEach((day, span) -> {
                    DayOfWeek weekday = weekday(String.valueOf(day));
                    if (weekday == null) {
                        reasons.add(where + ".hours." + day + ": not a weekday (monday ... sunday)");
                        return;
                    }
                    List<LocalTime[]> spans = new ArrayList<>();
                    for (String part : String.valueOf(span).split(",")) {
                        Matcher m = HOURS.matcher(part.trim());
                        LocalTime open = null;
                        LocalTime close = null;
                        if (m.matches()) {
                            try {
                                open = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                                close = Integer.parseInt(m.group(3)) == 24 && Integer.parseInt(m.group(4)) == 0
                                        ? LocalTime.MAX : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                            } catch (DateTimeException e) {
                                open = null;
                            }
                        }
                        if (open == null || close == null || !open.isBefore(close)) {
                            reasons.add(where + ".hours." + day + ": '" + part.trim()
                                    + "' is not opening hours HH:MM-HH:MM with the opening first");
                        } else {
                            spans.add(new LocalTime[] {open, close});
                        }
                    }
                    spans.sort((a, b) -> a[0].compareTo(b[0]));
                    for (int i = 1; i < spans.size(); i++) {
                        if (spans.get(i)[0].isBefore(spans.get(i - 1)[1])) {
                            reasons.add(where + ".hours." + day + ": opening hours overlap");
                        }
                    }
                    week.put(weekday, List.copyOf(spans));
                });
            }
        }
        Set<LocalDate> holidays = new TreeSet<>();
        Object listed = map.get("holidays");
        if (listed != null && !(listed instanceof List<?>)) {
            reasons.add(where + ".holidays: must be a list of dates (YYYY-MM-DD)");
        } else if (listed != null) {
            for (Object day : (List<?>) listed) {
                LocalDate date = date(day);
                if (date == null) {
                    reasons.add(where + ".holidays: '" + day + "' is not a date (YYYY-MM-DD)");
                } else {
                    holidays.add(date);
                }
            }
        }
        return reasons.size() > before ? null : new Calendar(name, zone, always, Map.copyOf(week), Set.copyOf(holidays));
    }

    private static Policy policy(String where, Object value, Map<String, Calendar> calendars, Map<?, ?> root,
                                 List<String> reasons) {
        if (!(value instanceof Map<?, ?> map)) {
            reasons.add(where + ": must be a mapping with 'name', 'calendar' and targets");
            return null;
        }
        int before = reasons.size();
        String name = map.get("name") instanceof String s && !s.isBlank() ? s.trim() : null;
        if (name == null) {
            reasons.add(where + ": 'name' is missing");
            name = where;
        } else {
            where += " (" + name + ")";
        }
        Map<String, Set<String>> when = new LinkedHashMap<>();
        Object conditions = map.get("when");
        if (conditions != null && !(conditions instanceof Map<?, ?>)) {
            reasons.add(where + ".when: must be a mapping of priority, tier, segment, channel to values");
        } else if (conditions != null) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) conditions).entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!CONDITIONS.contains(key)) {
                    reasons.add(where + ".when." + key + ": not a condition (" + String.join(", ", CONDITIONS) + ")");
                    continue;
                }
                Set<String> values = new LinkedHashSet<>();
                for (Object v : e.getValue() instanceof List<?> list ? list : List.of(String.valueOf(e.getValue()))) {
                    values.add(String.valueOf(v).trim().toLowerCase(Locale.ROOT));
                }
                if (key.equals("priority") && !PRIORITIES.containsAll(values)) {
                    reasons.add(where + ".when.priority: " + values + " must be among " + PRIORITIES);
                }
                when.put(key, Set.copyOf(values));
            }
        }
        String calendar = String.valueOf(map.get("calendar"));
        if (!calendars.containsKey(calendar)) {
            boolean declared = root.get("calendars") instanceof Map<?, ?> all && all.containsKey(calendar);
            if (!declared) {
                reasons.add(where + ".calendar: '" + map.get("calendar") + "' is not one of the calendars "
                        + calendars.keySet());
            }
        }
        Object pause = map.get("pause-while-pending");
        if (pause != null && !(pause instanceof Boolean)) {
            reasons.add(where + ".pause-while-pending: must be true or false");
        }
        Map<String, Duration> firstResponse = targets(where + ".first-response", map.get("first-response"), reasons);
        Map<String, Duration> resolution = targets(where + ".resolution", map.get("resolution"), reasons);
        if (firstResponse.isEmpty() && resolution.isEmpty() && reasons.size() == before) {
            reasons.add(where + ": has neither 'first-response' nor 'resolution' targets");
        }
        return reasons.size() > before ? null : new Policy(name, Map.copyOf(when), calendar, Boolean.TRUE.equals(pause),
                Map.copyOf(firstResponse), Map.copyOf(resolution));
    }

    private static Map<String, Duration> targets(String where, Object value, List<String> reasons) {
        Map<String, Duration> targets = new LinkedHashMap<>();
        if (value == null) {
            return targets;
        }
        if (!(value instanceof Map<?, ?> map)) {
            reasons.add(where + ": must be a mapping of priority to a target (urgent: 4h)");
            return targets;
        }
        map.forEach((priority, target) -> {
            String p = String.valueOf(priority).toLowerCase(Locale.ROOT);
            if (!PRIORITIES.contains(p)) {
                reasons.add(where + "." + priority + ": not a priority (" + String.join(", ", PRIORITIES) + ")");
                return;
            }
            Matcher m = TARGET.matcher(String.valueOf(target).trim());
            if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
                reasons.add(where + "." + priority + ": '" + target + "' is not a target in minutes or hours (30m, 8h)");
                return;
            }
            long amount = Long.parseLong(m.group(1));
            targets.put(p, m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount));
        });
        return targets;
    }

    private static DayOfWeek weekday(String name) {
        try {
            return DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(Object value) {
        try {
            return LocalDate.parse(String.valueOf(value).trim());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
