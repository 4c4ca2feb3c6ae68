package org.chancery.meeting;

import java.time.LocalDate;
import java.util.List;

import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/**
 * What a write says about a meeting: the country as the client sent it (alpha-2 or alpha-3, any
 * case), and the participants by diplomat id, each with the title they held if the source says.
 */
public record MeetingDraft(LocalDate date, DatePrecision datePrecision, String city, String country, String title,
        String summary, List<String> outcomes, List<Attendee> participants, List<Source> sources) {

    /** The most outcomes and participants a meeting records, by the API and by an import line alike. */
    public static final int MAX_OUTCOMES = 20;
    public static final int MAX_PARTICIPANTS = 50;

    /** A diplomat who took part; without a title, the diplomat's title when the meeting is recorded. */
    public record Attendee(Long diplomatId, String title) {
    }
}
