package org.chancery.relation;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a relation event records, and on which track. */
@Schema(enumAsRef = true)
public enum EventType {
    ESTABLISHED(Track.DIPLOMATIC),
    SEVERED(Track.DIPLOMATIC),
    RESTORED(Track.DIPLOMATIC),
    CONSULAR_ESTABLISHED(Track.CONSULAR),
    CONSULAR_SEVERED(Track.CONSULAR);

    private final Track track;

    EventType(Track track) {
        this.track = track;
    }

    public Track track() {
        return track;
    }
}
