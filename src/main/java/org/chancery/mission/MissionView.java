package org.chancery.mission;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Source;

/**
 * A mission as the API shows it, with its heads in the order they took up functions: read from
 * a {@link Mission} after a change, or as rows for a list ({@link MissionViews}).
 */
public record MissionView(long id, CountryCode sendingCountry, CountryCode receivingCountry, MissionType type,
        String city, MissionStatus status, PartialDate plannedOpening, LocalDate openedOn,
        DatePrecision openedPrecision, LocalDate closedOn, DatePrecision closedPrecision, String closingReason,
        CountryCode protectingPower, Long predecessorId, Long successorId, long version, List<Source> sources,
        List<HeadView> heads) {

    /** The mission as it stands, its heads loaded. */
    public static MissionView of(Mission mission) {
        return new MissionView(mission.id(), mission.sendingCountry(), mission.receivingCountry(), mission.type(),
                mission.city(), mission.status(), mission.plannedOpening(), mission.openedOn(),
                mission.openedPrecision(), mission.closedOn(), mission.closedPrecision(), mission.closingReason(),
                mission.protectingPower(), mission.predecessorId(), mission.successorId(), mission.version(),
                mission.sources(), mission.heads().stream().map(HeadView::of).toList());
    }

    /** The city, or the receiving country where the city is not known. */
    public String place() {
        return city == null ? receivingCountry.value() : city;
    }

    /** The head in functions at the end of {@code day}, if any (R16: at most one). */
    public Optional<HeadView> headServingOn(LocalDate day) {
        return heads.stream().filter(head -> head.servesOn(day)).findFirst();
    }

    /** A head of mission as the API shows it. */
    public record HeadView(long id, long missionId, long diplomatId, String name, HeadRank rank,
            LocalDate agrementOn, LocalDate startedOn, DatePrecision startedPrecision, LocalDate endedOn,
            DatePrecision endedPrecision, List<Source> sources) {

        public static HeadView of(HeadOfMission head) {
            return new HeadView(head.id(), head.missionId(), head.diplomatId(), head.name(), head.rank(),
                    head.agrementOn(), head.startedOn(), head.startedPrecision(), head.endedOn(), head.endedPrecision(),
                    head.sources());
        }

        /** Whether the head is in functions at the end of {@code day} (see {@link HeadOfMission#servesOn}). */
        public boolean servesOn(LocalDate day) {
            return HeadOfMission.serves(startedOn, endedOn, day);
        }
    }
}
