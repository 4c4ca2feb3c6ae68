package org.chancery.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chancery.country.CountryCode;
import org.chancery.meeting.MeetingDetails.NamedParticipant;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Ids;
import org.chancery.shared.SourcesConverter;
import org.chancery.shared.StringListConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads meetings as the API shows them, for the list and the single meeting: each meeting with
 * its participants and their diplomats' current names, in one statement whatever the number of
 * meetings (the ids are one array parameter, each looked up by its own: H2 checked every row found against the whole
 * array of {@code id = any(?)}, a quarter of a thousand meetings' read). A read model over plain rows: nothing is loaded
 * into the persistence context (meetings are never changed once recorded), which keeps a page of
 * meetings from costing more in mapping than in reading. Runs in the caller's transaction.
 */
@Component
class MeetingDetailsQuery {

    private static final String SQL = """
            select m.id, m.meeting_date, m.date_precision, m.city, m.country, m.title, m.summary, m.outcomes,
                   m.sources, p.diplomat_id, p.country as participant_country, p.title as participant_title,
                   d.name
            from unnest(:ids) as i(id)
            join meeting m on m.id = i.id
            join meeting_participant p on p.meeting_id = m.id
            left join diplomat d on d.id = p.diplomat_id
            order by m.id, p.list_index""";

    private static final StringListConverter OUTCOMES = new StringListConverter();
    private static final SourcesConverter SOURCES = new SourcesConverter();

    private final JdbcClient jdbc;

    MeetingDetailsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meetings with these ids (each once) that exist, in the order of the ids. */
    List<MeetingDetails> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Builder> meetings = new HashMap<>();
        jdbc.sql(SQL).param("ids", ids.toArray(Long[]::new)).query((ResultSet row) -> {
            Builder meeting = meetings.get(row.getLong(1));
            if (meeting == null) {
                meeting = new Builder(row);
                meetings.put(meeting.id, meeting);
            }
            meeting.participants.add(new NamedParticipant(row.getLong(10), row.getString(13),
                    new CountryCode(row.getString(11)), row.getString(12)));
        });
        return Ids.inOrder(ids, meetings, Builder::build);
    }

    /** One meeting's columns, and its participants as their rows come. */
    private static final class Builder {

        private final long id;
        private final LocalDate date;
        private final DatePrecision precision;
        private final String city;
        private final String country;
        private final String title;
        private final String summary;
        private final String outcomes;
        private final String sources;
        private final List<NamedParticipant> participants = new ArrayList<>(6);

        Builder(ResultSet row) throws SQLException {
            id = row.getLong(1);
            date = row.getObject(2, LocalDate.class);
            precision = DatePrecision.valueOf(row.getString(3));
            city = row.getString(4);
            country = row.getString(5);
            title = row.getString(6);
            summary = row.getString(7);
            outcomes = row.getString(8);
            sources = row.getString(9);
        }

        MeetingDetails build() {
            return new MeetingDetails(id, date, precision, city, new CountryCode(country), title, summary,
                    OUTCOMES.convertToEntityAttribute(outcomes), SOURCES.convertToEntityAttribute(sources),
                    List.copyOf(participants));
        }
    }
}
