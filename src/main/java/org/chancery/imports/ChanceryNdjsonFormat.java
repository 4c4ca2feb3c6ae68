package org.chancery.imports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.chancery.accreditation.Accreditation;
import org.chancery.accreditation.Accreditations;
import org.chancery.country.Countries;
import org.chancery.country.Country;
import org.chancery.country.CountryCode;
import org.chancery.country.Lifetime;
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.DiplomatDescription;
import org.chancery.diplomat.Diplomats;
import org.chancery.meeting.MeetingDetails;
import org.chancery.meeting.MeetingDraft;
import org.chancery.meeting.Meetings;
import org.chancery.milestone.MilestoneService;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.milestone.MilestoneView;
import org.chancery.milestone.Milestones;
import org.chancery.mission.HeadOfMission;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionView;
import org.chancery.relation.RecordedEvent;
import org.chancery.relation.RelationEvent;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.JsonMistakes;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.Text;
import org.chancery.shared.TextLengths;
import org.chancery.shared.VersionPrecondition;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code chancery-ndjson}: users' own data, one JSON fact per line, each with the fields of the
 * matching POST body of the API, written through the same services, in the order of the lines.
 * Lines name facts of earlier lines by {@code ref} ({@code missionRef}, {@code diplomatRef},
 * {@code residentMissionRef}). A fact that is already recorded (the same event of the pair on the
 * same day, the same mission of the direction opened on the same day…) is not recorded again: its
 * line answers {@code ALREADY_PRESENT}, and its ref names the recorded fact.
 */
@Component
class ChanceryNdjsonFormat implements ImportFormat {

    static final String NAME = "chancery-ndjson";
    private static final List<String> KINDS = List.of("country", "diplomat", "event", "mission", "head",
            "accreditation", "meeting", "milestone");

    private final JsonMapper json;
    private final Validator validator;
    private final Countries countries;
    private final Diplomats diplomats;
    private final RelationService relations;
    private final MissionService missions;
    private final Accreditations accreditations;
    private final Meetings meetings;
    private final MilestoneService milestoneService;
    private final Milestones milestones;

    ChanceryNdjsonFormat(JsonMapper json, Validator validator, Countries countries, Diplomats diplomats,
            RelationService relations, MissionService missions, Accreditations accreditations, Meetings meetings,
            MilestoneService milestoneService, Milestones milestones) {
        this.json = json;
        this.validator = validator;
        this.countries = countries;
        this.diplomats = diplomats;
        this.relations = relations;
        this.missions = missions;
        this.accreditations = accreditations;
        this.meetings = meetings;
        this.milestoneService = milestoneService;
        this.milestones = milestones;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("application/x-ndjson");
    }

    @Override
    public String summary() {
        return "Your own data: one JSON fact per line, with the fields of the matching POST body";
    }

    @Override
    public String documentation() {
        return """
                One JSON object per line (blank lines are skipped), each with a `kind` and the fields of the \
                matching POST body of the API; lines are written in their order, through the same services and rules:

                | kind | fields |
                |---|---|
                | `country` | as `POST /api/countries`: `code`, `alpha3`, `numeric`, `name`, `startedOn`, `endedOn`, `sources` |
                | `diplomat` | as `POST /api/diplomats`: `name`, `country`, `title`, `organization`, `sources`; `ref` |
                | `event` | as `POST /api/relations/{a}/{b}/events`, with the pair as `countries: [a, b]` |
                | `mission` | as `POST /api/missions`, plus `openedOn`, `openedPrecision`, `closedOn`, `closedPrecision`, `closingReason`, `status`; `ref` |
                | `head` | as `POST /api/missions/{id}/heads` (`datePrecision`, `endedPrecision` included), with `missionRef` (or `missionId`) and `diplomatRef` (or `diplomatId`) |
                | `accreditation` | as `POST /api/relations/{a}/{b}/accreditations`, with `receivingCountry`, `residentMissionRef`, `diplomatRef` |
                | `meeting` | as `POST /api/meetings`; a participant may name `diplomatRef` instead of `diplomatId`, and its `name` (as an answer gives it) must be its diplomat's |
                | `milestone` | as `POST /api/relations/{a}/{b}/milestones`, with `countries: [a, b]`, `missionRef`, `achievedOn` (by hand, or the day its mission opened) and `status` |

                A `ref` is a name of your choice that later lines use instead of the id the API would have \
                answered; it names one fact in a file (a second line defining it is `REJECTED`, \
                `VALIDATION_FAILED`), and a line that defines it but is rejected defines nothing. A line that is \
                not one JSON object refuses the whole file (400); one that names a property twice is that row's \
                `REJECTED` with `MALFORMED_REQUEST`; a line whose fields are missing \
                or invalid is that row's `REJECTED` with `VALIDATION_FAILED`, one that breaks a rule is `REJECTED` \
                with the rule's code. A fact already recorded (a country of that code; a diplomat of that name and \
                country; the pair's event of that type on that day; the direction's mission of that type, city \
                and opening day; the mission's head who is that diplomat from that day; the direction's \
                accreditation of that level from that day; a meeting on that day in that country of exactly \
                those participants; the pair's milestone of that title and target; "that day" is the first of \
                the line's period, else the day as the line writes it, where the fact is recorded to that day \
                and the line gives it to a coarser precision) is not recorded again: its \
                line answers `ALREADY_PRESENT`, and its ref names the recorded fact; a country line whose other \
                fields differ from the recorded country, a diplomat line whose title or organization, an event \
                line whose date's precision or note, a meeting line whose date's precision, city, title, summary, \
                outcomes or a participant's title, a mission line whose planned opening, protecting power, \
                opening's or closing's precision, closing day or reason differs from the record, a head line \
                whose rank, agrément, start's precision or end, an accreditation line whose \
                start's precision, end, diplomat or resident mission differs, a milestone line whose achievement \
                or mission differs, are flagged `DIFFERS_FROM_RECORDED`, the detail naming each \
                difference (the recorded values are kept; change a country with `PUT /api/countries/{code}`; a \
                field the line leaves out or gives blank differs from nothing). A \
                mission line that closes a mission recorded open, a head line that ends a head recorded serving, \
                an accreditation line that ends one recorded in force, a milestone line that achieves one recorded \
                pending or overdue without a mission, records that closing, end or achievement, citing the line: \
                `MERGED`. A ref that names nothing is `REJECTED` whether the fact is recorded or not. A head or \
                accreditation line ending before its start is `REJECTED`, whatever is recorded. A past mission \
                (`openedOn` and `closedOn`) is opened with its closing, as `POST /api/missions/{id}/open` takes \
                it: the rules see it open only until then; its `closingReason` may be one a rule gives where the \
                recorded facts give it (`RELATIONS_SEVERED` on the day of a severance recorded by an earlier line, \
                `SUPERSEDED` on the day an earlier line's mission of the direction that supersedes it opened, which \
                becomes its successor: write successors before their predecessors), as an export of the API \
                writes it. A `status`, as the API answers it, is the one the line's dates make (a mission: \
                `PLANNED` without `openedOn`, `OPEN` with it, `CLOSED` with `closedOn`; a milestone: `ACHIEVED` \
                with `achievedOn`, `PENDING` or `OVERDUE` without), or `CANCELLED`; another is `REJECTED`. A \
                mission line `CANCELLED` cancels the mission at once (`MERGED` for one recorded planned), with \
                the milestones waiting for it, and no head is appointed to it after: write its heads and \
                milestones before a line of it that says `CANCELLED`. A milestone line `CANCELLED` records it \
                cancelled whatever became of its mission (`MERGED` for one recorded pending or overdue); one with \
                a mission that has opened is `ACHIEVED` on the opening day (a line saying `PENDING` or `OVERDUE` \
                is flagged `DIFFERS_FROM_RECORDED`; one achieved on another day is `REJECTED`). Every fact \
                recorded cites the job and its line among its sources.""";
    }

    @Override
    public String example() {
        return """
                {"kind": "country", "code": "XK", "alpha3": "XKX", "name": "Kosovo", "startedOn": "2008-02-17"}
                {"kind": "event", "countries": ["US", "XK"], "type": "ESTABLISHED", "date": "2008-02-18"}
                {"kind": "diplomat", "ref": "d1", "name": "Tina Kaidanow", "country": "US", "title": "Ambassador"}
                {"kind": "mission", "ref": "m1", "sendingCountry": "US", "receivingCountry": "XK", "type": "LIAISON_OFFICE", "city": "Pristina", "openedOn": "2008-02-18", "closedOn": "2008-04-08"}
                {"kind": "mission", "ref": "m2", "sendingCountry": "US", "receivingCountry": "XK", "type": "EMBASSY", "city": "Pristina", "openedOn": "2008-04-08"}
                {"kind": "head", "missionRef": "m2", "diplomatRef": "d1", "rank": "AMBASSADOR", "agrementOn": "2008-07-01", "startedOn": "2008-07-11", "endedOn": "2009-12-01"}
                """;
    }

    @Override
    public int check(ImportInput input) throws IOException {
        int[] rows = {0};
        input.lines((number, text) -> {
            if (text.isBlank()) {
                return;
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                if (JsonMistakes.nameGivenTwice(e) == null) {
                    throw notJson(number, text, e);
                }
                // one JSON object but for a property named twice: that line is REJECTED when the job runs, not
                // the file; read again without the check, the rest of it must be JSON as any line's
                try {
                    node = json.reader().without(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(text);
                } catch (JacksonException other) {
                    throw notJson(number, text, other);
                }
            }
            if (!node.isObject()) {
                throw new InvalidInputException("body", "line " + number + " is not a JSON object" + (node.isArray()
                        ? " but an array: write each object on a line of its own (jq -c '.[]' does)" : ""));
            }
            rows[0]++;
        });
        if (rows[0] == 0) { // blank lines, a byte order mark: no file of the format, as an empty body
            throw new InvalidInputException("body", "has no line to import, only blank ones; send the file as the "
                    + "request body");
        }
        return rows[0];
    }

    /**
     * A line that is not JSON; one that looks like a piece of an object written over several lines (an object not
     * closed by the line's end, a member alone) says so, not one whose object is whole and followed by more text.
     */
    private static InvalidInputException notJson(int line, String text, JacksonException e) {
        String piece = text.strip();
        boolean spread = piece.equals("{") || piece.equals("[")
                || (piece.startsWith("{") && JsonMistakes.endsOpen(e))
                || (piece.startsWith("\"") && piece.contains("\":"));
        return new InvalidInputException("body", "line " + line + " " + JsonMistakes.ofText(e) + (spread
                ? "; each line must hold one whole JSON object, not a piece of one written over several lines (jq -c "
                + "writes one a line)" : ""));
    }

    @Override
    public void run(ImportInput input, ImportRun run) throws IOException {
        input.lines((number, text) -> {
            if (!text.isBlank()) {
                run.rowLookingAgain(number, row -> importLine(json.readTree(text), run, row));
            }
        });
    }

    private void importLine(JsonNode line, ImportRun run, RowResult row) {
        String kind = line.path("kind").isString() ? line.path("kind").asString() : null;
        if (kind == null || !KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "must be one of " + String.join(", ", KINDS));
        }
        Source source = run.source(row.line());
        switch (kind) {
            case "country" -> country(parse(line, NdjsonLines.CountryLine.class), source, row);
            case "diplomat" -> diplomat(parse(line, NdjsonLines.DiplomatLine.class), source, run, row);
            case "event" -> event(parse(line, NdjsonLines.EventLine.class), source, row);
            case "mission" -> mission(parse(line, NdjsonLines.MissionLine.class), source, run, row);
            case "head" -> head(parse(line, NdjsonLines.HeadLine.class), source, run, row);
            case "accreditation" -> accreditation(parse(line, NdjsonLines.AccreditationLine.class), source, run, row);
            case "meeting" -> meeting(parse(line, NdjsonLines.MeetingLine.class), source, run, row);
            default -> milestone(parse(line, NdjsonLines.MilestoneLine.class), source, run, row);
        }
    }

    private void country(NdjsonLines.CountryLine line, Source source, RowResult row) {
        Lifetime lifetime = new Lifetime(line.startedOn(), line.endedOn()); // refused if it ends before it starts
        Optional<Country> known = countries.find(line.code());
        if (known.isPresent()) {
            row.found("country", known.get().code().value());
            List<String> differences = differences(line, known.get());
            if (!differences.isEmpty()) {
                row.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: " + String.join("; ", differences) + ".");
            }
            return;
        }
        Country country = countries.create(line.code(), line.alpha3(), line.numeric(), line.name(),
                lifetime, with(line.sources(), source));
        row.created("country", country.code().value());
    }

    /** What a country line gives that the recorded country does not have (fields the line leaves out do not count). */
    private static List<String> differences(NdjsonLines.CountryLine line, Country recorded) {
        List<String> differences = new ArrayList<>();
        differ(differences, "code", line.code() == null ? null : line.code().toUpperCase(Locale.ROOT),
                recorded.code().value());
        differ(differences, "alpha3", line.alpha3() == null ? null : line.alpha3().toUpperCase(Locale.ROOT),
                recorded.alpha3());
        differ(differences, "numeric", line.numeric(), recorded.numericCode());
        differ(differences, "name", line.name() == null ? null : Text.strip(line.name()), Text.strip(recorded.name()));
        differ(differences, "startedOn", line.startedOn(), recorded.lifetime().startedOn());
        differ(differences, "endedOn", line.endedOn(), recorded.lifetime().endedOn());
        return differences;
    }

    private static void differ(List<String> differences, String field, Object given, Object recorded) {
        if (given != null && !given.equals(recorded)) {
            differences.add(field + " " + (recorded == null ? "not recorded" : recorded) + " (the line: " + given + ")");
        }
    }

    private void diplomat(NdjsonLines.DiplomatLine line, Source source, ImportRun run, RowResult row) {
        requireNewRef(run, line.ref());
        CountryCode country = countries.reference(line.country(), "country");
        Optional<Diplomat> known = diplomats.findSame(line.name(), country);
        long id;
        if (known.isPresent()) {
            id = known.get().id();
            row.found("diplomat", id);
            List<String> differences = new ArrayList<>();
            differs(differences, "title", known.get().title(), line.title());
            differs(differences, "organization", known.get().organization(), line.organization());
            flagDifferences(row, "diplomat " + known.get().name() + " (" + id + ")", differences);
        } else {
            id = diplomats.create(new DiplomatDescription(line.name(), line.country(), line.title(),
                    line.organization(), with(line.sources(), source))).id();
            row.created("diplomat", id);
        }
        define(run, line.ref(), "diplomat", id);
    }

    /**
     * The recorded fact a line names: the one of the first day of the line's period (where a fact of the line's
     * precision is recorded), else the one of the day as the line writes it (a fact recorded to the day, which the
     * line gives to a coarser precision: found, and its precision flagged as differing).
     */
    private static <T> Optional<T> recordedOn(FuzzyDate date, LocalDate written,
            Function<LocalDate, Optional<T>> find) {
        Optional<T> found = find.apply(date.date());
        return found.isPresent() || written == null || written.equals(date.date()) ? found : find.apply(written);
    }

    private void event(NdjsonLines.EventLine line, Source source, RowResult row) {
        RelationPair pair = pair(line.countries());
        FuzzyDate date = FuzzyDate.of(line.date(), line.datePrecision());
        Optional<RelationEvent> known = recordedOn(date, line.date(),
                day -> relations.findEvent(pair, line.type(), day));
        if (known.isPresent()) {
            row.found("event", known.get().id());
            List<String> differences = new ArrayList<>();
            if (line.datePrecision() != null && known.get().datePrecision() != date.precision()) {
                differences.add("the date is known to the " + known.get().datePrecision() + ", the line's to the "
                        + date.precision());
            }
            differs(differences, "note", known.get().note(), line.note());
            if (!differences.isEmpty()) {
                row.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: " + String.join("; ", differences) + ".");
            }
            return;
        }
        RecordedEvent recorded = relations.record(pair, line.type(), date, line.note(), with(line.sources(), source));
        row.created("event", recorded.event().id());
    }

    private void mission(NdjsonLines.MissionLine line, Source source, ImportRun run, RowResult row) {
        if (line.closedOn() != null && line.openedOn() == null) {
            throw new InvalidInputException("closedOn", "needs openedOn: only an open mission closes");
        }
        requireStatusOfDates(line);
        MissionService.Closing closing = MissionService.Closing.of(line.closedOn(), line.closedPrecision(),
                line.closingReason());
        requireNewRef(run, line.ref());
        CountryCode sending = countries.reference(line.sendingCountry(), "sendingCountry");
        CountryCode receiving = countries.reference(line.receivingCountry(), "receivingCountry");
        FuzzyDate opened = FuzzyDate.ofOptional(line.openedOn(), line.openedPrecision(), "openedPrecision");
        if (closing != null && closing.on().date().isBefore(opened.date())) {
            // refused before a row is planned: the detail names the line, not the id of a mission rolled back
            throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID, "The line's mission cannot close on "
                    + closing.on().date() + ", before it opened on " + opened.date() + ".");
        }
        Optional<MissionFacts> known = opened == null
                ? missions.findSame(sending, receiving, line.type(), line.city(), null)
                : recordedOn(opened, line.openedOn(),
                        day -> missions.findSame(sending, receiving, line.type(), line.city(), day));
        long id;
        if (known.isPresent()) {
            id = known.get().id();
            row.found("mission", id);
            reconcile(known.get(), line, opened, closing, source, row);
        } else {
            Mission mission = missions.plan(new MissionService.Plan(line.sendingCountry(), line.receivingCountry(),
                    line.type(), line.city(), line.plannedOpening(), line.protectingPower(), with(line.sources(), source)));
            id = mission.id();
            if (opened != null) {
                // a past mission opens with its closing: the rules see it open only until then
                openPlanned(mission, opened, closing);
            }
            if (line.status() == MissionStatus.CANCELLED) {
                missions.cancel(id);
            }
            row.created("mission", id);
        }
        define(run, line.ref(), "mission", id);
    }

    /**
     * A status the line gives (as an export writes it) is the one its dates make, or {@code CANCELLED} for a mission
     * that never opened: refused otherwise, rather than left unsaid.
     */
    private static void requireStatusOfDates(NdjsonLines.MissionLine line) {
        MissionStatus status = line.status();
        MissionStatus made = line.closedOn() != null ? MissionStatus.CLOSED
                : line.openedOn() != null ? MissionStatus.OPEN : MissionStatus.PLANNED;
        if (status != null && status != made && !(status == MissionStatus.CANCELLED && made == MissionStatus.PLANNED)) {
            throw new InvalidInputException("status", "is " + status + ", but the line's dates make the mission "
                    + made + (made == MissionStatus.CLOSED ? " (closedOn given)" : made == MissionStatus.OPEN
                    ? " (openedOn given, no closedOn)" : " (no openedOn)")
                    + (status == MissionStatus.CANCELLED ? ": a cancelled mission never opened" : ""));
        }
    }

    /**
     * Opens the mission the line has just planned. A rule's refusal names it as the line's: the row is rolled back,
     * and its id, named, would be the id of no mission ("EMBASSY 1647 was open … across a severance").
     */
    private void openPlanned(Mission mission, FuzzyDate opened, MissionService.Closing closing) {
        try {
            missions.open(mission.id(), opened, closing, VersionPrecondition.ANY);
        } catch (RuleViolationException e) {
            String named = mission.type() + " " + mission.id();
            String detail = e.getMessage() == null ? null : e.getMessage().replaceAll(
                    "\\b" + Pattern.quote(named) + "\\b", "the line's " + mission.type());
            if (detail == null || detail.equals(e.getMessage())) {
                throw e;
            }
            throw new RuleViolationException(e.rule(), detail.startsWith("the line's")
                    ? "The" + detail.substring(3) : detail);
        }
    }

    /**
     * The line's mission is recorded: a closing the line adds to it is recorded too, citing the line
     * (the row then continues the fact, MERGED); what differs from the record (the closing day, a
     * date's precision, the closing's reason) is flagged, the record kept.
     */
    private void reconcile(MissionFacts known, NdjsonLines.MissionLine line, FuzzyDate opened,
            MissionService.Closing closing, Source source, RowResult row) {
        Mission recorded = missions.get(known.id());
        FuzzyDate closed = closing == null ? null : closing.on();
        String reason = closing == null ? null : closing.reason();
        List<String> differences = new ArrayList<>();
        PartialDate planned = MissionService.plannedOpening(line.plannedOpening());
        differs(differences, "planned opening", Objects.toString(recorded.plannedOpening(), null),
                Objects.toString(planned, null));
        String protectingPower = Text.strippedOrNull(line.protectingPower());
        differs(differences, "protecting power", Objects.toString(recorded.protectingPower(), null),
                protectingPower == null ? null : countries.reference(protectingPower, "protectingPower").value());
        boolean cancelled = line.status() == MissionStatus.CANCELLED;
        if (cancelled && recorded.status() == MissionStatus.PLANNED) {
            missions.cancel(known.id());
            merged(row, known.describe(), "it was recorded planned: its cancellation is recorded", differences);
            return;
        }
        if (line.status() != null && cancelled != (recorded.status() == MissionStatus.CANCELLED)) {
            differences.add("it is " + recorded.status() + ", the line says " + line.status());
        }
        if (opened != null && recorded.openedPrecision() != opened.precision()) {
            differences.add("the opening is known to the " + recorded.openedPrecision() + ", the line's to the "
                    + opened.precision());
        }
        if (closed != null && recorded.closedOn() == null) {
            missions.close(known.id(), closed, reason, List.of(source), VersionPrecondition.ANY);
            merged(row, known.describe(), "it was recorded open: its closing on " + closed.date() + " is recorded",
                    differences);
            return;
        }
        differences.addAll(endDifferences("closed", "closing", recorded.closedOn(), recorded.closedPrecision(), closed));
        // a reason an earlier release kept with what is not seen around it is the same reason
        if (closed != null && reason != null && !reason.equals(Text.strippedOrNull(recorded.closingReason()))) {
            differences.add("it closed for " + (recorded.closingReason() == null ? "no reason given"
                    : "'" + recorded.closingReason() + "'") + ", the line says '" + reason + "'");
        }
        flagDifferences(row, known.describe(), differences);
    }

    private void head(NdjsonLines.HeadLine line, Source source, ImportRun run, RowResult row) {
        long missionId = reference(run, line.missionRef(), line.missionId(), "mission", "missionRef", "missionId");
        if (line.missionRef() == null && missions.facts(missionId).isEmpty()) {
            // the line's body names the mission (R18), where the API's path would (404)
            throw new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE, "missionId names no mission: " + missionId + ".");
        }
        long diplomatId = reference(run, line.diplomatRef(), line.diplomatId(), "diplomat", "diplomatRef", "diplomatId");
        FuzzyDate started = FuzzyDate.of(line.startedOn(), line.datePrecision());
        FuzzyDate ended = FuzzyDate.ofOptional(line.endedOn(), line.endedPrecision(), "endedPrecision");
        // checked as the API checks it before the head is looked for: an end before the start is no head recorded
        MissionService.requireHeadsPeriod(started.date(), ended == null ? null : ended.date());
        Optional<MissionView.HeadView> known = recordedOn(started, line.startedOn(),
                day -> missions.findHead(missionId, diplomatId, day));
        if (known.isPresent()) {
            row.found("head", known.get().id());
            reconcile(known.get(), line, started, ended, source, row);
            return;
        }
        HeadOfMission head = missions.appoint(missionId, new MissionService.Appointment(diplomatId, line.rank(),
                line.agrementOn(), started, ended, with(line.sources(), source)));
        row.created("head", head.id());
    }

    /**
     * The line's head is recorded: an end the line adds to a head recorded serving is recorded too,
     * citing the line (MERGED); what differs from the record is flagged, the record kept.
     */
    private void reconcile(MissionView.HeadView recorded, NdjsonLines.HeadLine line, FuzzyDate started,
            FuzzyDate ended, Source source, RowResult row) {
        List<String> differences = new ArrayList<>();
        if (recorded.rank() != line.rank()) {
            differences.add("the rank is " + recorded.rank() + ", the line's " + line.rank());
        }
        if (line.agrementOn() != null && !line.agrementOn().equals(recorded.agrementOn())) {
            differences.add((recorded.agrementOn() == null ? "no agrément is recorded"
                    : "the agrément is dated " + recorded.agrementOn()) + ", the line's " + line.agrementOn());
        }
        if (recorded.startedPrecision() != started.precision()) {
            differences.add("the start is known to the " + recorded.startedPrecision() + ", the line's to the "
                    + started.precision());
        }
        String described = "head of mission " + recorded.name() + " (mission " + recorded.missionId() + ", since "
                + recorded.startedOn() + ")";
        if (ended != null && recorded.endedOn() == null) {
            missions.endHead(recorded.missionId(), recorded.id(), ended, List.of(source), VersionPrecondition.ANY);
            merged(row, described, "it was recorded serving: its end on " + ended.date() + " is recorded", differences);
            return;
        }
        differences.addAll(endDifferences("ended", "end", recorded.endedOn(), recorded.endedPrecision(), ended));
        flagDifferences(row, described, differences);
    }

    private void accreditation(NdjsonLines.AccreditationLine line, Source source, ImportRun run, RowResult row) {
        CountryCode sending = countries.reference(line.sendingCountry(), "sendingCountry");
        CountryCode receiving = countries.reference(line.receivingCountry(), "receivingCountry");
        RelationPair pair = RelationPair.of(sending, receiving);
        FuzzyDate from = FuzzyDate.of(line.from(), line.datePrecision());
        FuzzyDate to = FuzzyDate.ofOptional(line.to(), line.toPrecision(), "toPrecision");
        Accreditations.requirePeriod(from, to);
        // resolved first: a ref that names nothing is refused whether the accreditation is recorded or not
        Long resident = optionalReference(run, line.residentMissionRef(), line.residentMissionId(), "mission",
                "residentMissionRef", "residentMissionId");
        Long diplomat = optionalReference(run, line.diplomatRef(), line.diplomatId(), "diplomat", "diplomatRef",
                "diplomatId");
        Optional<Accreditation> known = recordedOn(from, line.from(),
                day -> accreditations.findSame(sending, receiving, line.level(), day));
        if (known.isPresent()) {
            row.found("accreditation", known.get().id());
            reconcile(pair, known.get(), from, to, resident, diplomat, source, row);
            return;
        }
        Accreditation accreditation = accreditations.accredit(pair, new Accreditations.Draft(sending, line.level(),
                from, to, resident, diplomat, with(line.sources(), source)));
        row.created("accreditation", accreditation.id());
    }

    /**
     * The line's accreditation is recorded: an end the line adds to one recorded in force is recorded
     * too, citing the line (MERGED); what differs from the record is flagged, the record kept.
     */
    private void reconcile(RelationPair pair, Accreditation recorded, FuzzyDate from, FuzzyDate to, Long resident,
            Long diplomat, Source source, RowResult row) {
        List<String> differences = new ArrayList<>();
        if (recorded.fromPrecision() != from.precision()) {
            differences.add("the start is known to the " + recorded.fromPrecision() + ", the line's to the "
                    + from.precision());
        }
        differences.addAll(referenceDifference("resident mission", recorded.residentMissionId(), resident));
        differences.addAll(referenceDifference("diplomat", recorded.diplomatId(), diplomat));
        if (to != null && recorded.to() == null) {
            accreditations.end(pair, recorded.id(), to, List.of(source), VersionPrecondition.ANY);
            merged(row, recorded.describe(), "it was recorded in force: its end on " + to.date() + " is recorded",
                    differences);
            return;
        }
        differences.addAll(endDifferences("ended", "end", recorded.to(), recorded.toPrecision(), to));
        flagDifferences(row, recorded.describe(), differences);
    }

    /** How the fact a line names differs from the one recorded (nothing to tell when the line names none). */
    private static List<String> referenceDifference(String what, Long recorded, Long line) {
        if (line == null || line.equals(recorded)) {
            return List.of();
        }
        return List.of(recorded == null ? "no " + what + " is recorded, the line names " + what + " " + line
                : "the " + what + " is " + recorded + ", the line names " + line);
    }

    /** How the line's end differs from a recorded end (nothing to tell when either has none). */
    private static List<String> endDifferences(String verb, String noun, LocalDate recorded,
            DatePrecision recordedPrecision, FuzzyDate line) {
        if (line == null || recorded == null) {
            return List.of();
        }
        if (!line.date().equals(recorded)) {
            return List.of("it " + verb + " on " + recorded + ", the line says " + line.date());
        }
        if (recordedPrecision != line.precision()) {
            return List.of("the " + noun + " is known to the " + recordedPrecision + ", the line's to the "
                    + line.precision());
        }
        return List.of();
    }

    /**
     * A participant's {@code name}, which an export of the API writes beside the id, is the name of the diplomat the
     * line names: an id of another database (an export's) names someone else here, or no one (R18).
     */
    private void requireParticipantsAsNamed(List<NdjsonLines.Participant> participants,
            List<MeetingDraft.Attendee> attendees) {
        if (participants.stream().allMatch(participant -> participant.name() == null)) {
            return;
        }
        // read without a lock: the meeting's record locks its countries, then its diplomats, as every write does
        Map<Long, Diplomat> named = diplomats.find(attendees.stream().map(MeetingDraft.Attendee::diplomatId).toList());
        for (int i = 0; i < participants.size(); i++) {
            String name = Text.strippedOrNull(participants.get(i).name());
            Diplomat diplomat = named.get(attendees.get(i).diplomatId());
            if (name != null && diplomat != null && !Diplomats.sameName(name, diplomat.name())) {
                throw new InvalidInputException("participants[" + i + "].name", "is '" + name + "', but the diplomat "
                        + "the line names is " + diplomat.name() + " of " + diplomat.country() + " (" + diplomat.id()
                        + "): an id names a diplomat of this database, not of the one a file was exported from; name "
                        + "the participant by diplomatRef");
            }
        }
    }

    /** The row continues the recorded fact (MERGED), flagged if the line differs from it in what it cannot add. */
    private static void merged(RowResult row, String described, String added, List<String> differences) {
        List<String> all = new ArrayList<>(differences);
        all.add(0, added);
        row.merged();
        if (!differences.isEmpty()) {
            row.flag("DIFFERS_FROM_RECORDED");
        }
        row.detail("The " + described + ": " + String.join("; ", all) + ".");
    }

    /**
     * A text the line gives (blank or left out: none) that differs from the recorded one: "the title is 'Consul',
     * the line's 'Ambassador'".
     */
    private static void differs(List<String> differences, String field, String recorded, String given) {
        String line = Text.strippedOrNull(given);
        String kept = Text.strippedOrNull(recorded); // (an event's note is kept as written, white space and all)
        if (line != null && !line.equals(kept)) {
            differences.add((kept == null ? "no " + field + " is recorded" : "the " + field + " is '" + kept + "'")
                    + ", the line's '" + line + "'");
        }
    }

    private static void flagDifferences(RowResult row, String described, List<String> differences) {
        if (!differences.isEmpty()) {
            row.flag("DIFFERS_FROM_RECORDED").detail("Kept as recorded: the " + described + ": "
                    + String.join("; ", differences) + ".");
        }
    }

    private void meeting(NdjsonLines.MeetingLine line, Source source, ImportRun run, RowResult row) {
        List<MeetingDraft.Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < line.participants().size(); i++) {
            NdjsonLines.Participant participant = line.participants().get(i);
            attendees.add(new MeetingDraft.Attendee(reference(run, participant.diplomatRef(), participant.diplomatId(),
                    "diplomat", "participants[" + i + "].diplomatRef", "participants[" + i + "].diplomatId"),
                    participant.title()));
        }
        requireParticipantsAsNamed(line.participants(), attendees);
        CountryCode country = countries.reference(line.country(), "country");
        FuzzyDate date = FuzzyDate.of(line.date(), line.datePrecision());
        List<Long> attending = attendees.stream().map(MeetingDraft.Attendee::diplomatId).toList();
        Optional<Long> known = recordedOn(date, line.date(), day -> meetings.findSame(day, country, attending));
        if (known.isPresent()) {
            row.found("meeting", known.get());
            flagDifferences(row, "meeting " + known.get(), differences(meetings.get(known.get()), line, date,
                    attendees));
            return;
        }
        MeetingDetails meeting = meetings.record(new MeetingDraft(line.date(), line.datePrecision(), line.city(),
                line.country(), line.title(), line.summary(), line.outcomes(), attendees, with(line.sources(), source)));
        row.created("meeting", meeting.id());
    }

    /** What a meeting line gives that differs from the recorded meeting (fields the line leaves out do not count). */
    private static List<String> differences(MeetingDetails recorded, NdjsonLines.MeetingLine line, FuzzyDate date,
            List<MeetingDraft.Attendee> attendees) {
        List<String> differences = new ArrayList<>();
        if (line.datePrecision() != null && recorded.datePrecision() != date.precision()) {
            differences.add("the date is known to the " + recorded.datePrecision() + ", the line's to the "
                    + date.precision());
        }
        differs(differences, "city", recorded.city(), line.city());
        differs(differences, "title", recorded.title(), line.title());
        differs(differences, "summary", recorded.summary(), line.summary());
        List<String> outcomes = line.outcomes() == null ? List.of()
                : line.outcomes().stream().map(Text::strip).toList();
        // the outcomes an earlier release kept with what is not seen around them, or of which nothing is seen (which
        // no line can give now), are compared as today's are kept
        List<String> kept = recorded.outcomes().stream().filter(outcome -> !Text.isBlank(outcome)).map(Text::strip)
                .toList();
        if (!outcomes.isEmpty() && !outcomes.equals(kept)) {
            differences.add("the line's outcomes differ from the " + recorded.outcomes().size() + " recorded");
        }
        for (MeetingDraft.Attendee attendee : attendees) {
            recorded.participants().stream().filter(p -> p.diplomatId() == attendee.diplomatId()).findFirst()
                    .ifPresent(p -> differs(differences, "title of " + p.name() + " at the meeting", p.title(),
                            attendee.title()));
        }
        return differences;
    }

    private void milestone(NdjsonLines.MilestoneLine line, Source source, ImportRun run, RowResult row) {
        requireStatusOfAchievement(line);
        RelationPair pair = pair(line.countries());
        // resolved first: a ref that names nothing is refused whether the milestone is recorded or not
        Long missionId = optionalReference(run, line.missionRef(), line.missionId(), "mission", "missionRef",
                "missionId");
        Optional<MilestoneView> known = milestones.findSame(pair, line.title(), line.target());
        if (known.isPresent()) {
            row.found("milestone", known.get().id());
            reconcile(known.get(), missionId, line, source, row);
            return;
        }
        MilestoneService.Plan plan = new MilestoneService.Plan(line.title(), line.target(), missionId,
                with(line.sources(), source));
        if (line.status() == MilestoneStatus.CANCELLED) {
            // cancelled before its mission opened or was cancelled, which planning it now would see
            row.created("milestone", milestoneService.recordCancelled(pair, plan).id());
            return;
        }
        MilestoneView milestone = milestoneService.plan(pair, plan);
        if (missionId != null) {
            // R19: achieved by its mission's opening alone (at once, if it opened), as an export's line repeats
            requireAchievedAsTheLineSays(milestone, line, row);
        } else if (line.achievedOn() != null) {
            milestone = milestoneService.achieve(milestone.id(), line.achievedOn());
        }
        row.created("milestone", milestone.id());
    }

    /**
     * A status the line gives (as an export writes it) agrees with its achievement: {@code ACHIEVED} with an
     * {@code achievedOn}, any other without one; refused otherwise, rather than left unsaid.
     */
    private static void requireStatusOfAchievement(NdjsonLines.MilestoneLine line) {
        MilestoneStatus status = line.status();
        if (status == MilestoneStatus.ACHIEVED && line.achievedOn() == null) {
            throw new InvalidInputException("status", "is ACHIEVED: give achievedOn, the day it was achieved");
        }
        if (status != null && status != MilestoneStatus.ACHIEVED && line.achievedOn() != null) {
            throw new InvalidInputException("status", "is " + status + ", but the line gives achievedOn: only an "
                    + "achieved milestone has one");
        }
    }

    /**
     * R19: the line's milestone, just planned with a mission, is achieved by the mission's opening alone: at once if
     * it opened, and the line may say so (an achievement on that day); an achievement of the line's own is refused,
     * naming the line's milestone (the row is rolled back: its id, named, would be the id of no milestone). A line
     * that says it waits (an export from before the opening) is recorded achieved, flagged.
     */
    private static void requireAchievedAsTheLineSays(MilestoneView milestone, NdjsonLines.MilestoneLine line,
            RowResult row) {
        LocalDate opened = milestone.achievedOn();
        if (opened == null && line.achievedOn() != null) {
            throw new RuleViolationException(Rule.R19_MILESTONE_STATUS_INVALID, "The line's milestone has a mission, "
                    + "which has not opened: only its opening achieves it; the line says it was achieved on "
                    + line.achievedOn() + ".");
        }
        if (opened != null && line.achievedOn() != null && !line.achievedOn().equals(opened)) {
            throw new RuleViolationException(Rule.R19_MILESTONE_STATUS_INVALID, "The line's milestone has a mission, "
                    + "whose opening on " + opened + " achieved it; the line says it was achieved on "
                    + line.achievedOn() + ".");
        }
        if (opened != null && line.status() != null && line.status() != MilestoneStatus.ACHIEVED) {
            row.flag("DIFFERS_FROM_RECORDED").detail("Recorded ACHIEVED: its mission opened on " + opened
                    + ", which achieves it (R19); the line says it is " + line.status() + ".");
        }
    }

    /**
     * The line's milestone is recorded: an achievement the line adds to one recorded pending or overdue, without a
     * mission, is recorded too (MERGED); what differs from the record is flagged, the record kept.
     */
    private void reconcile(MilestoneView recorded, Long missionId, NdjsonLines.MilestoneLine line, Source source,
            RowResult row) {
        LocalDate achievedOn = line.achievedOn();
        String described = "milestone " + recorded.id() + " (" + recorded.title() + ")";
        List<String> differences = new ArrayList<>(referenceDifference("mission", recorded.missionId(), missionId));
        boolean waiting = recorded.status() == MilestoneStatus.PENDING || recorded.status() == MilestoneStatus.OVERDUE;
        boolean cancelled = line.status() == MilestoneStatus.CANCELLED;
        if (cancelled && waiting) {
            milestoneService.cancel(recorded.id());
            merged(row, described, "it was recorded " + recorded.status() + ": its cancellation is recorded",
                    differences);
            return;
        }
        if (line.status() != null && cancelled != (recorded.status() == MilestoneStatus.CANCELLED)) {
            differences.add("it is " + recorded.status() + ", the line says " + line.status());
        }
        if (achievedOn != null && waiting && recorded.missionId() == null) {
            milestoneService.achieve(recorded.id(), achievedOn, List.of(source));
            merged(row, described, "it was recorded " + recorded.status() + ": its achievement on " + achievedOn
                    + " is recorded", differences);
            return;
        }
        if (achievedOn != null && !achievedOn.equals(recorded.achievedOn())) {
            differences.add(recorded.achievedOn() == null
                    ? "it is " + recorded.status() + ", the line says achieved on " + achievedOn
                    : "it was achieved on " + recorded.achievedOn() + ", the line says " + achievedOn);
        }
        flagDifferences(row, described, differences);
    }

    private RelationPair pair(List<String> codes) {
        return RelationPair.of(countries.reference(codes.get(0), "countries[0]"),
                countries.reference(codes.get(1), "countries[1]"));
    }

    /** The id a line gives for a fact, by ref to an earlier line or by id; one of the two is required. */
    private static long reference(ImportRun run, String ref, Long id, String kind, String refField, String idField) {
        Long found = optionalReference(run, ref, id, kind, refField, idField);
        if (found == null) {
            throw new InvalidInputException(refField, "is missing, as is " + idField + "; give one of them");
        }
        return found;
    }

    private static Long optionalReference(ImportRun run, String ref, Long id, String kind, String refField,
            String idField) {
        if (ref != null && id != null) {
            throw new InvalidInputException(refField, "names the " + kind + ", and so does " + idField + "; give one");
        }
        if (ref == null) {
            return id;
        }
        return run.ref(ref, kind).orElseThrow(() -> new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE,
                refField + " names no " + kind + " that an earlier line recorded or found: '" + ref
                        + "' (a line that defines it and was rejected defines nothing)."));
    }

    /** A ref names one fact in a file: a second line defining it is refused, before it records anything. */
    private static void requireNewRef(ImportRun run, String ref) {
        if (ref != null && !ref.isBlank() && run.refDefined(ref)) {
            throw new InvalidInputException("ref", "'" + ref + "' is already defined by an earlier line; a ref names "
                    + "one fact in a file");
        }
    }

    private static void define(ImportRun run, String ref, String kind, long id) {
        if (ref != null && !ref.isBlank()) {
            run.defineRef(ref, kind, id);
        }
    }

    /** The line's own sources, and the import's: at most {@link Source#MAX} in all, as a request's. */
    private static List<Source> with(List<Source> sources, Source importSource) {
        List<Source> all = new ArrayList<>(sources == null ? List.of() : sources);
        all.add(importSource);
        if (all.size() > Source.MAX) {
            throw new InvalidInputException("sources", "size must be between 0 and " + (Source.MAX - 1) + " on a "
                    + "line: the import cites itself (the file's line) as the " + Source.MAX + "th");
        }
        return all;
    }

    /**
     * The line as the record of its kind, checked as the API checks a request body.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) naming the first field that is wrong
     */
    private <T> T parse(JsonNode line, Class<T> type) {
        T parsed;
        try {
            parsed = json.treeToValue(line, type);
        } catch (JacksonException e) {
            // a mapping mistake, or a number the parser cannot take as its field's type
            String field = JsonMistakes.fieldPath(e.getPath());
            throw new InvalidInputException(field.isEmpty() ? "line" : field, JsonMistakes.ofValue(e));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(parsed);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(violation -> violation.getPropertyPath().toString())).orElseThrow();
            throw new InvalidInputException(field(first.getPropertyPath()), TextLengths.message(first));
        }
        return parsed;
    }

    /**
     * A violation's field as the API names it in a request body's errors (Spring's naming): {@code outcomes[0]}, not
     * Bean Validation's {@code outcomes[0].<list element>}.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex()
                        : node.getKey() != null ? node.getKey() : "").append(']');
            }
            String name = node.getName();
            if (name != null && node.getKind() == ElementKind.PROPERTY && !name.startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(name);
            }
        }
        return field.toString();
    }
}
