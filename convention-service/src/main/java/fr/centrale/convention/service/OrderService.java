package fr.centrale.convention.service;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.convention.Beneficiary;
import fr.centrale.convention.BeneficiaryStatus;
import fr.centrale.convention.Convention;
import fr.centrale.convention.ConventionStatus;
import fr.centrale.convention.PurchaseOrder;
import fr.centrale.convention.SubsequentMarket;
import fr.centrale.convention.api.AlertView;
import fr.centrale.convention.api.OrderRequest;
import fr.centrale.convention.api.OrderView;
import fr.centrale.convention.repository.PurchaseOrderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Orders against maximum amounts (docs/rules.md, section 7). The convention's row is locked for the whole
 * check-and-record, so two concurrent orders can never together exceed a maximum (and a database
 * CHECK refuses it anyway). The order that reaches the maximum makes its beneficiary lapse; when every
 * beneficiary has lapsed the convention lapses and nothing more is billed.
 */
@ApplicationScoped
public class OrderService {

    /** Under 2021-047-001 the beneficiary tells RESAH directly; elsewhere the signatory does. */
    static final String BENEFICIARY_NOTIFIES = "RESAH-2021-047-001";

    @Inject
    ConventionService conventionService;

    @Inject
    PurchaseOrderRepository orders;

    @Inject
    ConventionVisibility visibility;

    @ConfigProperty(name = "centrale.at-risk-threshold", defaultValue = "0.80")
    BigDecimal atRiskThreshold;

    @Transactional
    public OrderView place(UUID conventionId, OrderRequest request) {
        Convention c = conventionService.requireForUpdate(conventionId);
        if (c.status != ConventionStatus.ACTIVE || request.orderedOn().isAfter(c.effectiveEnd())) {
            throw ProblemException.conflict("CONVENTION_NOT_ACTIVE", "Orders are placed under a signed convention in force; "
                    + "this one is " + c.statusOn(request.orderedOn()) + " on " + request.orderedOn());
        }
        Beneficiary b = c.beneficiaries.stream().filter(x -> x.organisationId.equals(request.organisationId())).findFirst()
                .orElseThrow(() -> ProblemException.rule("UNKNOWN_BENEFICIARY", "Organisation " + request.organisationId()
                        + " is not a beneficiary of this convention", "organisationId"));
        // docs/rules.md, R-9: under an offer billed per subsequent market, the order counts against the market in force.
        SubsequentMarket market = null;
        if (c.offer.billedPerSubsequentMarket) {
            market = SubsequentMarketService.marketFor(c, request);
        } else if (request.subsequentMarket() != null) {
            throw ProblemException.rule("NOT_BILLED_PER_SUBSEQUENT_MARKET", c.offer.code + " has no subsequent markets",
                    "subsequentMarket");
        }
        // A beneficiary's own maximum is the first market's annex: a later market has its own maximum, and revives a
        // beneficiary that lapsed under the first (docs/rules.md, section 7).
        boolean beneficiaryCounts = SubsequentMarketService.beneficiaryMaximaApply(market);
        BigDecimal consumed = b.consumedAmount.add(request.amount());
        if (beneficiaryCounts) {
            if (b.lapsedOn != null) {
                throw ProblemException.rule("BENEFICIARY_LAPSED", "The convention lapsed for " + b.organisationName + " on "
                        + b.lapsedOn + " when its orders reached the maximum", "organisationId");
            }
            if (b.maximumAmount != null && consumed.compareTo(b.maximumAmount) > 0) {
                throw ProblemException.rule("MAXIMUM_AMOUNT_EXCEEDED", "This order of " + request.amount() + " € would bring "
                        + b.organisationName + " to " + consumed + " €, over its maximum of " + b.maximumAmount
                        + " € (remaining " + b.maximumAmount.subtract(b.consumedAmount) + " €)", "amount");
            }
        }
        if (market != null) {
            SubsequentMarketService.count(market, request.amount(), request.orderedOn());
        }
        if (beneficiaryCounts) {
            b.consumedAmount = consumed;
            if (b.maximumAmount != null && consumed.compareTo(b.maximumAmount) == 0) {
                b.lapsedOn = request.orderedOn();
                if (c.beneficiaries.stream().allMatch(x -> x.lapsedOn != null)
                        && !SubsequentMarketService.laterMarketOpen(c, request.orderedOn())) {
                    c.status = ConventionStatus.LAPSED;
                    c.lapsedOn = request.orderedOn();
                }
            }
        }
        PurchaseOrder order = new PurchaseOrder();
        order.id = UUID.randomUUID();
        order.conventionId = c.id;
        order.beneficiaryId = b.id;
        order.organisationId = b.organisationId;
        order.amount = request.amount();
        order.orderedOn = request.orderedOn();
        order.reference = request.reference();
        order.subsequentMarketSeq = market == null ? null : market.seq;
        order.createdAt = Instant.now();
        orders.persist(order);
        BeneficiaryStatus status = b.statusWith(atRiskThreshold);
        return new OrderView(order.id, c.id, b.organisationId, order.amount, order.orderedOn, order.reference,
                b.consumedAmount, b.maximumAmount, status, status == BeneficiaryStatus.ACTIVE ? null : alert(c, b),
                order.subsequentMarketSeq, market == null || market.maximumAmount == null ? null
                : market.maximumAmount.subtract(market.consumedAmount));
    }

    @Transactional
    public List<OrderView> list(UUID conventionId) {
        conventionService.readOnly();
        Convention c = conventionService.readable(conventionId);
        return orders.ofConvention(c.id).stream().filter(o -> visibility.showsLineOf(c, o.organisationId))
                .map(o -> new OrderView(o.id, c.id, o.organisationId, o.amount, o.orderedOn, o.reference,
                        null, null, null, null, o.subsequentMarketSeq, null)).toList();
    }

    /** The beneficiaries at risk or lapsed, and who must tell the purchasing body. */
    @Transactional
    public List<AlertView> alerts(UUID conventionId) {
        conventionService.readOnly();
        Convention c = conventionService.readable(conventionId);
        return c.beneficiaries.stream().filter(b -> visibility.showsLineOf(c, b.organisationId))
                .filter(b -> b.statusWith(atRiskThreshold) != BeneficiaryStatus.ACTIVE)
                .map(b -> alert(c, b)).toList();
    }

    private AlertView alert(Convention c, Beneficiary b) {
        BigDecimal ratio = b.consumedAmount.divide(b.maximumAmount, 2, RoundingMode.HALF_UP);
        boolean beneficiaryNotifies = BENEFICIARY_NOTIFIES.equals(c.offer.code);
        UUID notify = beneficiaryNotifies ? b.organisationId : c.signatoryId;
        String notifyName = beneficiaryNotifies ? b.organisationName : c.signatoryName;
        BeneficiaryStatus status = b.statusWith(atRiskThreshold);
        String message = status == BeneficiaryStatus.LAPSED
                ? b.organisationName + " reached its maximum amount: the convention has lapsed for it (caducité)."
                : b.organisationName + " has used " + ratio.movePointRight(2).stripTrailingZeros().toPlainString()
                + " % of its maximum amount; " + notifyName + " must tell " + c.offer.purchasingBody
                + " (risque d'atteinte du montant maximum).";
        return new AlertView(c.id, b.organisationId, b.organisationName, status, b.consumedAmount, b.maximumAmount, ratio,
                notify, notifyName, message);
    }
}
