package com.escalationanalyst.analysis.patterns;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code escalation.patterns.*}: the share of a pattern's tickets that must match one known issue
 * for the pattern to "match a documented bug", and the smallest cluster of similar unmatched
 * product-bug notes reported as a candidate new known issue.
 */
@ConfigurationProperties("escalation.patterns")
record PatternSettings(Double documentedBugShare, Integer clusterMinSize) {

    PatternSettings {
        documentedBugShare = documentedBugShare == null ? 0.3 : documentedBugShare;
        clusterMinSize = clusterMinSize == null ? 5 : clusterMinSize;
    }
}
