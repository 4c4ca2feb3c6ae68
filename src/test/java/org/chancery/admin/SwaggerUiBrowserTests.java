package org.chancery.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The OpenAPI page (Swagger UI, served with the application) works under its own Content-Security-Policy: it draws
 * every operation and sends a read with "Try it out", and the browser reports no violation of the policy.
 */
class SwaggerUiBrowserTests extends BrowserTest {

    @Test
    void theOpenApiPageDrawsTheOperationsAndTriesOneOutUnderItsPolicy() throws IOException {
        driver.get(base() + "/swagger-ui/index.html");
        waitFor(d -> $$(".opblock").size() > 20);
        WebElement lookup = $$(".opblock.opblock-get").stream()
                .filter(operation -> operation.getText().contains("/api/countries/{code}")).findFirst().orElseThrow();
        scrollTo(lookup);
        lookup.findElement(By.cssSelector(".opblock-summary-control")).click();
        visible(By.cssSelector(".opblock.is-open .try-out__btn")).click();
        WebElement code = visible(By.cssSelector(".opblock.is-open input[placeholder='code']"));
        code.clear();
        code.sendKeys("CU");
        $(".opblock.is-open .execute").click();

        WebElement body = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".opblock.is-open .live-responses-table tbody .response-col_description pre")));
        assertThat(visible(By.cssSelector(".opblock.is-open .live-responses-table tbody .response-col_status"))
                .getText()).isEqualTo("200");
        assertThat(body.getText()).contains("\"name\": \"Cuba\"");
        screenshot("swagger-ui-try-it-out");
        assertNoConsoleErrors();
    }
}
