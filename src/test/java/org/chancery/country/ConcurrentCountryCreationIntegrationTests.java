package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.chancery.shared.AlreadyExistsException;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.Parallel;
import org.chancery.support.RefusedWrites;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
@ExtendWith(OutputCaptureExtension.class)
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
    void aCodeRecordedSinceItWasCheckedIsNamedByTheConstraintTheInsertBroke() {
        Country sameCode = new Country(new CountryCode("CU"), "QCU", null, "Not Cuba", Lifetime.UNBOUNDED, List.of());
        Country sameAlpha3 = new Country(new CountryCode("QC"), "CUB", null, "Not Cuba", Lifetime.UNBOUNDED, List.of());

        assertThat(Countries.takenMeanwhile(insertFailure(sameCode), "CU", "QCU"))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.fields()).containsExactly("code"))
                .hasMessage("The code CU was recorded meanwhile.");
        assertThat(Countries.takenMeanwhile(insertFailure(sameAlpha3), "QC", "CUB"))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.fields()).containsExactly("alpha3"))
                .hasMessage("The alpha-3 code CUB was recorded meanwhile.");
    }

    @Test
    void aConstraintOtherThanTheCodesIsNoCodeTakenAndGoesOnAsItself() {
        DataIntegrityViolationException check = RefusedWrites.constraintBroken(ConstraintKind.CHECK,
                "ck_country_lifetime");
        DataIntegrityViolationException tooLong = RefusedWrites.valueTooLong();

        assertThat(Countries.takenMeanwhile(check, "QC", "QCC")).isSameAs(check);
        assertThat(Countries.takenMeanwhile(tooLong, "QC", "QCC")).isSameAs(tooLong);
    }

    private DataIntegrityViolationException insertFailure(Country country) {
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> repository.saveAndFlush(country));
        } catch (DataIntegrityViolationException e) {
            return e;
        }
        throw new AssertionError("the insert of " + country.code() + " was not refused");
    }

    @Test
    void ofCountriesSentTogetherWithOneCodeExactlyOneIsRecordedAsItsCreatorWroteIt(CapturedOutput output)
            throws Exception {
        for (String code : List.of("QM", "QN", "QO", "QP", "QR", "QS")) {
            List<Callable<MockHttpServletResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // alpha-3 codes of their own: the code is what they share, and what a refusal names
                String body = "{\"code\": \"%s\", \"alpha3\": \"%s%c\", \"name\": \"Name %s\"}"
                        .formatted(code, code, (char) ('A' + i), i);
                calls.add(() -> postAsAdmin("/api/countries", body).andReturn().getResponse());
            }

            List<MockHttpServletResponse> answers = Parallel.run(calls);

            List<MockHttpServletResponse> created = answers.stream().filter(a -> a.getStatus() == 201).toList();
            assertThat(created).as("created with %s", code).hasSize(1);
            assertThat(answers.stream().filter(a -> a.getStatus() != 201))
                    .allSatisfy(a -> {
                        JsonNode problem = JSON.readTree(a.getContentAsString());
                        assertThat(problem.get("code").asString()).as("%s: %s", code, problem).isEqualTo("ALREADY_EXISTS");
                        assertThat(problem.get("errors").findValuesAsString("field")).as("%s: %s", code, problem)
                                .containsExactly("code");
                    });
            JsonNode recorded = json(getJson("/api/countries/{code}", code));
            assertThat(recorded.get("name").asString()).isEqualTo(JSON.readTree(created.get(0).getContentAsString()).get("name").asString());
            assertThat(recorded.get("version").asLong()).isZero();
            assertThat(jdbc.queryForObject("select count(*) from change_log where kind = 'country' and fact_id = ?",
                    Long.class, code)).as("changes recorded for %s", code).isOne();
        }
        // a refusal the code answers is not a warning in the log: Hibernate's of the broken key are kept out of it
        assertThat(output.getOut()).doesNotContain("SQLState").doesNotContainIgnoringCase("duplicate");
    }
}
