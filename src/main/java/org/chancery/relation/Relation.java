package org.chancery.relation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.chancery.country.CountryCode;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;

/**
 * The relation of an unordered pair of countries: its events, and the current state derived from
 * them, kept in columns that change in the same transaction as the events.
 */
@Entity
@Table(name = "relation")
public class Relation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "relation_seq")
    @SequenceGenerator(name = "relation_seq", sequenceName = "relation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "country_a", nullable = false, length = 2)
    private String countryA;

    @Column(name = "country_b", nullable = false, length = 2)
    private String countryB;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private RelationStatus status;

    @Column(name = "since")
    private LocalDate since;

    @Enumerated(EnumType.STRING)
    @Column(name = "consular_status", nullable = false, length = 16)
    private RelationStatus consularStatus;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "relation", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("date, id")
    private List<RelationEvent> events = new ArrayList<>();

    /** The history as periods of one state, rewritten whenever the events change. */
    @ElementCollection
    @CollectionTable(name = "relation_interval", joinColumns = @JoinColumn(name = "relation_id"))
    private List<StatusInterval> intervals = new ArrayList<>();

    protected Relation() {
    }

    Relation(RelationPair pair) {
        this.countryA = pair.first().value();
        this.countryB = pair.second().value();
        this.status = RelationStatus.NONE;
        this.consularStatus = RelationStatus.NONE;
    }

    /**
     * Records an event, wherever it falls in the history.
     *
     * @throws org.chancery.shared.RuleViolationException R1 if the history with the event does not
     *         follow the state machine
     */
    RelationEvent record(EventType type, FuzzyDate date, String note, List<Source> sources) {
        return recordAll(List.of(new EventDraft(type, date, note, sources))).get(0);
    }

    /**
     * Records several events at once: the state machine holds for the history they make together (a severance and
     * the restoration that ended it, back-filled before a later severance, pass where either alone would not).
     *
     * @throws org.chancery.shared.RuleViolationException R1 if the history with the events does not follow the
     *         state machine
     */
    List<RelationEvent> recordAll(List<EventDraft> drafts) {
        List<RelationEvent> recorded = drafts.stream()
                .map(draft -> new RelationEvent(this, draft.type(), draft.date(), draft.note(), draft.sources()))
                .toList();
        List<EventFact> after = new ArrayList<>(events);
        after.addAll(recorded);
        RelationHistory history = RelationHistory.replay(after);
        events.addAll(recorded);
        derive(history);
        return recorded;
    }

    /**
     * The history as it would be without {@code left}; nothing changes.
     *
     * @throws RuleViolationException R1 if the other events do not follow the state machine without them, naming
     *         the events left out first
     */
    RelationHistory historyWithout(List<RelationEvent> left) {
        List<EventFact> after = new ArrayList<>(events);
        after.removeAll(left);
        try {
            return RelationHistory.replay(after);
        } catch (RuleViolationException e) {
            // the later event that would break is named; the deleted ones are what the user did
            throw new RuleViolationException(e.rule(), "Without " + left.stream().map(event -> event.type() + " on "
                    + event.date() + " (event " + event.id() + ")").collect(Collectors.joining(" and ")) + ", "
                    + e.getMessage());
        }
    }

    /**
     * Removes recorded events, together.
     *
     * @throws org.chancery.shared.RuleViolationException R1 if the remaining events do not follow
     *         the state machine
     */
    void removeAll(List<RelationEvent> removed) {
        RelationHistory history = historyWithout(removed);
        events.removeAll(removed);
        derive(history);
    }

    public RelationHistory history() {
        return RelationHistory.replay(events);
    }

    private void derive(RelationHistory history) {
        RelationState current = history.current();
        this.status = current.status();
        this.since = current.since();
        this.consularStatus = current.consularStatus();
        RelationPair pair = pair();
        intervals.clear();
        history.intervals().forEach(interval -> intervals.add(new StatusInterval(pair, interval)));
    }

    public Long id() {
        return id;
    }

    public RelationPair pair() {
        return RelationPair.of(new CountryCode(countryA), new CountryCode(countryB));
    }

    public RelationStatus status() {
        return status;
    }

    public LocalDate since() {
        return since;
    }

    public RelationStatus consularStatus() {
        return consularStatus;
    }

    public List<RelationEvent> events() {
        return List.copyOf(events);
    }

    public RelationEvent event(long eventId) {
        return events.stream().filter(e -> Objects.equals(e.id(), eventId)).findFirst().orElse(null);
    }
}
