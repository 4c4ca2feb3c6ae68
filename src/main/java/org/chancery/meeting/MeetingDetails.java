package org.chancery.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/**
 * A meeting as the API shows it: what was recorded, with the current names of its participants,
 * and what follows from them ({@link #countries()}, {@link #kind()}, {@link #hostCountry()}).
 */
public record MeetingDetails(long id, LocalDate date, DatePrecision datePrecision, String city, CountryCode country,
        String title, String summary, List<String> outcomes, List<Source> sources,
        List<NamedParticipant> participants) {

    /** A participant with the country and title of the meeting and the diplomat's name. */
    public record NamedParticipant(long diplomatId, String name, CountryCode country, String title) {
    }

    /** The meeting with the names of its participants' diplomats. */
    static MeetingDetails of(Meeting meeting, Map<Long, String> names) {
        List<NamedParticipant> participants = meeting.participants().stream()
                .map(p -> new NamedParticipant(p.diplomatId(), names.get(p.diplomatId()), p.country(), p.title()))
                .toList();
        return new MeetingDetails(meeting.id(), meeting.date(), meeting.datePrecision(), meeting.city(),
                meeting.country(), meeting.title(), meeting.summary(), meeting.outcomes(), meeting.sources(),
                participants);
    }

    /** The countries the participants represented, sorted, each once. */
    public List<CountryCode> countries() {
        List<CountryCode> countries = new ArrayList<>(participants.size());
        for (NamedParticipant participant : participants) {
            countries.add(participant.country());
        }
        return Meeting.countriesOf(countries);
    }

    /** {@link MeetingKind#VISIT} when the meeting took place in a participating country. */
    public MeetingKind kind() {
        return kind(countries());
    }

    /** {@link #kind()}, given the meeting's {@link #countries()} (to compute them once). */
    public MeetingKind kind(List<CountryCode> countries) {
        return MeetingKind.of(country, countries);
    }

    /** The country that hosted a {@link MeetingKind#VISIT}; null for a meeting in a third country. */
    public CountryCode hostCountry() {
        return hostCountry(kind());
    }

    /** {@link #hostCountry()}, given the meeting's {@link #kind()}. */
    public CountryCode hostCountry(MeetingKind kind) {
        return kind == MeetingKind.VISIT ? country : null;
    }
}
