package org.chancery.observation;

import java.util.Map;

/** The observations of one year, counted by level. */
public record YearCounts(int year, Map<ObservationLevel, Long> counts) {
}
