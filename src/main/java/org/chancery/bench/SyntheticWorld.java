package org.chancery.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.chancery.mission.HeadRank;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.relation.EventFact;
import org.chancery.relation.EventType;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationState;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.PartialDate;

/**
 * A synthetic world, the same for the same seed, scale, day and countries, whose every fact keeps
 * the rules of API.md by construction:
 * <ul>
 * <li>each relation's events are one of a few sequences that follow the state machine (R1), on
 * distinct days up to today (R3), replayed with {@link RelationHistory} to derive the stored status,
 * {@code since} and consular status (R2);</li>
 * <li>missions open only on days their kind allows, read from the replayed history: embassy-class
 * missions and provisional offices while diplomatic relations are established (R5), consular posts
 * while consular relations are (R6), interests sections while they are not, under a protecting
 * power established with the receiving country that day (R9); at most one embassy-class mission of
 * a direction per period of established relations, closed by the severance that ends it (R7, R11);
 * a provisional office or interests section open when an embassy opens is closed that day and
 * linked to it (R8);</li>
 * <li>heads of mission are diplomats of the sending country (R13), of embassy-class missions and
 * provisional offices only, starting while relations are established (R15) with agrément for
 * ambassadors and envoys (R14), one after the other and ended by the mission's closing (R16);</li>
 * <li>meetings have two to six diplomats of at least two countries (R17), up to today;</li>
 * <li>milestones tie a pair to one of its missions or to none; one whose mission opened is achieved
 * on the opening day (R19), and none is achieved after today.</li>
 * </ul>
 * Relations, missions and milestones scale with {@code min(scale, 1)}; diplomats and meetings with
 * {@code scale}, so scale 10 has ten times the diplomats and meetings of scale 1. Meetings are
 * produced in chunks, never all held at once.
 */
final class SyntheticWorld {

    static final long DEFAULT_SEED = 20_260_601L;
    static final int RELATIONS = 15_000;
    static final int DIPLOMATS = 20_000;
    static final int MEETINGS = 100_000;
    static final int MILESTONES = 5_000;
    /** The pair with a long history and many meetings (1 % of all meetings): the relation view the benchmark reads. */
    static final String LONG_PAIR_A = "FR";
    static final String LONG_PAIR_B = "US";
    static final double LONG_PAIR_MEETING_SHARE = 0.01;

    private static final LocalDate EARLIEST_EVENT = LocalDate.of(1816, 1, 1);
    private static final LocalDate EARLIEST_MEETING = LocalDate.of(1960, 1, 1);
    private static final String SUPERSEDED = "SUPERSEDED";
    private static final String RELATIONS_SEVERED = "RELATIONS_SEVERED";
    private static final List<String> BIG = List.of("US", "FR", "GB", "DE", "CN", "RU", "JP", "IN", "BR", "IT");

    record Country(String code, String name) {
    }

    record Event(Long id, long relationId, EventType type, LocalDate date, DatePrecision datePrecision)
            implements EventFact {
    }

    record RelationRow(long id, String countryA, String countryB, RelationState current, List<Event> events) {
    }

    record HeadRow(long id, long missionId, long diplomatId, String name, HeadRank rank, LocalDate agrementOn,
            LocalDate startedOn, LocalDate endedOn) {
    }

    record MissionRow(long id, String sending, String receiving, MissionType type, String city, MissionStatus status,
            String plannedOpening, LocalDate openedOn, LocalDate closedOn, String closingReason,
            String protectingPower, Long predecessorId, Long successorId, List<HeadRow> heads) {

        /** {@code SSRR} while an embassy-class mission is open, as {@code Mission.open} sets it (R7). */
        String embassySlot() {
            return status == MissionStatus.OPEN && type.embassyClass() ? sending + receiving : null;
        }
    }

    record MilestoneRow(long id, String countryA, String countryB, String title, PartialDate target, Long missionId,
            LocalDate achievedOn, boolean cancelled) {
    }

    record ParticipantRow(long diplomatId, String country, String title) {
    }

    record MeetingRow(long id, LocalDate date, String city, String country, String title,
            List<ParticipantRow> participants) {

        /** The participants' countries, sorted, each once. */
        List<String> countries() {
            return participants.stream().map(ParticipantRow::country).distinct().sorted().toList();
        }
    }

    /** A period of established relations (or of their absence), from {@code start} to {@code end} exclusive (null: still). */
    private record Span(LocalDate start, LocalDate end) {
    }

    private final long seed;
    private final double scale;
    private final LocalDate today;
    private final List<Country> countries;
    private final Roster roster;
    private final List<RelationRow> relations = new ArrayList<>();
    private final Map<Long, RelationHistory> histories = new HashMap<>();
    private final Map<String, List<RelationRow>> relationsOf = new HashMap<>();
    private final List<MissionRow> missions = new ArrayList<>();
    private final List<MilestoneRow> milestones = new ArrayList<>();
    private final int meetingCount;
    private long eventIds;
    private long missionIds;
    private long headIds;

    private SyntheticWorld(long seed, double scale, LocalDate today, List<Country> countries) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("chancery.bench.scale must be positive: " + scale);
        }
        this.seed = seed;
        this.scale = scale;
        this.today = today;
        this.countries = countries.stream().sorted((x, y) -> x.code().compareTo(y.code())).toList();
        this.roster = new Roster(seed, Math.max(2 * this.countries.size(), (int) Math.round(DIPLOMATS * scale)),
                this.countries);
        this.meetingCount = Math.max(1, (int) Math.round(MEETINGS * scale));
    }

    /** Plans the world's relations, missions, heads and milestones; meetings are made on demand by {@link #meetings}. */
    static SyntheticWorld plan(long seed, double scale, LocalDate today, List<Country> countries) {
        SyntheticWorld world = new SyntheticWorld(seed, scale, today, countries);
        Random random = new Random(seed);
        world.planRelations(random);
        for (RelationRow relation : world.relations) {
            world.planMissions(random, relation, relation.countryA(), relation.countryB());
            world.planMissions(random, relation, relation.countryB(), relation.countryA());
        }
        world.planMilestones(random);
        return world;
    }

    // --- relations

    private void planRelations(Random random) {
        int n = countries.size();
        int wanted = Math.max(1, (int) Math.round(RELATIONS * Math.min(scale, 1)));
        long[] pairs = new long[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs[k++] = (long) i * n + j;
            }
        }
        for (int i = pairs.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = pairs[i];
            pairs[i] = pairs[j];
            pairs[j] = swap;
        }
        addRelation(LONG_PAIR_A, LONG_PAIR_B, longHistory());
        for (int i = 0; i < pairs.length && relations.size() < wanted; i++) {
            String a = countries.get((int) (pairs[i] / n)).code();
            String b = countries.get((int) (pairs[i] % n)).code();
            if (!(a.equals(LONG_PAIR_A) && b.equals(LONG_PAIR_B))) {
                addRelation(a, b, randomHistory(random));
            }
        }
    }

    /** FR–US: established, severed and restored twice, consular relations severed between the last two. */
    private static List<Object[]> longHistory() {
        return List.of(
                new Object[] {EventType.ESTABLISHED, LocalDate.of(1778, 2, 6)},
                new Object[] {EventType.SEVERED, LocalDate.of(1798, 7, 7)},
                new Object[] {EventType.RESTORED, LocalDate.of(1800, 9, 30)},
                new Object[] {EventType.SEVERED, LocalDate.of(1942, 11, 8)},
                new Object[] {EventType.CONSULAR_SEVERED, LocalDate.of(1942, 11, 9)},
                new Object[] {EventType.RESTORED, LocalDate.of(1944, 10, 23)});
    }

    /** Sequences that follow R1 from NONE, one to four events, with the share of relations each gets. */
    private static final EventType[][] SEQUENCES = {
            {EventType.ESTABLISHED},
            {EventType.CONSULAR_ESTABLISHED},
            {EventType.ESTABLISHED, EventType.SEVERED},
            {EventType.CONSULAR_ESTABLISHED, EventType.ESTABLISHED},
            {EventType.ESTABLISHED, EventType.CONSULAR_SEVERED},
            {EventType.ESTABLISHED, EventType.SEVERED, EventType.RESTORED},
            {EventType.ESTABLISHED, EventType.SEVERED, EventType.CONSULAR_SEVERED},
            {EventType.ESTABLISHED, EventType.SEVERED, EventType.RESTORED, EventType.SEVERED},
            {EventType.ESTABLISHED, EventType.SEVERED, EventType.RESTORED, EventType.CONSULAR_SEVERED},
            {EventType.ESTABLISHED, EventType.CONSULAR_SEVERED, EventType.SEVERED, EventType.RESTORED}};
    private static final int[] SEQUENCE_WEIGHTS = {42, 4, 12, 5, 3, 15, 3, 6, 5, 5};

    private List<Object[]> randomHistory(Random random) {
        EventType[] sequence = SEQUENCES[weighted(random, SEQUENCE_WEIGHTS)];
        long last = today.toEpochDay();
        long first = day(random, EARLIEST_EVENT.toEpochDay(), last - 400L * sequence.length);
        long[] days = new long[sequence.length];
        days[0] = first;
        for (int i = 1; i < days.length; i++) {
            long left = days.length - i;
            long room = (last - days[i - 1]) / (left + 1);
            days[i] = days[i - 1] + 1 + random.nextLong(Math.max(1, room));
        }
        List<Object[]> events = new ArrayList<>();
        for (int i = 0; i < sequence.length; i++) {
            events.add(new Object[] {sequence[i], LocalDate.ofEpochDay(days[i])});
        }
        return events;
    }

    private void addRelation(String a, String b, List<Object[]> typesAndDays) {
        long id = relations.size() + 1;
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < typesAndDays.size(); i++) {
            EventType type = (EventType) typesAndDays.get(i)[0];
            LocalDate date = (LocalDate) typesAndDays.get(i)[1];
            DatePrecision precision = DatePrecision.DAY;
            if (i == 0 && date.getYear() < 1900 && date.getDayOfYear() % 2 == 0) {
                precision = DatePrecision.YEAR;
                date = precision.normalize(date);
            }
            events.add(new Event(++eventIds, id, type, date, precision));
        }
        RelationHistory history = RelationHistory.replay(events);
        RelationRow relation = new RelationRow(id, a, b, history.current(), List.copyOf(events));
        relations.add(relation);
        histories.put(id, history);
        relationsOf.computeIfAbsent(a, key -> new ArrayList<>()).add(relation);
        relationsOf.computeIfAbsent(b, key -> new ArrayList<>()).add(relation);
    }

    // --- missions

    /** A mission being planned; it becomes a {@link MissionRow} once its links and heads are known. */
    private final class Draft {
        final long id = ++missionIds;
        final String sending;
        final String receiving;
        final MissionType type;
        final String city;
        MissionStatus status = MissionStatus.PLANNED;
        String plannedOpening;
        LocalDate openedOn;
        LocalDate closedOn;
        String closingReason;
        String protectingPower;
        Long predecessorId;
        Long successorId;

        Draft(String sending, String receiving, MissionType type, String city) {
            this.sending = sending;
            this.receiving = receiving;
            this.type = type;
            this.city = city;
        }

        Draft open(LocalDate on) {
            status = MissionStatus.OPEN;
            openedOn = on;
            return this;
        }

        void close(LocalDate on, String reason) {
            status = MissionStatus.CLOSED;
            closedOn = on;
            closingReason = reason;
        }

        /** R8: this provisional office or interests section closes the day {@code embassy} opens. */
        void supersededBy(Draft embassy) {
            close(embassy.openedOn, SUPERSEDED);
            successorId = embassy.id;
            embassy.predecessorId = id;
        }
    }

    private void planMissions(Random random, RelationRow relation, String sending, String receiving) {
        RelationHistory history = histories.get(relation.id());
        List<Span> diplomatic = spans(history, RelationState::established);
        List<Span> consular = spans(history, RelationState::consularEstablished);
        List<Draft> drafts = new ArrayList<>();

        Draft[] embassies = new Draft[diplomatic.size()];
        for (int k = 0; k < diplomatic.size(); k++) {
            Span span = diplomatic.get(k);
            boolean current = span.end() == null;
            if (random.nextDouble() < (current ? 0.3 : 0.22)) {
                Draft embassy = new Draft(sending, receiving, embassyType(random, sending), capital(receiving))
                        .open(dayIn(random, span));
                if (!current) {
                    embassy.close(span.end(), RELATIONS_SEVERED);
                } else if (random.nextDouble() < 0.05 && embassy.openedOn.isBefore(today)) {
                    embassy.close(dayBetween(random, embassy.openedOn.plusDays(1), today), "Closed for budgetary reasons");
                }
                embassies[k] = embassy;
                drafts.add(embassy);
            }
        }

        List<Span> severed = new ArrayList<>();
        List<Integer> severedAfter = new ArrayList<>();
        for (int k = 0; k < diplomatic.size(); k++) {
            if (diplomatic.get(k).end() != null) {
                severed.add(new Span(diplomatic.get(k).end(),
                        k + 1 < diplomatic.size() ? diplomatic.get(k + 1).start() : null));
                severedAfter.add(k);
            }
        }
        if (!severed.isEmpty() && random.nextDouble() < 0.4) {
            int s = random.nextInt(severed.size());
            LocalDate on = dayIn(random, severed.get(s));
            String power = protectingPower(random, sending, receiving, on);
            if (power != null) {
                Draft section = new Draft(sending, receiving, MissionType.INTERESTS_SECTION, capital(receiving))
                        .open(on);
                section.protectingPower = power;
                for (int k = severedAfter.get(s) + 1; k < embassies.length; k++) {
                    if (embassies[k] != null) {
                        section.supersededBy(embassies[k]);
                        break;
                    }
                }
                drafts.add(section);
            }
        }

        for (int k = 0; k < embassies.length; k++) {
            Draft embassy = embassies[k];
            if (embassy != null && embassy.predecessorId == null && random.nextDouble() < 0.12
                    && embassy.openedOn.isAfter(diplomatic.get(k).start())) {
                Draft office = new Draft(sending, receiving, MissionType.PROVISIONAL_OFFICE, capital(receiving))
                        .open(dayBetween(random, diplomatic.get(k).start(), embassy.openedOn.minusDays(1)));
                office.supersededBy(embassy);
                drafts.add(office);
            }
        }

        if (random.nextDouble() < 0.02) {
            drafts.add(new Draft(sending, receiving, MissionType.LIAISON_OFFICE, capital(receiving))
                    .open(dayBetween(random, EARLIEST_MEETING, today)));
        }

        for (int k = 0; k < consular.size(); k++) {
            if (random.nextDouble() < (consular.get(k).end() == null ? 0.12 : 0.06)) {
                MissionType type = random.nextDouble() < 0.5 ? MissionType.CONSULATE_GENERAL
                        : random.nextDouble() < 0.7 ? MissionType.CONSULATE : MissionType.HONORARY_CONSULATE;
                Draft post = new Draft(sending, receiving, type, "Second city of " + name(receiving))
                        .open(dayIn(random, consular.get(k)));
                if (random.nextDouble() < 0.2 && post.openedOn.isBefore(today)) {
                    post.close(dayBetween(random, post.openedOn.plusDays(1), today), "Closed");
                }
                drafts.add(post);
            }
        }

        if (random.nextDouble() < 0.05) {
            MissionType type = random.nextBoolean() ? embassyType(random, sending) : MissionType.CONSULATE;
            Draft planned = new Draft(sending, receiving, type, type.consular() ? "Port of " + name(receiving)
                    : capital(receiving));
            planned.plannedOpening = randomTarget(random, 2018, 2029).toString();
            if (random.nextDouble() < 0.15) {
                planned.status = MissionStatus.CANCELLED;
            }
            drafts.add(planned);
        }

        for (Draft draft : drafts) {
            missions.add(new MissionRow(draft.id, draft.sending, draft.receiving, draft.type, draft.city, draft.status,
                    draft.plannedOpening, draft.openedOn, draft.closedOn, draft.closingReason, draft.protectingPower,
                    draft.predecessorId, draft.successorId, heads(random, draft)));
        }
    }

    /** R13–R16: heads one after the other, from the opening (or later) to the closing, or still serving today. */
    private List<HeadRow> heads(Random random, Draft mission) {
        if (mission.openedOn == null || !mission.type.needsDiplomaticRelations()) {
            return List.of();
        }
        boolean closed = mission.closedOn != null;
        LocalDate end = closed ? mission.closedOn : today;
        LocalDate start = end.minusDays(1461L * (1 + random.nextInt(3)));
        LocalDate day = start.isAfter(mission.openedOn) ? start : mission.openedOn;
        List<HeadRow> heads = new ArrayList<>();
        while (closed ? day.isBefore(end) : !day.isAfter(end)) {
            HeadRank rank = mission.type == MissionType.PROVISIONAL_OFFICE ? HeadRank.CHARGE_D_AFFAIRES
                    : HeadRank.values()[weighted(random, new int[] {80, 5, 8, 7})];
            LocalDate agrement = rank.needsAgrement() ? day.minusDays(7 + random.nextInt(120)) : null;
            LocalDate until = day.plusDays(700 + random.nextInt(1100));
            boolean last = closed ? !until.isBefore(end) : until.isAfter(end);
            if (last) {
                until = closed ? end : null;
            }
            long diplomat = roster.pick(random, mission.sending);
            heads.add(new HeadRow(++headIds, mission.id, diplomat, roster.name(diplomat), rank, agrement, day, until));
            if (last) {
                break;
            }
            day = until.plusDays(random.nextInt(90));
        }
        return List.copyOf(heads);
    }

    /** R9: a third country whose relations with {@code receiving} are established on {@code on}, if one is found. */
    private String protectingPower(Random random, String sending, String receiving, LocalDate on) {
        List<RelationRow> candidates = relationsOf.getOrDefault(receiving, List.of());
        for (int attempt = 0; attempt < 40 && !candidates.isEmpty(); attempt++) {
            RelationRow candidate = candidates.get(random.nextInt(candidates.size()));
            String other = candidate.countryA().equals(receiving) ? candidate.countryB() : candidate.countryA();
            if (!other.equals(sending) && histories.get(candidate.id()).on(on).established()) {
                return other;
            }
        }
        return null;
    }

    /** The periods in which {@code holds} is true of the state at the end of each day. */
    private static List<Span> spans(RelationHistory history, Predicate<RelationState> holds) {
        List<Span> spans = new ArrayList<>();
        LocalDate start = null;
        for (EventFact event : history.events()) {
            boolean now = holds.test(history.on(event.date()));
            if (now && start == null) {
                start = event.date();
            } else if (!now && start != null) {
                spans.add(new Span(start, event.date()));
                start = null;
            }
        }
        if (start != null) {
            spans.add(new Span(start, null));
        }
        return spans;
    }

    private static MissionType embassyType(Random random, String sending) {
        if (sending.equals("VA")) {
            return MissionType.NUNCIATURE;
        }
        return random.nextDouble() < 0.12 ? MissionType.HIGH_COMMISSION : MissionType.EMBASSY;
    }

    // --- milestones

    private void planMilestones(Random random) {
        Map<String, List<MissionRow>> missionsOfPair = new HashMap<>();
        for (MissionRow mission : missions) {
            missionsOfPair.computeIfAbsent(pairKey(mission.sending(), mission.receiving()), key -> new ArrayList<>())
                    .add(mission);
        }
        int wanted = Math.max(1, (int) Math.round(MILESTONES * Math.min(scale, 1)));
        for (long id = 1; id <= wanted; id++) {
            RelationRow relation = relations.get(random.nextInt(relations.size()));
            List<MissionRow> ofPair = missionsOfPair.getOrDefault(pairKey(relation.countryA(), relation.countryB()),
                    List.of());
            if (!ofPair.isEmpty() && random.nextDouble() < 0.45) {
                MissionRow mission = ofPair.get(random.nextInt(ofPair.size()));
                String title = mission.type() + " of " + mission.sending() + " in " + mission.city() + " opens";
                if (mission.openedOn() != null) {
                    PartialDate target = targetAround(random, mission.openedOn());
                    boolean cancelled = random.nextDouble() < 0.05;
                    milestones.add(new MilestoneRow(id, relation.countryA(), relation.countryB(), title, target,
                            mission.id(), cancelled ? null : mission.openedOn(), cancelled));
                } else {
                    milestones.add(new MilestoneRow(id, relation.countryA(), relation.countryB(), title,
                            randomTarget(random, 2015, 2030), mission.id(), null, random.nextDouble() < 0.05));
                }
                continue;
            }
            String title = AGREEMENTS[random.nextInt(AGREEMENTS.length)];
            double roll = random.nextDouble();
            if (roll < 0.3) {
                LocalDate achieved = dayBetween(random, LocalDate.of(1990, 1, 1), today);
                milestones.add(new MilestoneRow(id, relation.countryA(), relation.countryB(), title,
                        targetAround(random, achieved), null, achieved, false));
            } else if (roll < 0.65) {
                milestones.add(new MilestoneRow(id, relation.countryA(), relation.countryB(), title,
                        randomTarget(random, 2000, today.getYear() - 1), null, null, false));
            } else {
                milestones.add(new MilestoneRow(id, relation.countryA(), relation.countryB(), title,
                        randomTarget(random, today.getYear() + 1, today.getYear() + 5), null, null,
                        roll > 0.95));
            }
        }
    }

    private static final String[] AGREEMENTS = {"Visa facilitation agreement signed", "Air services agreement signed",
            "Joint commission meets", "Cultural cooperation programme adopted", "Trade agreement signed",
            "Double taxation treaty ratified", "Strategic dialogue launched"};

    private static PartialDate targetAround(Random random, LocalDate day) {
        LocalDate around = day.plusDays(random.nextInt(731) - 365);
        return partialDate(random, around.getYear() < 1 ? day : around);
    }

    private static PartialDate randomTarget(Random random, int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        LocalDate to = LocalDate.of(Math.max(fromYear, toYear), 12, 31);
        return partialDate(random, dayBetween(random, from, to));
    }

    private static PartialDate partialDate(Random random, LocalDate day) {
        return switch (random.nextInt(5)) {
            case 0 -> new PartialDate(day.getYear(), PartialDate.Period.YEAR, 1);
            case 1 -> new PartialDate(day.getYear(), PartialDate.Period.HALF, day.getMonthValue() <= 6 ? 1 : 2);
            case 2 -> new PartialDate(day.getYear(), PartialDate.Period.QUARTER, (day.getMonthValue() + 2) / 3);
            case 3 -> new PartialDate(day.getYear(), PartialDate.Period.MONTH, day.getMonthValue());
            default -> PartialDate.ofDay(day);
        };
    }

    // --- meetings

    /** Weights of two to six participants: most meetings are small. */
    private static final int[] PARTICIPANTS = {40, 25, 15, 12, 8};

    private static final String[] MEETING_TITLES = {"Bilateral consultations", "Working visit", "Strategic dialogue",
            "Political consultations", "Official visit", "Talks on the margins of a summit", "Joint commission"};

    /**
     * Makes the meetings in order of id and date, {@code chunk} at a time: 1 % between the long
     * pair, the others between the two countries of a relation (85 %) or of any pair, with two to
     * six participants (three on average), some from a third country.
     */
    void meetings(int chunk, Consumer<List<MeetingRow>> sink) {
        Random random = new Random(seed + 2);
        long first = EARLIEST_MEETING.toEpochDay();
        long last = today.toEpochDay();
        List<MeetingRow> rows = new ArrayList<>(chunk);
        for (long id = 1; id <= meetingCount; id++) {
            String a;
            String b;
            double roll = random.nextDouble();
            if (roll < LONG_PAIR_MEETING_SHARE) {
                a = LONG_PAIR_A;
                b = LONG_PAIR_B;
            } else if (roll < 0.86) {
                RelationRow relation = relations.get(random.nextInt(relations.size()));
                a = relation.countryA();
                b = relation.countryB();
            } else {
                a = countries.get(random.nextInt(countries.size())).code();
                do {
                    b = countries.get(random.nextInt(countries.size())).code();
                } while (b.equals(a));
            }
            String third;
            do {
                third = countries.get(random.nextInt(countries.size())).code();
            } while (third.equals(a) || third.equals(b));
            int size = 2 + weighted(random, PARTICIPANTS);
            List<Long> chosen = new ArrayList<>(size);
            chosen.add(roster.pick(random, a));
            chosen.add(roster.pick(random, b));
            for (int i = 2; i < size; i++) {
                String country = random.nextDouble() < 0.75 ? (random.nextBoolean() ? a : b) : third;
                long diplomat = roster.pick(random, country);
                if (!chosen.contains(diplomat)) {
                    chosen.add(diplomat);
                }
            }
            List<ParticipantRow> participants = chosen.stream()
                    .map(d -> new ParticipantRow(d, roster.country(d), roster.title(d))).toList();
            double where = random.nextDouble();
            String country = where < 0.45 ? a : where < 0.9 ? b : third;
            rows.add(new MeetingRow(id, LocalDate.ofEpochDay(first + meetingDay(id, last - first)), capital(country),
                    country, MEETING_TITLES[random.nextInt(MEETING_TITLES.length)], participants));
            if (rows.size() == chunk) {
                sink.accept(List.copyOf(rows));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            sink.accept(List.copyOf(rows));
        }
    }

    /**
     * The day of meeting {@code id}, counted from the earliest: ids follow dates (as in a log
     * recorded as it happens, which also keeps the date indexes appending while loading), and
     * meetings grow more frequent over the years.
     */
    private long meetingDay(long id, long days) {
        return Math.round(days * Math.sqrt((double) (id - 1) / Math.max(1, meetingCount - 1)));
    }

    // --- helpers

    private static final Map<String, String> CAPITALS = Map.ofEntries(Map.entry("US", "Washington"),
            Map.entry("FR", "Paris"), Map.entry("GB", "London"), Map.entry("DE", "Berlin"), Map.entry("CN", "Beijing"),
            Map.entry("RU", "Moscow"), Map.entry("JP", "Tokyo"), Map.entry("IN", "New Delhi"),
            Map.entry("BR", "Brasília"), Map.entry("IT", "Rome"), Map.entry("CU", "Havana"), Map.entry("KR", "Seoul"),
            Map.entry("KP", "Pyongyang"), Map.entry("VA", "Vatican City"));

    private String capital(String code) {
        return CAPITALS.getOrDefault(code, "Capital of " + name(code));
    }

    private String name(String code) {
        return roster.countryName(code);
    }

    private LocalDate dayIn(Random random, Span span) {
        LocalDate last = span.end() == null ? today : span.end().minusDays(1);
        return dayBetween(random, span.start(), last.isBefore(span.start()) ? span.start() : last);
    }

    private static LocalDate dayBetween(Random random, LocalDate from, LocalDate to) {
        return LocalDate.ofEpochDay(day(random, from.toEpochDay(), to.toEpochDay()));
    }

    private static long day(Random random, long from, long to) {
        return to <= from ? from : from + random.nextLong(to - from + 1);
    }

    static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String pairKey(String x, String y) {
        return x.compareTo(y) < 0 ? x + y : y + x;
    }

    // --- what was planned

    List<RelationRow> relations() {
        return relations;
    }

    List<MissionRow> missions() {
        return missions;
    }

    List<MilestoneRow> milestones() {
        return milestones;
    }

    Roster roster() {
        return roster;
    }

    int meetingCount() {
        return meetingCount;
    }

    long eventCount() {
        return eventIds;
    }

    long headCount() {
        return headIds;
    }

    LocalDate today() {
        return today;
    }

    /**
     * The diplomats, ids 1 to {@link #size()}: the first two of every country in code order, then
     * the others at random, the ten biggest services five times as likely. Names and titles are
     * derived from the id, so nothing but each diplomat's country is kept in memory.
     */
    static final class Roster {

        private static final String[] FIRST = {"Amina", "Carlos", "Chen", "Dmitri", "Elena", "Fatima", "Hiroshi", "Ingrid",
                "Jean", "Kwame", "Laila", "Miguel", "Nadia", "Olu", "Priya", "Rafael", "Sara", "Tomasz", "Yusuf", "Zhanna"};
        private static final String[] LAST = {"Abebe", "Bauer", "Castillo", "Dubois", "Eriksen", "Fernandes", "Garcia",
                "Haddad", "Ivanova", "Jensen", "Kim", "Larsen", "Mensah", "Nakamura", "Okafor", "Petrov", "Quispe",
                "Rossi", "Santos", "Tanaka", "Usman", "Varga", "Wang", "Yilmaz", "Zhou"};
        private static final String[] TITLES = {"Ambassador", "Deputy Foreign Minister", "Minister of Foreign Affairs",
                "Director General for Bilateral Affairs", "Counsellor", "First Secretary", "Special Envoy",
                "Head of Protocol"};

        private final long seed;
        private final List<Country> countries;
        private final Map<String, Integer> index = new HashMap<>();
        private final short[] countryOf;
        private final long[][] byCountry;

        Roster(long seed, int size, List<Country> countries) {
            this.seed = seed;
            this.countries = countries;
            for (int i = 0; i < countries.size(); i++) {
                index.put(countries.get(i).code(), i);
            }
            int n = countries.size();
            int[] weights = new int[n];
            for (int i = 0; i < n; i++) {
                weights[i] = BIG.contains(countries.get(i).code()) ? 5 : 1;
            }
            Random random = new Random(seed + 1);
            countryOf = new short[size];
            int[] counts = new int[n];
            for (int i = 0; i < size; i++) {
                int country = i < 2 * n ? i % n : weighted(random, weights);
                countryOf[i] = (short) country;
                counts[country]++;
            }
            byCountry = new long[n][];
            for (int c = 0; c < n; c++) {
                byCountry[c] = new long[counts[c]];
            }
            int[] filled = new int[n];
            for (int i = 0; i < size; i++) {
                byCountry[countryOf[i]][filled[countryOf[i]]++] = i + 1;
            }
        }

        int size() {
            return countryOf.length;
        }

        long pick(Random random, String country) {
            long[] ids = byCountry[index.get(country)];
            return ids[random.nextInt(ids.length)];
        }

        String country(long id) {
            return countries.get(countryOf[(int) id - 1]).code();
        }

        String countryName(String code) {
            return countries.get(index.get(code)).name();
        }

        String name(long id) {
            long h = mix(id);
            return FIRST[(int) Math.floorMod(h, (long) FIRST.length)] + " "
                    + LAST[(int) Math.floorMod(h >>> 20, (long) LAST.length)];
        }

        String title(long id) {
            return TITLES[(int) Math.floorMod(mix(id) >>> 40, (long) TITLES.length)];
        }

        private long mix(long id) {
            long z = seed + id * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
