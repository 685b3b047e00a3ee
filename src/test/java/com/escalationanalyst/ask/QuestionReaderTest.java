package com.escalationanalyst.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The reader on questions written for its development (the measured set is held out, see
 * QuestionReaderHeldOutTest). Today is Tuesday 2026-12-01; "last N days" ends today.
 */
class QuestionReaderTest {

    private static Understanding read(String question) {
        return AskFixtures.reader().read(question);
    }

    private static void assertDays(Understanding understood, String first, String last) {
        assertThat(AskFixtures.days(understood)).containsExactly(LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void whyQuestionsArePatternsWithTheirFilters() {
        Understanding u = read("why do escalations happen in Data Import");
        assertThat(u.skill()).isEqualTo("patterns");
        assertThat(u.productArea()).isEqualTo("Data Import");
        assertDays(u, "2026-11-01", "2026-12-01"); // no period: the last 30 days

        u = read("Root causes for premium accounts in October");
        assertThat(u.skill()).isEqualTo("patterns");
        assertThat(u.tier()).isEqualTo("Premium");
        assertDays(u, "2026-10-01", "2026-10-31");

        u = read("why did enterprize escalations spike since 2026-10-15?");
        assertThat(u.segment()).isEqualTo("Enterprise");
        assertDays(u, "2026-10-15", "2026-12-01");

        u = read("escalation patterns from 3 Aug to 9 Aug");
        assertThat(u.skill()).isEqualTo("patterns");
        assertDays(u, "2026-08-03", "2026-08-09");
    }

    @Test
    void comparisonsAreSegmentRatesByTheDimensionNamed() {
        Understanding u = read("Compare EMEA and APAC escalation rates this year");
        assertThat(u.skill()).isEqualTo("segments");
        assertThat(u.dimension()).isEqualTo("region");
        assertThat(u.region()).isNull();
        assertDays(u, "2026-01-01", "2026-12-01");

        u = read("escalation rate by tier for the API product, last 2 months");
        assertThat(u.dimension()).isEqualTo("tier");
        assertThat(u.productArea()).isEqualTo("API");
        assertDays(u, "2026-10-01", "2026-12-01");

        u = read("which segment escalates the most in Q2");
        assertThat(u.skill()).isEqualTo("segments");
        assertThat(u.dimension()).isEqualTo("segment");
        assertDays(u, "2026-04-01", "2026-06-30");
    }

    @Test
    void reportQuestionsNameOneMonthLastMonthByDefault() {
        Understanding u = read("monthly report for September 2026");
        assertThat(u.skill()).isEqualTo("report");
        assertThat(u.month()).isEqualTo("2026-09");
        assertThat(read("what does the VP report look like").month()).isEqualTo("2026-11");
        assertThat(read("the leadership report for last quarter").skill()).isEqualTo("clarify");
    }

    @Test
    void outOfScopeAndAmbiguousQuestionsAreAskedBack() {
        Understanding u = read("book a flight to Berlin");
        assertThat(u.skill()).isEqualTo("clarify");
        assertThat(u.clarification()).startsWith("That is not something I can answer.");
        assertThat(read("integrations?").skill()).isEqualTo("clarify");
        assertThat(read("").clarification()).contains("why tickets escalate");
        Understanding two = read("why do Billing and API tickets escalate");
        assertThat(two.skill()).isEqualTo("clarify");
        assertThat(two.clarification()).contains("Billing or API");
    }

    @Test
    void wordsReadButNotUsedAreSaid() {
        Understanding u = read("In EMEA, do strategic accounts escalate more than standard ones?");
        assertThat(u.skill()).isEqualTo("segments");
        assertThat(u.dimension()).isEqualTo("tier");
        assertThat(u.notes()).singleElement().asString().contains("EMEA is not a filter");
    }

    @Test
    void wordsWithATypoOrPluralStillMatchButShortOnesMustBeExact() {
        assertThat(FilterValues.wordMatches("enterprises", "enterprise")).isTrue();
        assertThat(FilterValues.wordMatches("notifcations", "notifications")).isTrue();
        assertThat(FilterValues.wordMatches("biling", "billing")).isTrue();
        assertThat(FilterValues.wordMatches("app", "api")).isFalse();
        assertThat(FilterValues.wordMatches("report", "reporting")).isFalse();
        assertThat(FilterValues.distance("ab", "ba")).isEqualTo(1);
        assertThat(FilterValues.distance("kitten", "sitting")).isEqualTo(3);
    }
}
