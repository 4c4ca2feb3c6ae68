package org.chancery.mission;

import java.time.LocalDate;

import org.chancery.country.CountryCode;

/** What other modules may know of a mission. */
public record MissionFacts(long id, CountryCode sendingCountry, CountryCode receivingCountry, MissionType type,
        String city, MissionStatus status, LocalDate openedOn) {

    static MissionFacts of(Mission mission) {
        return new MissionFacts(mission.id(), mission.sendingCountry(), mission.receivingCountry(), mission.type(),
                mission.city(), mission.status(), mission.openedOn());
    }
}
