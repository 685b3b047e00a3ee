package com.escalationanalyst.knowledge;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code escalation.knowledge.*}: upload limits — bytes of one document ({@code max-upload-bytes}; the older name
 * {@code max-bytes} is still read; neither: 1 MiB), issues or sections of one document ({@code max-rows}) — and the
 * known-issue matcher's two thresholds (none: the values chosen on the tuning half of the held-out notes,
 * {@link KnownIssueMatcher.Weights#DEFAULT}).
 */
@Validated
@ConfigurationProperties("escalation.knowledge")
public record KnowledgeSettings(
        @Min(1) Integer maxUploadBytes,
        @Min(1) Integer maxBytes,
        @DefaultValue("5000") @Min(1) int maxRows,
        @DecimalMin("0") @DecimalMax("1") Double matchMinScore,
        @DecimalMin("0") @DecimalMax("1") Double matchMinMargin) {

    static final int DEFAULT_UPLOAD_BYTES = 1_048_576;

    /** Bytes of one uploaded document. */
    public int uploadLimit() {
        return maxUploadBytes != null ? maxUploadBytes : maxBytes != null ? maxBytes : DEFAULT_UPLOAD_BYTES;
    }
}
