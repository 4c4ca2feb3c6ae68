package org.chancery.observation;

import java.util.Arrays;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/** The level at which the sending country was represented in the receiving one, with its COW code. */
@Schema(enumAsRef = true)
public enum ObservationLevel {
    NONE("0"), CHARGE_D_AFFAIRES("1"), ENVOY("2"), AMBASSADOR("3"),
    /** COW's 9: an interests section, interests served by a third state, presence without staffing known… */
    OTHER("9");

    private final String cowCode;

    ObservationLevel(String cowCode) {
        this.cowCode = cowCode;
    }

    public String cowCode() {
        return cowCode;
    }

    /**
     * How much representation the level is, to choose between two observations of one year: none,
     * COW's other presence (an interests section, a third state's), then chargé, envoy, ambassador.
     */
    int representation() {
        return switch (this) {
            case NONE -> 0;
            case OTHER -> 1;
            case CHARGE_D_AFFAIRES -> 2;
            case ENVOY -> 3;
            case AMBASSADOR -> 4;
        };
    }

    static Optional<ObservationLevel> ofCowCode(String code) {
        return Arrays.stream(values()).filter(level -> level.cowCode.equals(code)).findFirst();
    }

    /** Whether the level counts as representation for COW's {@code DE} in {@code year}. */
    boolean represents(int year) {
        return this == CHARGE_D_AFFAIRES || this == ENVOY || this == AMBASSADOR
                || (this == OTHER && year >= 1950 && year <= 1965);
    }
}
