package org.chancery.mission;

import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

/** The rank of a head of mission; ambassadors and envoys need agrément (R14). */
@Schema(enumAsRef = true)
public enum HeadRank {
    AMBASSADOR, ENVOY, CHARGE_D_AFFAIRES, CHARGE_D_AFFAIRES_AD_INTERIM;

    public boolean needsAgrement() {
        return this == AMBASSADOR || this == ENVOY;
    }

    /** The rank in words, as a sentence reads it: "ambassador", "chargé d'affaires ad interim". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace("charge_d_affaires", "chargé d'affaires").replace('_', ' ');
    }
}
