package org.chancery.meeting;

import java.util.List;

import org.chancery.country.CountryCode;

/** A meeting with the current names of its participants. */
public record MeetingDetails(Meeting meeting, List<NamedParticipant> participants) {

    /** A participant with the country and title of the meeting and the diplomat's name. */
    public record NamedParticipant(long diplomatId, String name, CountryCode country, String title) {
    }
}
