package fr.centrale.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PES V2 end to end (issue 17), on the packaged billing-service and its PostgreSQL database, with a WireMock standing for
 * membership-service (the membership feed, RESAH, and the debtors with their category) and convention-service:
 *
 * <ol>
 * <li>a Q1 run as of 2 January issues 35 titres to seven debtors, five public (communes, a département, a communauté
 *     d'agglomération, a hospital) and two private (an ESPIC association, a company), all on one bordereau;</li>
 * <li>that bordereau, exported as a PES_Aller, validates against the DGFiP's {@code PES_Aller.xsd} (5.17) without error
 *     or warning, and states what the API says: Hélios codes, bordereau, one piece per titre with its amount, each
 *     debtor with its SIRET and its category, an ASAP for each public debtor's titre, each titre's PDF;</li>
 * <li>a PES_Retour built from that file alone (its header, bordereau, piece and line numbers, amounts) pays some titres
 *     in full, one in two receipts, one in part, and names a titre that does not exist: the valid receipts are
 *     recorded, the unknown one refused; each titre's status is then PAID, PARTIALLY_PAID or unchanged;</li>
 * <li>the same file again records nothing new;</li>
 * <li>the ledger verification of RESAH 2025 holds, its payment chain as long as the receipts recorded.</li>
 * </ol>
 */
class PesRoundTripIT {

    @RegisterExtension
    static final ServiceGroup services = new ServiceGroup(PesRoundTripIT.class);

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 2);
    private static final int YEAR = AS_OF.getYear();
    private static final int ITEMS_PER_DEBTOR = 5;
    private static final List<String> AMOUNTS = List.of("600.00", "1152.08", "250.50", "3000.00", "75.25");
    private static final Map<String, String> FINANCE = Map.of("X-Centrale-User", "comptable@example.fr", "X-Centrale-Roles", "finance");
    private static final Path SCHEMAS = Path.of("billing-service/src/main/resources/pes/pes-v2-5.17/PES_V2");

    /** A debtor as membership-service describes it, and the Hélios category (CatTiers) its category maps to. */
    private record Debtor(UUID id, String name, String siret, String category, String postalCode, String city,
                          String catTiers, boolean publicSector) {

        String json() {
            return """
                    {"id": "%s", "name": "%s", "siret": "%s", "category": "%s", "population": 30000,
                     "address": {"street": "1 place de la Mairie", "postalCode": "%s", "city": "%s"}}"""
                    .formatted(id, name, siret, category, postalCode, city);
        }
    }

    private static final List<Debtor> DEBTORS = List.of(
            new Debtor(UUID.randomUUID(), "Commune de Liévin", "21625100900013", "COMMUNE", "62800", "Liévin", "23", true),
            new Debtor(UUID.randomUUID(), "Commune d'Arras", "21620041000011", "COMMUNE", "62000", "Arras", "23", true),
            new Debtor(UUID.randomUUID(), "Département du Pas-de-Calais", "22620001200012", "DEPARTEMENT", "62018", "Arras", "22", true),
            new Debtor(UUID.randomUUID(), "Communauté d'agglo. de Lens-Liévin", "20004080000018", "COMMUNAUTE_AGGLOMERATION",
                    "62300", "Lens", "24", true),
            new Debtor(UUID.randomUUID(), "Centre hospitalier de Lens", "26620005400018", "EPS", "62307", "Lens", "27", true),
            new Debtor(UUID.randomUUID(), "Association Les Papillons Blancs", "77567882100035", "ESPIC", "59000", "Lille", "60", false),
            new Debtor(UUID.randomUUID(), "Santé Conseil SAS", "51234567800019", "OTHER", "59800", "Lille", "60", false));

    private static final MembershipFeedStub FEED = new MembershipFeedStub();

    private static Databases databases;
    private static WireMockServer sources;
    private static ServiceProcess billing;

    @BeforeAll
    static void startBillingAgainstStubbedSources() throws InterruptedException {
        Centrale.runJar("billing-service");
        databases = Databases.start("billing");
        sources = FEED.startSources();
        for (Debtor d : DEBTORS) {
            sources.stubFor(get(urlPathEqualTo("/api/v1/organisations/" + d.id())).willReturn(okJson(d.json())));
        }
        sources.stubFor(post(urlPathEqualTo("/api/v1/organisations/lookup"))
                .willReturn(okJson("[" + String.join(",", DEBTORS.stream().map(Debtor::json).toList()) + "]")));
        List<MembershipFeedStub.Item> items = new ArrayList<>();
        for (int i = 0; i < DEBTORS.size() * ITEMS_PER_DEBTOR; i++) {
            items.add(new MembershipFeedStub.Item(UUID.randomUUID(), DEBTORS.get(i % DEBTORS.size()).id(), AS_OF,
                    AMOUNTS.get(i / DEBTORS.size())));
        }
        FEED.serve(items);

        Map<String, String> properties = new LinkedHashMap<>(databases.datasource("billing"));
        String stubs = "http://" + ServiceProcess.HOST + ":" + sources.port();
        properties.put("quarkus.rest-client.membership.url", stubs);
        properties.put("quarkus.rest-client.convention.url", stubs);
        properties.put("centrale.billing.cron", "off");
        billing = services.start("billing-service", "billing-service", properties);
        services.awaitReady(billing);
    }

    @AfterAll
    static void stopEverything() {
        services.stopAll();
        if (sources != null) {
            sources.stop();
        }
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void aQ1RunsBordereauGoesOutAsPesAndTheComptablesReceiptsComeBack() throws Exception {
        JsonApi api = new JsonApi(billing, services.http()).with(FINANCE);
        int titreCount = DEBTORS.size() * ITEMS_PER_DEBTOR;

        // RESAH's Hélios codes in force on the run's date (the sample codes of migration V11).
        JsonNode helios = api.get("/api/v1/issuers/RESAH/settings?on=" + AS_OF).path("helios");
        assertThat(helios.path("collectivityId").asText()).as("RESAH's Hélios codes on %s: %s", AS_OF, helios).matches("\\d{14}");

        // 1. The Q1 run: one titre per membership, one bordereau.
        JsonNode run = api.send("POST", "/api/v1/billing-runs", Map.of("asOf", AS_OF), 201, Duration.ofMinutes(2));
        assertThat(List.of(run.path("status").asText(), run.path("issuedCount").asInt(), run.path("failedCount").asInt()))
                .as("the run: %s", run).containsExactly("COMPLETED", titreCount, 0);
        Map<String, JsonNode> titres = titres(api);
        assertThat(titres).hasSize(titreCount);
        JsonNode bordereaux = api.get("/api/v1/bordereaux?issuer=RESAH&year=" + YEAR).path("items");
        assertThat(bordereaux).as("RESAH %d bordereaux: %s", YEAR, bordereaux).hasSize(1);
        JsonNode bordereau = bordereaux.get(0);
        String bordereauId = bordereau.path("id").asText();
        for (JsonNode t : titres.values()) {
            assertThat(t.path("bordereau").path("id").asText()).as("%s's bordereau", t.path("number").asText()).isEqualTo(bordereauId);
        }
        assertThat(titres.values().stream().map(t -> t.path("total").decimalValue().setScale(2)).sorted().toList())
                .as("the titres' amounts: the memberships' fees (no VAT)")
                .isEqualTo(IntStream.range(0, titreCount).mapToObj(i -> new BigDecimal(AMOUNTS.get(i / DEBTORS.size()))).sorted().toList());
        BigDecimal total = titres.values().stream().map(t -> t.path("total").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(bordereau.path("titreCount").asInt()).isEqualTo(titreCount);
        assertThat(bordereau.path("totalTtc").decimalValue()).isEqualByComparingTo(total);

        // 2. The bordereau as PES_Aller, with the titres' PDFs: valid, and saying what the API says.
        HttpResponse<byte[]> aller = getBytes("/api/v1/bordereaux/" + bordereauId + "/pes");
        assertThat(aller.headers().firstValue("Content-Type").orElse("")).containsIgnoringCase("application/xml")
                .containsIgnoringCase("ISO-8859-1");
        String disposition = aller.headers().firstValue("Content-Disposition").orElse("");
        Matcher fileName = Pattern.compile("attachment; filename=\"(PESALR1_[^\"]+\\.xml)\"").matcher(disposition);
        assertThat(fileName.matches()).as("Content-Disposition: %s", disposition).isTrue();
        Files.write(services.logDir().resolve(fileName.group(1)), aller.body());
        validate("Rev0/PES_Aller.xsd", aller.body());
        String text = new String(aller.body(), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
        Element root = parse(aller.body());

        Element header = child(root, "EnTetePES");
        String idColl = value(header, "IdColl");
        String codCol = value(header, "CodCol");
        String codBud = value(header, "CodBud");
        String idPost = value(header, "IdPost");
        assertThat(List.of(idPost, idColl, codCol, codBud)).as("EnTetePES: RESAH's settings").containsExactly(
                helios.path("postingCode").asText(), helios.path("collectivityId").asText(),
                helios.path("collectivityCode").asText(), helios.path("budgetCode").asText());
        Element block = child(child(child(root, "PES_RecetteAller"), "Bordereau"), "BlocBordereau");
        long idBord = Long.parseLong(value(block, "IdBord"));
        assertThat(idBord).as("IdBord: the bordereau's serial").isEqualTo(serial(bordereau.path("number").asText()));
        assertThat(value(block, "Exer")).isEqualTo(String.valueOf(YEAR));
        assertThat(value(block, "DteBordEm")).isEqualTo(AS_OF.toString());
        assertThat(value(block, "NbrPce")).isEqualTo(String.valueOf(titreCount));
        assertThat(new BigDecimal(value(block, "MtBordHt"))).isEqualByComparingTo(total);
        assertThat(fileName.group(1)).isEqualTo(value(child(child(root, "Enveloppe"), "Parametres"), "NomFic"))
                .isEqualTo("PESALR1_%s_%s_%s_%s_%d_B%07d_ORD.xml", idColl, codCol, codBud, idPost, YEAR, idBord);

        Map<UUID, Debtor> debtors = new HashMap<>();
        DEBTORS.forEach(d -> debtors.put(d.id(), d));
        Map<Long, JsonNode> titreBySerial = new HashMap<>();
        titres.values().forEach(t -> titreBySerial.put(serial(t.path("number").asText()), t));
        List<Piece> pieces = new ArrayList<>();
        for (Element piece : children(child(child(root, "PES_RecetteAller"), "Bordereau"), "Piece")) {
            long idPce = Long.parseLong(value(child(piece, "BlocPiece"), "IdPce"));
            JsonNode titre = titreBySerial.get(idPce);
            assertThat(titre).as("IdPce %d: a titre of the run", idPce).isNotNull();
            Debtor debtor = debtors.get(UUID.fromString(titre.path("debtor").path("id").asText()));
            List<Element> lines = children(piece, "LigneDePiece");
            assertThat(lines).as("%s: one line", titre.path("number").asText()).hasSize(1);
            Element info = child(child(lines.get(0), "BlocLignePiece"), "InfoLignePiece");
            BigDecimal ht = new BigDecimal(value(info, "MtHT"));
            BigDecimal vat = optionalValue(info, "MtTVA").map(BigDecimal::new).orElse(BigDecimal.ZERO);
            assertThat(ht.add(vat)).as("%s: the piece's amount", titre.path("number").asText())
                    .isEqualByComparingTo(titre.path("total").decimalValue());
            Element tiers = child(child(lines.get(0), "Tiers"), "InfoTiers");
            assertThat(List.of(value(tiers, "IdTiers"), value(tiers, "CatTiers"), value(tiers, "Nom")))
                    .as("%s: the debtor", titre.path("number").asText())
                    .containsExactly(debtor.siret(), debtor.catTiers(), debtor.name());
            assertThat(optionalValue(child(piece, "BlocPiece"), "Edition")).as("%s: ASAP through Chorus Pro", titre.path("number").asText())
                    .isEqualTo(debtor.publicSector() ? Optional.of("02") : Optional.empty());
            pieces.add(new Piece(idPce, Integer.parseInt(value(info, "IdLigne")), ht, ht.add(vat), titre.path("number").asText(), debtor));
        }
        assertThat(pieces.stream().map(Piece::idPce).sorted().toList()).as("one piece per titre")
                .isEqualTo(titreBySerial.keySet().stream().sorted().toList());
        long publicTitres = pieces.stream().filter(p -> p.debtor().publicSector()).count();
        assertThat(root.getElementsByTagName("FactureIndiv").getLength()).as("an ASAP per public debtor's titre").isEqualTo((int) publicTitres);
        assertThat(root.getElementsByTagName("PJ").getLength()).as("each titre's PDF").isEqualTo(titreCount);

        // The run's PES (without the PDFs) is the same bordereau.
        HttpResponse<byte[]> light = getBytes("/api/v1/billing-runs/" + run.path("id").asText() + "/pes?issuer=RESAH&year=" + YEAR + "&pdf=false");
        validate("Rev0/PES_Aller.xsd", light.body());
        assertThat(light.headers().firstValue("Content-Disposition")).contains(disposition);
        Element lightRoot = parse(light.body());
        assertThat(lightRoot.getElementsByTagName("PES_PJ").getLength()).isZero();
        assertThat(lightRoot.getElementsByTagName("Piece").getLength()).isEqualTo(titreCount);

        // 3. The comptable's receipts, from the file alone: every fifth piece paid in full, one in two receipts, one in
        // part, one naming a titre the bordereau does not hold.
        pieces.sort((a, b) -> Long.compare(a.idPce(), b.idPce()));
        PesRetour retour = new PesRetour(idPost, idColl, codCol, codBud, value(block, "Exer"));
        Map<String, BigDecimal> paid = new HashMap<>();
        int receipts = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (i % 5 == 0) {
                retour.encaissement(idBord, p, AS_OF.plusDays(30 + i), p.ttc());
                paid.put(p.number(), p.ttc());
                receipts++;
            } else if (i == 1) {
                BigDecimal first = p.ttc().divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
                retour.encaissement(idBord, p, AS_OF.plusDays(20), first);
                retour.encaissement(idBord, p, AS_OF.plusDays(50), p.ttc().subtract(first));
                paid.put(p.number(), p.ttc());
                receipts += 2;
            } else if (i == 2) {
                BigDecimal part = p.ttc().divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
                retour.encaissement(idBord, p, AS_OF.plusDays(40), part);
                paid.put(p.number(), part);
                receipts++;
            }
        }
        long unknown = pieces.get(pieces.size() - 1).idPce() + 1000;
        retour.encaissement(idBord, new Piece(unknown, 1, new BigDecimal("10.00"), new BigDecimal("10.00"), null, null),
                AS_OF.plusDays(45), new BigDecimal("10.00"));
        assertThat(paid.values().stream().filter(a -> a.signum() > 0)).as("fully and partly paid titres").hasSizeGreaterThan(2);
        assertThat(paid.values().stream().map(BigDecimal::signum)).hasSize(paid.size()).containsOnly(1);
        byte[] file = retour.bytes();
        Files.write(services.logDir().resolve(retour.fileName()), file);
        validate("RETOUR/Rev0/PES_Retour.xsd", file);

        JsonNode answer = postXml("/api/v1/pes/retours", file);
        assertThat(List.of(answer.path("issuer").asText(), answer.path("recordedCount").asInt(),
                answer.path("alreadyRecordedCount").asInt(), answer.path("refusedCount").asInt()))
                .as("the first PES_Retour: %s", answer).containsExactly("RESAH", receipts, 0, 1);
        assertThat(answer.path("fileName").asText()).isEqualTo(retour.fileName());
        assertThat(values(answer.path("recorded"), "titreNumber").stream().distinct().sorted().toList())
                .isEqualTo(paid.keySet().stream().sorted().toList());
        for (JsonNode r : answer.path("recorded")) {
            assertThat(r.path("bordereau").asLong()).isEqualTo(idBord);
            assertThat(r.path("paymentId").asText()).as("recorded %s", r).isNotBlank();
        }
        JsonNode refused = answer.path("refused").get(0);
        assertThat(List.of(refused.path("titre").asLong(), refused.path("code").asText()))
                .as("the refused receipt: %s", refused).containsExactly(unknown, "UNKNOWN_TITRE");

        Map<String, JsonNode> after = titres(api);
        assertStatuses(after, pieces, paid);
        Piece twice = pieces.get(1);
        JsonNode twiceTitre = api.get("/api/v1/titres/" + after.get(twice.number()).path("id").asText());
        assertThat(twiceTitre.path("payments")).as("%s: two receipts", twice.number()).hasSize(2);
        assertThat(values(twiceTitre.path("payments"), "reference"))
                .allSatisfy(ref -> assertThat(ref).startsWith("PES RESAH " + YEAR + " B" + idBord + " T" + twice.idPce()));

        // 4. The same file again: nothing new.
        JsonNode again = postXml("/api/v1/pes/retours", file);
        assertThat(List.of(again.path("recordedCount").asInt(), again.path("alreadyRecordedCount").asInt(),
                again.path("refusedCount").asInt())).as("the same PES_Retour again: %s", again).containsExactly(0, receipts, 1);
        Map<String, JsonNode> afterAgain = titres(api);
        assertStatuses(afterAgain, pieces, paid);
        assertThat(api.get("/api/v1/titres/" + after.get(twice.number()).path("id").asText()).path("payments")).hasSize(2);

        // 5. The ledger of RESAH 2025 holds, with its receipts chained.
        JsonNode verification = api.get("/api/v1/ledger/verification?issuer=RESAH&year=" + YEAR);
        assertThat(verification.path("holds").asBoolean()).as("the verification: %s", verification).isTrue();
        assertThat(verification.path("breakCount").asLong()).isZero();
        assertThat(values(verification.path("checks"), "name"))
                .containsExactlyInAnyOrder("CHAINS", "NUMBER_SERIES", "TOTALS", "BALANCES", "CLAIMS", "EVENTS", "REFERENCES");
        for (JsonNode check : verification.path("checks")) {
            assertThat(check.path("holds").asBoolean()).as("check %s", check).isTrue();
        }
        Map<String, Long> lengths = new HashMap<>();
        for (JsonNode chain : verification.path("chains")) {
            assertThat(chain.path("holds").asBoolean()).as("chain %s", chain).isTrue();
            lengths.put(chain.path("kind").asText(), chain.path("length").asLong());
        }
        assertThat(lengths).as("the series' lengths").containsEntry("TITRE", (long) titreCount).containsEntry("PAYMENT", (long) receipts);
        System.out.printf("[system-tests] PES round trip: %d titres on %s (%d bytes), %d receipts recorded, 1 refused, ledger holds%n",
                titreCount, fileName.group(1), aller.body().length, receipts);
    }

    // ---------------------------------------------------------------------------------------------

    /** A piece (titre) of the PES_Aller: its rank, its line, the line's HT and what is due (HT + VAT). */
    private record Piece(long idPce, int line, BigDecimal ht, BigDecimal ttc, String number, Debtor debtor) {
    }

    /**
     * A comptable's PES_Retour of recettes (PES_V2/RETOUR/Rev0/PES_Retour.xsd), written from what the PES_Aller said: its
     * budget, and per bordereau, piece and line the encaissements (OrgEma 02) received.
     */
    private static final class PesRetour {
        private final String idPost;
        private final String idColl;
        private final String codCol;
        private final String codBud;
        private final String exer;
        /** bordereau → piece → line → encaissements, in the order given. */
        private final Map<Long, Map<Long, Map<Integer, List<String>>>> receipts = new LinkedHashMap<>();
        private final Map<Long, Map<Integer, BigDecimal>> lineHt = new HashMap<>();

        PesRetour(String idPost, String idColl, String codCol, String codBud, String exer) {
            this.idPost = idPost;
            this.idColl = idColl;
            this.codCol = codCol;
            this.codBud = codBud;
            this.exer = exer;
        }

        void encaissement(long bordereau, Piece piece, LocalDate on, BigDecimal amount) {
            lineHt.computeIfAbsent(piece.idPce(), k -> new HashMap<>()).put(piece.line(), piece.ht());
            receipts.computeIfAbsent(bordereau, k -> new LinkedHashMap<>()).computeIfAbsent(piece.idPce(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(piece.line(), k -> new ArrayList<>())
                    .add("<EncaissementEmargement><OrgEma V=\"02\"/><DteReco V=\"" + on + "\"/><MtReco V=\""
                            + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + "\"/></EncaissementEmargement>");
        }

        String fileName() {
            return "PES2R_REC_2_" + codCol + "_" + codBud + "_" + idPost + "_" + exer + "0315.xml";
        }

        byte[] bytes() {
            StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n")
                    .append("<n:PES_Retour xmlns:n=\"http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/retour\">")
                    .append("<Enveloppe><Parametres><Version V=\"1\"/><TypFic V=\"PES2R_REC\"/><NomFic V=\"").append(fileName())
                    .append("\"/></Parametres></Enveloppe>")
                    .append("<EnTetePES><DteStr V=\"").append(exer).append("-03-15\"/><IdPost V=\"").append(idPost)
                    .append("\"/><IdColl V=\"").append(idColl).append("\"/><CodColl V=\"").append(codCol)
                    .append("\"/><CodBud V=\"").append(codBud).append("\"/></EnTetePES>")
                    .append("<PES_RecetteRetour><EnTeteRecette><TypRestit V=\"01\"/><IdVer V=\"2\"/><NatInf V=\"2\"/></EnTeteRecette>");
            receipts.forEach((bordereau, pieces) -> {
                s.append("<Bordereau><BlocBordereau><Exer V=\"").append(exer).append("\"/><IdBord V=\"").append(bordereau)
                        .append("\"/><TypBord V=\"01\"/></BlocBordereau>");
                pieces.forEach((idPce, lines) -> {
                    s.append("<Piece><BlocPiece><IdPce V=\"").append(idPce)
                            .append("\"/><TypPce V=\"01\"/><NatPce V=\"01\"/><EtatPce V=\"02\"/></BlocPiece>");
                    lines.forEach((line, encaissements) -> {
                        s.append("<LigneDePiece><BlocLignePiece><InfoLignePiece><IdLigne V=\"").append(line)
                                .append("\"/><EtatLigPce V=\"04\"/><MtHT V=\"").append(lineHt.get(idPce).get(line).toPlainString())
                                .append("\"/></InfoLignePiece></BlocLignePiece>");
                        encaissements.forEach(s::append);
                        s.append("</LigneDePiece>");
                    });
                    s.append("</Piece>");
                });
                s.append("</Bordereau>");
            });
            return s.append("</PES_RecetteRetour></n:PES_Retour>").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** Every titre's status and paid amount: as the receipts say for those paid, ISSUED with nothing paid for the others. */
    private static void assertStatuses(Map<String, JsonNode> titres, List<Piece> pieces, Map<String, BigDecimal> paid) {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Piece p : pieces) {
            JsonNode t = titres.get(p.number());
            BigDecimal amount = paid.getOrDefault(p.number(), BigDecimal.ZERO);
            String status = amount.signum() == 0 ? "ISSUED" : amount.compareTo(p.ttc()) == 0 ? "PAID" : "PARTIALLY_PAID";
            expected.put(p.number(), status + " paid " + amount.setScale(2) + " remaining " + p.ttc().subtract(amount).setScale(2));
            actual.put(p.number(), t.path("status").asText() + " paid " + t.path("paidAmount").decimalValue().setScale(2)
                    + " remaining " + t.path("remainingAmount").decimalValue().setScale(2));
        }
        assertThat(actual).as("each titre after the receipts").containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(expected.values()).anyMatch(s -> s.startsWith("PAID")).anyMatch(s -> s.startsWith("PARTIALLY_PAID"))
                .anyMatch(s -> s.startsWith("ISSUED"));
    }

    /** RESAH's titres of the year by number. */
    private static Map<String, JsonNode> titres(JsonApi api) {
        JsonNode page = api.get("/api/v1/titres?issuer=RESAH&year=" + YEAR + "&size=500");
        Map<String, JsonNode> byNumber = new LinkedHashMap<>();
        page.path("items").forEach(t -> byNumber.put(t.path("number").asText(), t));
        assertThat(page.path("total").asInt()).isEqualTo(byNumber.size());
        return byNumber;
    }

    /** RESAH-2025-000042 → 42; RESAH-2025-B-000001 → 1. */
    private static long serial(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }

    private static HttpResponse<byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(billing.url(path)).timeout(Duration.ofMinutes(2)).GET();
        FINANCE.forEach(request::header);
        HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s: %s%s", path, new String(response.body(), StandardCharsets.UTF_8), billing.logTail())
                .isEqualTo(200);
        return response;
    }

    private static JsonNode postXml(String path, byte[] xml) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(billing.url(path)).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/xml").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml));
        FINANCE.forEach(request::header);
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s%s", path, response.body(), billing.logTail()).isEqualTo(200);
        return JsonApi.JSON.readTree(response.body());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        URI uri = request.uri();
        try {
            return services.http().send(request, handler);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + uri + " failed: " + e + billing.logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(request.method() + " " + uri + " interrupted", e);
        }
    }

    /**
     * Validates against the DGFiP's schema as billing-service ships it (its sources, read as files: this module has no
     * dependency on billing-service), with javax.xml.validation: an error or a warning fails.
     */
    private static void validate(String schema, byte[] xml) throws Exception {
        Path xsd = Centrale.root().resolve(SCHEMAS).resolve(schema);
        assertThat(xsd).as("the PES V2 5.17 schema").isRegularFile();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        List<String> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("error line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        };
        factory.setErrorHandler(collect);
        Schema s = factory.newSchema(xsd.toFile());
        assertThat(problems).as("loading %s", schema).isEmpty();
        Validator validator = s.newValidator();
        validator.setErrorHandler(collect);
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(problems).as("the file against %s", schema).isEmpty();
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    /** The V attribute of a PES element, as every value is written. */
    private static String value(Element parent, String name) {
        return child(parent, name).getAttribute("V");
    }

    private static Optional<String> optionalValue(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSizeLessThan(2);
        return found.stream().findFirst().map(e -> e.getAttribute("V"));
    }
}
