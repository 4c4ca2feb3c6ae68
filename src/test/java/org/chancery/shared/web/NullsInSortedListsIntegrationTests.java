package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A list sorted by a field that may be null puts the nulls first ascending and last descending, on
 * H2 and on PostgreSQL alike (PostgreSQL orders nulls the other way round by itself; the relation
 * list's {@code since} already did this).
 */
class NullsInSortedListsIntegrationTests extends ApiIntegrationTest {

    @Test
    @DisplayName("missions by city, opening and closing day: the missions without one first ascending, last descending")
    void missionsWithoutAValueComeFirstAscendingAndLastDescending() throws Exception {
        long planned = planMission("US", "VN", "LIAISON_OFFICE", null);
        long closed = planMission("US", "VN", "LIAISON_OFFICE", "Hanoi");
        openMission(closed, "1995-01-28");
        closeMission(closed, "1995-08-05");

        assertNullsFirstThenLast("/api/missions?sending=US", "city", planned);
        assertNullsFirstThenLast("/api/missions?sending=US", "openedOn", planned);
        assertNullsFirstThenLast("/api/missions?sending=US", "closedOn", planned);
    }

    @Test
    @DisplayName("diplomats by title and organization, meetings by city and title, countries by numeric code")
    void diplomatsMeetingsAndCountriesWithoutAValueComeFirstAscendingAndLastDescending() throws Exception {
        long untitled = newDiplomat("Chung Byung-won", "KR");
        long titled = create("/api/diplomats", """
                {"name": "Carlos Pereira", "country": "CU", "title": "Director General", "organization": "MINREX"}""")
                .get("id").asLong();
        assertNullsFirstThenLast("/api/diplomats?q=", "title", untitled);
        assertNullsFirstThenLast("/api/diplomats?q=", "organization", untitled);

        long nowhere = create("/api/meetings", """
                {"date": "2024-05-22", "country": "KR", "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}"""
                .formatted(untitled, titled)).get("id").asLong();
        create("/api/meetings", """
                {"date": "2024-06-22", "country": "CU", "city": "Havana", "title": "Talks",
                 "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}""".formatted(untitled, titled));
        assertNullsFirstThenLast("/api/meetings?country=KR", "city", nowhere);
        assertNullsFirstThenLast("/api/meetings?country=KR", "title", nowhere);

        postAsAdmin("/api/countries", """
                {"code": "QZ", "alpha3": "QZZ", "name": "Quartz"}""");
        JsonNode ascending = json(getJson("/api/countries?sort=numeric,asc&size=1"));
        assertThat(ascending.get("content").get(0).get("numeric").isNull()).as("the first country by numeric code").isTrue();
        int last = json(getJson("/api/countries?size=200")).get("page").get("totalPages").asInt() - 1;
        JsonNode descending = json(getJson("/api/countries?sort=numeric,desc&size=200&page=" + last)).get("content");
        assertThat(descending.get(descending.size() - 1).get("numeric").isNull()).as("the last one descending").isTrue();
        assertThat(json(getJson("/api/countries?sort=numeric,desc&size=1")).get("content").get(0).get("numeric")
                .isNull()).as("the first one descending").isFalse();
    }

    @Test
    @DisplayName("a pair's accreditations by their end: the one still in force first ascending, last descending")
    void accreditationsInForceComeFirstAscendingAndLastDescending() throws Exception {
        recordEvent("AG", "US", "ESTABLISHED", "1981-11-01");
        create("/api/relations/AG/US/accreditations", """
                {"sendingCountry": "US", "level": "AMBASSADOR", "from": "1982-01-01", "to": "1985-01-01"}""");
        long inForce = create("/api/relations/AG/US/accreditations", """
                {"sendingCountry": "AG", "level": "CONSUL", "from": "1983-06-01"}""").get("id").asLong();
        assertNullsFirstThenLast("/api/relations/US/AG/accreditations?page=0", "to", inForce);
    }

    /** The list sorted by {@code field}: the item {@code withoutIt} first ascending, last descending. */
    private void assertNullsFirstThenLast(String list, String field, long withoutIt) throws Exception {
        JsonNode ascending = json(getJson(list + "&size=200&sort=" + field + ",asc")).get("content");
        JsonNode descending = json(getJson(list + "&size=200&sort=" + field + ",desc")).get("content");
        assertThat(ascending.size()).as("%s: items", list).isGreaterThan(1);
        assertThat(ascending.get(0).get("id").asLong()).as("%s by %s ascending", list, field).isEqualTo(withoutIt);
        assertThat(descending.get(descending.size() - 1).get("id").asLong()).as("%s by %s descending", list, field)
                .isEqualTo(withoutIt);
    }
}
