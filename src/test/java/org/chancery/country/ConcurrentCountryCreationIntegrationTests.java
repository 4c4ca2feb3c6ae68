package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.Parallel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Countries recorded by requests sent together with one code: one is recorded, the others are refused as
 * {@code ALREADY_EXISTS} — none writes over the country another recorded since it checked the code was free.
 */
class ConcurrentCountryCreationIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private CountryRepository repository;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aNewCountryWhoseCodeWasRecordedSinceItWasCheckedIsRefusedByTheKeyNotWrittenOverTheRecordedOne() {
        // as a request finds it when another recorded the code between its check and its save
        Country late = new Country(new CountryCode("CU"), "QCU", null, "Not Cuba", Lifetime.UNBOUNDED, List.of());

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> repository.saveAndFlush(late))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select name || ' ' || alpha3 || ' ' || version from country where code = 'CU'",
                String.class)).isEqualTo("Cuba CUB 0");
    }

    @Test
    void ofCountriesSentTogetherWithOneCodeExactlyOneIsRecordedAsItsCreatorWroteIt() throws Exception {
        for (String code : List.of("QM", "QN", "QO", "QP", "QR", "QS")) {
            List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "{\"code\": \"%s\", \"alpha3\": \"%sZ\", \"name\": \"Name %d\"}".formatted(code, code, i);
                calls.add(() -> postAsAdmin("/api/countries", body).andReturn().getResponse());
            }

            List<MockHttpServletResponse> answers = Parallel.run(calls);

            List<MockHttpServletResponse> created = answers.stream().filter(a -> a.getStatus() == 201).toList();
            assertThat(created).as("created with %s", code).hasSize(1);
            assertThat(answers.stream().filter(a -> a.getStatus() != 201))
                    .allSatisfy(a -> assertThat(JSON.readTree(a.getContentAsString()).get("code").asString())
                            .as("%s: %s", code, a.getContentAsString()).isEqualTo("ALREADY_EXISTS"));
            JsonNode recorded = json(getJson("/api/countries/{code}", code));
            assertThat(recorded.get("name").asString()).isEqualTo(JSON.readTree(created.get(0).getContentAsString()).get("name").asString());
            assertThat(recorded.get("version").asLong()).isZero();
            assertThat(jdbc.queryForObject("select count(*) from change_log where kind = 'country' and fact_id = ?",
                    Long.class, code)).as("changes recorded for %s", code).isOne();
        }
    }
}
