package org.chancery.relation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;

/**
 * The events of a relation replayed through the state machine of both tracks, in date order:
 * rule R1 (allowed transitions, one event per track and day) and rule R2 (diplomatic relations
 * bring consular relations with them). Events of one day are applied consular track first.
 */
public final class RelationHistory {

    private static final Comparator<EventFact> ORDER = Comparator.comparing(EventFact::date)
            .thenComparing(e -> e.type().track() == Track.CONSULAR ? 0 : 1)
            .thenComparing(EventFact::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<EventFact> events;
    private final List<LocalDate> dates = new ArrayList<>();
    private final List<RelationState> states = new ArrayList<>();

    private RelationHistory(List<EventFact> events) {
        this.events = events;
    }

    public static RelationHistory empty() {
        return new RelationHistory(List.of());
    }

    /**
     * Replays events in date order.
     *
     * @throws RuleViolationException R1 {@code RELATION_TRANSITION_INVALID} naming the first event
     *         that does not follow from the state before it, or two events of one track on one day
     */
    public static RelationHistory replay(Collection<? extends EventFact> events) {
        List<EventFact> ordered = new ArrayList<>(events);
        ordered.sort(ORDER);
        RelationHistory history = new RelationHistory(List.copyOf(ordered));
        RelationState state = RelationState.NONE;
        EventFact previous = null;
        for (EventFact event : ordered) {
            if (previous != null && previous.date().equals(event.date())
                    && previous.type().track() == event.type().track()) {
                throw violation("Two events of the " + event.type().track().name().toLowerCase(Locale.ROOT)
                        + " track on one day: " + describe(previous) + " and " + describe(event) + ".");
            }
            state = apply(state, event, ordered);
            history.dates.add(event.date());
            history.states.add(state);
            previous = event;
        }
        return history;
    }

    private static RelationState apply(RelationState state, EventFact event, List<EventFact> all) {
        RelationStatus diplomatic = state.status();
        RelationStatus consular = state.consularStatus();
        boolean allowed = switch (event.type()) {
            case ESTABLISHED -> diplomatic == RelationStatus.NONE;
            case SEVERED -> diplomatic == RelationStatus.ESTABLISHED;
            case RESTORED -> diplomatic == RelationStatus.SEVERED;
            case CONSULAR_ESTABLISHED -> consular != RelationStatus.ESTABLISHED;
            case CONSULAR_SEVERED -> consular == RelationStatus.ESTABLISHED;
        };
        if (!allowed) {
            RelationStatus from = event.type().track() == Track.DIPLOMATIC ? diplomatic : consular;
            throw violation(describe(event) + " cannot follow " + event.type().track().name().toLowerCase(Locale.ROOT)
                    + " status " + from + (event.type().track() == Track.DIPLOMATIC && state.since() != null
                            ? " (since " + state.since() + ")" : "") + sameDayDiplomatic(event, all) + ".");
        }
        return switch (event.type()) {
            case ESTABLISHED, RESTORED -> new RelationState(RelationStatus.ESTABLISHED, event.date(),
                    event.datePrecision(), RelationStatus.ESTABLISHED, event.date());
            case SEVERED -> new RelationState(RelationStatus.SEVERED, event.date(), event.datePrecision(), consular,
                    state.latestEstablishment());
            case CONSULAR_ESTABLISHED -> new RelationState(diplomatic, state.since(), state.sincePrecision(),
                    RelationStatus.ESTABLISHED, state.latestEstablishment());
            case CONSULAR_SEVERED -> new RelationState(diplomatic, state.since(), state.sincePrecision(),
                    RelationStatus.SEVERED, state.latestEstablishment());
        };
    }

    /**
     * For a consular severance refused on the day of an establishment or restoration: why the consular relations that
     * brings (R2) do not count yet (a day's consular events come first); empty otherwise.
     */
    private static String sameDayDiplomatic(EventFact event, List<EventFact> all) {
        if (event.type() != EventType.CONSULAR_SEVERED) {
            return "";
        }
        return all.stream().filter(other -> other.date().equals(event.date())
                        && (other.type() == EventType.ESTABLISHED || other.type() == EventType.RESTORED))
                .findFirst().map(diplomatic -> "; a day's consular events come before its diplomatic ones, so the "
                        + "consular relations that " + describe(diplomatic) + " brings (R2) can be severed from the "
                        + "next day")
                .orElse("");
    }

    /** The state as it stands today, after every event. */
    public RelationState current() {
        return states.isEmpty() ? RelationState.NONE : states.get(states.size() - 1);
    }

    /** The state at the end of {@code day}. */
    public RelationState on(LocalDate day) {
        int low = 0;
        int high = dates.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (!dates.get(mid).isAfter(day)) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? RelationState.NONE : states.get(found);
    }

    /**
     * The history as consecutive periods of one state: from each day with events (the state after
     * the day's last event) until the next such day, exclusive, or open-ended for the last.
     */
    public List<Interval> intervals() {
        List<Interval> intervals = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            boolean lastOfDay = i + 1 == dates.size() || !dates.get(i + 1).equals(dates.get(i));
            if (lastOfDay) {
                LocalDate to = i + 1 == dates.size() ? null : dates.get(i + 1);
                intervals.add(new Interval(dates.get(i), to, states.get(i)));
            }
        }
        return intervals;
    }

    /** A period from {@code from} (inclusive) until {@code to} (exclusive; null: still) in one state. */
    public record Interval(LocalDate from, LocalDate to, RelationState state) {
    }

    /** The events in the order they were applied. */
    public List<EventFact> events() {
        return events;
    }

    /** The dates of diplomatic {@code SEVERED} events. */
    public List<LocalDate> severances() {
        return events.stream().filter(e -> e.type() == EventType.SEVERED).map(EventFact::date).toList();
    }

    private static RuleViolationException violation(String detail) {
        return new RuleViolationException(Rule.R1_RELATION_TRANSITION_INVALID, detail);
    }

    private static String describe(EventFact event) {
        return event.type() + " on " + event.date() + (event.id() == null ? "" : " (event " + event.id() + ")");
    }
}
