package org.chancery.history;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chancery.accreditation.AccreditationLevel;
import org.chancery.mission.MissionType;

/**
 * The {@code us_mission_status} of Kenkel's data (the highest level of U.S. representation in a
 * state), and the fact Chancery records for it: a mission, a non-resident accreditation, or none.
 */
enum KenkelStatus {
    EMBASSY("Embassy", MissionType.EMBASSY, null, true),
    AMBASSADOR_NONRESIDENT("Ambassador Nonresident", null, AccreditationLevel.AMBASSADOR, true),
    LEGATION("Legation", MissionType.LEGATION, null, true),
    ENVOY_NONRESIDENT("Envoy Nonresident", null, AccreditationLevel.ENVOY, true),
    CONSULATE("Consulate", MissionType.CONSULATE, null, false),
    CONSUL_NONRESIDENT("Consul Nonresident", null, AccreditationLevel.CONSUL, false),
    LIAISON("Liaison", MissionType.LIAISON_OFFICE, null, false),
    INTERESTS("Interests", MissionType.INTERESTS_SECTION, null, false),
    NONE("None", null, null, false);

    /** The statuses as the data writes them, for a message. */
    static final String NAMES = Arrays.stream(values()).map(KenkelStatus::text).collect(Collectors.joining(", "));

    private final String text;
    private final MissionType mission;
    private final AccreditationLevel accreditation;
    private final boolean diplomatic;

    KenkelStatus(String text, MissionType mission, AccreditationLevel accreditation, boolean diplomatic) {
        this.text = text;
        this.mission = mission;
        this.accreditation = accreditation;
        this.diplomatic = diplomatic;
    }

    static Optional<KenkelStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.text.equals(text == null ? null : text.trim()))
                .findFirst();
    }

    /** The mission the status stands for, if any. */
    Optional<MissionType> mission() {
        return Optional.ofNullable(mission);
    }

    /** The non-resident accreditation the status stands for, if any. */
    Optional<AccreditationLevel> accreditation() {
        return Optional.ofNullable(accreditation);
    }

    /** An embassy, a legation or a non-resident ambassador or envoy: the status of diplomatic relations. */
    boolean diplomatic() {
        return diplomatic;
    }

    /** A consulate or a non-resident consul: needs consular relations. */
    boolean consular() {
        return this == CONSULATE || this == CONSUL_NONRESIDENT;
    }

    /**
     * None or an interests section: following a diplomatic status, in the same membership spell or after a gap,
     * relations were severed.
     */
    boolean endsRelations() {
        return this == NONE || this == INTERESTS;
    }

    String text() {
        return text;
    }
}
