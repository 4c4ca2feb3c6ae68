package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/** How answers are written ({@link JsonWriting}). */
class JsonWritingIntegrationTests extends ApiIntegrationTest {

    record Part(String name, Long id) {
    }

    record Answer(long id, LocalDate date, String title, String nothing, boolean done, Integer count, List<Part> parts,
            Part main) {
    }

    @Autowired
    private JsonMapper applicationMapper;

    @Test
    void theApplicationsJsonIsWrittenThroughGeneratedAccessors() {
        assertThat(applicationMapper.registeredModules()).anyMatch(BlackbirdModule.class::isInstance);
    }

    @Test
    void generatedAccessorsWriteWhatJacksonsOwnWrite() {
        Answer answer = new Answer(42, LocalDate.of(1959, 1, 2), "Côte d'Ivoire \"quoted\"", null, true, null,
                List.of(new Part("a", 1L), new Part(null, null)), new Part("main", Long.MAX_VALUE));
        JsonMapper plain = JsonMapper.builder().build();

        for (int i = 0; i < 3; i++) {
            assertThat(applicationMapper.writeValueAsString(answer)).isEqualTo(plain.writeValueAsString(answer));
        }
        assertThat(applicationMapper.writeValueAsString(answer)).contains("\"date\":\"1959-01-02\"", "\"nothing\":null");
    }
}
