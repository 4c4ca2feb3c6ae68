package org.chancery.milestone.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.Countries;
import org.chancery.milestone.MilestoneService;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.milestone.MilestoneView;
import org.chancery.milestone.Milestones;
import org.chancery.relation.RelationService;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The HTTP contract of a milestone, the services mocked: the answer's fields as API.md names them, who may achieve
 * one, a body refused before the service is asked, and R19's refusal.
 */
@WebMvcTest(MilestoneController.class)
@WebSlice
class MilestoneControllerWebMvcTests {

    private static final MilestoneView OVERDUE = new MilestoneView(4, List.of("CU", "KR"),
            "Cuban embassy in Seoul opens", "2024-07", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 31), 5L,
            MilestoneStatus.OVERDUE, null, null,
            List.of(new Source("https://www.cibercuba.com/", "CiberCuba", null, null)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    MilestoneService service;

    @MockitoBean
    Milestones milestones;

    @MockitoBean
    RelationService relations;

    @MockitoBean
    Countries countries;

    @Test
    void answersAMilestoneWithItsDerivedStatusAndEveryFieldOfTheContract() throws Exception {
        given(milestones.get(4)).willReturn(OVERDUE);

        mvc.perform(get("/api/milestones/4")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(4))
                .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                .andExpect(jsonPath("$.title").value("Cuban embassy in Seoul opens"))
                .andExpect(jsonPath("$.target").value("2024-07"))
                .andExpect(jsonPath("$.targetStart").value("2024-07-01"))
                .andExpect(jsonPath("$.targetEnd").value("2024-07-31"))
                .andExpect(jsonPath("$.missionId").value(5))
                .andExpect(jsonPath("$.status").value("OVERDUE"))
                .andExpect(jsonPath("$.achievedOn").value(nullValue()))
                .andExpect(jsonPath("$.onTime").value(nullValue()))
                .andExpect(jsonPath("$.sources[0].url").value("https://www.cibercuba.com/"))
                .andExpect(jsonPath("$.sources[0].publisher").value("CiberCuba"));
    }

    @Test
    void refusesAnAchievementWithoutTheEditorRoleOrWithoutADateAndAsksTheServiceNothing() throws Exception {
        mvc.perform(achieve("{\"date\": \"2024-08-01\"}")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(achieve("{\"date\": \"2024-08-01\"}").with(httpBasic("reader", "reader-secret")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(achieve("{}").with(httpBasic("editor", "editor-secret"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("date"));

        verifyNoInteractions(service);
    }

    @Test
    void answersAnAchievementByHandOfAMilestoneWithAMissionAsR19() throws Exception {
        given(service.achieve(4, LocalDate.of(2024, 8, 1))).willThrow(new RuleViolationException(
                Rule.R19_MILESTONE_STATUS_INVALID, "Milestone 4 has a mission: only its opening achieves it."));

        mvc.perform(achieve("{\"date\": \"2024-08-01\"}").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("R19"))
                .andExpect(jsonPath("$.code").value("MILESTONE_STATUS_INVALID"))
                .andExpect(jsonPath("$.detail").value("Milestone 4 has a mission: only its opening achieves it."));
    }

    private static MockHttpServletRequestBuilder achieve(String body) {
        return post("/api/milestones/4/achieve").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
