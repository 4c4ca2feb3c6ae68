package org.chancery.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.chancery.accreditation.AccreditationRecord;
import org.chancery.accreditation.Accreditations;
import org.chancery.meeting.MeetingRef;
import org.chancery.meeting.Meetings;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.milestone.MilestoneView;
import org.chancery.milestone.Milestones;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionView;
import org.chancery.mission.MissionView.HeadView;
import org.chancery.relation.EventRecord;
import org.chancery.relation.EventType;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationSnapshot;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything dated about a pair, oldest first: relation events, meetings (and the first since the
 * latest establishment), mission openings and closings, heads of mission starting and ending,
 * milestones achieved or due. A page loads the pair's few events, missions and milestones, and
 * only as many meetings (oldest first) as the page can reach, in a fixed number of queries.
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

    /**
     * The place of an item among those of its day, by its type: relation events first, consular before diplomatic as
     * the rules apply them (R1, R2: consular relations severed on the day diplomatic relations are restored are
     * established again at its end), what ends before what begins (a mission superseded before its successor opens, a
     * head's end before the next head's start), meetings and milestones last.
     */
    private static final Map<String, Integer> SAME_DAY_ORDER = Map.ofEntries(
            Map.entry("CONSULAR_ESTABLISHED", 0), Map.entry("CONSULAR_SEVERED", 0), Map.entry("ESTABLISHED", 10),
            Map.entry("RESTORED", 10), Map.entry("SEVERED", 10), Map.entry("MISSION_CLOSED", 40),
            Map.entry("HEAD_OF_MISSION_ENDED", 50), Map.entry("ACCREDITATION_ENDED", 50), Map.entry("MISSION_OPENED", 60),
            Map.entry("HEAD_OF_MISSION_STARTED", 70), Map.entry("ACCREDITATION_STARTED", 70), Map.entry("MEETING", 80),
            Map.entry("FIRST_MEETING_SINCE_ESTABLISHMENT", 90), Map.entry("MILESTONE_ACHIEVED", 100),
            Map.entry("MILESTONE_DUE", 110));

    /** The types of the items: those of API.md and HEAD_OF_MISSION_ENDED. */
    public static Set<String> types() {
        return SAME_DAY_ORDER.keySet();
    }

    /**
     * A mission opened and closed on one day, and a head who took up and ended functions on one day: after the day's
     * relation events and before its other endings, each beginning first, a mission's around its heads'.
     */
    private static final int A_DAYS_MISSION = 35;

    /** An accreditation from and to one day, as {@link #A_DAYS_MISSION}, after those. */
    private static final int A_DAYS_ACCREDITATION = 36;

    /** The meetings a timeline's CSV reads at a time. */
    static final int MEETINGS_AT_A_TIME = 1000;

    /** By date, then by the place among the day's items, then by the id of what the item is about. */
    private static final Comparator<Placed> ORDER = Comparator.<Placed, LocalDate>comparing(placed -> placed.item().date())
            .thenComparingInt(Placed::rank)
            .thenComparingLong(Placed::group)
            .thenComparingLong(Placed::step)
            .thenComparingLong(placed -> placed.item().ref().id());

    /**
     * An item and its place among the items of its day: a rank, then, for what begins and ends on that day, the
     * mission or accreditation it belongs to and its step there.
     */
    private record Placed(TimelineItem item, int rank, long group, long step) {

        /** Placed by its type. */
        static Placed byType(TimelineItem item) {
            return new Placed(item, SAME_DAY_ORDER.getOrDefault(item.type(), 990), 0, 0);
        }

        /** Placed by its type, or, if what it is about begins and ends that day, at {@code step} of {@code group}. */
        static Placed onItsDay(TimelineItem item, boolean withinTheDay, int rank, long group, long step) {
            return withinTheDay ? new Placed(item, rank, group, step) : byType(item);
        }
    }

    private final RelationService relations;
    private final MissionService missions;
    private final Milestones milestones;
    private final Meetings meetings;
    private final Accreditations accreditations;

    Timeline(RelationService relations, MissionService missions, Milestones milestones, Meetings meetings,
            Accreditations accreditations) {
        this.accreditations = accreditations;
        this.relations = relations;
        this.missions = missions;
        this.milestones = milestones;
        this.meetings = meetings;
    }

    public Page<TimelineItem> of(RelationPair pair, Pageable page) {
        RelationSnapshot snapshot = relations.snapshot(pair, null);
        LocalDate today = snapshot.asOf();
        List<Placed> items = itemsButMeetings(pair, snapshot);
        long meetingCount = meetings.countBetween(pair, today);
        int reach = (int) Math.min(Integer.MAX_VALUE, page.getOffset() + page.getPageSize());
        List<MeetingRef> loadedMeetings = meetings.between(pair, today, reach);
        for (MeetingRef meeting : loadedMeetings) {
            items.add(Placed.byType(meeting(meeting)));
        }
        LocalDate establishment = snapshot.state().latestEstablishment();
        if (establishment != null) {
            firstSince(establishment, loadedMeetings, reach, pair, today)
                    .ifPresent(meeting -> items.add(Placed.byType(firstSinceEstablishment(snapshot, meeting))));
        }
        items.sort(ORDER);
        long total = items.size() - loadedMeetings.size() + meetingCount;
        int from = (int) Math.min(page.getOffset(), items.size());
        int to = Math.min(from + page.getPageSize(), items.size());
        return new PageImpl<>(items.subList(from, to).stream().map(Placed::item).toList(), page, total);
    }

    /**
     * Every item of the pair's timeline in its order, as the pages give them: the pair's events, missions, milestones
     * and accreditations read at once, its meetings {@value #MEETINGS_AT_A_TIME} at a time and merged into them
     * (for a CSV of any length, in one transaction: memory does not grow with the meetings), running {@code
     * nextChunk} before each read of them after the first.
     */
    public void forEach(RelationPair pair, Consumer<? super TimelineItem> each, Runnable nextChunk) {
        forEach(pair, MEETINGS_AT_A_TIME, each, nextChunk);
    }

    /** {@link #forEach(RelationPair, Consumer, Runnable)}, reading the meetings {@code chunk} at a time. */
    void forEach(RelationPair pair, int chunk, Consumer<? super TimelineItem> each) {
        forEach(pair, chunk, each, () -> { });
    }

    /** {@link #forEach(RelationPair, int, Consumer)}, running {@code nextChunk} before each chunk after the first. */
    void forEach(RelationPair pair, int chunk, Consumer<? super TimelineItem> each, Runnable nextChunk) {
        RelationSnapshot snapshot = relations.snapshot(pair, null);
        LocalDate today = snapshot.asOf();
        List<Placed> others = itemsButMeetings(pair, snapshot);
        LocalDate establishment = snapshot.state().latestEstablishment();
        if (establishment != null) {
            meetings.firstBetweenOnOrAfter(pair, establishment, today)
                    .ifPresent(meeting -> others.add(Placed.byType(firstSinceEstablishment(snapshot, meeting))));
        }
        others.sort(ORDER);
        int[] next = {0};
        meetings.forEachBetween(pair, today, chunk, meeting -> {
            Placed item = Placed.byType(meeting(meeting));
            while (next[0] < others.size() && ORDER.compare(others.get(next[0]), item) < 0) {
                each.accept(others.get(next[0]++).item());
            }
            each.accept(item.item());
        }, nextChunk);
        others.subList(next[0], others.size()).forEach(placed -> each.accept(placed.item()));
    }

    /** The items of the pair's events, missions and their heads, milestones and accreditations, unordered. */
    private List<Placed> itemsButMeetings(RelationPair pair, RelationSnapshot snapshot) {
        List<Placed> items = new ArrayList<>();
        snapshot.events().forEach(event -> items.add(Placed.byType(event(pair, event))));
        Map<Long, DatePrecision> openedPrecisions = new HashMap<>();
        for (MissionView mission : missions.withHeadsBetween(pair)) {
            addMission(items, mission);
            if (mission.openedOn() != null) {
                openedPrecisions.put(mission.id(), DatePrecision.orDefault(mission.openedPrecision()));
            }
        }
        for (MilestoneView milestone : milestones.ofPair(pair)) {
            addMilestone(items, milestone, milestone.missionId() == null ? DatePrecision.DAY
                    : openedPrecisions.getOrDefault(milestone.missionId(), DatePrecision.DAY));
        }
        for (AccreditationRecord accreditation : accreditations.allOfPair(pair)) {
            addAccreditation(items, pair, accreditation);
        }
        return items;
    }

    private static TimelineItem meeting(MeetingRef meeting) {
        return new TimelineItem(meeting.date(), "MEETING", "Meeting" + where(meeting)
                + (meeting.title() == null ? "" : ": " + meeting.title()), TimelineItem.Ref.meeting(meeting.id()),
                meeting.datePrecision());
    }

    /** The first meeting since the latest establishment, which the summary names as it was: established or restored. */
    private static TimelineItem firstSinceEstablishment(RelationSnapshot snapshot, MeetingRef meeting) {
        LocalDate establishment = snapshot.state().latestEstablishment();
        Optional<EventRecord> event = snapshot.events().stream()
                .filter(e -> (e.type() == EventType.ESTABLISHED || e.type() == EventType.RESTORED)
                        && e.date().equals(establishment))
                .reduce((first, later) -> later);
        boolean restored = event.map(e -> e.type() == EventType.RESTORED).orElse(false);
        // the day as it is known ("1960-01-01 (year known)"), the meeting's city apart from it: not where the
        // relations were restored
        return new TimelineItem(meeting.date(), "FIRST_MEETING_SINCE_ESTABLISHMENT", "First meeting since relations were "
                + (restored ? "restored" : "established") + " on " + establishment
                + known(event.map(EventRecord::datePrecision).orElse(null))
                + (meeting.city() == null ? "" : ", in " + meeting.city()),
                TimelineItem.Ref.meeting(meeting.id()), meeting.datePrecision());
    }

    /**
     * The first meeting dated on or after {@code establishment}: among the meetings loaded (the
     * pair's oldest, without a gap) if one of them is, else asked of the pair index.
     */
    private Optional<MeetingRef> firstSince(LocalDate establishment, List<MeetingRef> loaded, int reach,
            RelationPair pair, LocalDate today) {
        Optional<MeetingRef> amongLoaded = loaded.stream().filter(m -> !m.date().isBefore(establishment)).findFirst();
        if (amongLoaded.isPresent() || loaded.size() < reach) {
            return amongLoaded;
        }
        return meetings.firstBetweenOnOrAfter(pair, establishment, today);
    }

    private static TimelineItem event(RelationPair pair, EventRecord event) {
        String what = switch (event.type()) {
            case ESTABLISHED -> "Diplomatic relations established";
            case SEVERED -> "Diplomatic relations severed";
            case RESTORED -> "Diplomatic relations restored";
            case CONSULAR_ESTABLISHED -> "Consular relations established";
            case CONSULAR_SEVERED -> "Consular relations severed";
        };
        return new TimelineItem(event.date(), event.type().name(),
                what + " between " + pair.first() + " and " + pair.second() + known(event.datePrecision())
                        + (event.note() == null ? "" : ": " + event.note()),
                TimelineItem.Ref.event(pair, event.id()), DatePrecision.orDefault(event.datePrecision()));
    }

    /**
     * A closing reason in words: the reasons that rules and imports give (R8, R11, the Kenkel import)
     * are codes; a reason an editor typed is kept as typed.
     */
    static String reason(String closingReason) {
        return switch (closingReason) {
            case Mission.SUPERSEDED -> "superseded by a mission opened in its place";
            case Mission.RELATIONS_SEVERED -> "diplomatic relations severed";
            case Mission.GAP -> "the state left the state system for a while";
            case Mission.STATE_ENDED -> "the state ceased to exist";
            case Mission.REPRESENTATION_CHANGED -> "the level of representation changed";
            default -> closingReason;
        };
    }

    private static void addMission(List<Placed> items, MissionView mission) {
        String inASentence = mission.type().words() + " of " + mission.sendingCountry() + " in " + mission.place();
        String name = Character.toUpperCase(inASentence.charAt(0)) + inASentence.substring(1);
        TimelineItem.Ref ref = TimelineItem.Ref.mission(mission.id());
        boolean missionOfADay = mission.closedOn() != null && mission.closedOn().equals(mission.openedOn());
        if (mission.openedOn() != null) {
            items.add(Placed.onItsDay(new TimelineItem(mission.openedOn(), "MISSION_OPENED", name + " opened"
                    + known(mission.openedPrecision()), ref, DatePrecision.orDefault(mission.openedPrecision())),
                    missionOfADay, A_DAYS_MISSION, mission.id(), 0));
        }
        if (mission.closedOn() != null) {
            items.add(Placed.onItsDay(new TimelineItem(mission.closedOn(), "MISSION_CLOSED", name + " closed"
                    + known(mission.closedPrecision()) + (mission.closingReason() == null ? ""
                            : " (" + reason(mission.closingReason()) + ")"), ref,
                    DatePrecision.orDefault(mission.closedPrecision())),
                    missionOfADay, A_DAYS_MISSION, mission.id(), Long.MAX_VALUE));
        }
        for (HeadView head : mission.heads()) {
            TimelineItem.Ref headRef = TimelineItem.Ref.head(head.missionId(), head.id());
            boolean headOfADay = head.startedOn().equals(head.endedOn());
            String who = head.name() + " (" + head.rank().words() + ")";
            items.add(Placed.onItsDay(new TimelineItem(head.startedOn(), "HEAD_OF_MISSION_STARTED", who
                    + " took up functions at the " + inASentence + known(head.startedPrecision()), headRef,
                    DatePrecision.orDefault(head.startedPrecision())),
                    headOfADay, A_DAYS_MISSION, mission.id(), 1 + 2 * head.id()));
            if (head.endedOn() != null) {
                items.add(Placed.onItsDay(new TimelineItem(head.endedOn(), "HEAD_OF_MISSION_ENDED", who
                        + " ended functions at the " + inASentence + known(head.endedPrecision()), headRef,
                        DatePrecision.orDefault(head.endedPrecision())),
                        headOfADay, A_DAYS_MISSION, mission.id(), 2 + 2 * head.id()));
            }
        }
    }

    /** " (month known)" or " (year known)" for a date known to a month or a year only; nothing for a day. */
    private static String known(DatePrecision precision) {
        return precision == null || precision == DatePrecision.DAY ? ""
                : " (" + precision.name().toLowerCase(Locale.ROOT) + " known)";
    }

    private static void addAccreditation(List<Placed> items, RelationPair pair,
            AccreditationRecord accreditation) {
        TimelineItem.Ref ref = TimelineItem.Ref.accreditation(pair, accreditation.id());
        String what = accreditation.level().words() + " of " + accreditation.sendingCountry() + " accredited to "
                + accreditation.receivingCountry() + " (non-resident)";
        boolean ofADay = accreditation.from().equals(accreditation.to());
        items.add(Placed.onItsDay(new TimelineItem(accreditation.from(), "ACCREDITATION_STARTED", what
                + known(accreditation.fromPrecision()), ref, DatePrecision.orDefault(accreditation.fromPrecision())),
                ofADay, A_DAYS_ACCREDITATION, accreditation.id(), 0));
        if (accreditation.to() != null) {
            items.add(Placed.onItsDay(new TimelineItem(accreditation.to(), "ACCREDITATION_ENDED", what + " ended"
                    + known(accreditation.toPrecision()), ref, DatePrecision.orDefault(accreditation.toPrecision())),
                    ofADay, A_DAYS_ACCREDITATION, accreditation.id(), 1));
        }
    }

    /**
     * A milestone's item: achieved on the day known as {@code achieved} knows it (a milestone achieved by its
     * mission's opening, the opening's precision), or due by its target's last day.
     */
    private static void addMilestone(List<Placed> items, MilestoneView milestone, DatePrecision achieved) {
        TimelineItem.Ref ref = TimelineItem.Ref.milestone(milestone.id());
        if (milestone.status() == MilestoneStatus.ACHIEVED) {
            // an achievement known to the month or year is on time if its whole period is, late if none of it is;
            // else not known to be either (onTime compares its first day, as the rules compare a fuzzy date)
            FuzzyDate when = FuzzyDate.of(milestone.achievedOn(), achieved);
            String timeliness = !when.lastDay().isAfter(milestone.targetEnd()) ? " on time: "
                    : when.date().isAfter(milestone.targetEnd()) ? " late (target " + milestone.target() + "): "
                    : ", on time or late not known (target " + milestone.target() + "): ";
            items.add(Placed.byType(new TimelineItem(milestone.achievedOn(), "MILESTONE_ACHIEVED", "Milestone achieved"
                    + known(achieved) + timeliness + milestone.title(), ref, achieved)));
        } else if (milestone.status() != MilestoneStatus.CANCELLED) {
            items.add(Placed.byType(new TimelineItem(milestone.targetEnd(), "MILESTONE_DUE", "Milestone due"
                    + (milestone.status() == MilestoneStatus.OVERDUE ? " (overdue)" : "") + " by " + milestone.target()
                    + ": " + milestone.title(), ref, DatePrecision.DAY)));
        }
    }

    private static String where(MeetingRef meeting) {
        return meeting.city() == null ? "" : " in " + meeting.city();
    }
}
