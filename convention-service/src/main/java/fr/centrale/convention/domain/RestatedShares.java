package fr.centrale.convention.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * docs/rules.md, R-11: where beneficiaries pay their own shares (D-13), a beneficiary may still be added. Seed 000
 * (2021-046-001), article 4.2: "En cas d'ajout d'un ou plusieurs bénéficiaire(s) au cours d'exécution de la présente
 * convention [...] une contribution complémentaire" is due; article 4.1: "chaque bénéficiaire, selon la modalité choisie à
 * l'annexe, verse au Resah une contribution financière annuelle". So the amendment states every beneficiary's new share
 * (the added one's included), which still add up to the annual amount, and who pays the complementary contribution
 * (default: the signatory).
 */
public final class RestatedShares {

    /** One beneficiary's share of the annual amount. */
    public record Share(UUID organisationId, BigDecimal amount) {
    }

    /** Why restated shares are refused, with the field of the request that is wrong. */
    public enum Problem {
        /** No shares stated: they must be restated (the added beneficiary's share at least). */
        SHARES_MUST_BE_RESTATED("shares"),
        /** A beneficiary has no share, or a share names an organisation that is not (or will not be) a beneficiary. */
        SHARES_INCOMPLETE("shares"),
        /** The shares do not add up to the annual amount (D-13). */
        SHARES_DO_NOT_ADD_UP("shares"),
        /** The payer of the complementary contribution is neither the signatory nor a beneficiary. */
        UNKNOWN_PAYER("complementPayerId");

        public final String field;

        Problem(String field) {
            this.field = field;
        }
    }

    private RestatedShares() {
    }

    /**
     * The first problem with {@code shares} for the beneficiaries {@code beneficiaries} (the added one included) and the
     * annual amount {@code annual}; empty when they are right.
     */
    public static Optional<Problem> check(List<UUID> beneficiaries, List<Share> shares, BigDecimal annual) {
        if (shares == null || shares.isEmpty()) {
            return Optional.of(Problem.SHARES_MUST_BE_RESTATED);
        }
        Set<UUID> named = new HashSet<>();
        for (Share s : shares) {
            if (s.organisationId() == null || s.amount() == null || !named.add(s.organisationId())) {
                return Optional.of(Problem.SHARES_INCOMPLETE);
            }
        }
        if (!named.equals(new HashSet<>(beneficiaries))) {
            return Optional.of(Problem.SHARES_INCOMPLETE);
        }
        BigDecimal sum = shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.compareTo(annual) == 0 ? Optional.empty() : Optional.of(Problem.SHARES_DO_NOT_ADD_UP);
    }

    /** Who pays the complementary contribution: {@code requested}, or the signatory by default; empty for a stranger. */
    public static Optional<UUID> payer(UUID requested, UUID signatory, List<UUID> beneficiaries) {
        if (requested == null) {
            return Optional.of(signatory);
        }
        return requested.equals(signatory) || beneficiaries.contains(requested) ? Optional.of(requested) : Optional.empty();
    }
}
