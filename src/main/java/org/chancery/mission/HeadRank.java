package org.chancery.mission;

/** The rank of a head of mission; ambassadors and envoys need agrément (R14). */
public enum HeadRank {
    AMBASSADOR, ENVOY, CHARGE_D_AFFAIRES, CHARGE_D_AFFAIRES_AD_INTERIM;

    public boolean needsAgrement() {
        return this == AMBASSADOR || this == ENVOY;
    }
}
