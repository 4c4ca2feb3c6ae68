package org.chancery.relation;

import java.util.List;

import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Source;

/** An event to record on a pair, one of several recorded together ({@link RelationService#recordAll}). */
public record EventDraft(EventType type, FuzzyDate date, String note, List<Source> sources) {
}
