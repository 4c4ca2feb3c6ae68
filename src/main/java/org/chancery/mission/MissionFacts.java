package org.chancery.mission;

import java.time.LocalDate;

import org.chancery.country.CountryCode;

/** What other modules may know of a mission. */
public record MissionFacts(long id, CountryCode sendingCountry, CountryCode receivingCountry, MissionType type,
        String city, MissionStatus status, LocalDate openedOn, LocalDate closedOn) {

    static MissionFacts of(Mission mission) {
        return new MissionFacts(mission.id(), mission.sendingCountry(), mission.receivingCountry(), mission.type(),
                mission.city(), mission.status(), mission.openedOn(), mission.closedOn());
    }

    /** The mission with its status and days as {@code state} has them. */
    MissionFacts as(MissionState state) {
        return new MissionFacts(id, sendingCountry, receivingCountry, type, city, state.status(), state.openedOn(),
                state.closedOn());
    }

    /** The mission as it would be, open from {@code day} until {@code until} (exclusive; null: open-ended). */
    MissionFacts asOpened(LocalDate day, LocalDate until) {
        return new MissionFacts(id, sendingCountry, receivingCountry, type, city,
                until == null ? MissionStatus.OPEN : MissionStatus.CLOSED, day, until);
    }

    /** Whether the mission is open at the end of {@code day}. */
    public boolean openOn(LocalDate day) {
        return openedOn != null && !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    /** Whether the mission was open on some day from {@code start} until {@code end} (exclusive; null: open-ended). */
    public boolean openDuring(LocalDate start, LocalDate end) {
        return openedOn != null && (end == null || openedOn.isBefore(end))
                && (closedOn == null || closedOn.isAfter(start));
    }

    /** "EMBASSY 5 of KR in Havana". */
    public String describe() {
        return type + " " + id + " of " + sendingCountry + " in " + (city == null ? receivingCountry.value() : city);
    }
}
