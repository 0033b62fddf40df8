package fr.centrale.convention.service;

import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.convention.Convention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * What an adherent sees of conventions; everybody else (admin, finance, reader, internal calls) sees
 * everything.
 * <ul>
 *     <li>A convention exists for an adherent when its organisation is the holder (the signatory) or one of
 *     the beneficiaries; any other convention answers 404, exactly as an unknown id.</li>
 *     <li>The holder sees the whole convention: it signed for every beneficiary and pays for them.</li>
 *     <li>A beneficiary that did not sign sees the convention's terms (offer, dates, status, amounts, holder)
 *     but, of what is kept per organisation, only its own lines: its beneficiary line, its orders and
 *     alerts, the amendments that name it, and the billable items it owes. The other beneficiaries' names
 *     and amounts, and the holder's titres, are other organisations' data.</li>
 * </ul>
 */
@ApplicationScoped
public class ConventionVisibility {

    @Inject
    Caller caller;

    /** The organisation a list of conventions is confined to (signatory or beneficiary). */
    Caller.Filter filterFor(UUID requested) {
        return caller.filterFor(requested);
    }

    /** 404 (as if it did not exist) when the caller is neither the holder nor a beneficiary. */
    void requireVisible(Convention c) {
        if (!caller.sees(c.signatoryId) && c.beneficiaries.stream().noneMatch(b -> caller.sees(b.organisationId))) {
            throw ProblemException.notFound("Convention", c.id);
        }
    }

    /** Whether the caller sees the line (beneficiary, order, alert, amendment, billable item) of {@code organisationId}. */
    boolean showsLineOf(Convention c, UUID organisationId) {
        return caller.sees(c.signatoryId) || caller.sees(organisationId);
    }
}
