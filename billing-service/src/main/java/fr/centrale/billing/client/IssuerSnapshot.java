package fr.centrale.billing.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The issuer of a titre, a purchasing body (RESAH, CAIH, FIBRE5962...) as membership-service
 * describes it at the time of reading: its identity and address as printed, the payment term in days
 * and the court competent for disputes (null when not set).
 *
 * <p>A flat value, read by {@link SourceDirectory#issuer(String)} from membership-service's nested
 * view; as JSON it is flat too, so that it can be kept as is and read back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuerSnapshot(String code, String name, String siret, String street, String postalCode, String city,
                             int paymentTermDays, String court) {
}
