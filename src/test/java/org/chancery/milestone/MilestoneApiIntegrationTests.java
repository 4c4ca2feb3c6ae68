package org.chancery.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/**
 * The milestone endpoints of API.md through MockMvc, on the whole application: planning, reading,
 * listing with derived-status filters, achieving, cancelling, and achievement by a mission's
 * opening. Today is 2026-06-01 unless a test moves the clock.
 */
class MilestoneApiIntegrationTests extends ApiIntegrationTest {

    private static final String CIBERCUBA = "https://www.cibercuba.com/noticias/2024-04-17-u1-e199370-s27061-"
            + "cuba-y-corea-del-sur-planean-abrir-embajadas-lo-antes-posible";

    @Autowired
    private Milestones milestones;

    @Nested
    class Planning {

        @Test
        void plansAMilestoneOfThePairWhicheverWayTheCodesAreWritten() throws Exception {
            ResultActions created = postAsEditor("/api/relations/kor/CUB/milestones", """
                    {"title": "Provisional office in Havana", "target": "2024-H1",
                     "sources": [{"url": "%s", "publisher": "CiberCuba", "publishedOn": "2024-04-17"}]}"""
                    .formatted(CIBERCUBA));

            long id = json(created).get("id").asLong();
            created.andExpect(status().isCreated())
                    .andExpect(header().string("Location", "/api/milestones/" + id))
                    .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                    .andExpect(jsonPath("$.title").value("Provisional office in Havana"))
                    .andExpect(jsonPath("$.target").value("2024-H1"))
                    .andExpect(jsonPath("$.targetStart").value("2024-01-01"))
                    .andExpect(jsonPath("$.targetEnd").value("2024-06-30"))
                    .andExpect(jsonPath("$.missionId").value(nullValue()))
                    .andExpect(jsonPath("$.status").value("OVERDUE"))
                    .andExpect(jsonPath("$.achievedOn").value(nullValue()))
                    .andExpect(jsonPath("$.onTime").value(nullValue()))
                    .andExpect(jsonPath("$.sources[0].url").value(CIBERCUBA))
                    .andExpect(jsonPath("$.sources[0].publisher").value("CiberCuba"));

            getJson("/api/milestones/{id}", id)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(id))
                    .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                    .andExpect(jsonPath("$.target").value("2024-H1"))
                    .andExpect(jsonPath("$.status").value("OVERDUE"))
                    .andExpect(jsonPath("$.sources[0].publishedOn").value("2024-04-17"));
        }

        @Test
        void answersEveryFieldOfTheContractEvenWhenNull() throws Exception {
            JsonNode milestone = plan("CU", "KR", "Cuban embassy in Seoul opens", "2024-07");

            assertThat(milestone.propertyNames()).containsExactlyInAnyOrder("id", "countries", "title", "target",
                    "targetStart", "targetEnd", "missionId", "status", "achievedOn", "onTime", "sources");
            assertThat(milestone.get("sources").isArray()).isTrue();
        }

        @Test
        void readsATargetWrittenWithSpacesAroundItAsAPlannedOpeningIs() throws Exception {
            postAsEditor("/api/relations/CU/KR/milestones", """
                    {"title": "Cuban embassy in Seoul opens", "target": " 2024-07 "}""")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.target").value("2024-07"))
                    .andExpect(jsonPath("$.targetEnd").value("2024-07-31"));
        }

        @Test
        void refusesATargetThatIsNoPartialDateNamingTheField() throws Exception {
            for (String target : List.of("2024-13", "2024-Q5", "2024-H3", "2024-02-30", "July 2024", "2024-7", "")) {
                postAsEditor("/api/relations/CU/KR/milestones", """
                        {"title": "Cuban embassy in Seoul opens", "target": "%s"}""".formatted(target))
                        .andExpect(status().isBadRequest())
                        .andExpect(header().string("Content-Type", "application/problem+json"))
                        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                        .andExpect(jsonPath("$.errors[0].field").value("target"))
                        .andExpect(jsonPath("$.errors.length()").value(1));
            }
            postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": \"Cuban embassy in Seoul opens\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("target"));
            // the year 0 and the year 1500 are told the same first day
            for (String target : List.of("0000", "1500-Q2")) {
                postAsEditor("/api/relations/CU/KR/milestones", """
                        {"title": "Cuban embassy in Seoul opens", "target": "%s"}""".formatted(target))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("target"))
                        .andExpect(jsonPath("$.errors[0].message").value("must not start before 1583-01-01"));
            }
            getJson("/api/milestones").andExpect(jsonPath("$.page.totalElements").value(0));
        }

        @Test
        void refusesABlankOrOverlongTitleAndABadSourceUrl() throws Exception {
            postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": \" \", \"target\": \"2024\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("title"));
            postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": \"%s\", \"target\": \"2024\"}"
                    .formatted("x".repeat(301)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("title"));
            postAsEditor("/api/relations/CU/KR/milestones", """
                    {"title": "t", "target": "2024", "sources": [{"url": "ftp://example.org/x"}]}""")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("sources[0].url"));
            postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": \"%s\", \"target\": \"2024\"}"
                    .formatted("x".repeat(300)))
                    .andExpect(status().isCreated());
        }

        @Test
        void refusesOneCountryTwice() throws Exception {
            postAsEditor("/api/relations/CU/cub/milestones", "{\"title\": \"t\", \"target\": \"2024\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("SAME_COUNTRY"))
                    .andExpect(jsonPath("$.rule").value("R4"));
        }

        @Test
        void answersNotFoundForAnUnknownCountryInThePath() throws Exception {
            postAsEditor("/api/relations/CU/ZZ/milestones", "{\"title\": \"t\", \"target\": \"2024\"}")
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }

        @Test
        void refusesAnUnknownMission() throws Exception {
            postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": \"t\", \"target\": \"2024\", \"missionId\": 999}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("UNKNOWN_REFERENCE"))
                    .andExpect(jsonPath("$.rule").value("R18"));
            getJson("/api/relations?country=CU").andExpect(jsonPath("$.content").value(empty()));
        }

        @Test
        void refusesAMissionBetweenOtherCountries() throws Exception {
            long cubanEmbassyInPyongyang = planMission("CU", "KP", "EMBASSY", "Pyongyang");
            long koreanEmbassyInPyongyang = planMission("KR", "KP", "EMBASSY", "Pyongyang");

            for (long mission : List.of(cubanEmbassyInPyongyang, koreanEmbassyInPyongyang)) {
                postAsEditor("/api/relations/CU/KR/milestones", """
                        {"title": "t", "target": "2024", "missionId": %s}""".formatted(mission))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.code").value("MISSION_NOT_IN_RELATION"))
                        .andExpect(jsonPath("$.rule").value("R19"));
            }
        }

        @Test
        void acceptsAMissionOfEitherCountryInTheOther() throws Exception {
            long cubanEmbassyInSeoul = planMission("CU", "KR", "EMBASSY", "Seoul");
            long koreanOfficeInHavana = planMission("KR", "CU", "PROVISIONAL_OFFICE", "Havana");

            JsonNode embassy = plan("KR", "CU", "Cuban embassy in Seoul opens", "2024-07", cubanEmbassyInSeoul);
            JsonNode office = plan("CU", "KR", "Provisional office in Havana", "2024-H1", koreanOfficeInHavana);

            assertThat(embassy.get("missionId").asLong()).isEqualTo(cubanEmbassyInSeoul);
            assertThat(embassy.get("status").asString()).isEqualTo("OVERDUE");
            assertThat(office.get("missionId").asLong()).isEqualTo(koreanOfficeInHavana);
        }

        @Test
        void refusesAnonymousWritersAndReadersWithoutARole() throws Exception {
            mvc.perform(post("/api/relations/CU/KR/milestones").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\": \"t\", \"target\": \"2024\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                    .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
            mvc.perform(post("/api/relations/CU/KR/milestones").with(httpBasic("reader", "reader-secret"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"t\", \"target\": \"2024\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            getJson("/api/milestones").andExpect(jsonPath("$.page.totalElements").value(0));
        }

        @Test
        void refusesABodyThatIsNotJson() throws Exception {
            postAsEditor("/api/relations/CU/KR/milestones", "{\"title\": ")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        }
    }

    @Nested
    class Reading {

        @Test
        void answersNotFoundForAnUnknownMilestone() throws Exception {
            getJson("/api/milestones/{id}", 424242)
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", "application/problem+json"))
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                    .andExpect(jsonPath("$.instance").value("/api/milestones/424242"));
            getJson("/api/milestones/abc")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        }

        @Test
        void deletesAMilestoneRecordedByMistakeWhateverItsStatusLeavingItsMission() throws Exception {
            recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14");
            long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
            openMission(embassy, "2024-06-01").andExpect(status().isOk());
            long achieved = plan("CU", "KR", "Embassy opens", "2024", embassy).get("id").asLong();
            long pending = plan("CU", "KR", "Consulate in Busan", "2030").get("id").asLong();

            deleteAsEditor("/api/milestones/{id}", achieved).andExpect(status().isNoContent());
            deleteAsEditor("/api/milestones/{id}", pending).andExpect(status().isNoContent());

            getJson("/api/milestones/{id}", achieved).andExpect(status().isNotFound());
            getJson("/api/milestones").andExpect(jsonPath("$.content", empty()));
            getJson("/api/missions/{id}", embassy).andExpect(jsonPath("$.status").value("OPEN"));
            List<String> feed = new ArrayList<>();
            json(mvc.perform(get("/api/changes?after=0&size=500").with(httpBasic("editor", "editor-secret"))))
                    .get("content").forEach(change -> feed.add(change.get("action").asString() + " "
                            + change.get("kind").asString() + " " + change.get("id").asLong()));
            assertThat(feed).endsWith("DELETED milestone " + achieved, "DELETED milestone " + pending);
            deleteAsEditor("/api/milestones/{id}", pending).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
            mvc.perform(delete("/api/milestones/{id}", achieved).with(httpBasic("reader", "reader-secret")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void listsMilestonesByTargetEndThenId() throws Exception {
            long july = plan("CU", "KR", "Cuban embassy in Seoul opens", "2024-07").get("id").asLong();
            long firstHalf = plan("CU", "KR", "Provisional office in Havana", "2024-H1").get("id").asLong();
            long year = plan("CU", "KP", "Trade agreement", "2024").get("id").asLong();
            long alsoFirstHalf = plan("CU", "KR", "Consulate in Busan", "2024-06-30").get("id").asLong();

            getJson("/api/milestones")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(firstHalf), id(alsoFirstHalf), id(july),
                            id(year))))
                    .andExpect(jsonPath("$.page.size").value(20))
                    .andExpect(jsonPath("$.page.number").value(0))
                    .andExpect(jsonPath("$.page.totalElements").value(4))
                    .andExpect(jsonPath("$.page.totalPages").value(1));
            getJson("/api/milestones?size=2&page=1")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(july), id(year))))
                    .andExpect(jsonPath("$.page.totalPages").value(2));
            getJson("/api/milestones?sort=title,asc")
                    .andExpect(jsonPath("$.content[*].title").value(contains("Consulate in Busan",
                            "Cuban embassy in Seoul opens", "Provisional office in Havana", "Trade agreement")));
        }

        @Test
        void filtersByACountryOnEitherSideOfThePair() throws Exception {
            long cuKr = plan("KR", "CU", "Cuban embassy in Seoul opens", "2024-07").get("id").asLong();
            long cuKp = plan("CU", "KP", "Trade agreement", "2024").get("id").asLong();
            long krUs = plan("US", "KR", "Summit", "2025").get("id").asLong();

            getJson("/api/milestones?country=cub")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(cuKr), id(cuKp))));
            getJson("/api/milestones?country=KR")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(cuKr), id(krUs))));
            getJson("/api/milestones?country=KP")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(cuKp))));
            getJson("/api/milestones?country=FR")
                    .andExpect(jsonPath("$.content").value(empty()));
        }

        @Test
        void refusesAnUnknownCountryABadStatusOrAnUnknownSortField() throws Exception {
            getJson("/api/milestones?country=ZZ")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("country"));
            getJson("/api/milestones?status=LATE")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
            getJson("/api/milestones?sort=status,asc")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }

        @Test
        void turnsFromPendingToOverdueWhenTheClockPassesTheTarget() throws Exception {
            long id = plan("CU", "KR", "Cuban embassy in Seoul opens", "2026-06").get("id").asLong();

            clock.setToday(LocalDate.of(2026, 6, 30));
            getJson("/api/milestones/{id}", id).andExpect(jsonPath("$.status").value("PENDING"));
            getJson("/api/milestones?status=PENDING").andExpect(jsonPath("$.content[*].id").value(contains(id(id))));
            getJson("/api/milestones?status=OVERDUE").andExpect(jsonPath("$.content").value(empty()));

            clock.setToday(LocalDate.of(2026, 7, 1));
            getJson("/api/milestones/{id}", id).andExpect(jsonPath("$.status").value("OVERDUE"));
            getJson("/api/milestones?status=OVERDUE").andExpect(jsonPath("$.content[*].id").value(contains(id(id))));
            getJson("/api/milestones?status=PENDING").andExpect(jsonPath("$.content").value(empty()));

            clock.setToday(LocalDate.of(2026, 5, 1));
            getJson("/api/milestones?status=PENDING&country=KR")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(id))));
        }

        @Test
        void filtersByStatusExactlyAsTheStatusIsDerived() throws Exception {
            List<Long> ids = new ArrayList<>();
            for (String target : List.of("2024", "2026-H1", "2026-Q2", "2026-05", "2026-06", "2026-05-31",
                    "2026-06-01", "2026-06-02", "2027")) {
                ids.add(plan("CU", "KR", "Milestone " + target, target).get("id").asLong());
                ids.add(plan("CU", "KP", "Milestone " + target, target).get("id").asLong());
            }
            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2026-05-01\"}", ids.get(0)).andExpect(status().isOk());
            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2026-01-01\"}", ids.get(5)).andExpect(status().isOk());
            postAsEditor("/api/milestones/{id}/cancel", null, ids.get(1)).andExpect(status().isOk());
            postAsEditor("/api/milestones/{id}/cancel", null, ids.get(16)).andExpect(status().isOk());

            for (LocalDate today : List.of(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2),
                    LocalDate.of(2028, 1, 1))) {
                clock.setToday(today);
                // in the list's order (targetEnd, then id), which each status keeps, page by page
                Map<Long, String> derived = new LinkedHashMap<>();
                Map<Long, String> targetEnds = new HashMap<>();
                for (JsonNode milestone : json(getJson("/api/milestones?size=200")).get("content")) {
                    derived.put(milestone.get("id").asLong(), milestone.get("status").asString());
                    targetEnds.put(milestone.get("id").asLong(), milestone.get("targetEnd").asString());
                }
                assertThat(derived).hasSize(ids.size());
                for (MilestoneStatus status : MilestoneStatus.values()) {
                    List<Long> expected = derived.entrySet().stream()
                            .filter(e -> e.getValue().equals(status.name())).map(Map.Entry::getKey).toList();
                    List<Long> filtered = new ArrayList<>();
                    for (int page = 0; page <= expected.size() / 3; page++) {
                        json(getJson("/api/milestones?size=3&page={p}&status={s}", page, status)).get("content")
                                .forEach(m -> filtered.add(m.get("id").asLong()));
                    }
                    assertThat(filtered).as("%s on %s", status, today).containsExactlyElementsOf(expected);
                    List<Long> descending = new ArrayList<>();
                    json(getJson("/api/milestones?size=200&status={s}&sort=targetEnd,desc", status)).get("content")
                            .forEach(m -> descending.add(m.get("id").asLong()));
                    assertThat(descending).as("%s on %s, descending", status, today)
                            .containsExactlyInAnyOrderElementsOf(expected)
                            .isSortedAccordingTo(Comparator.comparing((Long id) -> targetEnds.get(id))
                                    .thenComparing(Comparator.naturalOrder()).reversed());
                }
            }
            clock.setToday(LocalDate.of(2026, 6, 1));
            getJson("/api/milestones?status=ACHIEVED").andExpect(jsonPath("$.content.length()").value(2));
            getJson("/api/milestones?status=CANCELLED&country=KP")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(ids.get(1)))));
        }

        @Test
        void readsAListPageInAConstantNumberOfStatements() throws Exception {
            for (int i = 0; i < 3; i++) {
                plan("CU", "KR", "Milestone " + i, "2024-0" + (i + 1));
            }
            long few = statementsFor("/api/milestones?status=OVERDUE&country=CU");
            for (int i = 3; i < 30; i++) {
                plan(i % 2 == 0 ? "CU" : "KP", "KR", "Milestone " + i, Integer.toString(2000 + i));
            }
            long many = statementsFor("/api/milestones?status=OVERDUE&country=KR&size=10");

            // the page's ids and their rows, and the page count when the page is full
            assertThat(few).isEqualTo(2);
            assertThat(many).isEqualTo(3);
        }

        @Test
        void givesThePairsMilestonesInTargetOrderToTheOtherModules() throws Exception {
            long july = plan("KR", "CU", "Cuban embassy in Seoul opens", "2024-07").get("id").asLong();
            long firstHalf = plan("CU", "KR", "Provisional office in Havana", "2024-H1").get("id").asLong();
            plan("CU", "KP", "Trade agreement", "2024");
            long later = plan("CU", "KR", "Consulate in Busan", "2030").get("id").asLong();

            List<MilestoneView> views = milestones.ofPair(RelationPair.of(CountryCode.of("KR"), CountryCode.of("CU")));

            assertThat(views).extracting(MilestoneView::id).containsExactly(firstHalf, july, later);
            assertThat(views).extracting(MilestoneView::status).containsExactly(MilestoneStatus.OVERDUE,
                    MilestoneStatus.OVERDUE, MilestoneStatus.PENDING);
            assertThat(views.get(1).countries()).containsExactly("CU", "KR");
            assertThat(views.get(1).target()).isEqualTo("2024-07");
            assertThat(views.get(1).targetEnd()).isEqualTo(LocalDate.of(2024, 7, 31));
            assertThat(milestones.ofPair(RelationPair.of(CountryCode.of("FR"), CountryCode.of("KR")))).isEmpty();
        }

        private long statementsFor(String url) throws Exception {
            return statements.count(() -> getJson(url).andExpect(status().isOk()));
        }
    }

    @Nested
    class Achieving {

        @Test
        void achievesAMilestoneWithoutMissionByHand() throws Exception {
            long id = plan("CU", "KR", "Exchange of notes", "2024-Q1").get("id").asLong();

            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-02-14\"}", id)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACHIEVED"))
                    .andExpect(jsonPath("$.achievedOn").value("2024-02-14"))
                    .andExpect(jsonPath("$.onTime").value(true));
            getJson("/api/milestones/{id}", id)
                    .andExpect(jsonPath("$.status").value("ACHIEVED"))
                    .andExpect(jsonPath("$.onTime").value(true));
        }

        @Test
        void achievesAnOverdueMilestoneLate() throws Exception {
            long id = plan("CU", "KR", "Provisional office in Havana", "2024-H1").get("id").asLong();

            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2026-06-01\"}", id)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACHIEVED"))
                    .andExpect(jsonPath("$.onTime").value(false));
        }

        @Test
        void refusesAnAchievementDatedAfterToday() throws Exception {
            long id = plan("CU", "KR", "Exchange of notes", "2026").get("id").asLong();

            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2026-06-02\"}", id)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"))
                    .andExpect(jsonPath("$.rule").value("R3"));
            getJson("/api/milestones/{id}", id).andExpect(jsonPath("$.status").value("PENDING"));
        }

        @Test
        void refusesToAchieveTwiceOrAfterCancelling() throws Exception {
            long achieved = plan("CU", "KR", "Exchange of notes", "2024-Q1").get("id").asLong();
            long cancelled = plan("CU", "KR", "Consulate in Busan", "2024").get("id").asLong();
            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-02-14\"}", achieved).andExpect(status().isOk());
            postAsEditor("/api/milestones/{id}/cancel", null, cancelled).andExpect(status().isOk());

            for (long id : List.of(achieved, cancelled)) {
                postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-03-01\"}", id)
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.code").value("MILESTONE_STATUS_INVALID"))
                        .andExpect(jsonPath("$.rule").value("R19"));
            }
            getJson("/api/milestones/{id}", achieved).andExpect(jsonPath("$.achievedOn").value("2024-02-14"));
        }

        @Test
        void refusesToAchieveByHandAMilestoneWithAMission() throws Exception {
            long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
            long id = plan("CU", "KR", "Cuban embassy in Seoul opens", "2024-07", embassy).get("id").asLong();

            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2025-01-17\"}", id)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("MILESTONE_STATUS_INVALID"))
                    .andExpect(jsonPath("$.detail").value(containsString("mission " + embassy)));
        }

        @Test
        void refusesAMissingOrMalformedDate() throws Exception {
            long id = plan("CU", "KR", "Exchange of notes", "2024-Q1").get("id").asLong();

            postAsEditor("/api/milestones/{id}/achieve", "{}", id)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("date"));
            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-02\"}", id)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("date"));
        }

        @Test
        void answersNotFoundForAnUnknownMilestone() throws Exception {
            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-02-14\"}", 424242)
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }

        @Test
        void refusesAnonymousWritersAndReadersWithoutARole() throws Exception {
            long id = plan("CU", "KR", "Exchange of notes", "2024-Q1").get("id").asLong();

            mvc.perform(post("/api/milestones/{id}/achieve", id).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\": \"2024-02-14\"}"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
            mvc.perform(post("/api/milestones/{id}/achieve", id).with(httpBasic("reader", "reader-secret"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"2024-02-14\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            getJson("/api/milestones/{id}", id).andExpect(jsonPath("$.status").value("OVERDUE"));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancelsAPendingOrOverdueMilestone() throws Exception {
            long overdue = plan("CU", "KR", "Provisional office in Havana", "2024-H1").get("id").asLong();
            long pending = plan("CU", "KR", "Consulate in Busan", "2027").get("id").asLong();

            for (long id : List.of(overdue, pending)) {
                postAsEditor("/api/milestones/{id}/cancel", null, id)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("CANCELLED"))
                        .andExpect(jsonPath("$.achievedOn").value(nullValue()))
                        .andExpect(jsonPath("$.onTime").value(nullValue()));
                getJson("/api/milestones/{id}", id).andExpect(jsonPath("$.status").value("CANCELLED"));
            }
        }

        @Test
        void refusesToCancelAnAchievedOrCancelledMilestone() throws Exception {
            long achieved = plan("CU", "KR", "Exchange of notes", "2024-Q1").get("id").asLong();
            long cancelled = plan("CU", "KR", "Consulate in Busan", "2024").get("id").asLong();
            postAsEditor("/api/milestones/{id}/achieve", "{\"date\": \"2024-02-14\"}", achieved).andExpect(status().isOk());
            postAsEditor("/api/milestones/{id}/cancel", null, cancelled).andExpect(status().isOk());

            for (long id : List.of(achieved, cancelled)) {
                postAsEditor("/api/milestones/{id}/cancel", null, id)
                        .andExpect(status().isConflict())
                        .andExpect(jsonPath("$.code").value("MILESTONE_STATUS_INVALID"))
                        .andExpect(jsonPath("$.rule").value("R19"));
            }
            getJson("/api/milestones/{id}", achieved).andExpect(jsonPath("$.status").value("ACHIEVED"));
        }

        @Test
        void answersNotFoundForAnUnknownMilestone() throws Exception {
            postAsEditor("/api/milestones/{id}/cancel", null, 424242)
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        }

        @Test
        void refusesAnonymousWritersAndReadersWithoutARole() throws Exception {
            long id = plan("CU", "KR", "Consulate in Busan", "2027").get("id").asLong();

            mvc.perform(post("/api/milestones/{id}/cancel", id))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
            mvc.perform(post("/api/milestones/{id}/cancel", id).with(httpBasic("reader", "reader-secret")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            getJson("/api/milestones/{id}", id).andExpect(jsonPath("$.status").value("PENDING"));
        }
    }

    @Nested
    class MissionOpening {

        @Test
        void achievesTheMissionsMilestonesOnItsOpeningDay() throws Exception {
            restoreCubaSouthKorea();
            long cubanEmbassy = planMission("CU", "KR", "EMBASSY", "Seoul");
            long koreanEmbassy = planMission("KR", "CU", "EMBASSY", "Havana");
            long seoul = plan("CU", "KR", "Cuban embassy in Seoul opens", "2024-07", cubanEmbassy).get("id").asLong();
            long havana = plan("CU", "KR", "South Korean embassy in Havana opens", "2025", koreanEmbassy)
                    .get("id").asLong();
            long givenUp = plan("CU", "KR", "Embassy in Havana in the first quarter", "2025-Q1", koreanEmbassy)
                    .get("id").asLong();
            postAsEditor("/api/milestones/{id}/cancel", null, givenUp).andExpect(status().isOk());

            postAsEditor("/api/missions/{id}/open", "{\"date\": \"2025-01-17\"}", koreanEmbassy)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("OPEN"));

            getJson("/api/milestones/{id}", havana)
                    .andExpect(jsonPath("$.status").value("ACHIEVED"))
                    .andExpect(jsonPath("$.achievedOn").value("2025-01-17"))
                    .andExpect(jsonPath("$.onTime").value(true));
            getJson("/api/milestones/{id}", givenUp)
                    .andExpect(jsonPath("$.status").value("CANCELLED"))
                    .andExpect(jsonPath("$.achievedOn").value(nullValue()));
            getJson("/api/milestones/{id}", seoul)
                    .andExpect(jsonPath("$.status").value("OVERDUE"));
            getJson("/api/milestones?status=OVERDUE")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(seoul))));

            postAsEditor("/api/missions/{id}/open", "{\"date\": \"2026-05-20\"}", cubanEmbassy)
                    .andExpect(status().isOk());
            getJson("/api/milestones/{id}", seoul)
                    .andExpect(jsonPath("$.status").value("ACHIEVED"))
                    .andExpect(jsonPath("$.achievedOn").value("2026-05-20"))
                    .andExpect(jsonPath("$.onTime").value(false));
            getJson("/api/milestones?status=OVERDUE").andExpect(jsonPath("$.content").value(empty()));
            getJson("/api/milestones?status=ACHIEVED")
                    .andExpect(jsonPath("$.content[*].id").value(contains(id(seoul), id(havana))));
        }

        @Test
        void achievesAMilestoneAtOnceWhenItsMissionHasAlreadyOpened() throws Exception {
            restoreCubaSouthKorea();
            long koreanEmbassy = planMission("KR", "CU", "EMBASSY", "Havana");
            postAsEditor("/api/missions/{id}/open", "{\"date\": \"2025-01-17\"}", koreanEmbassy)
                    .andExpect(status().isOk());

            postAsEditor("/api/relations/CU/KR/milestones", """
                    {"title": "South Korean embassy in Havana opens", "target": "2024-H2", "missionId": %s}"""
                    .formatted(koreanEmbassy))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("ACHIEVED"))
                    .andExpect(jsonPath("$.achievedOn").value("2025-01-17"))
                    .andExpect(jsonPath("$.onTime").value(false));
        }

        @Test
        void cancelsTheMilestonesWaitingForAMissionWhenTheMissionIsCancelled() throws Exception {
            restoreCubaSouthKorea();
            long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
            long waiting = plan("CU", "KR", "Cuban embassy in Seoul opens", "2026-Q3", embassy).get("id").asLong();
            long givenUp = plan("CU", "KR", "Cuban embassy in Seoul in the spring", "2026-Q2", embassy).get("id").asLong();
            long withoutMission = plan("CU", "KR", "A consulate in Busan", "2026-Q3").get("id").asLong();
            postAsEditor("/api/milestones/{id}/cancel", null, givenUp).andExpect(status().isOk());

            postAsEditor("/api/missions/{id}/cancel", null, embassy).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CANCELLED"));

            getJson("/api/milestones/{id}", waiting)
                    .andExpect(jsonPath("$.status").value("CANCELLED"))
                    .andExpect(jsonPath("$.achievedOn").value(nullValue()));
            getJson("/api/milestones/{id}", withoutMission).andExpect(jsonPath("$.status").value("PENDING"));
            clock.setToday(LocalDate.of(2026, 10, 1));
            getJson("/api/milestones?status=OVERDUE").andExpect(jsonPath("$.content[*].id").value(contains(id(withoutMission))));
            mvc.perform(get("/api/changes?kind=milestone").with(httpBasic("editor", "editor-secret")))
                    .andExpect(jsonPath("$.content[*].action").value(contains("CREATED", "CREATED", "CREATED", "UPDATED",
                            "UPDATED")))
                    .andExpect(jsonPath("$.content[4].id").value(id(waiting)));
        }

        @Test
        void refusesAMilestoneOfACancelledMissionWhichWillNotOpen() throws Exception {
            long embassy = planMission("CU", "KR", "EMBASSY", "Seoul");
            postAsEditor("/api/missions/{id}/cancel", null, embassy).andExpect(status().isOk());

            postAsEditor("/api/relations/CU/KR/milestones", """
                    {"title": "Cuban embassy in Seoul opens", "target": "2027", "missionId": %s}""".formatted(embassy))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("MILESTONE_STATUS_INVALID"))
                    .andExpect(jsonPath("$.rule").value("R19"))
                    .andExpect(jsonPath("$.detail").value(containsString("was cancelled and will not open")));
            getJson("/api/milestones?country=CU").andExpect(jsonPath("$.content").value(empty()));
        }

        private void restoreCubaSouthKorea() throws Exception {
            create("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2024-02-14\"}");
        }
    }

    private JsonNode plan(String a, String b, String title, String target) throws Exception {
        return create("/api/relations/{a}/{b}/milestones", """
                {"title": "%s", "target": "%s"}""".formatted(title, target), a, b);
    }

    private JsonNode plan(String a, String b, String title, String target, long missionId) throws Exception {
        return create("/api/relations/{a}/{b}/milestones", """
                {"title": "%s", "target": "%s", "missionId": %s}""".formatted(title, target, missionId), a, b);
    }

    /** JSON numbers come back from JsonPath as Integer when small enough. */
    private static Object id(long id) {
        return id <= Integer.MAX_VALUE ? (Object) (int) id : (Object) id;
    }
}
