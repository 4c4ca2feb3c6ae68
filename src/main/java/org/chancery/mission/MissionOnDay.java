package org.chancery.mission;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/** A mission as it stood at the end of a day: its status then, and its opening and closing if they had happened. */
public record MissionOnDay(long id, String sendingCountry, String receivingCountry, MissionType type, String city,
        MissionStatus status, LocalDate openedOn, LocalDate closedOn, DatePrecision openedPrecision,
        DatePrecision closedPrecision) {

    /**
     * A mission whose recorded status, opening and closing (with how well they are known) are these, as it stood
     * at the end of {@code day}.
     */
    static MissionOnDay of(long id, String sendingCountry, String receivingCountry, MissionType type, String city,
            MissionStatus recorded, LocalDate openedOn, DatePrecision openedPrecision, LocalDate closedOn,
            DatePrecision closedPrecision, LocalDate day) {
        boolean opened = openedOn != null && !openedOn.isAfter(day);
        boolean closed = closedOn != null && !closedOn.isAfter(day);
        return new MissionOnDay(id, sendingCountry, receivingCountry, type, city,
                Mission.statusOn(recorded, openedOn, closedOn, day), opened ? openedOn : null, closed ? closedOn : null,
                opened ? DatePrecision.orDefault(openedPrecision) : null,
                closed ? DatePrecision.orDefault(closedPrecision) : null);
    }
}
