package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A write refused because another client changed its fact after the page was drawn: the page shows the fact as it
 * stands now and says why, rather than keeping the state it was drawn with beside the refusal.
 */
class ChangedMeanwhileBrowserTests extends BrowserTest {

    @Test
    void aMissionOpenedFromItsPageAfterAnotherClientCancelledItShowsTheCancellationAndTheRefusal() {
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "MT", "receivingCountry": "CY", "type": "EMBASSY", "city": "Nicosia"}""")
                .get("id").asLong();
        open("/missions/" + mission);
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Planned"));
        signIn("editor", "editor-secret");
        WebElement form = visible(By.id("open-form"));
        setValue(form.findElement(By.name("date")), "2001-03-01");

        // meanwhile another editor cancels the plan
        postAsEditor("/api/missions/" + mission + "/cancel", null);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement changed = visible(By.id("mission-changed"));
        assertThat(changed.getText()).contains("R12 MISSION_STATUS_INVALID", "The mission changed meanwhile");
        assertThat($("#mission-status").getText()).isEqualTo("Cancelled");
        assertThat($$("#open-form")).as("the form of a plan that is no more").isEmpty();
        assertThat(focused().getDomAttribute("id")).isEqualTo("mission-changed");
        assertNoConsoleErrors(409);
    }

    @Test
    void endingAHeadThatAnotherClientEndedMeanwhileLeavesTheNewHeadToBeChosenNotChosenForTheUser() {
        postAsEditor("/api/relations/MT/CY/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1964-09-21\"}");
        long mission = postAsEditor("/api/missions", """
                {"sendingCountry": "CY", "receivingCountry": "MT", "type": "EMBASSY", "city": "Valletta"}""")
                .get("id").asLong();
        postAsEditor("/api/missions/" + mission + "/open", "{\"date\": \"1990-01-01\"}");
        long first = postAsEditor("/api/diplomats", "{\"name\": \"Andreas First\", \"country\": \"CY\"}").get("id").asLong();
        long second = postAsEditor("/api/diplomats", "{\"name\": \"Eleni Second\", \"country\": \"CY\"}").get("id").asLong();
        long head = postAsEditor("/api/missions/" + mission + "/heads", "{\"diplomatId\": " + first
                + ", \"rank\": \"CHARGE_D_AFFAIRES\", \"startedOn\": \"1990-01-02\"}").get("id").asLong();
        open("/missions/" + mission);
        waitFor(ExpectedConditions.textToBe(By.id("mission-status"), "Open"));
        signIn("editor", "editor-secret");
        visible(By.cssSelector("#end-head summary")).click();
        WebElement form = $("#end-head-form");
        setValue(form.findElement(By.name("date")), "2001-07-01");

        // meanwhile another editor ends that head and appoints the next
        postAsEditor("/api/missions/" + mission + "/heads/" + head + "/end", "{\"date\": \"2000-06-01\"}");
        postAsEditor("/api/missions/" + mission + "/heads", "{\"diplomatId\": " + second
                + ", \"rank\": \"CHARGE_D_AFFAIRES\", \"startedOn\": \"2000-06-02\"}");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        visible(By.id("mission-changed"));
        WebElement headField = $("#end-head-form select[name=headId]");
        assertThat(new Select(headField).getFirstSelectedOption().getText()).isEqualTo("Choose…");
        assertThat($("#end-head-form").getText()).contains("Eleni Second");
        assertThat(headField.getAttribute("aria-invalid")).as("the refusal concerns the head").isEqualTo("true");
        assertNoConsoleErrors(409);
    }

    @Test
    void aMilestoneCancelledFromTheListAfterAnotherClientAchievedItShowsItAchievedAndTheRefusalAboveTheList() {
        postAsEditor("/api/relations/LU/IS/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}");
        long id = postAsEditor("/api/relations/LU/IS/milestones", "{\"title\": \"Fisheries talks\", \"target\": \"2031\"}")
                .get("id").asLong();
        open("/milestones?country=LU");
        signIn("editor", "editor-secret");
        String row = "tr[data-milestone='" + id + "'] ";
        visible(By.cssSelector(row + "[data-action=cancel]")).click();

        // meanwhile another editor records it achieved
        postAsEditor("/api/milestones/" + id + "/achieve", "{\"date\": \"2020-05-04\"}");
        visible(By.xpath("//button[text()='Yes, cancel it']")).click();

        WebElement problem = visible(By.id("milestone-action-problem"));
        assertThat(problem.getText()).contains("MILESTONE_STATUS_INVALID", "The milestone changed meanwhile");
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector(row), "data-status", "ACHIEVED"));
        assertThat($$(row + ".problem")).as("the refusal is not left in a row that no longer offers the action").isEmpty();
        assertThat(focused().getDomAttribute("id")).isEqualTo("milestone-action-problem");
        assertNoConsoleErrors(409);
    }

    @Test
    void aMilestoneAchievedFromTheRelationPageAfterAnotherClientCancelledItShowsItCancelledAndTheRefusal() {
        postAsEditor("/api/relations/SM/VA/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1986-01-01\"}");
        long id = postAsEditor("/api/relations/SM/VA/milestones", "{\"title\": \"State visit\", \"target\": \"2032\"}")
                .get("id").asLong();
        open("/relations/SM/VA");
        signIn("editor", "editor-secret");
        String row = "#milestones-table tr[data-milestone='" + id + "'] ";
        visible(By.cssSelector(row + "[data-action=achieve]")).click();
        setValue(visible(By.cssSelector(row + "input[type=date]")), "2021-06-01");

        // meanwhile another editor cancels it
        postAsEditor("/api/milestones/" + id + "/cancel", null);
        $(row + "button[type=submit]").click();

        WebElement problem = visible(By.id("row-action-problem"));
        assertThat(problem.getText()).contains("MILESTONE_STATUS_INVALID", "It changed meanwhile");
        waitFor(ExpectedConditions.attributeToBe(By.cssSelector(row + ".badge"), "data-status", "CANCELLED"));
        assertThat($$(row + "input[type=date]")).as("no achieving form left for a cancelled milestone").isEmpty();
        assertNoConsoleErrors(409);
    }
}
