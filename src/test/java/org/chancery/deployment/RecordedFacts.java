package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.chancery.mission.MissionType;
import org.chancery.relation.EventFact;
import org.chancery.relation.EventType;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationState;
import tools.jackson.databind.JsonNode;

/**
 * The rules of API.md checked on what an instance serves after the fact: a pair's events replay
 * through the state machine (R1, R2) to the status it shows; no embassy-class mission or provisional
 * office opened without relations (R5) or stayed open over a severance (R11); at most one
 * embassy-class mission of a direction open at any time (R7).
 */
final class RecordedFacts {

    private RecordedFacts() {
    }

    record Event(Long id, EventType type, LocalDate date) implements EventFact {

        static Event of(JsonNode event) {
            return new Event(event.get("id").asLong(), EventType.valueOf(event.get("type").asString()),
                    LocalDate.parse(event.get("date").asString()));
        }
    }

    record Mission(long id, String sending, String receiving, MissionType type, String status, LocalDate openedOn,
            LocalDate closedOn, String closingReason) {

        static Mission of(JsonNode mission) {
            return new Mission(mission.get("id").asLong(), mission.get("sendingCountry").asString(),
                    mission.get("receivingCountry").asString(), MissionType.valueOf(mission.get("type").asString()),
                    mission.get("status").asString(), date(mission.get("openedOn")), date(mission.get("closedOn")),
                    mission.get("closingReason").isNull() ? null : mission.get("closingReason").asString());
        }

        boolean needsRelations() {
            return type.embassyClass() || type == MissionType.PROVISIONAL_OFFICE;
        }

        boolean openOver(LocalDate day) {
            return openedOn != null && !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
        }

        boolean overlaps(Mission other) {
            return openedOn != null && other.openedOn != null
                    && (other.closedOn == null || openedOn.isBefore(other.closedOn))
                    && (closedOn == null || other.openedOn.isBefore(closedOn));
        }

        private static LocalDate date(JsonNode node) {
            return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
        }
    }

    /** The pair's events, checked to replay to the state the relation shows. */
    static List<Event> events(Api api, String a, String b) throws IOException, InterruptedException {
        JsonNode relation = api.get("/api/relations/" + a + "/" + b).requireStatus(200).json();
        List<Event> events = new ArrayList<>();
        relation.get("events").forEach(e -> events.add(Event.of(e)));
        assertThatCode(() -> RelationHistory.replay(events)).as("R1: the events of %s-%s: %s", a, b, events)
                .doesNotThrowAnyException();
        RelationState state = RelationHistory.replay(events).current();
        assertThat(relation.get("status").asString()).as("status of %s-%s", a, b).isEqualTo(state.status().name());
        assertThat(relation.get("consularStatus").asString()).as("consular status of %s-%s", a, b)
                .isEqualTo(state.consularStatus().name());
        assertThat(relation.get("since").isNull() ? null : LocalDate.parse(relation.get("since").asString()))
                .as("since of %s-%s", a, b).isEqualTo(state.since());
        return events;
    }

    /** The missions between two countries, both directions. */
    static List<Mission> missionsBetween(Api api, String a, String b) throws IOException, InterruptedException {
        List<Mission> missions = new ArrayList<>();
        for (JsonNode m : api.all("/api/missions?sending=" + a + "&receiving=" + b)) {
            missions.add(Mission.of(m));
        }
        for (JsonNode m : api.all("/api/missions?sending=" + b + "&receiving=" + a)) {
            missions.add(Mission.of(m));
        }
        return missions;
    }

    /** R1, R2, R5, R7 and R11 on one pair; returns its events. */
    static List<Event> checkPair(Api api, String a, String b) throws IOException, InterruptedException {
        List<Event> events = events(api, a, b);
        RelationHistory history = RelationHistory.replay(events);
        List<Mission> missions = missionsBetween(api, a, b);
        for (Mission mission : missions) {
            if (mission.needsRelations() && mission.openedOn() != null) {
                assertThat(history.on(mission.openedOn()).established())
                        .as("R5: %s opened on %s with relations %s", mission, mission.openedOn(),
                                history.on(mission.openedOn()))
                        .isTrue();
                for (LocalDate severance : history.severances()) {
                    assertThat(mission.openOver(severance)).as("R11: %s open over the severance of %s", mission,
                            severance).isFalse();
                }
            }
        }
        Map<String, List<Mission>> embassiesByDirection = missions.stream()
                .filter(m -> m.type().embassyClass() && m.openedOn() != null)
                .collect(Collectors.groupingBy(m -> m.sending() + ">" + m.receiving()));
        embassiesByDirection.forEach((direction, embassies) -> {
            for (int i = 0; i < embassies.size(); i++) {
                for (int j = i + 1; j < embassies.size(); j++) {
                    assertThat(embassies.get(i).overlaps(embassies.get(j)))
                            .as("R7: %s and %s open at the same time", embassies.get(i), embassies.get(j)).isFalse();
                }
            }
        });
        return events;
    }

    /** R7 over everything the instance serves: no direction has two open embassy-class missions. */
    static void checkOneOpenEmbassyPerDirection(Api api) throws IOException, InterruptedException {
        Map<String, List<Long>> open = new TreeMap<>();
        for (JsonNode m : api.all("/api/missions?status=OPEN")) {
            Mission mission = Mission.of(m);
            if (mission.type().embassyClass()) {
                open.computeIfAbsent(mission.sending() + ">" + mission.receiving(), k -> new ArrayList<>())
                        .add(mission.id());
            }
        }
        assertThat(open).as("R7: open embassy-class missions by direction").allSatisfy((direction, ids) ->
                assertThat(ids).as(direction).hasSize(1));
    }
}
