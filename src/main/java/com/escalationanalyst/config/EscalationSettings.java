package com.escalationanalyst.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.*}, the settings every part reads: the business time zone (periods, months, the report's
 * schedule), where the embedded database and the outbox live ({@code data-dir}, set in application.yaml because the
 * H2 URL is built from it), demo data, the address readers of the mail reach the application at ({@code public-url},
 * application.yaml: built from {@code server.port}; empty: no links), how long analyses stay in the archive, and the
 * two background warm-ups. Checked at start: a value that is not one names the property and stops the start.
 * The default of each is here or, for the two above, in application.yaml; docs/configuration.md lists them all.
 */
@Validated
@ConfigurationProperties("escalation")
public record EscalationSettings(
        @DefaultValue("UTC") @NotNull ZoneId timeZone,
        @NotNull Path dataDir,
        @DefaultValue("true") boolean demoData,
        @DefaultValue("20261101") long demoSeed,
        String publicUrl,
        @DefaultValue("true") boolean pythonWarmup,
        @DefaultValue @Valid Archive archive,
        @DefaultValue @Valid Embeddings embeddings) {

    /** {@code escalation.archive.*}: how long analysis runs stay on /analyses and GET /api/analyses. */
    public record Archive(@DefaultValue("P365D") @NotNull Duration retention) {

        public Archive {
            if (retention != null && (retention.isNegative() || retention.isZero())) {
                throw new IllegalArgumentException("escalation.archive.retention: must be positive (e.g. P365D), is "
                        + retention);
            }
        }
    }

    /** {@code escalation.embeddings.*}: embed escalated tickets' new texts in the background after loads. */
    public record Embeddings(@DefaultValue("true") boolean backfill) {
    }
}
