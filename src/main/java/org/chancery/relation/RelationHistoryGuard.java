package org.chancery.relation;

import java.time.LocalDate;

import org.chancery.shared.FuzzyDate;

/**
 * Facts recorded in other modules that depend on the history of a relation (missions, heads of
 * mission, accreditations). Every guard is called in the writing transaction, with the pair locked, whenever
 * the pair's events change.
 */
public interface RelationHistoryGuard {

    /**
     * R11: applies the effects of a diplomatic severance of the pair on {@code date}: what it ends or closes
     * ends that day, known as precisely as the severance.
     *
     * @return the facts it changed
     */
    SeveranceEffects severed(RelationPair pair, FuzzyDate date);

    /**
     * R11 undone: the diplomatic severance of the pair on {@code date} is deleted, and what it closed or ended opens
     * or serves again, as if it had never been recorded (the history's check follows, R20).
     */
    void unsevered(RelationPair pair, LocalDate date);

    /**
     * R20: checks the facts this guard knows about the pair against its new history.
     *
     * @throws org.chancery.shared.RuleViolationException R20 {@code CONFLICTS_WITH_RECORDED_FACTS}
     *         naming a fact that {@code history} would leave breaking a rule
     */
    void check(RelationPair pair, RelationHistory history);
}
