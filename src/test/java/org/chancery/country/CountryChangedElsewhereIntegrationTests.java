package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.chancery.shared.VersionPrecondition;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A country changed by another instance on the same database (here: by SQL, as that instance's
 * write would leave it): this instance's copy of the country does not keep answering the old version.
 */
class CountryChangedElsewhereIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Countries countries;

    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void restoreCuba() {
        jdbc.update("update country set name = 'Cuba', version = 0 where code = 'CU'");
        countries.forgetCached();
    }

    private ResultActions cuba() throws Exception {
        return getJson("/api/countries/CU").andExpect(status().isOk());
    }

    private void renamedByAnotherInstance() {
        assertThat(jdbc.update("update country set name = 'Republic of Cuba', version = version + 1 where code = 'CU'"))
                .isOne();
    }

    @Test
    void aChangeRefusedAsStaleRenewsTheCopySoThatReadingAgainAnswersTheCurrentVersion() throws Exception {
        cuba().andExpect(header().string("ETag", "\"0\""));
        renamedByAnotherInstance();

        mvc.perform(put("/api/countries/CU").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Cuba!\"}")
                .header("If-Match", "\"0\"").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.code").value("VERSION_MISMATCH"));

        cuba().andExpect(header().string("ETag", "\"1\"")).andExpect(jsonPath("$.name").value("Republic of Cuba"));
    }

    @Test
    void aCountryBeingChangedIsReadAsItWasByOtherRequestsUntilTheChangeCommits() throws Exception {
        Lifetime lifetime = countries.get("CU").lifetime();
        countries.forgetCached();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // named by its alpha-3 code, which is looked up first
            countries.update("cub", "Republic of Cuba", lifetime, null, VersionPrecondition.ANY);
            String seenMeanwhile = CompletableFuture.supplyAsync(() -> countries.get("CU").name()).join();
            assertThat(seenMeanwhile).as("read by another request before the commit").isEqualTo("Cuba");
            status.setRollbackOnly();
        });

        assertThat(countries.get("CU").name()).isEqualTo("Cuba");
        cuba().andExpect(header().string("ETag", "\"0\"")).andExpect(jsonPath("$.name").value("Cuba"));
    }

    @Test
    void aCopyReadBeforeThisInstancesChangeAndKeptAfterItDoesNotBringTheOldVersionBack() throws Exception {
        Lifetime lifetime = countries.get("CU").lifetime();
        countries.forgetCached();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // a write that looks the country up (a meeting naming a Cuban diplomat), kept once it commits ...
            assertThat(countries.find("CU")).get().extracting(Country::version).isEqualTo(0L);
            // ... while a change of this instance commits first
            CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(change ->
                    countries.update("CU", "Republic of Cuba", lifetime, null, VersionPrecondition.ANY))).join();
        });

        cuba().andExpect(header().string("ETag", "\"1\"")).andExpect(jsonPath("$.name").value("Republic of Cuba"));
        mvc.perform(put("/api/countries/CU").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Cuba\"}")
                .header("If-Match", "\"1\"").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk());
    }

    @Test
    void aCountryChangedElsewhereIsReadAsChangedOnceTheCopysSecondHasPassed() throws Exception {
        cuba();
        renamedByAnotherInstance();
        cuba().andExpect(header().string("ETag", "\"0\""));

        clock.advance(Duration.ofMillis(1_000));
        cuba().andExpect(header().string("ETag", "\"1\"")).andExpect(jsonPath("$.name").value("Republic of Cuba"));
    }

    @Test
    void aCountryReadByTheWriteThatCreatedItIsNotKeptForOtherRequestsWhenThatWriteRollsBack() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("insert into country (code, alpha3, name, name_key, version) values ('XQ', 'XQQ', 'Ruritania', "
                    + "'ruritania', 0)");
            assertThat(countries.find("XQ")).as("read by the write that created it").isPresent();
            status.setRollbackOnly();
        });

        assertThat(countries.find("XQ")).as("after the rollback").isEmpty();
        getJson("/api/countries/XQQ").andExpect(status().isNotFound());
    }
}
