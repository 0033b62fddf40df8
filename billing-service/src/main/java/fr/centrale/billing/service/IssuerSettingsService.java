package fr.centrale.billing.service;

import fr.centrale.billing.IssuerSettings;
import fr.centrale.billing.api.IssuerSettingsPatch;
import fr.centrale.billing.api.IssuerSettingsView;
import fr.centrale.billing.domain.SettingsContent;
import fr.centrale.billing.domain.SettingsRevisions;
import fr.centrale.billing.repository.IssuerSettingsRepository;
import fr.centrale.common.identity.Caller;
import fr.centrale.common.problem.FieldError;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import fr.centrale.common.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The issuers' settings (docs/rules.md, R-4, R-5), append-only: reading the revision in force on a date, and
 * changing them, which adds a revision (a revision, and so what a titre that references it states, never changes).
 */
@ApplicationScoped
public class IssuerSettingsService {

    @Inject
    IssuerSettingsRepository repository;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The revision in force on {@code on} (default today). */
    @Transactional
    public IssuerSettingsView inForce(String issuer, LocalDate on) {
        String code = code(issuer);
        List<IssuerSettings> revisions = repository.revisions(code);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound("Issuer settings of", code);
        }
        LocalDate day = on == null ? ParisClock.today(clock) : on;
        IssuerSettings s = IssuerSettingsRepository.inForce(revisions, day)
                .orElseThrow(() -> new ProblemException(404, "NO_SETTINGS_IN_FORCE", "Not found",
                        "Issuer " + code + " has no settings in force on " + day, null));
        return IssuerSettingsView.of(s, version(revisions));
    }

    /** Every revision of the issuer, by revision. */
    @Transactional
    public List<IssuerSettingsView> revisions(String issuer) {
        String code = code(issuer);
        List<IssuerSettings> revisions = repository.revisions(code);
        if (revisions.isEmpty()) {
            throw ProblemException.notFound("Issuer settings of", code);
        }
        long version = version(revisions);
        return revisions.stream().map(s -> IssuerSettingsView.of(s, version)).toList();
    }

    /**
     * A new revision valid from {@code patch.validFrom()} (default today, never in the past): the fields given, the
     * others as the revision in force on that date states them. Nothing is written when it is refused.
     */
    @Transactional
    public IssuerSettingsView change(String issuer, IssuerSettingsPatch patch, Long ifMatch) {
        String code = code(issuer);
        if (patch.version() == null && ifMatch == null) {
            throw ProblemException.invalid("version", "is required: the version read (0 for an issuer without settings)");
        }
        repository.lock(code);
        List<IssuerSettings> revisions = repository.revisions(code);
        Long asked = patch.version() != null ? patch.version() : ifMatch;
        if (revisions.isEmpty() && (asked == null || asked != 0L)) {
            // An issuer without settings of its own: only its first revision (version 0) may create them.
            throw ProblemException.notFound("Settings of issuer", code);
        }
        Versions.check(version(revisions), patch.version(), ifMatch);
        LocalDate today = ParisClock.today(clock);
        LocalDate validFrom = patch.validFrom() == null ? today : patch.validFrom();
        if (validFrom.isBefore(today)) {
            throw ProblemException.rule("VALID_FROM_IN_PAST", "A revision takes effect today or later, not on "
                    + validFrom + ": titres already issued keep the revision they reference", "validFrom");
        }
        SettingsContent base = IssuerSettingsRepository.inForce(revisions, validFrom).map(IssuerSettings::content).orElse(null);
        SettingsContent content = patch.over(base);
        List<FieldError> errors = content.problems();
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "INVALID_ISSUER_SETTINGS", "Invalid issuer settings",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                            : errors.size() + " fields are invalid", errors);
        }
        int next = SettingsRevisions.next(revisions.stream().map(IssuerSettingsRepository::dated).toList());
        IssuerSettings s = IssuerSettings.of(code, next, validFrom, content,
                caller.user() == null || caller.user().isBlank() ? "(direct call)" : caller.user());
        em.persist(s);
        em.flush();
        return IssuerSettingsView.of(s, next);
    }

    private static long version(List<IssuerSettings> revisions) {
        return revisions.stream().mapToInt(r -> r.revision).max().orElse(0);
    }

    /** The issuer code of the path: letters, digits, '-' or '_', at most 32; compared in upper case. */
    static String code(String issuer) {
        String code = issuer == null ? "" : issuer.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9_-]{1,32}")) {
            throw ProblemException.invalid("code", "must be 1 to 32 letters, digits, '-' or '_', e.g. RESAH");
        }
        return code;
    }
}
