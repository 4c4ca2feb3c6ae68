package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.chancery.country.CountryCode;
import org.chancery.shared.Text;

/**
 * A diplomat taking part in a meeting, with the country they represented and the title they held
 * there: both are kept as they were when the meeting was recorded, so that a later change of the
 * diplomat does not rewrite history. The meeting's date is kept beside them, for the list of a
 * diplomat's meetings, read by date along the diplomat's index ({@code MeetingDiplomatIndex}).
 */
@Embeddable
public class Participant {

    @Column(name = "diplomat_id", nullable = false)
    private Long diplomatId;

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    @Column(name = "title", length = 300)
    private String title;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate meetingDate;

    protected Participant() {
    }

    Participant(long diplomatId, CountryCode country, String title) {
        this.diplomatId = diplomatId;
        this.country = Objects.requireNonNull(country, "country").value();
        this.title = Text.strippedOrNull(title);
    }

    /**
     * The participant as of the meeting: the title the request gives if any, else the title the
     * diplomat holds now.
     */
    static Participant asOfRecording(long diplomatId, CountryCode country, String currentTitle, String givenTitle) {
        return new Participant(diplomatId, country, givenTitle == null || Text.isBlank(givenTitle) ? currentTitle
                : givenTitle);
    }

    /** Dates the participation: the meeting's date, given by the meeting it is part of (meetings are never changed). */
    void at(LocalDate date) {
        this.meetingDate = Objects.requireNonNull(date, "date");
    }

    public long diplomatId() {
        return diplomatId;
    }

    public CountryCode country() {
        return new CountryCode(country);
    }

    public String title() {
        return title;
    }
}
