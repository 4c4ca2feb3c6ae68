package org.chancery.mission;

import java.time.LocalDate;

/**
 * Facts recorded in other modules that a mission's closing may conflict with (a non-resident
 * accreditation whose resident mission it is, R23). Called in the closing transaction, for every
 * way a mission closes: by an editor, superseded by an embassy (R8), by a severance (R11).
 */
public interface MissionClosingGuard {

    /**
     * R20: refuses the closing of {@code mission} on {@code day} if a recorded fact would be left
     * breaking a rule.
     *
     * @throws org.chancery.shared.RuleViolationException R20 {@code CONFLICTS_WITH_RECORDED_FACTS}
     *         naming the fact
     */
    void missionClosing(MissionFacts mission, LocalDate day);
}
