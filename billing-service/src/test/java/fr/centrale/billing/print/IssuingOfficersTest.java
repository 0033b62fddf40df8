package fr.centrale.billing.print;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IssuingOfficersTest {

    private static IssuingOfficers officers(Map<String, String> properties) {
        return new IssuingOfficers(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build());
    }

    @Test
    void defaultsPerIssuer() {
        IssuingOfficers officers = officers(Map.of());
        assertThat(officers.forIssuer("RESAH"))
                .isEqualTo(new IssuingOfficer("Le directeur général du GIP Resah", "Ordonnateur"));
        assertThat(officers.forIssuer("CAIH")).isEqualTo(new IssuingOfficer("Le président de la CAIH", "Ordonnateur"));
        assertThat(officers.forIssuer("FIBRE5962")).isEqualTo(
                new IssuingOfficer("Le président du syndicat mixte La Fibre Numérique 59 62", "Ordonnateur"));
        assertThat(officers.forIssuer("OTHER")).isEqualTo(new IssuingOfficer("L'ordonnateur", "Ordonnateur"));
        assertThat(officers.forIssuer(null)).isEqualTo(new IssuingOfficer("L'ordonnateur", "Ordonnateur"));
    }

    @Test
    void configuredPerIssuerQuotedOrNot() {
        IssuingOfficers officers = officers(Map.of(
                "centrale.billing.officer.\"RESAH\".name", "Marie Martin",
                "centrale.billing.officer.\"RESAH\".role", "Directrice générale, ordonnatrice",
                "centrale.billing.officer.CAIH.name", "Jean Dupont",
                "centrale.billing.officer.\"FIBRE5962\".role", " "));
        assertThat(officers.forIssuer("RESAH"))
                .isEqualTo(new IssuingOfficer("Marie Martin", "Directrice générale, ordonnatrice"));
        assertThat(officers.forIssuer("CAIH")).isEqualTo(new IssuingOfficer("Jean Dupont", "Ordonnateur"));
        assertThat(officers.forIssuer("FIBRE5962").role()).isEqualTo("Ordonnateur");
    }
}
