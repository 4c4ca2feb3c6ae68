package org.chancery.change;

import java.time.Instant;
import java.util.List;

import org.chancery.shared.FactChanged;

/** One change of the feed. */
public record Change(long seq, Instant at, String user, FactChanged.Action action, String kind, String id,
        List<String> countries) {
}
