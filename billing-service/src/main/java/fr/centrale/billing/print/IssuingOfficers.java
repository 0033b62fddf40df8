package fr.centrale.billing.print;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The issuing officer of each purchasing body, from the configuration, by issuer code:
 *
 * <pre>
 * centrale.billing.officer."RESAH".name=Le directeur général du GIP Resah
 * centrale.billing.officer."RESAH".role=Ordonnateur
 * centrale.billing.officer."CAIH".name=...
 * centrale.billing.officer."FIBRE5962".name=...
 * </pre>
 *
 * The code may also be written unquoted ({@code centrale.billing.officer.RESAH.name}); as environment
 * variables: {@code CENTRALE_BILLING_OFFICER__RESAH__NAME} and {@code CENTRALE_BILLING_OFFICER__RESAH__ROLE}.
 * Each key is optional; an absent or blank one takes its default:
 * <ul>
 *   <li>RESAH: "Le directeur général du GIP Resah", "Ordonnateur";</li>
 *   <li>CAIH: "Le président de la CAIH", "Ordonnateur";</li>
 *   <li>FIBRE5962: "Le président du syndicat mixte La Fibre Numérique 59 62", "Ordonnateur";</li>
 *   <li>any other code: "L'ordonnateur", "Ordonnateur".</li>
 * </ul>
 */
@ApplicationScoped
public class IssuingOfficers {

    static final String PREFIX = "centrale.billing.officer.";
    static final String ROLE = "Ordonnateur";
    static final IssuingOfficer UNKNOWN = new IssuingOfficer("L'ordonnateur", ROLE);
    static final Map<String, IssuingOfficer> DEFAULTS = Map.of(
            "RESAH", new IssuingOfficer("Le directeur général du GIP Resah", ROLE),
            "CAIH", new IssuingOfficer("Le président de la CAIH", ROLE),
            "FIBRE5962", new IssuingOfficer("Le président du syndicat mixte La Fibre Numérique 59 62", ROLE));

    private final Config config;

    @Inject
    public IssuingOfficers(Config config) {
        this.config = config;
    }

    /** The officer of the purchasing body {@code issuerCode} (never null). */
    public IssuingOfficer forIssuer(String issuerCode) {
        IssuingOfficer fallback = issuerCode == null ? UNKNOWN : DEFAULTS.getOrDefault(issuerCode, UNKNOWN);
        if (issuerCode == null || issuerCode.isBlank()) {
            return fallback;
        }
        return new IssuingOfficer(
                value(issuerCode, "name").orElse(fallback.name()),
                value(issuerCode, "role").orElse(fallback.role()));
    }

    private Optional<String> value(String code, String field) {
        for (String key : List.of(PREFIX + "\"" + code + "\"." + field, PREFIX + code + "." + field)) {
            Optional<String> v = config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
