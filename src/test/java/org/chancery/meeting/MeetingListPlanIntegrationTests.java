package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chancery.support.PostgresTestDatabase;
import org.chancery.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * All meetings in an order a client chooses other than by date — by city, title or country, the id last — are read
 * along an index in that order, a page's rows at a time, not all read and sorted for each page; the meetings of
 * several countries are found from the countries' rows of the country index alone.
 */
class MeetingListPlanIntegrationTests extends MeetingIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({"city, ix_meeting_by_city", "title, ix_meeting_by_title", "country, ix_meeting_by_country",
        "'city,desc', ix_meeting_by_city", "'title,desc', ix_meeting_by_title",
        "'country,desc', ix_meeting_by_country"})
    void readsAllMeetingsInAChosenOrderAlongItsIndex(String sort, String index) throws Exception {
        long chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        long pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", null);
        meeting("2000-03-01", "Seoul", "KR", chung, pereira);
        meeting("2001-03-01", "Havana", "CU", chung, pereira);

        List<String> sql = statements.sql(() -> getJson("/api/meetings?sort=" + sort + "&size=1")
                .andExpect(status().isOk()));

        String page = sql.stream().filter(statement -> statement.contains("from meeting")
                && statement.contains("order by")).findFirst().orElseThrow();
        if (PostgresTestDatabase.enabled()) {
            // its generic plan: the index read in the order asked, no sort of every meeting
            assertThat(QueryPlans.of(jdbc, page)).contains(index).doesNotContain("Sort Key");
        } else {
            assertThat(QueryPlans.of(jdbc, page)).contains(index.toUpperCase(Locale.ROOT), "index sorted");
        }
    }

    @Test
    void findsTheMeetingsOfSeveralCountriesFromTheirRowsOfTheCountryIndexAlone() throws Exception {
        long chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        long pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", null);
        long ri = diplomat("Ri Son-gwon", "KP", null);
        long trilateral = meeting("2000-03-01", "Havana", "CU", chung, pereira, ri);
        meeting("2001-03-01", "Seoul", "KR", chung, pereira);

        List<String> sql = statements.sql(() -> assertThat(ids(getJson("/api/meetings?country=KR&country=KP&country=CU"
                + "&sort=city&size=1"))).containsExactly(trilateral));

        String page = sql.stream().filter(statement -> statement.contains("meeting_country")
                && statement.contains("group by") && statement.contains("order by")).findFirst().orElseThrow();
        assertThat(page).as("the meetings read once, for the page; the countries' rows grouped on their own")
                .containsOnlyOnce("from meeting ").doesNotContain("join meeting ");
    }

    @Test
    void listsMeetingsByCityAndByIdWithinACityInEitherDirection() throws Exception {
        long chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        long pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", null);
        List<Long> created = new ArrayList<>();
        created.add(meeting("2000-03-01", "Seoul", "KR", chung, pereira));
        created.add(meeting("2001-03-01", "Havana", "CU", chung, pereira));
        created.add(meeting("2002-03-01", "Havana", "CU", chung, pereira));

        assertThat(ids(getJson("/api/meetings?sort=city"))).containsExactly(created.get(1), created.get(2),
                created.get(0));
        assertThat(ids(getJson("/api/meetings?sort=city,desc"))).as("ties in the first order's direction")
                .containsExactly(created.get(0), created.get(2), created.get(1));
    }
}
