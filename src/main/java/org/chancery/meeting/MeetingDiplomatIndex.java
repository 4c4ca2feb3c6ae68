package org.chancery.meeting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the participants of meetings by diplomat ({@code meeting_participant}, indexed by diplomat, the meeting's
 * date and the meeting) for the list of one diplomat's meetings (a diplomat takes part in a meeting once). Found
 * among all meetings by their date instead, a diplomat whose meetings were all old took PostgreSQL 0.23–0.51 s a
 * page (it walked the date index backwards, looking each meeting up among the diplomat's), until it chose another
 * plan for the statement.
 */
@Component
class MeetingDiplomatIndex extends MeetingDateIndex {

    MeetingDiplomatIndex(JdbcClient jdbc) {
        super(jdbc, "meeting_participant", "diplomat_id");
    }
}
