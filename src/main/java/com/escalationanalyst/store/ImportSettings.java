package com.escalationanalyst.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.import.*}: what a load into the stores accepts and how it runs. {@code maxErrors}: errors listed
 * for a refused file; {@code batchSize}: rows per JDBC batch when staging on H2; {@code bulkLoadMinRows}: new rows
 * from which a load into empty PostgreSQL tables builds their indexes afterwards (docs/adr/0010); the three caps on
 * one CSV record; {@code minInstant}/{@code maxInstant}: the instants the stores hold ({@link InstantRange});
 * {@code lockTimeout}: how long an import waits for another into the same store (a plain number is milliseconds).
 */
@Validated
@ConfigurationProperties("escalation.import")
public record ImportSettings(
        @DefaultValue("100") @Min(1) int maxErrors,
        @DefaultValue("1000") @Min(1) int batchSize,
        @DefaultValue("100000") @Min(1) long bulkLoadMinRows,
        @DefaultValue("200") @Min(1) int maxFieldsPerLine,
        @DefaultValue("1000000") @Min(1) int maxFieldLength,
        @DefaultValue("4000000") @Min(1) int maxLineLength,
        @DefaultValue("1970-01-01T00:00:00Z") @NotBlank String minInstant,
        @DefaultValue("2100-01-01T00:00:00Z") @NotBlank String maxInstant,
        @DefaultValue("30s") @NotNull Duration lockTimeout) {

    public ImportSettings {
        if (lockTimeout != null && lockTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("escalation.import.lock-timeout: must be at least 1 ms, is " + lockTimeout);
        }
    }
}
