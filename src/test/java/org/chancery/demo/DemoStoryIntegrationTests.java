package org.chancery.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.DatabaseCleaner;
import org.chancery.support.Parallel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.ActiveProfiles;

@ActiveProfiles("demo")
class DemoStoryIntegrationTests extends ApiIntegrationTest {

    @Autowired
    DemoStory story;

    @Autowired
    DataSource dataSource;

    @Test
    void tellsTheStoryOnFirstStartAndOnlyOnce() throws Exception {
        story.run(new DefaultApplicationArguments());
        story.run(new DefaultApplicationArguments());

        getJson("/api/relations/CU/KR")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.since").value("2024-02-14"))
                .andExpect(jsonPath("$.events.length()").value(3))
                .andExpect(jsonPath("$.meetingCount").value(1))
                .andExpect(jsonPath("$.firstMeetingSinceEstablishment.date").value("2024-05-22"));
        getJson("/api/milestones?status=OVERDUE")
                .andExpect(jsonPath("$.content[*].title").value(hasItem("Cuban embassy in Seoul opens")));
        getJson("/api/relations/CU/KP").andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.missions.length()").value(2));
        getJson("/api/diplomats?size=50").andExpect(jsonPath("$.page.totalElements").value(5));
        var timeline = json(getJson("/api/relations/CU/KR/timeline"));
        assertThat(timeline.get("content").get(0).get("type").asString()).isEqualTo("ESTABLISHED");
        assertThat(timeline.get("content").findValuesAsString("type")).contains("RESTORED", "MEETING",
                "FIRST_MEETING_SINCE_ESTABLISHMENT", "HEAD_OF_MISSION_STARTED", "MISSION_OPENED", "MILESTONE_DUE");
    }

    @Test
    void twoStartsTogetherOnOneDatabaseTellTheStoryOnceAndBothStart() throws Exception {
        for (int round = 0; round < 3; round++) {
            new DatabaseCleaner(dataSource).clean();
            Parallel.run(List.<Callable<Void>>of(() -> {
                story.run(new DefaultApplicationArguments());
                return null;
            }, () -> {
                story.run(new DefaultApplicationArguments());
                return null;
            }));

            getJson("/api/relations/CU/KR").andExpect(jsonPath("$.events.length()").value(3));
            getJson("/api/diplomats?size=50").andExpect(jsonPath("$.page.totalElements").value(5));
            getJson("/api/meetings").andExpect(jsonPath("$.page.totalElements").value(2));
        }
    }
}
