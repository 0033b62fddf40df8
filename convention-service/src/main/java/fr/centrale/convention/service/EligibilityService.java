package fr.centrale.convention.service;

import fr.centrale.common.problem.ProblemException;
import fr.centrale.convention.EligibleBeneficiary;
import fr.centrale.convention.Offer;
import fr.centrale.convention.api.EligibleBeneficiaryRequest;
import fr.centrale.convention.api.EligibleBeneficiaryView;
import fr.centrale.convention.client.OrganisationSummary;
import fr.centrale.convention.domain.Eligibility;
import fr.centrale.convention.repository.OfferRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The lists of potential beneficiaries of the offers that have one (docs/rules.md, R-12). */
@ApplicationScoped
public class EligibilityService {

    @Inject
    OfferRepository offers;

    @Inject
    EntityManager em;

    @Transactional
    public List<EligibleBeneficiaryView> list(String idOrCode) {
        String code = codeOf(idOrCode);
        return EligibleBeneficiary.<EligibleBeneficiary>list("offerCode = ?1 order by siret", code).stream()
                .map(EligibleBeneficiaryView::of).toList();
    }

    @Transactional
    public EligibleBeneficiaryView add(String idOrCode, EligibleBeneficiaryRequest request) {
        Offer offer = offers.findByIdOrCode(idOrCode).orElseThrow(() -> ProblemException.notFound("Offer", idOrCode));
        if (offer.eligibilityList == null) {
            throw ProblemException.rule("OFFER_HAS_NO_ELIGIBILITY_LIST", offer.code + " is open to every eligible "
                    + "organisation: it has no list of potential beneficiaries (eligibilityList)", "siret");
        }
        offers.lockCode(offer.code);
        if (EligibleBeneficiary.count("offerCode = ?1 and siret = ?2", offer.code, request.siret()) > 0) {
            throw ProblemException.conflict("ELIGIBLE_BENEFICIARY_EXISTS", "SIRET " + request.siret()
                    + " is already listed for " + offer.code);
        }
        EligibleBeneficiary e = new EligibleBeneficiary();
        e.offerCode = offer.code;
        e.siret = request.siret();
        e.name = request.name() == null || request.name().isBlank() ? null : request.name().trim();
        e.addedAt = Instant.now();
        e.persist();
        return EligibleBeneficiaryView.of(e);
    }

    @Transactional
    public void remove(String idOrCode, String siret) {
        String code = codeOf(idOrCode);
        if (EligibleBeneficiary.delete("offerCode = ?1 and siret = ?2", code, siret) == 0) {
            throw ProblemException.notFound("Eligible beneficiary", siret);
        }
    }

    /** The SIRETs listed for the offer's code. */
    Set<String> listed(Offer offer) {
        if (offer.eligibilityList == null) {
            return Set.of();
        }
        return EligibleBeneficiary.<EligibleBeneficiary>list("offerCode", offer.code).stream().map(e -> e.siret)
                .collect(Collectors.toSet());
    }

    /** Refuses (422 NOT_A_LISTED_BENEFICIARY) a LISTED offer's convention naming an organisation not on its list. */
    void requireListed(Offer offer, List<Eligibility.Party> parties, List<OrganisationSummary> organisations) {
        if (offer.eligibilityList != Eligibility.ListKind.LISTED) {
            return;
        }
        Eligibility.firstUnlisted(offer.eligibilityList, listed(offer), parties).ifPresent(p -> {
            String name = organisations.stream().filter(o -> p.siret() != null && p.siret().equals(o.siret()))
                    .map(OrganisationSummary::name).findFirst().orElse("SIRET " + p.siret());
            throw ProblemException.rule("NOT_A_LISTED_BENEFICIARY", name + " (SIRET " + p.siret() + ") is not on the list of "
                    + "potential beneficiaries of " + offer.code + " (docs/rules.md, R-12)", p.field());
        });
    }

    private String codeOf(String idOrCode) {
        return offers.codeOf(idOrCode).orElseThrow(() -> ProblemException.notFound("Offer", idOrCode));
    }
}
