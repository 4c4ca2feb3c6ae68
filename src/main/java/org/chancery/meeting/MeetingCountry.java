package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Index row: one country that took part in a meeting, with the meeting's date. */
@Embeddable
class MeetingCountry {

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate date;

    protected MeetingCountry() {
    }

    MeetingCountry(String country, LocalDate date) {
        this.country = country;
        this.date = date;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeetingCountry that && country.equals(that.country) && date.equals(that.date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(country, date);
    }
}
