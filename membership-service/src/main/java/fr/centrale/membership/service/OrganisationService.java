package fr.centrale.membership.service;

import fr.centrale.common.identity.Access;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.FieldError;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Versions;
import fr.centrale.common.organisation.Category;
import fr.centrale.membership.Contact;
import fr.centrale.membership.Organisation;
import fr.centrale.membership.api.Address;
import fr.centrale.membership.api.Chorus;
import fr.centrale.membership.api.ContactChangeView;
import fr.centrale.membership.api.ContactPatch;
import fr.centrale.membership.api.ContactRequest;
import fr.centrale.membership.api.ContactView;
import fr.centrale.membership.api.OrganisationPatch;
import fr.centrale.membership.api.OrganisationRequest;
import fr.centrale.membership.api.OrganisationView;
import fr.centrale.membership.api.PersonalDataExport;
import fr.centrale.membership.domain.ContactChanges;
import fr.centrale.membership.domain.Departement;
import fr.centrale.membership.domain.Siret;
import fr.centrale.membership.repository.ContactChangeRepository;
import fr.centrale.membership.repository.ContactRepository;
import fr.centrale.membership.repository.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrganisationService {

    @Inject
    OrganisationRepository organisations;

    @Inject
    ContactRepository contacts;

    @Inject
    ContactChangeRepository changeLog;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Transactional
    public OrganisationView create(OrganisationRequest request) {
        String siret = PurchasingBodyService.siretOrThrow(request.siret());
        requirePopulationOfCommune(request.category(), request.population());
        refuseDuplicate(siret, null);
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.name = request.name().trim();
        o.siret = siret;
        o.category = request.category();
        o.population = request.population();
        o.headcount = request.headcount();
        o.finess = request.finess();
        setAddress(o, request.address());
        setChorus(o, request.chorus());
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        if (request.contacts() != null) {
            request.contacts().forEach(c -> o.contacts.add(newContact(o, c)));
        }
        organisations.persist(o);
        o.contacts.forEach(this::recordCreation);
        return OrganisationView.of(o);
    }

    @Transactional
    public PageResponse<OrganisationView> list(String siret, Category category, String q, PageRequest page) {
        organisations.readOnly();
        UUID own = caller.confinedTo().orElse(null); // an adherent finds only its own organisation
        var query = organisations.search(own, siret == null ? null : Siret.normalize(siret), category, q);
        List<OrganisationView> items = query.page(page.page(), page.size()).list().stream()
                .map(OrganisationView::of).toList();
        return new PageResponse<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public OrganisationView get(UUID id) {
        organisations.readOnly();
        return OrganisationView.of(readable(id));
    }

    @Transactional
    public OrganisationView patch(UUID id, OrganisationPatch patch, Long ifMatch) {
        Organisation o = require(id);
        Versions.check(o.version, patch.version(), ifMatch);
        if (patch.siret() != null) {
            String siret = PurchasingBodyService.siretOrThrow(patch.siret());
            refuseDuplicate(siret, o.id);
            o.siret = siret;
        }
        if (patch.name() != null) {
            o.name = patch.name().trim();
        }
        if (patch.category() != null) {
            o.category = patch.category();
        }
        if (patch.population() != null) {
            o.population = patch.population();
        }
        if (patch.headcount() != null) {
            o.headcount = patch.headcount();
        }
        if (patch.finess() != null) {
            o.finess = patch.finess();
        }
        if (patch.address() != null) {
            setAddress(o, patch.address());
        }
        if (patch.chorus() != null) {
            setChorus(o, patch.chorus());
        }
        requirePopulationOfCommune(o.category, o.population);
        o.updatedAt = Instant.now();
        organisations.flush();
        return OrganisationView.of(o);
    }

    @Transactional
    public ContactView addContact(UUID organisationId, ContactRequest request) {
        Organisation o = require(organisationId);
        Contact c = newContact(o, request);
        o.contacts.add(c);
        contacts.persist(c);
        recordCreation(c);
        return ContactView.of(c);
    }

    /**
     * RGPD right of rectification (docs/rules.md, R-16): corrects the contact's personal data and records who changed
     * which field from what to what. A correction that changes nothing records nothing.
     */
    @Transactional
    public ContactView correctContact(UUID contactId, ContactPatch patch, Long ifMatch) {
        Contact c = requireContact(contactId);
        Versions.check(c.version, patch.version(), ifMatch);
        if (patch.name() != null && patch.name().isBlank()) {
            throw ProblemException.invalid("name", "must not be blank");
        }
        ContactChanges.Snapshot before = snapshot(c);
        if (patch.name() != null) {
            c.name = patch.name().trim();
        }
        if (patch.role() != null) {
            c.role = blankToNull(patch.role());
        }
        if (patch.email() != null) {
            c.email = blankToNull(patch.email());
        }
        if (patch.phone() != null) {
            c.phone = blankToNull(patch.phone());
        }
        List<ContactChanges.FieldChange> changes = ContactChanges.corrected(before, snapshot(c));
        if (!changes.isEmpty()) {
            c.updatedAt = Instant.now();
            changeLog.record(c.id, c.organisation.id, "CORRECTED", caller.user(), changes);
        }
        contacts.flush();
        return ContactView.of(c);
    }

    /** The recorded changes of a contact, erased or not (docs/rules.md, R-16): for an administrator only. */
    @Transactional
    public List<ContactChangeView> contactChanges(UUID contactId) {
        if (caller.isForwarded() && !caller.roles().contains(Access.ADMIN)) {
            throw new ProblemException(403, "FORBIDDEN", "Forbidden",
                    "The record of a contact's changes is for administrators only", null);
        }
        List<ContactChangeView> changes = changeLog.of(contactId);
        if (changes.isEmpty() && contacts.findByIdOptional(contactId).isEmpty()) {
            throw ProblemException.notFound("Contact", contactId);
        }
        return changes;
    }

    @Transactional
    public List<ContactView> contactsOf(UUID organisationId) {
        organisations.readOnly();
        return readable(organisationId).contacts.stream().map(ContactView::of).toList();
    }

    /** RGPD right of access: everything held on this person. */
    @Transactional
    public PersonalDataExport exportContact(UUID contactId) {
        Contact c = requireContact(contactId);
        caller.requireSees(c.organisation.id, "Contact", contactId);
        Organisation o = c.organisation;
        return new PersonalDataExport(c.id, c.name, c.role, c.email, c.phone,
                new PersonalDataExport.Holder(o.id, o.name, o.siret),
                "Contact with the organisation about its memberships, conventions and titres de recettes",
                "Performance of a public-service mission (RGPD art. 6.1.e)",
                "The purchasing bodies the organisation belongs to",
                "As long as the organisation holds a membership or convention, then erased on request",
                c.createdAt, c.updatedAt, Instant.now());
    }

    /**
     * RGPD right to erasure: the contact's personal data are deleted; only the fact that a contact
     * of that organisation was erased, and when, is kept.
     */
    @Transactional
    public void eraseContact(UUID contactId) {
        Contact c = requireContact(contactId);
        UUID organisationId = c.organisation.id;
        // docs/rules.md, R-16: the erasure is recorded without any value, and the earlier changes lose theirs.
        changeLog.forgetValues(contactId);
        changeLog.record(contactId, organisationId, "ERASED", caller.user(), ContactChanges.erased(snapshot(c)));
        c.organisation.contacts.remove(c);
        contacts.delete(c);
        em.createNativeQuery("INSERT INTO contact_erasure (contact_id, organisation_id) VALUES (?1, ?2)")
                .setParameter(1, contactId).setParameter(2, organisationId).executeUpdate();
    }

    private void recordCreation(Contact c) {
        changeLog.record(c.id, c.organisation.id, "CREATED", caller.user(), ContactChanges.created(snapshot(c)));
    }

    private static ContactChanges.Snapshot snapshot(Contact c) {
        return new ContactChanges.Snapshot(c.name, c.role, c.email, c.phone);
    }

    public Organisation require(UUID id) {
        return organisations.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }

    /**
     * The organisation with its contacts (one statement), when the caller may see it (an adherent only its own);
     * else 404 as if unknown. For the reads; writes load with {@link #require}.
     */
    private Organisation readable(UUID id) {
        caller.requireSees(id, "Organisation", id);
        return organisations.findWithContacts(id).orElseThrow(() -> ProblemException.notFound("Organisation", id));
    }

    private Contact requireContact(UUID id) {
        return contacts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Contact", id));
    }

    private void refuseDuplicate(String siret, UUID self) {
        organisations.findBySiret(siret).filter(existing -> !existing.id.equals(self)).ifPresent(existing -> {
            throw ProblemException.conflict("SIRET_ALREADY_REGISTERED",
                    "SIRET " + siret + " is already registered for " + existing.name + " (" + existing.id + ")");
        });
    }

    /** The grids size communes by inhabitants, so a commune without population cannot be priced. */
    private static void requirePopulationOfCommune(Category category, Integer population) {
        if (category == Category.COMMUNE && population == null) {
            throw ProblemException.invalid(List.of(new FieldError("population", "is required for a COMMUNE")));
        }
    }

    private static void setAddress(Organisation o, Address address) {
        o.street = address.street().trim();
        o.postalCode = address.postalCode();
        o.city = address.city().trim();
        o.departement = Departement.ofPostalCode(address.postalCode());
    }

    private static void setChorus(Organisation o, Chorus chorus) {
        o.chorusLegalCommitment = chorus == null ? null : blankToNull(chorus.legalCommitment());
        o.chorusServiceCode = chorus == null ? null : blankToNull(chorus.serviceCode());
    }

    private static Contact newContact(Organisation o, ContactRequest request) {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.organisation = o;
        c.name = request.name().trim();
        c.role = blankToNull(request.role());
        c.email = blankToNull(request.email());
        c.phone = blankToNull(request.phone());
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
