package org.chancery.mission;

import java.time.LocalDate;

/**
 * Facts recorded in other modules that an embassy-class mission's opening may conflict with (a
 * non-resident accreditation of the same direction, R23). Called in the opening transaction, under
 * the pair's lock.
 */
public interface MissionOpeningGuard {

    /**
     * R20: refuses the opening of {@code mission} (embassy class) on {@code day} if a recorded fact
     * would be left breaking a rule. {@code mission} is as the opening would leave it: open, or, for a
     * past mission recorded with its closing, closed on its {@code closedOn}.
     *
     * @throws org.chancery.shared.RuleViolationException R20 {@code CONFLICTS_WITH_RECORDED_FACTS}
     *         naming the fact
     */
    void embassyOpening(MissionFacts mission, LocalDate day);
}
