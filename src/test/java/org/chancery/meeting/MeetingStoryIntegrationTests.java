package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The meeting Chancery was born from: in Seoul on 2024-05-22, South Korean Deputy Foreign
 * Minister Chung Byung-won received Carlos Miguel Pereira Hernández, Director General for
 * Bilateral Affairs of Cuba's foreign ministry; they agreed to open embassies as soon as possible.
 */
class MeetingStoryIntegrationTests extends MeetingIntegrationTest {

    private static final RelationPair CU_KR = RelationPair.of(new CountryCode("KR"), new CountryCode("CU"));

    @Autowired
    private Meetings meetings;

    @Test
    void chungReceivesPereiraInSeoul() throws Exception {
        long chung = create("/api/diplomats", """
                {"name": "Chung Byung-won", "country": "KR", "title": "Deputy Foreign Minister",
                 "organization": "Ministry of Foreign Affairs"}""").get("id").asLong();
        long pereira = create("/api/diplomats", """
                {"name": "Carlos Miguel Pereira Hernández", "country": "CUB",
                 "title": "Director General for Bilateral Affairs", "organization": "Ministry of Foreign Affairs"}""")
                .get("id").asLong();

        long seoul = json(postAsEditor("/api/meetings", """
                {"date": "2024-05-22", "city": "Seoul", "country": "KR",
                 "title": "First dialogue since the restoration of relations",
                 "summary": "Pereira was in Seoul for the Korea–Latin America and the Caribbean cooperation forum.",
                 "outcomes": ["agreed to open embassies as soon as possible",
                              "South Korea plans a provisional office in Havana in the first half of the year",
                              "the Cuban embassy in Seoul could open in July"],
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}],
                 "sources": [{"url": "https://www.cibercuba.com/noticias/2024-04-17-u1-e199370-s27061-cuba-y-corea-del-sur-planean-abrir-embajadas-lo-antes-posible",
                              "publisher": "CiberCuba",
                              "title": "Cuba and South Korea plan to open embassies as soon as possible"}]}"""
                .formatted(chung, pereira))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("VISIT"))
                .andExpect(jsonPath("$.hostCountry").value("KR"))
                .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                .andExpect(jsonPath("$.participants[0].name").value("Chung Byung-won"))
                .andExpect(jsonPath("$.participants[0].title").value("Deputy Foreign Minister"))
                .andExpect(jsonPath("$.participants[1].name").value("Carlos Miguel Pereira Hernández"))
                .andExpect(jsonPath("$.participants[1].country").value("CU"))
                .andExpect(jsonPath("$.participants[1].title").value("Director General for Bilateral Affairs"))
                .andExpect(jsonPath("$.outcomes.length()").value(3)))
                .get("id").asLong();

        assertThat(ids(getJson("/api/meetings?country=CU&country=KR&from=2024-01-01&to=2024-12-31")
                .andExpect(jsonPath("$.content[0].city").value("Seoul")))).containsExactly(seoul);
        assertThat(meetings.countBetween(CU_KR, LocalDate.of(2024, 5, 22))).isEqualTo(1);
        assertThat(meetings.countBetween(CU_KR, LocalDate.of(2024, 5, 21))).isZero();
        assertThat(meetings.firstBetweenOnOrAfter(CU_KR, LocalDate.of(2024, 2, 14), null))
                .contains(new MeetingRef(seoul, LocalDate.of(2024, 5, 22), DatePrecision.DAY, "Seoul",
                        "First dialogue since the restoration of relations"));

        putAsEditor("/api/diplomats/{id}", """
                {"name": "Chung Byung-won", "country": "KR", "title": "Ambassador to Cuba",
                 "organization": "Ministry of Foreign Affairs"}""", chung)
                .andExpect(status().isOk());
        getJson("/api/meetings/{id}", seoul)
                .andExpect(jsonPath("$.participants[0].title").value("Deputy Foreign Minister"));

        deleteAsEditor("/api/diplomats/{id}", chung)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RESOURCE_IN_USE"));
    }
}
