package org.chancery.meeting.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.country.CountryCode;
import org.chancery.meeting.MeetingDetails;
import org.chancery.meeting.MeetingKind;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

@Schema(name = "Meeting", example = """
        {"id": 2, "date": "2024-05-22", "datePrecision": "DAY", "city": "Seoul", "country": "KR",
         "title": "First dialogue since the restoration of relations", "summary": null,
         "outcomes": ["agreed to open embassies as soon as possible"],
         "participants": [
           {"diplomatId": 1, "name": "Chung Byung-won", "country": "KR", "title": "Deputy Foreign Minister"},
           {"diplomatId": 2, "name": "Carlos Miguel Pereira Hernández", "country": "CU", "title": "Director General for Bilateral Affairs"}],
         "countries": ["CU", "KR"], "kind": "VISIT", "hostCountry": "KR", "sources": []}""")
record MeetingResponse(
        Long id,
        LocalDate date,
        DatePrecision datePrecision,
        @Schema(nullable = true, description = "null if not known") String city,
        @Schema(description = "The country the meeting took place in") String country,
        @Schema(nullable = true) String title,
        @Schema(nullable = true) String summary,
        List<String> outcomes,
        List<ParticipantResponse> participants,
        @Schema(description = "The countries the participants represented, sorted") List<String> countries,
        @Schema(description = "VISIT when the meeting took place in one of the participants' countries, else "
                + "THIRD_LOCATION") MeetingKind kind,
        @Schema(nullable = true, description = "The meeting's country for a VISIT, else null") String hostCountry,
        List<Source> sources) {

    @Schema(name = "MeetingParticipant")
    record ParticipantResponse(
            long diplomatId,
            @Schema(description = "The diplomat's name") String name,
            @Schema(description = "The country the diplomat represented at the meeting") String country,
            @Schema(nullable = true, description = "The title held at the meeting") String title) {
    }

    static MeetingResponse from(MeetingDetails meeting) {
        List<CountryCode> countries = meeting.countries();
        MeetingKind kind = meeting.kind(countries);
        CountryCode host = meeting.hostCountry(kind);
        List<ParticipantResponse> participants = new ArrayList<>(meeting.participants().size());
        for (MeetingDetails.NamedParticipant p : meeting.participants()) {
            participants.add(new ParticipantResponse(p.diplomatId(), p.name(), p.country().value(), p.title()));
        }
        List<String> codes = new ArrayList<>(countries.size());
        for (CountryCode country : countries) {
            codes.add(country.value());
        }
        return new MeetingResponse(meeting.id(), meeting.date(), meeting.datePrecision(), meeting.city(),
                meeting.country().value(), meeting.title(), meeting.summary(), meeting.outcomes(), participants, codes,
                kind, host == null ? null : host.value(), meeting.sources());
    }
}
