package org.chancery.demo;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.Countries;
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.DiplomatDescription;
import org.chancery.diplomat.Diplomats;
import org.chancery.meeting.MeetingDraft;
import org.chancery.meeting.Meetings;
import org.chancery.milestone.MilestoneService;
import org.chancery.mission.HeadRank;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionType;
import org.chancery.relation.EventType;
import org.chancery.relation.PairRowCreatedMeanwhile;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the story Chancery was born from (README.md tells it), each fact with its source, once: if the
 * CU–KR relation already has events the story is there and nothing is loaded again. The whole
 * story is one transaction, so a failed start leaves nothing half-loaded. Two instances starting together on one
 * database may both find no story and both write it: the first write of one waits for the other's CU–KR row, which is
 * committed with the whole story, and fails ({@link PairRowCreatedMeanwhile}, or R1 if the row was there when it
 * looked for it); that start looks again, in a transaction of its own, and finds the story there.
 */
@Component
@Profile("demo")
class DemoStory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStory.class);

    private static final Source CIBERCUBA = new Source("https://www.cibercuba.com/", "CiberCuba",
            "Cuba and South Korea plan to open embassies as soon as possible", null);
    private static final Source REPORTING = new Source("https://en.wikipedia.org/wiki/Cuba%E2%80%93South_Korea_relations",
            "Wikipedia", "Cuba–South Korea relations", null);
    private static final Source CU_KP = new Source("https://en.wikipedia.org/wiki/Cuba%E2%80%93North_Korea_relations",
            "Wikipedia", "Cuba–North Korea relations", null);

    private final Countries countries;
    private final RelationService relations;
    private final Diplomats diplomats;
    private final Meetings meetings;
    private final MissionService missions;
    private final MilestoneService milestones;

    private final TransactionTemplate transaction;

    private final ApplicationContext context;

    private volatile boolean stopping;

    DemoStory(Countries countries, RelationService relations, Diplomats diplomats, Meetings meetings,
            MissionService missions, MilestoneService milestones, PlatformTransactionManager transactions,
            ApplicationContext context) {
        this.context = context;
        this.transaction = new TransactionTemplate(transactions);
        this.countries = countries;
        this.relations = relations;
        this.diplomats = diplomats;
        this.meetings = meetings;
        this.missions = missions;
        this.milestones = milestones;
    }

    /**
     * The server began to stop (SIGTERM while the history profile loaded its file before this runner): the story is
     * left to the next start, as the history is, rather than written as the database goes away and logged as the
     * start's failure.
     */
    @EventListener
    void closing(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) { // not a child context's (a management port's)
            stopping = true;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (stopping) {
            log.info("Demo story not loaded: the server is stopping. The next start loads it.");
            return;
        }
        try {
            transaction.executeWithoutResult(status -> load());
        } catch (RuntimeException failed) {
            if (stopping) {
                log.info("Demo story not loaded: the server stopped while it was written ({}). The next start "
                        + "loads it.", failed.toString());
                return;
            }
            // another start told it between this one's look and its first write: its CU–KR row made this one's wait
            // and fail, or its events were there once this one held the row (R1)
            if (Boolean.TRUE.equals(transaction.execute(status -> told()))) {
                log.info("Demo story loaded meanwhile by another start; nothing to do.");
                return;
            }
            if (!(failed instanceof PairRowCreatedMeanwhile)) {
                throw failed;
            }
            transaction.executeWithoutResult(status -> load());
        }
    }

    private boolean told() {
        return !relations.history(RelationPair.of(countries.resolve("CU"), countries.resolve("KR"))).events().isEmpty();
    }

    private void load() {
        RelationPair cubaKorea = RelationPair.of(countries.resolve("CU"), countries.resolve("KR"));
        if (told()) {
            log.info("Demo story already loaded; nothing to do.");
            return;
        }
        RelationPair cubaNorthKorea = RelationPair.of(countries.resolve("CU"), countries.resolve("KP"));

        event(cubaKorea, EventType.ESTABLISHED, "1949-01-01", DatePrecision.YEAR, null, REPORTING);
        event(cubaKorea, EventType.SEVERED, "1959-01-01", DatePrecision.YEAR, "After the Cuban revolution", REPORTING);
        event(cubaKorea, EventType.RESTORED, "2024-02-14", DatePrecision.DAY,
                "Exchange of notes between the two countries' UN missions in New York", REPORTING);
        event(cubaNorthKorea, EventType.ESTABLISHED, "1960-01-01", DatePrecision.YEAR, null, CU_KP);

        Diplomat chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister", "Ministry of Foreign Affairs");
        Diplomat pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", "Director General for Bilateral Affairs",
                "Ministry of Foreign Affairs");
        Diplomat monzon = diplomat("Claudio Monzón Baeza", "CU", "Ambassador to the Republic of Korea",
                "Ministry of Foreign Affairs");
        Diplomat diazCanel = diplomat("Miguel Díaz-Canel", "CU", "President", "Council of State");
        Diplomat kim = diplomat("Kim Jong Un", "KP", "Chairman of the State Affairs Commission", "State Affairs Commission");

        meetings.record(new MeetingDraft(LocalDate.of(2018, 11, 4), DatePrecision.DAY, "Pyongyang", "KP",
                "State visit of Miguel Díaz-Canel to the DPRK", "Talks between Miguel Díaz-Canel and Kim Jong Un.",
                List.of(), List.of(new MeetingDraft.Attendee(diazCanel.id(), null),
                        new MeetingDraft.Attendee(kim.id(), null)), List.of(CU_KP)));
        meetings.record(new MeetingDraft(LocalDate.of(2024, 5, 22), DatePrecision.DAY, "Seoul", "KR",
                "First dialogue since the restoration of relations",
                "Pereira was in Seoul with a delegation to the regional forum on cooperation between South Korea and "
                        + "Latin America and the Caribbean.",
                List.of("agreed to open embassies as soon as possible",
                        "South Korea plans a provisional office in Havana in the first half of the year",
                        "the Cuban embassy in Seoul could open in July"),
                List.of(new MeetingDraft.Attendee(chung.id(), null), new MeetingDraft.Attendee(pereira.id(), null)),
                List.of(CIBERCUBA)));

        Mission cubaInPyongyang = plan("CU", "KP", MissionType.EMBASSY, "Pyongyang", null, CU_KP);
        missions.open(cubaInPyongyang.id(), FuzzyDate.of(LocalDate.of(1960, 1, 1), DatePrecision.YEAR));
        Mission northKoreaInHavana = plan("KP", "CU", MissionType.EMBASSY, "Havana", null, CU_KP);
        missions.open(northKoreaInHavana.id(), FuzzyDate.of(LocalDate.of(1960, 1, 1), DatePrecision.YEAR));

        Mission provisionalOffice = plan("KR", "CU", MissionType.PROVISIONAL_OFFICE, "Havana", "2024-H1", CIBERCUBA);
        Mission koreanEmbassy = plan("KR", "CU", MissionType.EMBASSY, "Havana", null, REPORTING);
        missions.open(koreanEmbassy.id(), FuzzyDate.of(LocalDate.of(2025, 1, 17), DatePrecision.DAY));
        Mission cubanEmbassy = plan("CU", "KR", MissionType.EMBASSY, "Seoul", "2024-07", CIBERCUBA);
        missions.appoint(cubanEmbassy.id(), new MissionService.Appointment(monzon.id(), HeadRank.AMBASSADOR,
                LocalDate.of(2025, 1, 8), FuzzyDate.of(LocalDate.of(2025, 1, 8), DatePrecision.DAY), null,
                List.of(REPORTING)));

        milestones.plan(cubaKorea, new MilestoneService.Plan("South Korean provisional office in Havana opens",
                "2024-H1", provisionalOffice.id(), List.of(CIBERCUBA)));
        milestones.plan(cubaKorea, new MilestoneService.Plan("Cuban embassy in Seoul opens", "2024-07",
                cubanEmbassy.id(), List.of(CIBERCUBA)));
        log.info("Demo story loaded: Cuba–South Korea and Cuba–North Korea.");
    }

    private void event(RelationPair pair, EventType type, String date, DatePrecision precision, String note,
            Source source) {
        relations.record(pair, type, FuzzyDate.of(LocalDate.parse(date), precision), note, List.of(source));
    }

    private Diplomat diplomat(String name, String country, String title, String organization) {
        return diplomats.create(new DiplomatDescription(name, country, title, organization, List.of(REPORTING)));
    }

    private Mission plan(String sending, String receiving, MissionType type, String city, String planned,
            Source source) {
        return missions.plan(new MissionService.Plan(sending, receiving, type, city, planned, null, List.of(source)));
    }
}
