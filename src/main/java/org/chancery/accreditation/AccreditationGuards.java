package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryFacts;
import org.chancery.country.Lifetime;
import org.chancery.diplomat.DiplomatReferences;
import org.chancery.mission.MissionClosingGuard;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionOpeningGuard;
import org.chancery.mission.MissionReferences;
import org.chancery.relation.AffectedAccreditation;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationHistoryGuard;
import org.chancery.relation.RelationPair;
import org.chancery.relation.SeveranceEffects;
import org.chancery.shared.FactChanged;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the accreditations of a pair mean for the writes of other modules, each run in the writing
 * transaction: a severance ends the diplomatic ones (R11); a change of the relation's history, an
 * embassy-class opening, the closing of a resident mission, a change of a country's lifetime or the
 * deletion of a diplomat or of a resident mission may not leave one breaking a rule (R20, R21).
 */
@Component
class AccreditationGuards implements RelationHistoryGuard, MissionOpeningGuard, MissionClosingGuard, MissionReferences,
        DiplomatReferences, CountryFacts {

    private final AccreditationRepository repository;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;

    AccreditationGuards(AccreditationRepository repository, JdbcClient jdbc, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /**
     * R11: the {@code AMBASSADOR} and {@code ENVOY} accreditations in force on the severance's day end
     * that day; R20: one recorded as ending later cannot be left in force across it.
     */
    @Override
    public SeveranceEffects severed(RelationPair pair, FuzzyDate date) {
        List<AffectedAccreditation> ended = new ArrayList<>();
        for (Accreditation accreditation : repository.findBetween(pair.first().value(), pair.second().value())) {
            if (accreditation.level().diplomatic() && accreditation.activeOn(date.date())) {
                if (accreditation.to() != null) {
                    throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The "
                            + accreditation.describe() + " is in force across a severance on " + date.date()
                            + ", which would end it that day (R11).");
                }
                accreditation.endBySeverance(date);
                publisher.publishEvent(Accreditations.changed(FactChanged.Action.UPDATED, accreditation));
                ended.add(new AffectedAccreditation(accreditation.id(), accreditation.sendingCountry().value(),
                        accreditation.receivingCountry().value(), accreditation.level().name(), accreditation.from(),
                        accreditation.fromPrecision(), accreditation.to(), accreditation.toPrecision()));
            }
        }
        return SeveranceEffects.ofAccreditations(ended);
    }

    /** R11 undone: the accreditations that the severance of {@code date} ended are in force again. */
    @Override
    public void unsevered(RelationPair pair, LocalDate date) {
        for (Accreditation accreditation : repository.findBetween(pair.first().value(), pair.second().value())) {
            if (accreditation.endedBySeverance() && date.equals(accreditation.to())) {
                accreditation.resumeAfterSeverance();
                publisher.publishEvent(Accreditations.changed(FactChanged.Action.UPDATED, accreditation));
            }
        }
    }

    /**
     * R20: every recorded accreditation of the pair still starts and lasts as R23 allows under {@code
     * history}, and one that a severance ended still has that severance.
     */
    @Override
    public void check(RelationPair pair, RelationHistory history) {
        for (Accreditation accreditation : repository.findBetween(pair.first().value(), pair.second().value())) {
            if (accreditation.endedBySeverance() && !history.severances().contains(accreditation.to())) {
                throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The "
                        + accreditation.describe() + " was ended by the severance of " + accreditation.to()
                        + " (R11); the history would no longer have that severance.");
            }
            try {
                AccreditationRules.relations(accreditation.level(), accreditation.sendingCountry(),
                        accreditation.receivingCountry(), accreditation.from(), accreditation.to(), history);
            } catch (RuleViolationException broken) {
                throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The "
                        + accreditation.describe() + " would break R23: " + broken.getMessage());
            }
        }
    }

    /** R20: a mission does not close while an accreditation that names it as its resident mission has yet to start (R23). */
    @Override
    public void missionClosing(MissionFacts mission, LocalDate day) {
        repository.findResidentFrom(mission.id(), day).stream().findFirst().ifPresent(accreditation -> {
            throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The " + accreditation.describe()
                    + " names " + mission.type() + " " + mission.id() + " as its resident mission, open on its start "
                    + "(R23); the mission cannot close on " + day + ".");
        });
    }

    /**
     * R20: an embassy-class mission does not open while, or before, a diplomatic accreditation of its
     * direction is in force; a past one (closed) only while it was open.
     */
    @Override
    public void embassyOpening(MissionFacts mission, LocalDate day) {
        repository.findByDirection(mission.sendingCountry().value(), mission.receivingCountry().value()).stream()
                .filter(accreditation -> accreditation.level().diplomatic()
                        && (accreditation.to() == null || accreditation.to().isAfter(day))
                        && (mission.closedOn() == null || accreditation.from().isBefore(mission.closedOn())))
                .findFirst().ifPresent(accreditation -> {
                    throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The "
                            + accreditation.describe() + " is in force on or after " + day + "; the direction cannot "
                            + "have an embassy-class mission open then (R23).");
                });
    }

    /** R21: a diplomat accredited to a country cannot be deleted. */
    @Override
    public Optional<String> firstReferenceTo(long diplomatId) {
        return repository.findIdsNaming(diplomatId, PageRequest.of(0, 1)).stream().findFirst()
                .map(id -> "accreditation " + id);
    }

    /** R21: nor a mission whose head of mission an accreditation names as resident there. */
    @Override
    public Optional<String> firstFactNaming(long missionId) {
        return repository.findIdsOfResidentMission(missionId, PageRequest.of(0, 1)).stream().findFirst()
                .map(id -> "accreditation " + id + ", served from it,");
    }

    /** R13: nor moved to another country than the sending one. */
    @Override
    public Optional<String> factFixingTheCountryOf(long diplomatId) {
        return firstReferenceTo(diplomatId);
    }

    /** An accreditation from or to it still in force: it would go on after the country's end. */
    @Override
    public Optional<String> goingOn(CountryCode country) {
        return jdbc.sql("""
                select accreditation_level, id, sending_country, receiving_country, from_date, to_date from accreditation
                where (sending_country = :c or receiving_country = :c) and to_date is null
                order by id fetch first 1 rows only""")
                .param("c", country.value())
                .query(described(", still in force")).optional();
    }

    /** R20 for a change of a country's lifetime (R22). */
    @Override
    public Optional<String> outside(CountryCode country, Lifetime lifetime) {
        if (lifetime.unbounded()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select accreditation_level, id, sending_country, receiving_country, from_date, to_date from accreditation
                where (sending_country = :c or receiving_country = :c)
                  and (from_date < :first or from_date > :last or to_date > :lastEnd)
                order by id fetch first 1 rows only""")
                .param("c", country.value()).param("first", lifetime.firstDay()).param("last", lifetime.lastDay())
                .param("lastEnd", lifetime.lastEndDay())
                .query(described("")).optional();
    }

    /** An accreditation row (level, id, sending, receiving, from, to) in words; {@code open} said of one without an end. */
    private static RowMapper<String> described(String open) {
        return (row, n) -> row.getString(1) + " accreditation " + row.getLong(2) + " of " + row.getString(3)
                + " to " + row.getString(4) + " from " + row.getObject(5, LocalDate.class)
                + (row.getObject(6) == null ? open : " to " + row.getObject(6, LocalDate.class));
    }
}
