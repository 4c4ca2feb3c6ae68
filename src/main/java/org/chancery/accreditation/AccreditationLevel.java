package org.chancery.accreditation;

import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

/** The level of a non-resident accreditation: diplomatic ({@code AMBASSADOR}, {@code ENVOY}) or consular. */
@Schema(enumAsRef = true)
public enum AccreditationLevel {
    AMBASSADOR, ENVOY, CONSUL;

    /** {@code AMBASSADOR} or {@code ENVOY}: needs diplomatic relations (R23) and ends with them (R11). */
    public boolean diplomatic() {
        return this != CONSUL;
    }

    /** The level in words, as a sentence begins with it: "Ambassador". */
    public String words() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
