package fr.centrale.billing.pes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the schema bounds: NumeroFacture at most 20, IdUnique letters and digits at most 50, NomPJ with an extension. */
class PesNamesTest {

    @Test
    void invoiceNumberFitsInTwentyCharacters() {
        assertThat(PesNames.invoiceNumber("RESAH-2025-000042")).isEqualTo("RESAH-2025-000042");
        // 21 characters with its dashes: without them
        assertThat(PesNames.invoiceNumber("FIBRE5962-2025-000042")).isEqualTo("FIBRE59622025000042");
        assertThat(PesNames.invoiceNumber("AVERYLONGISSUERCODE-2025-000042")).hasSize(20).endsWith("2025000042");
    }

    @Test
    void identifiersAreLettersAndDigits() {
        assertThat(PesNames.pdfId("FIBRE5962-2025-000042")).isEqualTo("FIBRE59622025000042PDF").matches("[0-9A-Za-z]{1,50}");
        assertThat(PesNames.asapId("X".repeat(60) + "-2025-000001")).matches("[0-9A-Za-z]{1,50}").endsWith("2025000001ASAP");
        assertThat(PesNames.pdfName("RESAH-2025-000042")).isEqualTo("RESAH-2025-000042.pdf").matches(".+\\.[A-Za-z0-9]{2,4}");
    }
}
