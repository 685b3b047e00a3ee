package com.escalationanalyst.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The feeds as metrics, per feed (tag {@code feed}): {@code escalation.sync.pages} counts pages stored;
 * {@code escalation.sync.last.success} is when the newest page was stored (epoch seconds) and
 * {@code escalation.sync.lag} how long ago that was (seconds), both read from the feed's cursor row, so they
 * hold across restarts and nodes. Before a feed's first page both are NaN.
 */
@Component
public class FeedMetrics {

    private final MeterRegistry meters;
    private final Clock clock;

    FeedMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** Publishes the feed's last success and lag, read from where its cursor is saved. */
    public void watch(String feed, SyncCursors cursors) {
        Gauge.builder("escalation.sync.last.success", () -> cursors.savedAt(feed).map(t -> (double) t.getEpochSecond())
                        .orElse(Double.NaN))
                .description("When the feed last stored a page (epoch seconds)").tag("feed", feed).baseUnit("seconds")
                .register(meters);
        Gauge.builder("escalation.sync.lag", () -> cursors.savedAt(feed)
                        .map(t -> (double) (clock.millis() - t.toEpochMilli()) / 1000.0).orElse(Double.NaN))
                .description("Seconds since the feed last stored a page").tag("feed", feed).baseUnit("seconds")
                .register(meters);
        meters.counter("escalation.sync.pages", "feed", feed);
    }

    /** A page of the feed was stored. */
    public void pageStored(String feed) {
        meters.counter("escalation.sync.pages", "feed", feed).increment();
    }
}
