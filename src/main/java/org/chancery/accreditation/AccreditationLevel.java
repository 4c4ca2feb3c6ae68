package org.chancery.accreditation;

/** The level of a non-resident accreditation: diplomatic ({@code AMBASSADOR}, {@code ENVOY}) or consular. */
public enum AccreditationLevel {
    AMBASSADOR, ENVOY, CONSUL;

    /** {@code AMBASSADOR} or {@code ENVOY}: needs diplomatic relations (R23) and ends with them (R11). */
    public boolean diplomatic() {
        return this != CONSUL;
    }
}
