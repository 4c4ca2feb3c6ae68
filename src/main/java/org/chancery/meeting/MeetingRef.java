package org.chancery.meeting;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/** A meeting named in another view (relation, timeline): its id, date (and how well it is known), city and title. */
public record MeetingRef(long id, LocalDate date, DatePrecision datePrecision, String city, String title) {
}
