package org.chancery.meeting;

import java.time.LocalDate;

/** A meeting named in another view (relation, timeline): its id, date, city and title. */
public record MeetingRef(long id, LocalDate date, String city, String title) {
}
