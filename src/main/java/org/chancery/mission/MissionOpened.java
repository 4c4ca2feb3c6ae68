package org.chancery.mission;

import java.time.LocalDate;

import org.chancery.country.CountryCode;

/** Published inside the transaction that opens a mission. */
public record MissionOpened(long missionId, CountryCode sendingCountry, CountryCode receivingCountry,
        LocalDate openedOn) {
}
