package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chancery.deployment.Api.Answer;
import org.chancery.deployment.RecordedFacts.Event;
import org.chancery.relation.EventType;
import tools.jackson.databind.JsonNode;

/**
 * A stream of writes from three clients at once — new diplomats, the life of many pairs (relations
 * established, an embassy planned and opened, relations severed and restored) and a chain of
 * {@code If-Match} updates of one diplomat — that keeps what each acknowledged with a 2xx, and
 * afterwards checks that all of it is there (with at most the one write in flight when the server
 * died added) and that the rules hold.
 */
final class WriteStream {

    private static final int MAX_WRITES_PER_CLIENT = 5_000;

    private final List<String[]> pairs;
    private final long revised;
    private final ExecutorService clients = Executors.newFixedThreadPool(3);
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger pairsDone = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;

    /** Acknowledged: diplomat id to name. */
    private final Map<Long, String> diplomats = new ConcurrentHashMap<>();
    /** Acknowledged: per pair "A-B", its events, its embassy, and whether the opening was acknowledged. */
    private final Map<String, List<Event>> events = new ConcurrentHashMap<>();
    private final Map<String, Long> embassies = new ConcurrentHashMap<>();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    /** The If-Match chain: the last acknowledged version and title, and the title being written. */
    private volatile long revisedVersion;
    private volatile String revisedTitle;
    private volatile String revisingTitle;

    private WriteStream(List<String[]> pairs, long revised, long version, String title) {
        this.pairs = pairs;
        this.revised = revised;
        this.revisedVersion = version;
        this.revisedTitle = title;
    }

    /** Prepares the stream on a running instance: the pairs it will use and the diplomat it revises. */
    static WriteStream prepare(Api api) throws IOException, InterruptedException {
        List<String> codes = api.all("/api/countries").stream().map(c -> c.get("code").asString()).toList();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < codes.size(); i += 2) {
            pairs.add(new String[] {codes.get(i), codes.get(i + 1)});
        }
        JsonNode diplomat = api.post("/api/diplomats", diplomat("Revised Diplomat", "Revision 0"))
                .requireStatus(201).json();
        return new WriteStream(pairs, diplomat.get("id").asLong(), diplomat.get("version").asLong(), "Revision 0");
    }

    /** Starts the three clients on the instance. */
    void start(Api api) {
        clients.submit(() -> client(() -> newDiplomats(api)));
        clients.submit(() -> client(() -> pairLives(api)));
        clients.submit(() -> client(() -> revisions(api)));
    }

    /** Waits (at most {@code seconds}) until this many writes were acknowledged, two pair lives among them. */
    void awaitAcknowledged(int writes, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while ((acknowledged.get() < writes || pairsDone.get() < 2) && System.nanoTime() < deadline && !stopped) {
            Thread.sleep(20);
        }
        assertThat(unexpected).as("answers during the stream").isEmpty();
        assertThat(acknowledged.get()).as("acknowledged writes before the stop").isGreaterThanOrEqualTo(writes);
    }

    /** Waits for the clients to notice that the server is gone. */
    void awaitClientsStopped() throws InterruptedException {
        stopped = true;
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
    }

    /** Checks, on the restarted instance, that every acknowledged write is there and the rules hold. */
    void verify(Api api) throws IOException, InterruptedException {
        assertThat(unexpected).as("answers during the stream").isEmpty();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, String> diplomat : diplomats.entrySet()) {
            Answer found = api.get("/api/diplomats/" + diplomat.getKey());
            if (found.status() != 200) {
                lost.add("diplomat " + diplomat.getKey() + " (" + diplomat.getValue() + "): " + found.status());
            } else {
                assertThat(found.json().get("name").asString()).isEqualTo(diplomat.getValue());
            }
        }
        for (Map.Entry<String, List<Event>> pair : events.entrySet()) {
            String[] ab = pair.getKey().split("-");
            List<Event> found = RecordedFacts.events(api, ab[0], ab[1]);
            pair.getValue().stream().filter(e -> !found.contains(e)).forEach(e -> lost.add(pair.getKey() + " " + e));
        }
        for (Map.Entry<String, Long> embassy : embassies.entrySet()) {
            Answer found = api.get("/api/missions/" + embassy.getValue());
            if (found.status() != 200) {
                lost.add("embassy " + embassy.getValue() + " of " + embassy.getKey() + ": " + found.status());
            } else if (opened.contains(embassy.getKey()) && found.json().get("openedOn").isNull()) {
                lost.add("opening of embassy " + embassy.getValue() + " of " + embassy.getKey());
            }
        }
        assertThat(lost).as("acknowledged writes lost, of %s acknowledged (%s diplomats, %s pairs)", acknowledged.get(),
                diplomats.size(), events.size()).isEmpty();

        JsonNode revision = api.get("/api/diplomats/" + revised).requireStatus(200).json();
        long version = revision.get("version").asLong();
        String title = revision.get("title").asString();
        if (version == revisedVersion) {
            assertThat(title).as("title at the last acknowledged version %s", version).isEqualTo(revisedTitle);
        } else {
            assertThat(version).as("version after the last acknowledged %s (one write may have been in flight)",
                    revisedVersion).isEqualTo(revisedVersion + 1);
            assertThat(title).as("title of the write in flight").isEqualTo(revisingTitle);
        }

        for (Map.Entry<String, List<Event>> pair : events.entrySet()) {
            String[] ab = pair.getKey().split("-");
            List<Event> found = RecordedFacts.checkPair(api, ab[0], ab[1]);
            assertThat(found).as("events of %s", pair.getKey()).containsAll(pair.getValue());
            assertThat(found.size()).as("events of %s beyond the acknowledged (at most the one in flight)",
                    pair.getKey()).isBetween(pair.getValue().size(), pair.getValue().size() + 1);
        }
        for (Map.Entry<String, Long> embassy : embassies.entrySet()) {
            Answer found = api.get("/api/missions/" + embassy.getValue());
            assertThat(found.status()).as("acknowledged embassy of %s", embassy.getKey()).isEqualTo(200);
            if (opened.contains(embassy.getKey())) {
                assertThat(found.json().get("openedOn").asString()).as("opening of %s", embassy.getKey())
                        .isEqualTo("2001-01-01");
            }
            boolean severed = events.get(embassy.getKey()).stream().anyMatch(e -> e.type() == EventType.SEVERED);
            if (severed) {
                assertThat(found.json().get("status").asString()).as("embassy of %s after the severance",
                        embassy.getKey()).isEqualTo("CLOSED");
                assertThat(found.json().get("closingReason").asString()).isEqualTo("RELATIONS_SEVERED");
            }
        }
        RecordedFacts.checkOneOpenEmbassyPerDirection(api);

        long fresh = api.post("/api/diplomats", diplomat("After Restart", null)).requireStatus(201).id();
        assertThat(diplomats).as("a new id after the restart").doesNotContainKey(fresh);
        assertThat(fresh).isNotEqualTo(revised);
    }

    private interface Client {
        void run() throws IOException, InterruptedException;
    }

    private void client(Client client) {
        try {
            client.run();
        } catch (IOException serverGone) {
            // the server was stopped: this client's write in flight is neither acknowledged nor refused
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            unexpected.add(e.toString());
        }
    }

    private void newDiplomats(Api api) throws IOException, InterruptedException {
        for (int i = 1; i <= MAX_WRITES_PER_CLIENT && !stopped; i++) {
            String name = "Durable Diplomat " + i;
            Answer created = api.post("/api/diplomats", diplomat(name, "Attaché"));
            if (expect(created, 201)) {
                diplomats.put(created.id(), name);
            }
        }
    }

    private void pairLives(Api api) throws IOException, InterruptedException {
        int writes = 0;
        for (String[] pair : pairs) {
            if (stopped || writes > MAX_WRITES_PER_CLIENT) {
                return;
            }
            String key = pair[0] + "-" + pair[1];
            String relation = "/api/relations/" + pair[0] + "/" + pair[1] + "/events";
            events.put(key, new ArrayList<>());
            if (event(api, key, relation, EventType.ESTABLISHED, "2000-01-01") == null) {
                return;
            }
            Answer embassy = api.post("/api/missions", """
                    {"sendingCountry": "%s", "receivingCountry": "%s", "type": "EMBASSY", "city": "Capital"}"""
                    .formatted(pair[0], pair[1]));
            if (!expect(embassy, 201)) {
                return;
            }
            embassies.put(key, embassy.id());
            if (!expect(api.post("/api/missions/" + embassy.id() + "/open", "{\"date\": \"2001-01-01\"}"), 200)) {
                return;
            }
            opened.add(key);
            Answer severed = event(api, key, relation, EventType.SEVERED, "2010-01-01");
            if (severed == null) {
                return;
            }
            List<Long> affected = new ArrayList<>();
            severed.json().get("affectedMissions").forEach(m -> affected.add(m.get("id").asLong()));
            if (!affected.contains(embassy.id())) {
                unexpected.add("R11: the severance did not close embassy " + embassy.id() + ": " + severed);
            }
            if (event(api, key, relation, EventType.RESTORED, "2015-01-01") == null) {
                return;
            }
            writes += 5;
            pairsDone.incrementAndGet();
        }
    }

    private Answer event(Api api, String key, String path, EventType type, String date)
            throws IOException, InterruptedException {
        Answer answer = api.post(path, "{\"type\": \"" + type + "\", \"date\": \"" + date + "\"}");
        if (!expect(answer, 201)) {
            return null;
        }
        events.get(key).add(new Event(answer.id(), type, LocalDate.parse(date)));
        return answer;
    }

    private void revisions(Api api) throws IOException, InterruptedException {
        for (int i = 1; i <= MAX_WRITES_PER_CLIENT && !stopped; i++) {
            String title = "Revision " + i;
            revisingTitle = title;
            Answer revision = api.put("/api/diplomats/" + revised, diplomat("Revised Diplomat", title),
                    "\"" + revisedVersion + "\"");
            if (expect(revision, 200)) {
                revisedVersion = revision.json().get("version").asLong();
                revisedTitle = title;
            }
        }
    }

    private boolean expect(Answer answer, int status) {
        if (answer.status() != status) {
            unexpected.add(answer.toString());
            stopped = true;
            return false;
        }
        acknowledged.incrementAndGet();
        return true;
    }

    private static String diplomat(String name, String title) {
        return """
                {"name": "%s", "country": "CU", "title": %s}""".formatted(name, title == null ? "null" : "\"" + title + "\"");
    }
}
