package org.chancery.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move; it starts at {@link #DEFAULT_TODAY}, midday UTC. */
public class MutableClock extends Clock {

    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 6, 1);

    private volatile Instant now;

    public MutableClock() {
        reset();
    }

    public void setToday(LocalDate today) {
        now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Moves the clock on by {@code time} (a copy kept for a while expires, as time passes). */
    public void advance(Duration time) {
        now = now.plus(time);
    }

    public void reset() {
        setToday(DEFAULT_TODAY);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
