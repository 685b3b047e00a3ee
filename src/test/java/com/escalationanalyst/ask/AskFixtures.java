package com.escalationanalyst.ask;

import com.escalationanalyst.knowledge.SentenceEmbeddings;
import com.escalationanalyst.period.Period;
import com.escalationanalyst.period.PeriodResolver;
import com.escalationanalyst.store.InstantRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;

/** The question reader as of Tuesday 2026-12-01 10:00 UTC, with the demo data's values; periods as inclusive dates. */
final class AskFixtures {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final PeriodResolver RESOLVER = new PeriodResolver(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC,
            new InstantRange(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")));
    private static QuestionReader reader;

    private AskFixtures() {
    }

    static synchronized QuestionReader reader() {
        if (reader == null) {
            reader = new QuestionReader(new FilterValues(
                    List.of("Billing", "Notifications", "Reporting", "Integrations", "Mobile App", "User Management",
                            "Data Import", "API"),
                    List.of("SMB", "Mid-Market", "Enterprise", "Public Sector"),
                    List.of("Standard", "Premium", "Strategic"),
                    List.of("North America", "EMEA", "APAC", "LATAM")), TODAY, SentenceEmbeddings.shared());
        }
        return reader;
    }

    /** The understood period as first and last day: the report's month, or the resolver's period of the phrase. */
    static LocalDate[] days(Understanding understood) {
        if (understood.month() != null) {
            YearMonth month = YearMonth.parse(understood.month());
            return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
        }
        Period period = RESOLVER.resolve(understood.period(), null, null);
        LocalDate first = period.from().toLocalDate();
        LocalDate last = period.to().toLocalTime().equals(LocalTime.MIDNIGHT) ? period.to().toLocalDate().minusDays(1)
                : period.to().toLocalDate();
        return new LocalDate[] {first, last};
    }
}
