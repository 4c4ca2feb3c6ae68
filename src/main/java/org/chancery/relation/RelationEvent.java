package org.chancery.relation;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;

/** One dated event of a relation, part of the {@link Relation} aggregate. */
@Entity
@Table(name = "relation_event")
public class RelationEvent implements EventFact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relation_event_seq")
    @SequenceGenerator(name = "relation_event_seq", sequenceName = "relation_event_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "relation_id")
    private Relation relation;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 32)
    private EventType type;

    @Column(name = "event_date", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false, length = 8)
    private DatePrecision datePrecision;

    @Column(name = "note", length = 2000)
    private String note;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1000000)
    private List<Source> sources;

    protected RelationEvent() {
    }

    RelationEvent(Relation relation, EventType type, FuzzyDate date, String note, List<Source> sources) {
        this.relation = relation;
        this.type = type;
        this.date = date.date();
        this.datePrecision = date.precision();
        this.note = note;
        this.sources = SourcesConverter.orEmpty(sources);
    }

    @Override
    public Long id() {
        return id;
    }

    @Override
    public EventType type() {
        return type;
    }

    @Override
    public LocalDate date() {
        return date;
    }

    public DatePrecision datePrecision() {
        return datePrecision;
    }

    public String note() {
        return note;
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    /** The event as the views read it. */
    public EventRecord asRecord() {
        return new EventRecord(id, type, date, datePrecision, note, sources());
    }

    Relation relation() {
        return relation;
    }
}
