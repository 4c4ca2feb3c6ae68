package org.chancery.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole COW Diplomatic Exchange data set (310,820 rows), read by the test from
 * {@code ../shared/data/} (its terms give no licence to ship it), imported through the API, and
 * read back: the counts per year are the file's, the known values are there, the mirrored rows are
 * merged, the presence-only code 9 of 1950–1965 is kept, and importing it again creates nothing; while
 * it imports, reads answer and the job's progress advances. Run once, in the default suite (H2): the
 * PostgreSQL suite leaves it out (tag {@code dataset}), as it does the fuzz test.
 */
@DisplayName("The COW Diplomatic Exchange data set, imported whole")
@Tag("dataset")
class DiplomaticExchangeDatasetIntegrationTests extends ApiIntegrationTest {

    private static final Path FILE = Path.of("..", "shared", "data", "Diplomatic_Exchange_2006v1.csv");
    private static final int ROWS = 310_820;

    private long startImport() throws Exception {
        assertThat(FILE).as("the data set beside the checkout, as ../shared/data/README.md describes it").exists();
        return json(mvc.perform(post("/api/imports").param("format", "cow-diplomatic-exchange")
                .contentType("text/csv").content(Files.readAllBytes(FILE)).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted())).get("id").asLong();
    }

    private JsonNode importTheFile() throws Exception {
        return ImportJobs.awaitEnd(mvc, startImport(), Duration.ofMinutes(10));
    }

    /**
     * While the import writes, reads of facts and of observations answer (the import holds no lock
     * that they wait on): 95 in 100 within a second and none waiting 5 s (a collection of the heap the
     * in-memory database fills, on a loaded machine, may hold one read longer than a second; a wait for
     * the import's locks would reach the lock timeout), and the job's progress advances.
     */
    private JsonNode importTheFileReadingMeanwhile() throws Exception {
        long id = startImport();
        Set<Integer> progress = new TreeSet<>();
        List<Long> reads = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        JsonNode job;
        while ((job = json(mvc.perform(get("/api/imports/" + id).with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()))).get("status").asString().equals("RUNNING")) {
            progress.add(job.get("rowsDone").asInt());
            for (String read : List.of("/api/countries/US", "/api/relations?country=US&asOf=1970-01-01&size=5",
                    "/api/relations/CU/US/observations?size=5",
                    "/api/observations?country=US&direction=SENDING&size=5", "/api/observations/summary?country=US")) {
                long start = System.nanoTime();
                getJson(read).andExpect(status().isOk());
                reads.add(System.nanoTime() - start);
            }
            assertThat(System.nanoTime()).as("import %s still running: %s", id, job).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(progress).as("rowsDone read while the job ran").hasSizeGreaterThanOrEqualTo(3);
        reads.sort(null);
        assertThat(Duration.ofNanos(reads.get(reads.size() * 95 / 100))).as("95th percentile of %s reads during the "
                + "import", reads.size()).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(reads.get(reads.size() - 1))).as("the slowest read during the import")
                .isLessThan(Duration.ofSeconds(5));
        return job;
    }

    /** The rows of the file per year: the directed pairs observed that year. */
    private static Map<Integer, Long> rowsPerYear() throws Exception {
        Map<Integer, Long> years = new TreeMap<>();
        try (BufferedReader lines = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            lines.readLine();
            String line;
            while ((line = lines.readLine()) != null) {
                years.merge(Integer.parseInt(line.split(",")[2]), 1L, Long::sum);
            }
        }
        return years;
    }

    private JsonNode observation(String sending, String receiving, int year) throws Exception {
        JsonNode page = json(getJson("/api/observations?country=" + sending + "&direction=SENDING&year=" + year + "&size=200"));
        for (JsonNode observation : page.get("content")) {
            if (observation.get("receivingCountry").asString().equals(receiving)) {
                return observation;
            }
        }
        throw new AssertionError("no observation of " + sending + " in " + receiving + " in " + year);
    }

    @Test
    void importsEveryRowWhileReadsAnswerKeepsTheFilesCountsAndValuesAndCreatesNothingTheSecondTime() throws Exception {
        JsonNode job = importTheFileReadingMeanwhile();

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(ROWS);
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(ROWS / 2);
        assertThat(job.get("outcomes").get("MERGED").asInt()).as("the mirrored rows").isEqualTo(ROWS / 2);
        assertThat(job.get("outcomes").get("REJECTED").asInt()).isZero();

        Map<Integer, Long> perYear = rowsPerYear();
        assertThat(perYear).hasSize(38);
        JsonNode summary = json(getJson("/api/observations/summary"));
        assertThat(summary).hasSize(38);
        for (JsonNode year : summary) {
            long observed = 0;
            for (JsonNode count : year.get("counts")) {
                observed += count.asLong();
            }
            assertThat(observed).as("observations in %s", year.get("year").asInt())
                    .isEqualTo(perYear.get(year.get("year").asInt()));
        }
        assertThat(json(getJson("/api/observations?year=2005&size=1")).get("page").get("totalElements").asLong())
                .isEqualTo(perYear.get(2005)).isEqualTo(36_672);
        assertThat(json(getJson("/api/observations?year=1817&size=1")).get("page").get("totalElements").asLong())
                .isEqualTo(506);

        JsonNode usInCuba1950 = observation("US", "CU", 1950);
        assertThat(usInCuba1950.get("level").asString()).as("presence only, 1950–1965").isEqualTo("OTHER");
        assertThat(usInCuba1950.get("rawCode").asString()).isEqualTo("9");
        assertThat(observation("CU", "US", 1950).get("rawCode").asString()).isEqualTo("9");
        assertThat(observation("US", "CU", 1970).get("level").asString()).isEqualTo("NONE");
        assertThat(observation("CU", "US", 1970).get("level").asString()).isEqualTo("NONE");
        assertThat(observation("US", "GB", 1899).get("level").asString()).isEqualTo("AMBASSADOR");

        JsonNode abroad = json(getJson("/api/observations/summary?country=US&direction=SENDING"));
        JsonNode year1950 = abroad.valueStream().filter(y -> y.get("year").asInt() == 1950).findFirst().orElseThrow();
        assertThat(year1950.get("counts").get("AMBASSADOR").asLong()).isZero();
        assertThat(year1950.get("counts").get("OTHER").asLong()).isPositive();

        JsonNode again = importTheFile();
        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt()).isEqualTo(ROWS);
        assertThat(json(getJson("/api/observations?size=1")).get("page").get("totalElements").asLong()).isEqualTo(ROWS);
        assertThat(json(getJson("/api/observations/summary")).get(37).toString()).isEqualTo(summary.get(37).toString());
    }
}
