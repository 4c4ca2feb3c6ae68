package org.chancery.relation;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.chancery.shared.DatePrecision;

/**
 * A period of a relation's history in one state, kept with the relation's events so that the
 * relation list as of a day reads one row per pair ({@code relation_interval}). The pair's codes are
 * repeated on it for the list's country filter.
 */
@Embeddable
class StatusInterval {

    @Column(name = "country_a", nullable = false, length = 2)
    private String countryA;

    @Column(name = "country_b", nullable = false, length = 2)
    private String countryB;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private RelationStatus status;

    @Column(name = "since")
    private LocalDate since;

    @Enumerated(EnumType.STRING)
    @Column(name = "since_precision", length = 8)
    private DatePrecision sincePrecision;

    @Enumerated(EnumType.STRING)
    @Column(name = "consular_status", nullable = false, length = 16)
    private RelationStatus consularStatus;

    protected StatusInterval() {
    }

    StatusInterval(RelationPair pair, RelationHistory.Interval interval) {
        this.countryA = pair.first().value();
        this.countryB = pair.second().value();
        this.validFrom = interval.from();
        this.validTo = interval.to();
        this.status = interval.state().status();
        this.since = interval.state().since();
        this.sincePrecision = interval.state().sincePrecision();
        this.consularStatus = interval.state().consularStatus();
    }
}
