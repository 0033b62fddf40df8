package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Swagger UI, used as a person would: Debian's headless chromium (driven through its
 * chromedriver) opens it, finds every operation of the three services, authorizes with an adherent's
 * token, tries {@code GET /api/v1/organisations} and reads the answer: its own organisation, and not the
 * other one. The services run with {@code centrale.identity.required=true}, as in the deployment, so the
 * answer also proves that the identity went from the token, through the gateway, to the service.
 * <p>
 * Needs {@code chromium} and {@code chromium-driver} (Debian packages; {@code .ci/run} installs them), or
 * {@code CENTRALE_CHROMIUM} / {@code CENTRALE_CHROMEDRIVER} naming them. A screenshot of each step is kept
 * in {@code target/system-tests/SwaggerUiIT/}.
 */
class SwaggerUiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(SwaggerUiIT.class);

    private static GatewaySuite suite;
    private static String departement;
    private static String agglomeration;
    private static WebDriver browser;

    @BeforeAll
    static void startTheSuiteBehindItsGateway() throws InterruptedException {
        suite = GatewaySuite.start(services);
        JsonApi admin = suite.as("admin", null);
        departement = admin.create("/api/v1/organisations", """
                {"name": "Département du Pas-de-Calais", "siret": "22620001200012", "category": "DEPARTEMENT",
                 "address": {"street": "rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"}}
                """).path("id").asText();
        agglomeration = admin.create("/api/v1/organisations", """
                {"name": "Communauté d'Agglomération de Béthune-Bruay", "siret": "20007246000013",
                 "category": "COMMUNAUTE_AGGLOMERATION", "population": 277000,
                 "address": {"street": "100 avenue de Londres", "postalCode": "62411", "city": "Béthune cedex"}}
                """).path("id").asText();
        browser = openBrowser();
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (suite != null) {
            suite.close();
        } else {
            services.stopAll();
        }
    }

    @Test
    void anAdherentAuthorizesInSwaggerUiTriesAnOperationAndSeesOnlyItsOwnOrganisation() throws IOException {
        browser.get(suite.gateway().url("/q/swagger-ui/").toString());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        screenshot("1-opened");

        // Every operation of the merged document is on the page.
        assertThat(browser.findElement(By.cssSelector(".info .title")).getText()).contains("Centrale API (gateway)");
        List<WebElement> operations = browser.findElements(By.cssSelector(".opblock"));
        assertThat(operations).hasSize(operationCount(new JsonApi(suite.gateway(), services.http()).get("/q/openapi?format=json")));

        // Authorize with the adherent's token (the bearer scheme of the gateway).
        String token = suite.token("adherent", departement);
        browser.findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        modal.findElement(By.cssSelector("input")).sendKeys(token);
        modal.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-ux"), "Authorized"));
        screenshot("2-authorized");
        browser.findElement(By.cssSelector(".modal-ux button.btn-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));

        // GET /api/v1/organisations: expand, try it out, execute.
        WebElement operation = browser.findElement(By.xpath(
                "//div[contains(@class,'opblock-get')][.//*[@data-path='/api/v1/organisations']]"));
        scrollTo(operation);
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        WebElement tryOut = wait.until(ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector("button.try-out__btn"))));
        scrollTo(tryOut);
        tryOut.click();
        // Try it out fills the parameters' examples in (a name, a SIRET...): list without filters.
        for (WebElement input : operation.findElements(By.cssSelector(".parameters input[type='text']"))) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE); // as typed: React sees the change
        }
        WebElement execute = wait.until(ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector("button.execute"))));
        execute.click();
        WebElement responses = wait.until(d -> {
            List<WebElement> found = operation.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
            return found.isEmpty() ? null : operation.findElement(By.cssSelector(".live-responses-table"));
        });
        scrollTo(responses);
        screenshot("3-executed");

        String status = operation.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")).getText().trim();
        String answer = responses.getText();
        String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
        assertThat(status).isEqualTo("200");
        assertThat(curl).contains("Authorization: Bearer " + token.substring(0, 20));
        assertThat(answer).contains(departement).contains("Département du Pas-de-Calais")
                .doesNotContain(agglomeration).doesNotContain("Béthune");
    }

    private static int operationCount(JsonNode openApi) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
        int count = 0;
        for (Iterator<JsonNode> paths = openApi.path("paths").elements(); paths.hasNext(); ) {
            for (Iterator<String> names = paths.next().fieldNames(); names.hasNext(); ) {
                if (methods.contains(names.next())) {
                    count++;
                }
            }
        }
        assertThat(count).as("operations in the merged document").isGreaterThan(30);
        return count;
    }

    private static WebDriver openBrowser() {
        String chromium = executable("CENTRALE_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = executable("CENTRALE_CHROMEDRIVER", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--lang=fr-FR",
                "--user-data-dir=" + services.logDir().resolve("chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .withLogFile(services.logDir().resolve("chromedriver.log").toFile())
                .build();
        return new ChromeDriver(driver, options);
    }

    private static String executable(String variable, String debianPath) {
        String path = System.getenv().getOrDefault(variable, debianPath);
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver, as .ci/run does), or name them in " + variable);
        }
        return path;
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static void screenshot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), services.logDir().resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
