package com.escalationanalyst.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.store.ImportSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The settings records bind as the configuration reference says: their defaults with nothing set, and a value they
 * refuse stops the start with one line naming the property (what {@link SettingFailureAnalyzer.BindingAnalyzer}
 * makes of the binding failure). Expected texts are written from docs/configuration.md and the constraints.
 */
class SettingsBindingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({EscalationSettings.class, CostSettings.class, ImportSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues("escalation.data-dir=./data");

    @Test
    void withNothingSetTheDefaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            EscalationSettings escalation = context.getBean(EscalationSettings.class);
            assertThat(escalation.timeZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(escalation.archive().retention()).isEqualTo(Duration.ofDays(365));
            assertThat(escalation.demoData()).isTrue();
            assertThat(escalation.demoSeed()).isEqualTo(20261101L);
            assertThat(escalation.embeddings().backfill()).isTrue();
            assertThat(escalation.publicUrl()).isNull();
            CostSettings cost = context.getBean(CostSettings.class);
            assertThat(cost.agentCostPerHour()).isEqualByComparingTo(new BigDecimal("38.00"));
            assertThat(cost.currency()).isEqualTo("USD");
            ImportSettings imports = context.getBean(ImportSettings.class);
            assertThat(imports.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(imports.maxErrors()).isEqualTo(100);
            assertThat(imports.minInstant()).isEqualTo("1970-01-01T00:00:00Z");
        });
    }

    @Test
    void aPlainNumberIsMillisecondsAsBefore() {
        runner.withPropertyValues("escalation.import.lock-timeout=2500").run(context ->
                assertThat(context.getBean(ImportSettings.class).lockTimeout()).isEqualTo(Duration.ofMillis(2500)));
    }

    @Test
    void aTimeZoneThatIsNotOneNamesTheSettingAndItsVariable() {
        FailureAnalysis analysis = refused("escalation.time-zone=Mars/Olympus");
        assertThat(analysis.getDescription()).isEqualTo("escalation.time-zone: 'Mars/Olympus' is not a time zone");
        assertThat(analysis.getAction()).startsWith("Set escalation.time-zone (ESCALATION_TIME_ZONE) to a zone id");
    }

    @Test
    void aValueTheConstraintsRefuseNamesTheSettingAndTheRule() {
        assertThat(refused("escalation.cost.currency=usd").getDescription())
                .isEqualTo("escalation.cost.currency: 'usd' must be a three-letter currency code such as USD or EUR");
        assertThat(refused("escalation.import.max-errors=0").getDescription())
                .isEqualTo("escalation.import.max-errors: '0' must be greater than or equal to 1");
        assertThat(refused("escalation.cost.agent-cost-per-hour=0").getDescription())
                .isEqualTo("escalation.cost.agent-cost-per-hour: '0' must be greater than 0");
    }

    @Test
    void aValueTheRecordRefusesNamesTheSetting() {
        assertThat(refused("escalation.archive.retention=-P1D").getDescription())
                .isEqualTo("escalation.archive.retention: must be positive (e.g. P365D), is PT-24H");
        assertThat(refused("escalation.import.lock-timeout=0").getDescription())
                .isEqualTo("escalation.import.lock-timeout: must be at least 1 ms, is PT0S");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheSetting() {
        assertThat(refused("escalation.archive.retention=a year").getDescription())
                .startsWith("escalation.archive.retention: 'a year' is not a valid Duration");
    }

    private FailureAnalysis refused(String property) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = new SettingFailureAnalyzer.BindingAnalyzer().analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).as("an analysis of " + property).isNotNull();
        return analysis[0];
    }
}
