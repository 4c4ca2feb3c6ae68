package org.chancery.mission;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationState;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;

/**
 * The mission rules of API.md that need facts from outside one mission: the relation's state on a
 * day, the protecting power, the other missions of a direction, the diplomat's country. Each
 * method names its rule and throws {@link RuleViolationException} with the rule's code.
 */
final class MissionRules {

    private MissionRules() {
    }

    /**
     * R9: an interests section needs a protecting power different from both countries; no other
     * mission has one.
     */
    static void protectingPower(MissionType type, CountryCode sending, CountryCode receiving, CountryCode power) {
        if (type != MissionType.INTERESTS_SECTION) {
            return;
        }
        if (power == null) {
            throw new RuleViolationException(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED,
                    "An interests section needs a protecting power (protectingPower).");
        }
        if (power.equals(sending) || power.equals(receiving)) {
            throw new RuleViolationException(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED,
                    "The protecting power " + power + " must be a third country, not the sending or receiving one.");
        }
    }

    /**
     * R5 (embassy class, provisional office), R6 (consular posts), R9 (interests sections) and R10
     * (liaison offices: anything goes) for opening a mission on {@code on}.
     *
     * @param pair the relation of sending and receiving country at the end of {@code on}
     * @param protectingPowerRelation the relation of protecting power and receiving country that
     *        day (interests sections only)
     */
    static void relationsForOpening(Mission mission, LocalDate on, RelationState pair,
            RelationState protectingPowerRelation) {
        MissionType type = mission.type();
        if (type.needsDiplomaticRelations() && !pair.established()) {
            throw new RuleViolationException(Rule.R5_RELATION_NOT_ESTABLISHED, "A mission of type " + type + " opens only while "
                    + "diplomatic relations are established; between " + mission.sendingCountry() + " and "
                    + mission.receivingCountry() + " they are " + pair.status() + " on " + on + ".");
        }
        if (type.consular() && !pair.consularEstablished()) {
            throw new RuleViolationException(Rule.R6_CONSULAR_RELATION_NOT_ESTABLISHED, "A mission of type " + type + " opens only "
                    + "while consular relations are established; between " + mission.sendingCountry() + " and "
                    + mission.receivingCountry() + " they are " + pair.consularStatus() + " on " + on + ".");
        }
        if (type == MissionType.INTERESTS_SECTION) {
            if (pair.established()) {
                throw new RuleViolationException(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED, "An interests section opens "
                        + "only while diplomatic relations are not established; they are established on " + on + ".");
            }
            if (!protectingPowerRelation.established()) {
                throw new RuleViolationException(Rule.R9_INTERESTS_SECTION_NOT_ALLOWED, "The protecting power "
                        + mission.protectingPower() + " has no established relations with " + mission.receivingCountry()
                        + " on " + on + ".");
            }
        }
    }

    /** R7: no other embassy-class mission of the direction is open on or after {@code on}. */
    static void oneEmbassyPerDirection(Mission mission, LocalDate on, List<Mission> openOnOrAfter) {
        if (!openOnOrAfter.isEmpty()) {
            throw new RuleViolationException(Rule.R7_EMBASSY_ALREADY_OPEN, mission.sendingCountry() + " already has an "
                    + "embassy-class mission in " + mission.receivingCountry() + " open on or after " + on + ": "
                    + openOnOrAfter.stream().map(m -> m.type() + " " + m.id() + " in " + m.place())
                            .collect(Collectors.joining(", ")) + ".");
        }
    }

    /** R13: a head of mission is a diplomat of the sending country. */
    static void diplomatOfSendingCountry(Mission mission, CountryCode diplomatCountry, String name) {
        if (!diplomatCountry.equals(mission.sendingCountry())) {
            throw new RuleViolationException(Rule.R13_DIPLOMAT_NOT_OF_SENDING_COUNTRY, name + " is a diplomat of "
                    + diplomatCountry + ", not of the sending country " + mission.sendingCountry() + ".");
        }
    }

    /** R15: a head of mission serves diplomatic missions only, and starts while relations are established. */
    static void headOfMission(Mission mission, LocalDate startedOn, RelationState onStart) {
        mission.requireDiplomatic();
        if (!onStart.established()) {
            throw new RuleViolationException(Rule.R15_RELATION_NOT_ESTABLISHED, "A head of mission starts only while "
                    + "diplomatic relations are established; between " + mission.sendingCountry() + " and "
                    + mission.receivingCountry() + " they are " + onStart.status() + " on " + startedOn + ".");
        }
    }

    /**
     * R15 with R11: a severance ends the heads of an embassy-class mission or provisional office,
     * open or not yet, that day; such a head's period recorded afterwards ends by the first severance
     * after its start. The heads of liaison offices and interests sections stay.
     */
    static void headEndsBySeverance(Mission mission, LocalDate startedOn, LocalDate endedOn, List<LocalDate> severances) {
        if (!mission.type().needsDiplomaticRelations()) {
            return;
        }
        for (LocalDate severance : severances) {
            if (!severance.isBefore(startedOn) && (endedOn == null || endedOn.isAfter(severance))) {
                throw new RuleViolationException(Rule.R15_RELATION_NOT_ESTABLISHED, "Diplomatic relations between "
                        + mission.sendingCountry() + " and " + mission.receivingCountry() + " were severed on "
                        + severance + ", which ends the functions of mission " + mission.id() + "'s head (R11): a "
                        + "head who started on " + startedOn + " must end by then.");
            }
        }
    }
}
