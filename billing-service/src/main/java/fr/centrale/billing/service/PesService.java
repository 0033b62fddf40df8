package fr.centrale.billing.service;

import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.Titre;
import fr.centrale.billing.TitreKind;
import fr.centrale.billing.TitreStatus;
import fr.centrale.billing.api.PaymentRequest;
import fr.centrale.billing.api.PesRetourReport;
import fr.centrale.billing.api.TitreView;
import fr.centrale.billing.client.DebtorLookup;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.document.DocumentRenderer;
import fr.centrale.billing.document.TitreDocument;
import fr.centrale.billing.domain.PesReceipts;
import fr.centrale.billing.domain.PesTiersCategory;
import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.billing.pes.PesAllerWriter;
import fr.centrale.billing.pes.PesBordereau;
import fr.centrale.billing.pes.PesNames;
import fr.centrale.billing.pes.PesRetourReader;
import fr.centrale.billing.pes.PesSchemas;
import fr.centrale.billing.pes.TitrePes;
import fr.centrale.billing.repository.IssuerSettingsRepository;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.FieldError;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * PES V2 with the comptable public (issue 17): a bordereau of titres as a {@code PES_Aller}, and the receipts of a
 * {@code PES_Retour} recorded as payments, once.
 */
@ApplicationScoped
public class PesService {

    /** NbrPce holds 5 digits. */
    static final int MAX_TITRES = 99_999;

    @Inject
    BordereauSource bordereaux;

    @Inject
    TitreService titres;

    @Inject
    DocumentRenderer renderer;

    @Inject
    DebtorLookup debtors;

    @Inject
    IssuerSettingsRepository settings;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** A PES_Aller and the name it goes by. */
    public record AllerFile(String fileName, byte[] content) {
    }

    /** What the ledger says of a bordereau, read in one short transaction. */
    private record Prepared(BordereauSource.Listing listing, SettingsContent settings, List<Item> items) {
    }

    /** A titre of the bordereau: its printed document, rank, debtor, and for a correction the corrected titre's rank and lines. */
    private record Item(TitreDocument document, long serial, UUID debtorId, String number, long originalSerial, int originalLines) {
    }

    /**
     * The bordereau {@code id} as a PES_Aller, validated against PES_Aller.xsd before it is served. The ledger is read in
     * one short transaction; the debtors' categories (membership-service) and the PDFs are got after it, so that a
     * long bordereau does not hold a transaction open.
     *
     * @param pdf attach each titre's printed PDF (PES_PJ); a quarter of a second per titre
     */
    public AllerFile aller(String id, boolean pdf) {
        Prepared p = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        BordereauSource.Listing l = p.listing();
        Map<UUID, DebtorSnapshot> known = debtors.debtors(p.items().stream().map(Item::debtorId).toList());
        try {
            List<PesBordereau.Titre> pes = new ArrayList<>();
            for (Item i : p.items()) {
                DebtorSnapshot debtor = known.get(i.debtorId());
                PesTiersCategory category = Optional.ofNullable(debtor).flatMap(s -> PesTiersCategory.of(s.category()))
                        .orElseThrow(() -> ProblemException.rule("PES_DEBTOR_CATEGORY_UNKNOWN", "The category of the debtor of titre "
                                + i.number() + " (organisation " + i.debtorId() + ") is unknown to membership-service"));
                pes.add(TitrePes.titre(i.document(), i.serial(), category, i.originalSerial(), i.originalLines(),
                        pdf ? renderer.pdf(i.document()) : null));
            }
            PesBordereau b = new PesBordereau(TitrePes.issuer(p.items().get(0).document().issuer(), p.settings()), l.fiscalYear(),
                    l.number(), l.date(), l.kind(), pes);
            byte[] xml = PesAllerWriter.write(b, ParisClock.today(clock));
            PesSchemas.validateAller(xml);
            return new AllerFile(PesNames.aller(b), xml);
        } catch (IllegalArgumentException e) {
            throw ProblemException.rule("PES_INCOMPLETE", "The bordereau cannot be written as PES V2: " + e.getMessage());
        } catch (PesSchemas.Invalid e) {
            throw new ProblemException(422, "PES_INVALID", "Invalid PES file", "The file made is refused by " + e.schema() + ": "
                    + e.getMessage(), List.of(new FieldError("bordereau", e.getMessage())));
        }
    }

    private Prepared prepare(String id) {
        BordereauSource.Listing l = bordereaux.find(id).orElseThrow(() -> ProblemException.notFound("Bordereau", id));
        if (l.titreIds().size() > MAX_TITRES) {
            throw ProblemException.rule("PES_TOO_MANY_TITRES", "A PES bordereau holds at most " + MAX_TITRES + " titres (NbrPce); this one has "
                    + l.titreIds().size());
        }
        IssuerSettings revision = settings.inForce(l.issuer(), l.date())
                .or(() -> settings.inForce(IssuerSettings.DEFAULT_ISSUER, l.date()))
                .orElseThrow(() -> ProblemException.rule("PES_HELIOS_CODES_MISSING", "Issuer " + l.issuer()
                        + " has no settings in force on " + l.date(), "helios"));
        if (revision.content().helios() == null) {
            throw ProblemException.rule("PES_HELIOS_CODES_MISSING", "Issuer " + l.issuer() + " has no Hélios codes in its settings in force on "
                    + l.date() + ": set them with PATCH /api/v1/issuers/" + l.issuer() + "/settings (helios)", "helios");
        }
        List<Item> items = new ArrayList<>();
        for (UUID titreId : l.titreIds()) {
            Titre t = em.find(Titre.class, titreId);
            Titre original = t.cancelsTitreId == null ? null : em.find(Titre.class, t.cancelsTitreId);
            items.add(new Item(titres.document(t.id), t.serial, t.debtorId, t.number, original == null ? 0 : original.serial,
                    original == null ? 0 : original.lines.size()));
        }
        return new Prepared(l, revision.content(), items);
    }

    /**
     * Records each encaissement of a PES_Retour as a payment of its titre, once (docs: {@link PesReceipts}). In one
     * transaction: a line is recorded whole (payment and key) or refused; an unexpected failure records nothing.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public PesRetourReport retour(byte[] xml) {
        PesRetourReader.Retour r;
        try {
            r = PesRetourReader.read(xml);
        } catch (PesSchemas.Invalid e) {
            throw new ProblemException(422, "PES_INVALID", "Invalid PES file", "Refused by " + e.schema() + ": " + e.getMessage(),
                    List.of(new FieldError("body", e.getMessage())));
        }
        String issuer = issuerOf(r);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('pes_retour:' || ?1))").setParameter(1, issuer).getSingleResult();
        List<PesRetourReport.Line> recorded = new ArrayList<>();
        List<PesRetourReport.Line> already = new ArrayList<>();
        List<PesRetourReport.Line> refused = new ArrayList<>();
        Map<UUID, BigDecimal> earlier = new HashMap<>();
        // Each titre's facts as they were before this file: PesReceipts.check subtracts the file's earlier lines from
        // that remaining amount, so it must not be read again after titres.pay has recorded them (counted twice, a
        // titre paid in two receipts of one file was refused OVERPAYMENT; system-tests PesRoundTripIT).
        Map<UUID, PesReceipts.TitreFacts> before = new HashMap<>();
        String by = caller.user() == null || caller.user().isBlank() ? "(direct call)" : caller.user();
        for (PesRetourReader.Receipt rc : r.receipts()) {
            String key = PesReceipts.key(issuer, rc);
            @SuppressWarnings("unchecked")
            List<Object[]> known = em.createNativeQuery("""
                    SELECT r.titre_id, t.number, r.payment_id FROM pes_receipt r JOIN titre t ON t.id = r.titre_id
                     WHERE r.receipt_key = ?1""").setParameter(1, key).getResultList();
            if (!known.isEmpty()) {
                Object[] k = known.get(0);
                already.add(line(rc, (UUID) k[0], (String) k[1], (UUID) k[2], null));
                continue;
            }
            Titre t = titre(issuer, rc.fiscalYear(), rc.piece());
            PesReceipts.TitreFacts facts = t == null ? null : before.computeIfAbsent(t.id, id -> facts(t));
            Optional<PesReceipts.Refusal> refusal = PesReceipts.check(rc, facts,
                    t == null ? BigDecimal.ZERO : earlier.getOrDefault(t.id, BigDecimal.ZERO));
            if (refusal.isPresent()) {
                refused.add(line(rc, t == null ? null : t.id, t == null ? null : t.number, null, refusal.get()));
                continue;
            }
            TitreView paid = titres.pay(t.id, new PaymentRequest(rc.amount(), rc.date(), PesReceipts.reference(issuer, rc)));
            UUID payment = (UUID) em.createNativeQuery("SELECT id FROM payment WHERE titre_id = ?1 ORDER BY created_at DESC, id LIMIT 1")
                    .setParameter(1, paid.id()).getSingleResult();
            em.createNativeQuery("""
                    INSERT INTO pes_receipt (receipt_key, issuer, fiscal_year, bordereau, piece, line_no, received_on, amount,
                                             titre_id, payment_id, file_name, recorded_by)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                    .setParameter(1, key).setParameter(2, issuer).setParameter(3, rc.fiscalYear()).setParameter(4, rc.bordereau())
                    .setParameter(5, rc.piece()).setParameter(6, rc.line()).setParameter(7, rc.date()).setParameter(8, rc.amount())
                    .setParameter(9, t.id).setParameter(10, payment).setParameter(11, PesAllerWriter.text(r.fileName(), 100))
                    .setParameter(12, by).executeUpdate();
            earlier.merge(t.id, rc.amount(), BigDecimal::add);
            recorded.add(line(rc, t.id, t.number, payment, null));
        }
        return new PesRetourReport(r.fileName(), issuer, recorded.size(), already.size(), refused.size(), recorded, already, refused);
    }

    /** The issuer whose settings name the file's Hélios budget (IdColl, CodColl, CodBud). */
    private String issuerOf(PesRetourReader.Retour r) {
        @SuppressWarnings("unchecked")
        List<String> issuers = em.createNativeQuery("""
                SELECT DISTINCT issuer FROM issuer_settings
                 WHERE helios_collectivity_id = ?1 AND helios_collectivity_code = ?2 AND helios_budget_code = ?3""")
                .setParameter(1, r.collectivityId()).setParameter(2, r.collectivityCode()).setParameter(3, r.budgetCode())
                .getResultList();
        if (issuers.size() != 1) {
            throw ProblemException.rule(issuers.isEmpty() ? "PES_UNKNOWN_BUDGET" : "PES_AMBIGUOUS_BUDGET", "The file's budget (IdColl "
                    + r.collectivityId() + ", CodColl " + r.collectivityCode() + ", CodBud " + r.budgetCode() + ") is "
                    + (issuers.isEmpty() ? "no issuer's" : "named by several issuers: " + issuers) + " (issuer settings, helios)");
        }
        return issuers.get(0);
    }

    private Titre titre(String issuer, int year, long serial) {
        List<Titre> found = em.createQuery("from Titre where issuer = :i and fiscalYear = :y and serial = :s and kind <> :m", Titre.class)
                .setParameter("i", issuer).setParameter("y", year).setParameter("s", (int) Math.min(serial, Integer.MAX_VALUE))
                .setParameter("m", TitreKind.MANDATE_673).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private PesReceipts.TitreFacts facts(Titre t) {
        TitreView v = titres.view(t);
        OptionalLong bordereau = bordereaux.numberOf(t);
        return new PesReceipts.TitreFacts(t.id, t.number, t.kind == TitreKind.ORIGINAL, v.status() == TitreStatus.CANCELLED,
                v.remainingAmount(), t.issuedOn, bordereau.isPresent() ? bordereau.getAsLong() : null, t.lines.size());
    }

    private static PesRetourReport.Line line(PesRetourReader.Receipt rc, UUID titre, String number, UUID payment,
                                             PesReceipts.Refusal refusal) {
        return new PesRetourReport.Line(rc.fiscalYear(), rc.bordereau(), rc.piece(), rc.line(), rc.origin(), rc.date(),
                rc.amount().setScale(2, java.math.RoundingMode.HALF_UP), titre, number, payment,
                refusal == null ? null : refusal.code(), refusal == null ? null : refusal.message());
    }
}
