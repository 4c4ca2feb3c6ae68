package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A fact recorded by mistake deleted from the page that shows it — a head of mission or a mission on the mission's
 * page, an accreditation or a milestone on the relation's page: "Delete…" asks first (the focus on "Keep it"), then
 * the row is gone and what was deleted is said; a deletion the API refuses (R21) says why beside it and changes
 * nothing. Each test has a pair of its own among San Marino, the Marshall Islands, São Tomé, Timor-Leste, Palau and
 * Kiribati, which no other test records missions or heads of.
 */
class RecordDeletionBrowserTests extends BrowserTest {

    @Test
    void anEditorDeletesAHeadOfMissionRecordedByMistakeFromTheMissionPageAndItIsGone() {
        long mission = openedEmbassy("SM", "MH", "Majuro");
        long head = appointed(mission, "SM", "Lorenzo Sbagliato");
        openMissionAsEditor(mission);
        String row = "#heads-table tr[data-head='" + head + "'] ";

        visible(By.cssSelector(row + "[data-action=delete]")).click();
        assertThat(focused().getText()).as("the choice that changes nothing has the focus").isEqualTo("Keep it");
        assertThat(focused().findElement(By.xpath("..")).getDomAttribute("aria-label"))
                .startsWith("Delete the head of mission Lorenzo Sbagliato");
        yesDeleteIn(row);

        WebElement done = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("head-action-done")));
        assertThat(done.getText()).startsWith("The head of mission Lorenzo Sbagliato").endsWith(" deleted.");
        assertThat(focused().getDomAttribute("id")).isEqualTo("head-action-done");
        assertThat($$(row)).isEmpty();
        assertThat(getJson("/api/missions/" + mission).get("heads")).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void aHeadsDeletionAfterAnotherClientChangedTheMissionIsRefusedAndThePageShowsTheMissionAsItStands() {
        long mission = openedEmbassy("PW", "KI", "Tarawa");
        long head = appointed(mission, "PW", "Dirrecheldeng Error");
        openMissionAsEditor(mission);
        String row = "#heads-table tr[data-head='" + head + "'] ";
        visible(By.cssSelector(row + "[data-action=delete]")).click();
        // meanwhile another client ends the head's functions: the mission's version moves
        postAsEditor("/api/missions/" + mission + "/heads/" + head + "/end", "{\"date\": \"2006-07-01\"}");

        yesDeleteIn(row);

        WebElement problem = visible(By.id("head-action-problem"));
        assertThat(problem.getText()).contains("The mission changed meanwhile: the page shows it as it stands now.");
        assertThat(focused().getDomAttribute("id")).isEqualTo("head-action-problem");
        assertThat($(row + "td:nth-of-type(4)").getText()).as("the head's end, as it stands now")
                .isEqualTo("2006-07-01");
        assertThat(getJson("/api/missions/" + mission).get("heads")).hasSize(1);
        assertNoConsoleErrors(412);
    }

    @Test
    void deletingAMissionWithAHeadIsRefusedWithTheProblemShownAndTheMissionStays() {
        long mission = openedEmbassy("ST", "TL", "Dili");
        appointed(mission, "ST", "Amélia Engano");
        openMissionAsEditor(mission);

        visible(By.cssSelector("#mission-delete [data-action=delete]")).click();
        assertThat(focused().getText()).isEqualTo("Keep it");
        assertThat(focused().findElement(By.xpath("..")).getDomAttribute("aria-label"))
                .isEqualTo("Delete this mission?");
        yesDeleteIn("#mission-delete ");

        WebElement problem = visible(By.id("mission-delete-problem"));
        assertThat(problem.getText()).contains("R21 RESOURCE_IN_USE — ", "head of mission");
        assertThat(focused().getDomAttribute("id")).isEqualTo("mission-delete-problem");
        assertThat($("#mission-status").getText()).isEqualTo("Open");
        assertThat(driver.getCurrentUrl()).endsWith("#/missions/" + mission);
        assertThat(api("GET", "/api/missions/" + mission, null, null, null).statusCode()).isEqualTo(200);
        assertNoConsoleErrors(409);
    }

    @Test
    void aMissionWithoutHeadsDeletedFromItsPageIsGoneFromTheRelationPage() {
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "ST", "receivingCountry": "SM", "type": "EMBASSY", "city": "San Marino"}""")
                .get("id").asLong();
        open("/relations/SM/ST");
        visible(By.cssSelector("tr[data-mission='" + mission + "']"));
        open("/missions/" + mission);
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Planned"));
        signIn("editor", "editor-secret");

        visible(By.cssSelector("#mission-delete [data-action=delete]")).click();
        yesDeleteIn("#mission-delete ");

        WebElement notice = visible(By.id("route-notice"));
        assertThat(notice.getText()).endsWith("(mission " + mission + ") was deleted.");
        assertThat(driver.getCurrentUrl()).contains("#/relations/ST/SM");
        visible(By.id("relation-status"));
        assertThat($$("tr[data-mission='" + mission + "']")).isEmpty();
        assertThat(api("GET", "/api/missions/" + mission, null, null, null).statusCode()).isEqualTo(404);
        assertNoConsoleErrors();
    }

    @Test
    void anAccreditationDeletedFromTheRelationPageIsGone() {
        postAsEditor("/api/relations/TL/MH/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2003-01-01\"}");
        long accreditation = postAsEditor("/api/relations/TL/MH/accreditations",
                "{\"sendingCountry\": \"TL\", \"level\": \"AMBASSADOR\", \"from\": \"2006-01-01\"}").get("id").asLong();
        open("/relations/TL/MH");
        visible(By.id("accreditations-table"));
        signIn("editor", "editor-secret");
        String row = "#accreditation-" + accreditation + " ";

        visible(By.cssSelector(row + "[data-action=delete]")).click();
        assertThat(focused().getText()).isEqualTo("Keep it");
        assertThat(focused().findElement(By.xpath("..")).getDomAttribute("aria-label"))
                .startsWith("Delete the accreditation: ");
        yesDeleteIn(row);

        WebElement done = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("row-action-done")));
        assertThat(done.getText()).startsWith("The accreditation (").endsWith(") deleted.");
        assertThat(focused().getDomAttribute("id")).isEqualTo("row-action-done");
        assertThat($$(row.strip())).isEmpty();
        assertThat(api("GET", "/api/relations/TL/MH/accreditations/" + accreditation, null, null, null).statusCode())
                .isEqualTo(404);
        assertNoConsoleErrors();
    }

    @Test
    void aMilestoneDeletedFromTheRelationPageIsGone() {
        long milestone = postAsEditor("/api/relations/MH/ST/milestones",
                "{\"title\": \"Visit planned by mistake\", \"target\": \"2040\"}").get("id").asLong();
        open("/relations/MH/ST");
        visible(By.id("milestones-table"));
        signIn("editor", "editor-secret");
        String row = "#milestones-table tr[data-milestone='" + milestone + "'] ";

        visible(By.cssSelector(row + "[data-action=delete]")).click();
        assertThat(focused().getText()).isEqualTo("Keep it");
        assertThat(focused().findElement(By.xpath("..")).getDomAttribute("aria-label"))
                .isEqualTo("Delete “Visit planned by mistake”?");
        yesDeleteIn(row);

        waitFor(ExpectedConditions.textToBe(By.id("row-action-done"), "“Visit planned by mistake” deleted."));
        assertThat(focused().getDomAttribute("id")).isEqualTo("row-action-done");
        assertThat($$(row.strip())).isEmpty();
        assertThat(api("GET", "/api/milestones/" + milestone, null, null, null).statusCode()).isEqualTo(404);
        assertNoConsoleErrors();
    }

    /** Answers the question asked in `scope` (a CSS selector with its trailing space) with "Yes, delete". */
    @Test
    void aMilestoneDeletedFromTheMilestoneListIsGone() {
        // the Federated States of Micronesia, of whose milestones no other test records any: the list has one row
        long milestone = postAsEditor("/api/relations/FM/TV/milestones",
                "{\"title\": \"Talks listed by mistake\", \"target\": \"2041\"}").get("id").asLong();
        open("/milestones?country=FM");
        String row = "#list-table tr[data-milestone='" + milestone + "'] ";
        visible(By.cssSelector(row.strip()));
        signIn("editor", "editor-secret");

        visible(By.cssSelector(row + "[data-action=delete]")).click();
        assertThat(focused().getText()).isEqualTo("Keep it");
        yesDeleteIn(row);

        waitFor(ExpectedConditions.textToBe(By.id("milestone-action-done"), "“Talks listed by mistake” deleted."));
        assertThat(focused().getDomAttribute("id")).isEqualTo("milestone-action-done");
        assertThat($$(row.strip())).isEmpty();
        assertThat(api("GET", "/api/milestones/" + milestone, null, null, null).statusCode()).isEqualTo(404);
        assertNoConsoleErrors();
    }

    @Test
    void aMissionChangedSinceItsPageShowedItIsNotDeletedAndThePageShowsItAnew() {
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "TL", "receivingCountry": "SM", "type": "CONSULATE", "city": "San Marino"}""")
                .get("id").asLong();
        openMissionAsEditor(mission);
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Planned"));
        visible(By.cssSelector("#mission-delete [data-action=delete]")).click();
        // another client cancels it meanwhile: the deletion was asked of the planned mission the page showed
        postAsEditor("/api/missions/" + mission + "/cancel", null);

        yesDeleteIn("#mission-delete ");

        WebElement problem = visible(By.id("mission-delete-problem"));
        assertThat(problem.getText()).contains("Someone else changed this since you opened it",
                "The mission changed meanwhile");
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Cancelled"));
        assertThat(api("GET", "/api/missions/" + mission, null, null, null).statusCode()).isEqualTo(200);
        assertNoConsoleErrors(412);
    }

    private void yesDeleteIn(String scope) {
        WebElement question = visible(By.cssSelector(scope + "[role=group]"));
        question.findElement(By.xpath(".//button[normalize-space()='Yes, delete']")).click();
    }

    /** The page of a mission, once it shows it, signed in as an editor. */
    private void openMissionAsEditor(long mission) {
        open("/missions/" + mission);
        visible(By.id("mission-status"));
        signIn("editor", "editor-secret");
    }

    /** An embassy opened in 2004 between countries whose relations were established in 2003. */
    private long openedEmbassy(String sending, String receiving, String city) {
        postAsEditor("/api/relations/" + sending + "/" + receiving + "/events",
                "{\"type\": \"ESTABLISHED\", \"date\": \"2003-01-01\"}");
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "%s", "receivingCountry": "%s", "type": "EMBASSY", "city": "%s"}"""
                .formatted(sending, receiving, city)).get("id").asLong();
        postAsEditor("/api/missions/" + mission + "/open", "{\"date\": \"2004-01-01\"}");
        return mission;
    }

    /** A diplomat of `country` appointed chargé d'affaires of the mission in 2005 (no agrément needed): the head. */
    private long appointed(long mission, String country, String name) {
        long diplomat = postAsEditor("/api/diplomats", "{\"name\": \"" + name + "\", \"country\": \"" + country + "\"}")
                .get("id").asLong();
        return postAsEditor("/api/missions/" + mission + "/heads", "{\"diplomatId\": " + diplomat
                + ", \"rank\": \"CHARGE_D_AFFAIRES\", \"startedOn\": \"2005-03-01\"}").get("id").asLong();
    }
}
