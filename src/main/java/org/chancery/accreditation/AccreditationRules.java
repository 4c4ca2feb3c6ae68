package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.diplomat.Diplomat;
import org.chancery.mission.MissionFacts;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationState;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;

/**
 * Rule R23 of API.md, for an accreditation from {@code from} until {@code to} (exclusive; null:
 * open-ended), checked over its whole period; each method names its part of the rule and throws
 * {@link RuleViolationException} with the rule's code.
 */
final class AccreditationRules {

    private AccreditationRules() {
    }

    /**
     * R23: an {@code AMBASSADOR} or {@code ENVOY} accreditation starts while diplomatic relations are
     * established and no severance falls within its period (R11 would have ended it); a
     * {@code CONSUL} accreditation starts while consular relations are established.
     */
    static void relations(AccreditationLevel level, CountryCode sending, CountryCode receiving, LocalDate from,
            LocalDate to, RelationHistory history) {
        RelationState onStart = history.on(from);
        if (!level.diplomatic()) {
            if (!onStart.consularEstablished()) {
                throw new RuleViolationException(Rule.R23_CONSULAR_RELATION_NOT_ESTABLISHED, "A CONSUL accreditation "
                        + "starts only while consular relations are established; between " + sending + " and "
                        + receiving + " they are " + onStart.consularStatus() + " on " + from + ".");
            }
            return;
        }
        if (!onStart.established()) {
            throw new RuleViolationException(Rule.R23_RELATION_NOT_ESTABLISHED, "An " + level + " accreditation "
                    + "starts only while diplomatic relations are established; between " + sending + " and "
                    + receiving + " they are " + onStart.status() + " on " + from + ".");
        }
        for (LocalDate severance : history.severances()) {
            if (!severance.isBefore(from) && (to == null || to.isAfter(severance))) {
                throw new RuleViolationException(Rule.R23_RELATION_NOT_ESTABLISHED, "Diplomatic relations between "
                        + sending + " and " + receiving + " were severed on " + severance + ", within the "
                        + "accreditation's period; the severance ends it (R11), so it must end by then.");
            }
        }
    }

    /** R23: a direction has at most one diplomatic accreditation at a time. */
    static void oneAtATime(LocalDate from, LocalDate to, List<Accreditation> ofDirection) {
        ofDirection.stream()
                .filter(other -> other.level().diplomatic() && other.overlaps(from, to))
                .findFirst().ifPresent(other -> {
                    throw new RuleViolationException(Rule.R23_ACCREDITATION_CONFLICT, "The direction already has a "
                            + "diplomatic accreditation during that period: " + other.describe() + ".");
                });
    }

    /** R23: no diplomatic accreditation while the direction has an embassy-class mission open. */
    static void noEmbassyOpen(LocalDate from, LocalDate to, List<MissionFacts> embassiesOfDirection) {
        embassiesOfDirection.stream()
                .filter(mission -> mission.openDuring(from, to))
                .findFirst().ifPresent(mission -> {
                    throw new RuleViolationException(Rule.R23_ACCREDITATION_CONFLICT, "The direction has the "
                            + mission.describe() + " open during that period (opened " + mission.openedOn()
                            + (mission.closedOn() == null ? "" : ", closed " + mission.closedOn())
                            + "); a non-resident accreditation is for a direction without one.");
                });
    }

    /**
     * R23: the head resides at a diplomatic mission of the sending country in a third country, open
     * on {@code from}.
     */
    static void residentMission(MissionFacts resident, CountryCode sending, CountryCode receiving, LocalDate from) {
        String problem = null;
        if (!resident.sendingCountry().equals(sending)) {
            problem = "it is a mission of " + resident.sendingCountry() + ", not of the sending country " + sending;
        } else if (resident.receivingCountry().equals(receiving)) {
            problem = "it is in " + receiving + " itself, not in a third country";
        } else if (resident.type().consular()) {
            problem = "it is a consular post, not a diplomatic mission";
        } else if (!resident.openOn(from)) {
            problem = "it is not open on " + from;
        }
        if (problem != null) {
            throw new RuleViolationException(Rule.R23_RESIDENT_MISSION_INVALID, "residentMissionId names the "
                    + resident.describe() + ": " + problem + ".");
        }
    }

    /** R13, as for heads of mission: the accredited head is a diplomat of the sending country. */
    static void diplomatOfSendingCountry(Diplomat diplomat, CountryCode sending) {
        if (!diplomat.country().equals(sending)) {
            throw new RuleViolationException(Rule.R13_DIPLOMAT_NOT_OF_SENDING_COUNTRY, diplomat.name() + " is a "
                    + "diplomat of " + diplomat.country() + ", not of the sending country " + sending + ".");
        }
    }
}
