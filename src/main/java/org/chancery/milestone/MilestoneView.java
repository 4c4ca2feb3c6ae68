package org.chancery.milestone;

import java.time.LocalDate;
import java.util.List;

import org.chancery.shared.Source;

/**
 * A milestone as read, with its status and {@code onTime} derived for the day it was read: what the answers
 * ({@code MilestoneResponse}) and the other modules take.
 */
public record MilestoneView(long id, List<String> countries, String title, String target, LocalDate targetStart,
        LocalDate targetEnd, Long missionId, MilestoneStatus status, LocalDate achievedOn, Boolean onTime,
        List<Source> sources) {

    static MilestoneView of(Milestone milestone, LocalDate today) {
        return new MilestoneView(milestone.id(), milestone.pair().codes(), milestone.title(),
                milestone.target(), milestone.targetStart(), milestone.targetEnd(), milestone.missionId(),
                milestone.status(today), milestone.achievedOn(), milestone.onTime(), milestone.sources());
    }
}
