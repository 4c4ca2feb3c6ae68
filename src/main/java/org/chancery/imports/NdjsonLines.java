package org.chancery.imports;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.chancery.accreditation.AccreditationLevel;
import org.chancery.country.CountryCode;
import org.chancery.meeting.MeetingDraft;
import org.chancery.mission.HeadRank;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.relation.EventType;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.NotBlankIfGiven;
import org.chancery.shared.Source;

/**
 * The lines of a {@code chancery-ndjson} file, one record per {@code kind}: the fields of the
 * matching POST body, the pair as {@code countries} where the API takes it from the path, and refs
 * that later lines use instead of ids.
 */
final class NdjsonLines {

    private NdjsonLines() {
    }

    record CountryLine(
            @NotNull @Pattern(regexp = "[A-Za-z]{2}", message = "must be two letters") String code,
            @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be three letters") String alpha3,
            @Pattern(regexp = "[0-9]{3}", message = "must be three digits") String numeric,
            @NotBlank @Size(max = 200) String name,
            LocalDate startedOn,
            LocalDate endedOn,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    record DiplomatLine(
            @Size(max = 200) String ref,
            @NotBlank @Size(max = 300) String name,
            @NotBlank String country,
            @Size(max = 300) String title,
            @Size(max = 300) String organization,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    record EventLine(
            @NotNull @Size(min = 2, max = 2, message = "must name the pair's two countries") List<@NotBlank String> countries,
            @NotNull EventType type,
            @NotNull LocalDate date,
            DatePrecision datePrecision,
            @Size(max = 2000) String note,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    record MissionLine(
            @Size(max = 200) String ref,
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String sendingCountry,
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String receivingCountry,
            @NotNull MissionType type,
            @Size(max = 200) @NotBlankIfGiven(message = Mission.CITY_BLANK)
            String city,
            @Size(max = 10) String plannedOpening,
            @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String protectingPower,
            LocalDate openedOn,
            DatePrecision openedPrecision,
            LocalDate closedOn,
            DatePrecision closedPrecision,
            @Size(max = 500) String closingReason,
            MissionStatus status,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    record HeadLine(
            @Size(max = 200) String missionRef,
            Long missionId,
            @Size(max = 200) String diplomatRef,
            Long diplomatId,
            @NotNull HeadRank rank,
            LocalDate agrementOn,
            @NotNull LocalDate startedOn,
            DatePrecision datePrecision,
            LocalDate endedOn,
            DatePrecision endedPrecision,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    record AccreditationLine(
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String sendingCountry,
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String receivingCountry,
            @NotNull AccreditationLevel level,
            @NotNull LocalDate from,
            DatePrecision datePrecision,
            LocalDate to,
            DatePrecision toPrecision,
            @Size(max = 200) String residentMissionRef,
            Long residentMissionId,
            @Size(max = 200) String diplomatRef,
            Long diplomatId,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    record MeetingLine(
            @NotNull LocalDate date,
            DatePrecision datePrecision,
            @Size(max = 200) String city,
            @NotBlank String country,
            @Size(max = 300) String title,
            @Size(max = 4000) String summary,
            @Size(max = MeetingDraft.MAX_OUTCOMES) List<@NotBlank @Size(max = 1000) String> outcomes,
            @NotNull @Size(max = MeetingDraft.MAX_PARTICIPANTS) List<@NotNull @Valid Participant> participants,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    /** A participant; the {@code name} an export answers with beside the id is checked against its diplomat. */
    record Participant(@Size(max = 200) String diplomatRef, Long diplomatId, @Size(max = 300) String title,
            @Size(max = 300) String name) {
    }

    record MilestoneLine(
            @NotNull @Size(min = 2, max = 2, message = "must name the pair's two countries") List<@NotBlank String> countries,
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 10) String target,
            @Size(max = 200) String missionRef,
            Long missionId,
            LocalDate achievedOn,
            MilestoneStatus status,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }
}
