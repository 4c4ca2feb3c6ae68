package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.chancery.relation.RelationPair;

/**
 * Index row: one unordered pair of countries that met in a meeting (in code order), with the
 * meeting's date, so that the meetings of a relation are counted and found on one index.
 */
@Embeddable
class MeetingPair {

    @Column(name = "country_a", nullable = false, length = 2)
    private String countryA;

    @Column(name = "country_b", nullable = false, length = 2)
    private String countryB;

    @Column(name = "meeting_date", nullable = false)
    private LocalDate date;

    protected MeetingPair() {
    }

    MeetingPair(RelationPair pair, LocalDate date) {
        this.countryA = pair.first().value();
        this.countryB = pair.second().value();
        this.date = date;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MeetingPair that && countryA.equals(that.countryA) && countryB.equals(that.countryB)
                && date.equals(that.date);
    }

    @Override
    public int hashCode() {
        return Objects.hash(countryA, countryB, date);
    }
}
