package org.chancery.meeting.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chancery.meeting.MeetingDraft;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;
import org.chancery.shared.Text;

@Schema(name = "RecordMeeting", example = """
        {"date": "2024-05-22", "city": "Seoul", "country": "KR",
         "title": "First dialogue since the restoration of relations",
         "summary": "Deputy Foreign Minister Chung Byung-won received Carlos Miguel Pereira Hernández, Director General for Bilateral Affairs of Cuba's foreign ministry.",
         "outcomes": ["agreed to open embassies as soon as possible"],
         "participants": [{"diplomatId": 1}, {"diplomatId": 2}],
         "sources": [{"url": "https://www.cibercuba.com/noticias/2024-04-17-u1-e199370-s27061-cuba-y-corea-del-sur-planean-abrir-embajadas-lo-antes-posible", "publisher": "CiberCuba"}]}""")
record RecordMeetingRequest(
        @Schema(description = "The day of the meeting, not after today (R3); with a coarser datePrecision, any day "
                + "of the period (the first day is stored)")
        @NotNull LocalDate date,
        @Schema(description = "DAY (default), MONTH or YEAR; the date is then the first day of that period")
        DatePrecision datePrecision,
        @Size(max = 200) String city,
        @Schema(description = "The country the meeting took place in: alpha-2 or alpha-3, any letter case. It decides "
                + "`kind` and `hostCountry`.", example = "KR")
        @NotBlank String country,
        @Size(max = 300) String title,
        @Size(max = 4000) String summary,
        // swagger reads the elements' @Size but not their @NotBlank: an outcome of "" is refused
        @ArraySchema(schema = @Schema(minLength = 1, maxLength = 1000, pattern = Text.NOT_BLANK_PATTERN))
        @Size(max = MeetingDraft.MAX_OUTCOMES) List<@NotBlank @Size(max = 1000) String> outcomes,
        @Schema(description = "At least two diplomats of at least two countries (R17), each once")
        @NotNull @Size(max = MeetingDraft.MAX_PARTICIPANTS) List<@NotNull @Valid Attendee> participants,
        @Size(max = 50) List<@NotNull @Valid Source> sources) {

    @Schema(name = "MeetingParticipantRequest")
    record Attendee(
            @NotNull Long diplomatId,
            @Schema(description = "The title the diplomat held at the meeting; by default the diplomat's title when "
                    + "the meeting is recorded")
            @Size(max = 300) String title) {
    }

    MeetingDraft draft() {
        return new MeetingDraft(date, datePrecision, city, country, title, summary, outcomes,
                participants.stream().map(p -> new MeetingDraft.Attendee(p.diplomatId(), p.title())).toList(),
                sources);
    }
}
