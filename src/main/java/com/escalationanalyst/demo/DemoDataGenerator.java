package com.escalationanalyst.demo;

import com.escalationanalyst.crm.AccountRow;
import com.escalationanalyst.helpdesk.TicketRow;
import com.escalationanalyst.knowledge.ReasonCodeMap;
import com.escalationanalyst.knowledge.RootCause;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A deterministic demo data set (same seed and same "now" give the same rows): about 1,000
 * accounts and about 5,000 tickets a month for the twelve full months before the current one and
 * the current month up to now. It holds patterns worth finding:
 * <ul>
 *   <li>Enterprise accounts escalate about twice as often as the other segments;</li>
 *   <li>in the latest full month, a spike of product-bug escalations in Notifications whose notes
 *       describe known issue KI-318 in the customers' own words (never naming it);</li>
 *   <li>training-gap escalations decline steadily over the year;</li>
 *   <li>the small "Public Sector" segment escalates often, but on too few tickets to be significant
 *       in a month or a quarter;</li>
 *   <li>every mapped reason code is used, plus two unmapped ones and some tickets without a code.</li>
 * </ul>
 */
public final class DemoDataGenerator {

    public static final String SPIKE_PRODUCT_AREA = "Notifications";
    public static final String SMALL_SEGMENT = "Public Sector";
    public static final String HIGH_SEGMENT = "Enterprise";
    public static final List<String> UNMAPPED_CODES = List.of("LEGACY-TIER2", "VIP-EXPEDITE");

    private static final String[] SEGMENTS = {"SMB", "Mid-Market", "Enterprise", "Public Sector"};
    private static final int[] SEGMENT_ACCOUNTS = {600, 280, 112, 5};
    private static final double[] SEGMENT_TICKET_WEIGHT = {1.0, 2.5, 6.0, 1.0};
    private static final double[] SEGMENT_ESCALATION = {0.055, 0.065, 0.14, 0.0};
    /** Every sixth ticket of the small segment escalates: 17 %, steady even on a dozen tickets a month. */
    private static final int SMALL_SEGMENT_ESCALATION_EVERY = 6;
    private static final double UNKNOWN_ACCOUNT_SHARE = 0.015;
    private static final double UNKNOWN_ESCALATION = 0.08;
    private static final double[][] SEGMENT_TIERS = {{75, 22, 3}, {45, 45, 10}, {10, 50, 40}, {40, 60, 0}};
    private static final String[] TIERS = {"Standard", "Premium", "Strategic"};
    private static final String[] REGIONS = {"North America", "EMEA", "APAC", "LATAM"};
    private static final double[] REGION_WEIGHTS = {45, 30, 15, 10};
    private static final String[] INDUSTRIES = {"Software", "Financial Services", "Healthcare", "Retail",
        "Manufacturing", "Education", "Logistics", "Media", "Professional Services", "Government"};
    private static final double[][] SEGMENT_ARR = {{3_000, 40_000}, {40_000, 250_000}, {250_000, 2_500_000},
        {60_000, 400_000}};
    private static final String[] NAME_FIRST = {"Northwind", "Bluefin", "Cedar", "Harbor", "Summit", "Ironbark",
        "Lumen", "Pioneer", "Redwood", "Silverline", "Brightwater", "Keystone", "Meridian", "Oakridge", "Quarry",
        "Sterling", "Tidewater", "Vantage", "Willow", "Aurora", "Beacon", "Copperleaf", "Driftwood", "Evergreen",
        "Foxglove", "Granite", "Highland", "Juniper", "Kestrel", "Lakeshore"};
    private static final String[] NAME_SECOND = {"Logistics", "Health", "Analytics", "Foods", "Robotics", "Capital",
        "Learning", "Media", "Energy", "Outfitters", "Systems", "Labs", "Partners", "Travel", "Insurance",
        "Studios", "Dental", "Freight", "Pharma", "Markets"};
    private static final String[] PUBLIC_SECTOR_NAMES = {"City of Millbrook", "Lakeshore County Services",
        "State Parks Authority", "Harbor Transit District", "Riverside School Board"};

    private static final String[] AREAS = {"Billing", "Notifications", "Reporting", "Integrations", "Mobile App",
        "User Management", "Data Import", "API"};
    private static final double[] AREA_WEIGHTS = {14, 10, 16, 15, 10, 13, 9, 13};
    private static final String[] QUEUES = {"billing", "platform", "analytics", "integrations", "mobile", "identity",
        "data", "developer-support"};
    private static final String[] CHANNELS = {"email", "web", "chat", "phone"};
    private static final double[] CHANNEL_WEIGHTS = {45, 30, 18, 7};
    private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};
    private static final double[] PRIORITY_WEIGHTS = {20, 55, 20, 5};
    private static final double[] PRIORITY_ESCALATION = {0.6, 0.95, 1.25, 1.7};

    /** Root-cause mix of escalations; training gap is scaled down month by month. */
    private static final RootCause[] CAUSES = {RootCause.PRODUCT_BUG, RootCause.PROCESS_FAILURE,
        RootCause.TRAINING_GAP, RootCause.DOCUMENTATION_GAP, RootCause.POLICY_GAP, RootCause.UNCLASSIFIED};
    private static final double[] CAUSE_WEIGHTS = {30, 22, 22, 15, 8, 5};

    private static final double WEEKDAY_TICKETS = 198;
    private static final double WEEKEND_TICKETS = 79;
    private static final int FULL_MONTHS = 12;

    private final long seed;
    private final Instant now;
    private final ZoneId zone;
    private final ReasonCodeMap reasonCodes;
    private final YearMonth firstMonth;
    private final YearMonth spikeMonth;

    public DemoDataGenerator(long seed, Instant now, ZoneId zone, ReasonCodeMap reasonCodes) {
        this.seed = seed;
        this.now = now;
        this.zone = zone;
        this.reasonCodes = reasonCodes;
        YearMonth current = YearMonth.from(now.atZone(zone));
        this.firstMonth = current.minusMonths(FULL_MONTHS);
        this.spikeMonth = current.minusMonths(1);
    }

    public YearMonth firstMonth() {
        return firstMonth;
    }

    public List<AccountRow> accounts() {
        Random random = new Random(seed);
        List<AccountRow> accounts = new ArrayList<>();
        int number = 10001;
        for (int s = 0; s < SEGMENTS.length; s++) {
            for (int i = 0; i < SEGMENT_ACCOUNTS[s]; i++) {
                String name = s == 3 ? PUBLIC_SECTOR_NAMES[i]
                        : NAME_FIRST[random.nextInt(NAME_FIRST.length)] + " " + NAME_SECOND[random.nextInt(NAME_SECOND.length)];
                String tier = TIERS[pick(random, SEGMENT_TIERS[s])];
                String region = REGIONS[pick(random, REGION_WEIGHTS)];
                String industry = s == 3 ? "Government" : INDUSTRIES[random.nextInt(INDUSTRIES.length - 1)];
                double arr = SEGMENT_ARR[s][0] + random.nextDouble() * (SEGMENT_ARR[s][1] - SEGMENT_ARR[s][0]);
                accounts.add(new AccountRow("ACC-" + number++, name, SEGMENTS[s], tier, region, industry,
                        BigDecimal.valueOf(Math.round(arr / 100.0) * 100L).setScale(2)));
            }
        }
        return accounts;
    }

    /** The tickets in order of creation, generated as they are read. */
    public Iterator<TicketRow> tickets() {
        return new TicketIterator();
    }

    private final class TicketIterator implements Iterator<TicketRow> {

        private final Random random = new Random(seed * 31 + 7);
        private final List<AccountRow> accounts = accounts();
        private final double[] cumulativeWeight = new double[accounts.size()];
        private final double[] accountEscalation = new double[accounts.size()];
        private final boolean[] smallSegment = new boolean[accounts.size()];
        private long smallSegmentTickets;
        private final List<TicketRow> day = new ArrayList<>();
        private LocalDate date = firstMonth.atDay(1);
        private int dayIndex;
        private long number;
        private boolean finished;

        TicketIterator() {
            double total = 0;
            for (int i = 0; i < accounts.size(); i++) {
                int s = Arrays.asList(SEGMENTS).indexOf(accounts.get(i).segment());
                total += SEGMENT_TICKET_WEIGHT[s] * (0.5 + random.nextDouble());
                cumulativeWeight[i] = total;
                accountEscalation[i] = SEGMENT_ESCALATION[s];
                smallSegment[i] = SEGMENTS[s].equals(SMALL_SEGMENT);
            }
        }

        @Override
        public boolean hasNext() {
            while (dayIndex >= day.size() && !finished) {
                generateDay();
            }
            return dayIndex < day.size();
        }

        @Override
        public TicketRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return day.get(dayIndex++);
        }

        private void generateDay() {
            day.clear();
            dayIndex = 0;
            ZonedDateTime start = date.atStartOfDay(zone);
            if (!start.toInstant().isBefore(now)) {
                finished = true;
                return;
            }
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            int monthIndex = (int) ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(date));
            double mean = (weekend ? WEEKEND_TICKETS : WEEKDAY_TICKETS) * (0.97 + 0.008 * monthIndex);
            int count = (int) Math.round(mean * (0.9 + 0.2 * random.nextDouble()));
            int spike = YearMonth.from(date).equals(spikeMonth) && date.getDayOfMonth() >= 4 ? (weekend ? 1 : 5) : 0;
            long daySeconds = Duration.between(start, date.plusDays(1).atStartOfDay(zone)).getSeconds();
            long[] offsets = new long[count + spike];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = timeOfDay(random, daySeconds);
            }
            boolean[] spiked = new boolean[offsets.length];
            for (int i = count; i < offsets.length; i++) {
                spiked[i] = true;
            }
            Integer[] order = new Integer[offsets.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
            for (int i : order) {
                Instant created = start.toInstant().plusSeconds(offsets[i]);
                if (!created.isBefore(now)) {
                    continue;
                }
                day.add(ticket(created, monthIndex, spiked[i]));
            }
            date = date.plusDays(1);
        }

        private TicketRow ticket(Instant created, int monthIndex, boolean spike) {
            String id = String.format("T-%07d", ++number);
            String accountId;
            double escalationBase;
            boolean small = false;
            if (random.nextDouble() < UNKNOWN_ACCOUNT_SHARE) {
                accountId = "ACC-9" + (1000 + random.nextInt(40));
                escalationBase = UNKNOWN_ESCALATION;
            } else {
                int a = Arrays.binarySearch(cumulativeWeight, random.nextDouble() * cumulativeWeight[cumulativeWeight.length - 1]);
                int index = a >= 0 ? a : -a - 1;
                accountId = accounts.get(index).accountId();
                escalationBase = accountEscalation[index];
                small = smallSegment[index];
            }
            int area = spike ? 1 : pick(random, AREA_WEIGHTS);
            int priority = pick(random, PRIORITY_WEIGHTS);
            String channel = CHANNELS[pick(random, CHANNEL_WEIGHTS)];
            boolean escalated = spike || random.nextDouble() < escalationBase * PRIORITY_ESCALATION[priority]
                    || (small && ++smallSegmentTickets % SMALL_SEGMENT_ESCALATION_EVERY == 0);

            RootCause cause = null;
            String reasonCode = null;
            if (escalated) {
                if (spike) {
                    cause = RootCause.PRODUCT_BUG;
                    reasonCode = random.nextDouble() < 0.7 ? "BUG-CONFIRMED" : "BUG-REGRESSION";
                } else {
                    double[] weights = CAUSE_WEIGHTS.clone();
                    weights[2] *= 1.8 - 1.5 * monthIndex / FULL_MONTHS; // training programme takes effect
                    cause = CAUSES[pick(random, weights)];
                    reasonCode = reasonCode(cause);
                }
            }
            OffsetDateTime createdAt = utc(created);
            OffsetDateTime escalatedAt = escalated ? utc(created.plusSeconds(60L * minutesToEscalation(reasonCode))) : null;
            if (escalatedAt != null && !escalatedAt.toInstant().isBefore(now)) {
                escalatedAt = utc(now.minusSeconds(1).isAfter(created) ? now.minusSeconds(1) : created);
            }
            OffsetDateTime firstResponse = utc(created.plusSeconds(60L * (5 + random.nextInt(240))));
            if (!firstResponse.toInstant().isBefore(now)) {
                firstResponse = null;
            }
            int handle = escalated ? handleTime(cause) : 5 + random.nextInt(41);

            Resolution resolution = resolution(created, escalated, cause, area, spike);
            String status;
            if (resolution == null) {
                status = new String[] {"new", "open", "open", "pending"}[random.nextInt(4)];
            } else {
                status = resolution.resolvedAt().toInstant().isAfter(now.minusSeconds(3 * 86400)) ? "solved" : "closed";
            }
            String queue = QUEUES[area];
            return new TicketRow(id, createdAt, status, PRIORITIES[priority], channel, AREAS[area], accountId,
                    DemoTexts.subject(random, area, spike), escalated, escalatedAt, reasonCode,
                    escalated ? "tier2-" + queue : queue, firstResponse, handle,
                    resolution == null ? null : resolution.type(),
                    resolution == null ? null : resolution.resolvedAt(),
                    resolution == null ? null : resolution.notes());
        }

        private String reasonCode(RootCause cause) {
            if (cause == RootCause.UNCLASSIFIED) {
                double r = random.nextDouble();
                return r < 0.4 ? null : UNMAPPED_CODES.get(r < 0.7 ? 0 : 1);
            }
            List<String> codes = reasonCodes.codesOf(cause);
            return codes.get(random.nextInt(codes.size()));
        }

        private long minutesToEscalation(String reasonCode) {
            if ("SLA-BREACH".equals(reasonCode)) {
                return 240 + random.nextInt(2640);
            }
            return 15 + (long) (Math.exp(random.nextGaussian() * 0.9 + 4.6));
        }

        private int handleTime(RootCause cause) {
            return switch (cause) {
                case PRODUCT_BUG -> 90 + random.nextInt(151);
                case POLICY_GAP -> 60 + random.nextInt(91);
                case TRAINING_GAP -> 45 + random.nextInt(76);
                case PROCESS_FAILURE -> 60 + random.nextInt(121);
                case DOCUMENTATION_GAP -> 40 + random.nextInt(71);
                case UNCLASSIFIED -> 60 + random.nextInt(91);
            };
        }

        private Resolution resolution(Instant created, boolean escalated, RootCause cause, int area, boolean spike) {
            double hours;
            String type;
            String notes;
            if (!escalated) {
                hours = 1 + random.nextDouble() * 47;
                type = new String[] {"fixed", "fixed", "no_fault", "workaround", "duplicate"}[random.nextInt(5)];
                notes = DemoTexts.routineNote(random, area);
            } else {
                double[] range = switch (cause) {
                    case PRODUCT_BUG -> new double[] {24, 240};
                    case POLICY_GAP -> new double[] {12, 96};
                    case TRAINING_GAP -> new double[] {4, 36};
                    case PROCESS_FAILURE -> new double[] {12, 72};
                    case DOCUMENTATION_GAP -> new double[] {6, 48};
                    case UNCLASSIFIED -> new double[] {12, 96};
                };
                hours = range[0] + random.nextDouble() * (range[1] - range[0]);
                type = DemoTexts.resolutionType(random, cause);
                notes = spike ? DemoTexts.spikeNote(random) : DemoTexts.escalationNote(random, cause, area);
            }
            Instant resolved = created.plusSeconds((long) (hours * 3600));
            if (!resolved.isBefore(now)) {
                return null;
            }
            return new Resolution(type, utc(resolved), notes);
        }
    }

    private record Resolution(String type, OffsetDateTime resolvedAt, String notes) {
    }

    /** Seconds into the day, mostly in business hours. */
    private static long timeOfDay(Random random, long daySeconds) {
        long seconds = random.nextDouble() < 0.75 ? 8 * 3600 + random.nextInt(10 * 3600) : random.nextInt(86400);
        return Math.min(seconds, daySeconds - 1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
