package fr.centrale.billing.pes;

import fr.centrale.billing.document.Samples;
import fr.centrale.billing.document.TitreDocument;
import fr.centrale.common.organisation.Category;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every file the writer makes validates against PES_V2/Rev0/PES_Aller.xsd (5.17) with javax.xml.validation, a warning
 * failing like an error (PesSchemas), and states what the titres state. Files are left in target/pes/ to look at.
 */
class PesAllerWriterTest {

    private static final LocalDate WRITTEN = LocalDate.of(2025, 1, 15);

    @Test
    void titreWithoutVatToAPublicDebtorCarriesItsAsapAndPdf() throws Exception {
        TitreDocument d = PesSamples.example3();
        PesBordereau b = PesSamples.ordinary(List.of(PesSamples.titre(d, 42, Category.DEPARTEMENT, PesSamples.PDF)), d);
        Document x = valid(b, "example3-public-no-vat.xml");

        assertThat(s(x, "/*/Enveloppe/Parametres/TypFic/@V")).isEqualTo("PESALR1");
        assertThat(s(x, "/*/Enveloppe/Parametres/NomFic/@V")).isEqualTo("PESALR1_13000501000025_101_01_075044_2025_B0000007_ORD.xml");
        assertThat(s(x, "/*/EnTetePES/IdPost/@V")).isEqualTo("075044");
        assertThat(s(x, "//BlocBordereau/IdBord/@V")).isEqualTo("7");
        assertThat(s(x, "//BlocBordereau/TypBord/@V")).isEqualTo("01");
        assertThat(s(x, "//BlocBordereau/MtBordHt/@V")).isEqualTo("1152.08");
        assertThat(n(x, "//BlocBordereau/MtBordTVA")).isZero();
        assertThat(s(x, "//BlocPiece/IdPce/@V")).isEqualTo("42");
        assertThat(s(x, "//BlocPiece/Edition/@V")).isEqualTo("02");
        assertThat(s(x, "//BlocPiece/NumeroFacture/@V")).isEqualTo("RESAH-2025-000042");
        assertThat(s(x, "//BlocPiece/NumeroEngagement/@V")).isEqualTo("1300042517");
        assertThat(s(x, "//BlocPiece/CodeService/@V")).isEqualTo("DSI-ACHATS");
        assertThat(s(x, "//InfoLignePiece/Nature/@V")).isEqualTo("7588");
        assertThat(n(x, "//InfoLignePiece/MtTVA")).isZero();
        assertThat(s(x, "//InfoTiers/IdTiers/@V")).isEqualTo("22620001300012");
        assertThat(s(x, "//InfoTiers/CatTiers/@V")).isEqualTo("22");
        assertThat(s(x, "//FactureIndiv/TotalAPayer/MtTotalTTC/@V")).isEqualTo("1152.08");
        assertThat(s(x, "//FactureIndiv/RefTitre/NumBordereau/@V")).isEqualTo("7");
        assertThat(s(x, "//FactureIndiv/RefTitre/NumTitre/@V")).isEqualTo("42");
        assertThat(s(x, "//PES_PJ/PJ/IdUnique/@V")).isEqualTo(s(x, "//BlocPiece/PJRef[TypePJ/@V='002']/IdUnique/@V"));
        byte[] pdf = gunzip(Base64.getDecoder().decode(s(x, "//PES_PJ/PJ/Contenu/Fichier").strip()));
        assertThat(pdf).isEqualTo(PesSamples.PDF);
    }

    @Test
    void titreWithVatStatesRateHtVatAndTtc() throws Exception {
        TitreDocument d = Samples.caihWithVat();
        PesBordereau b = PesSamples.ordinary(List.of(PesSamples.titre(d, 7, Category.EPS, PesSamples.PDF)), d);
        Document x = valid(b, "caih-public-vat.xml");

        assertThat(s(x, "//BlocBordereau/MtBordHt/@V")).isEqualTo("1750.00");
        assertThat(s(x, "//BlocBordereau/MtBordTVA/@V")).isEqualTo("300.00");
        assertThat(s(x, "//LigneDePiece[1]//InfoLignePiece/TxTva/@V")).isEqualTo("20.00");
        assertThat(s(x, "//LigneDePiece[1]//InfoLignePiece/MtTVA/@V")).isEqualTo("300.00");
        assertThat(n(x, "//LigneDePiece[2]//InfoLignePiece/MtTVA")).isZero();
        assertThat(s(x, "//LigneDePiece[1]//InfoLignePiece/Fonction/@V")).isEqualTo("020");
        assertThat(s(x, "//LigneDePiece[1]//InfoLignePiece/ObjLignePce/@V")).contains("base : Convention n° 2022-117");
        assertThat(s(x, "//FactureIndiv/LigneFacture[1]/MtTTC/@V")).isEqualTo("1800.00");
        assertThat(s(x, "//FactureIndiv/TotalAPayer/MtTotalTVA/@V")).isEqualTo("300.00");
        assertThat(s(x, "//FactureIndiv/TotalAPayer/MtTotalTTC/@V")).isEqualTo("2050.00");
        assertThat(s(x, "//PES_Facture/Emetteur/Signataire/Personne/Nom/@V")).isEqualTo("Durand");
    }

    @Test
    void privateDebtorHasNoAsap() throws Exception {
        TitreDocument d = PesSamples.example3();
        PesBordereau b = PesSamples.ordinary(List.of(PesSamples.titre(d, 42, Category.ESPIC, null)), d);
        Document x = valid(b, "example3-private.xml");

        assertThat(s(x, "//InfoTiers/CatTiers/@V")).isEqualTo("60");
        assertThat(s(x, "//InfoTiers/NatJur/@V")).isEqualTo("06");
        assertThat(n(x, "//BlocPiece/Edition")).isZero();
        assertThat(n(x, "//BlocPiece/NumeroEngagement")).isZero();
        assertThat(n(x, "/*/PES_Facture")).isZero();
        assertThat(n(x, "/*/PES_PJ")).isZero();
    }

    @Test
    void mixedBordereauSumsItsTitres() throws Exception {
        TitreDocument a = PesSamples.example3();
        TitreDocument c = Samples.caihWithVat();
        PesBordereau b = PesSamples.ordinary(List.of(PesSamples.titre(a, 42, Category.COMMUNE, PesSamples.PDF),
                PesSamples.titre(c, 43, Category.OTHER, PesSamples.PDF)), a);
        Document x = valid(b, "mixed.xml");

        assertThat(s(x, "//BlocBordereau/NbrPce/@V")).isEqualTo("2");
        assertThat(s(x, "//BlocBordereau/MtBordHt/@V")).isEqualTo("2902.08");
        assertThat(s(x, "//BlocBordereau/MtBordTVA/@V")).isEqualTo("300.00");
        assertThat(n(x, "//FactureIndiv")).isEqualTo(1);
        assertThat(n(x, "//PES_PJ/PJ")).isEqualTo(2);
    }

    @Test
    void correctionBordereauReferencesTheCorrectedTitre() throws Exception {
        Document x = valid(PesSamples.correction(), "correction.xml");

        assertThat(s(x, "/*/Enveloppe/Parametres/NomFic/@V")).endsWith("_B0000008_ANR.xml");
        assertThat(s(x, "//BlocBordereau/TypBord/@V")).isEqualTo("02");
        assertThat(s(x, "//BlocPiece/TypPce/@V")).isEqualTo("02");
        assertThat(s(x, "//BlocPiece/NatPce/@V")).isEqualTo("06");
        assertThat(s(x, "//RattachPiece/NatPceOrig/@V")).isEqualTo("01");
        assertThat(s(x, "//RattachPiece/ExerRat/@V")).isEqualTo("2025");
        assertThat(s(x, "//RattachPiece/IdPceOrig/@V")).isEqualTo("42");
        assertThat(s(x, "//RattachPiece/IdLigneOrig/@V")).isEqualTo("1");
    }

    @Test
    void fileIsIso88591WithItsAccents() throws Exception {
        TitreDocument d = PesSamples.example3();
        byte[] xml = PesAllerWriter.write(PesSamples.ordinary(List.of(PesSamples.titre(d, 42, Category.ESPIC, null)), d), WRITTEN);
        String text = new String(xml, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        assertThat(text).contains("Département du Pas-de-Calais");
        // the em dash of the line's label is not Latin-1: written as a plain dash
        assertThat(text).contains("Contribution RESAH 2021-008 lot 3 - Prestations");
    }

    @Test
    void refusesWhatTheSchemaCannotHold() {
        TitreDocument d = PesSamples.example3();
        assertThatThrownBy(() -> TitrePes.titre(Samples.mandate673(), 3, fr.centrale.billing.domain.PesTiersCategory.of(Category.COMMUNE), 0, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mandat 673");
        assertThatThrownBy(() -> TitrePes.issuer(d.issuer(), d.settings()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Hélios");
        assertThatThrownBy(() -> new PesBordereau(TitrePes.issuer(d.issuer(), PesSamples.withHelios(d.settings())), 2025, 0,
                WRITTEN, PesBordereau.Kind.ORDINARY, List.of(PesSamples.titre(d, 42, Category.COMMUNE, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IdBord");
        assertThatThrownBy(() -> PesSamples.ordinary(List.of(), d)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatorRefusesAFileTheSchemaRefuses() {
        TitreDocument d = PesSamples.example3();
        String xml = new String(PesAllerWriter.write(PesSamples.ordinary(List.of(PesSamples.titre(d, 42, Category.ESPIC, null)), d),
                WRITTEN), StandardCharsets.ISO_8859_1).replace("<TypBord V=\"01\"/>", "<TypBord V=\"99\"/>");
        assertThatThrownBy(() -> PesSchemas.validateAller(xml.getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(PesSchemas.Invalid.class).hasMessageContaining("99");
    }

    static Document valid(PesBordereau b, String name) throws Exception {
        byte[] xml = PesAllerWriter.write(b, WRITTEN);
        Path dir = Path.of("target", "pes");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), xml);
        PesSchemas.validateAller(xml);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String s(Document x, String path) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(path, x, XPathConstants.STRING);
    }

    static int n(Document x, String path) throws Exception {
        return ((Number) XPathFactory.newInstance().newXPath().evaluate("count(" + path + ")", x, XPathConstants.NUMBER)).intValue();
    }

    static byte[] gunzip(byte[] z) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z))) {
            return in.readAllBytes();
        }
    }
}
