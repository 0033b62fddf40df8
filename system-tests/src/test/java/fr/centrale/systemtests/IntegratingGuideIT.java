package fr.centrale.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code curl} examples of {@code docs/integrating.md} run as written: every {@code ```bash} block of
 * the page, in order, in one {@code bash -euo pipefail}, against the suite behind its gateway, with the
 * variables the page tells the reader to export ({@code GW}, {@code ADMIN}, {@code FINANCE},
 * {@code READER}, {@code ADHERENT}). Needs {@code bash}, {@code curl} and {@code jq}. The script and its
 * output are kept in {@code target/system-tests/IntegratingGuideIT/}.
 */
class IntegratingGuideIT {

    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(IntegratingGuideIT.class);

    private static GatewaySuite suite;
    private static String departement;

    @BeforeAll
    static void startTheSuite() throws InterruptedException {
        suite = GatewaySuite.start(services);
        // The run command's sample data holds the adherent's Département.
        departement = suite.as("admin", null).create("/api/v1/organisations", """
                {"name": "Département du Pas-de-Calais", "siret": "22620001200012", "category": "DEPARTEMENT",
                 "address": {"street": "rue Ferdinand Buisson", "postalCode": "62018", "city": "Arras cedex"}}
                """).path("id").asText();
    }

    @AfterAll
    static void stopEverything() {
        if (suite != null) {
            suite.close();
        } else {
            services.stopAll();
        }
    }

    @Test
    void everyCurlOfTheGuideRunsAsWrittenAndAnswersWhatTheGuideSays() throws IOException, InterruptedException {
        String guide = Files.readString(Centrale.root().resolve("docs/integrating.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(guide);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).as("bash blocks of docs/integrating.md").hasSizeGreaterThan(10);

        Path dir = services.logDir();
        Path script = dir.resolve("integrating.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks), StandardCharsets.UTF_8);
        Path output = dir.resolve("integrating.out");
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = bash.environment();
        env.put("GW", suite.gateway().baseUrl());
        env.put("ADMIN", suite.token("admin", null));
        env.put("FINANCE", suite.token("finance", null));
        env.put("READER", suite.token("reader", null));
        env.put("ADHERENT", suite.token("adherent", departement));
        Process run = bash.start();
        boolean ended = run.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the guide's commands ended within 3 minutes:%n%s", out).isTrue();
        assertThat(run.exitValue()).as("bash %s:%n%s", script, out).isZero();

        // What the guide says each block shows, in its order.
        assertThat(out).containsSubsequence(
                "CAIH", "FIBRE5962", "RESAH",       // the purchasing bodies, with a reader's token
                "401",                               // no token
                "403",                               // a reader's write
                "Idempotent-Replayed: true",         // the same key and body again
                "IDEMPOTENCY_KEY_REUSED",            // the same key, another body
                "\"population\": 32100",             // PATCH with the version read
                "STALE_VERSION",                     // the same version again
                "SIRET_INVALID",                     // 422
                "INVALID_REQUEST",                   // 400
                "\"status\": \"COMPLETED\"",          // the run, followed to its end
                "\"issuedCount\": 1",                // issued the membership's titre
                "RESAH-2025-000001",                 // listed
                "%PDF-",                             // the printable titre
                "404",                               // another organisation's titre for an adherent
                "ISSUED",                            // the event feed
                "resume from");
        assertThat(Files.readString(dir.resolve("titres.csv"), StandardCharsets.UTF_8)).contains("RESAH-2025-");
    }
}
