package fr.centrale.membership.domain;

import fr.centrale.common.problem.ProblemException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The bulletins a membership was signed or renewed on (docs/rules.md, R-15; seed 000: "il est nécessaire de mettre
 * à jour le bulletin d'adhésion conclu avec le RESAH pour prendre en compte cette évolution de tarifs"). The
 * latest bulletin's Chorus references (docs/rules.md, R-3) apply from its date on: a titre carries those of the
 * bulletin in force on its issue date.
 */
public final class BulletinHistory {

    /** One bulletin: its date of signature or receipt and the Chorus references it states. */
    public record Bulletin(LocalDate receivedOn, ChorusReferences chorus) {
        public Bulletin {
            chorus = chorus == null ? ChorusReferences.NONE : chorus;
        }
    }

    private final List<Bulletin> bulletins;

    /** @param bulletins at least one (the membership's first bulletin), in any order */
    public BulletinHistory(List<Bulletin> bulletins) {
        if (bulletins.isEmpty()) {
            throw new IllegalArgumentException("A membership has at least its first bulletin");
        }
        this.bulletins = bulletins.stream().sorted(Comparator.comparing(Bulletin::receivedOn)).toList();
    }

    /** The bulletin in force on {@code day}: the latest dated on or before it, else the first one. */
    public Bulletin inForceOn(LocalDate day) {
        Bulletin inForce = bulletins.get(0);
        for (Bulletin b : bulletins) {
            if (!b.receivedOn().isAfter(day)) {
                inForce = b;
            }
        }
        return inForce;
    }

    /** The latest bulletin: its references are the membership's current ones. */
    public Bulletin latest() {
        return bulletins.get(bulletins.size() - 1);
    }

    /**
     * Refuses (422, naming {@code receivedOn}) a new bulletin that is not dated after the latest one (a renewal
     * follows what it renews: BULLETIN_NOT_AFTER_LATEST) or that is dated after the membership's last day, if it
     * ends (MEMBERSHIP_ENDED: a new membership is needed then).
     */
    public void checkNew(LocalDate receivedOn, LocalDate membershipEndsOn) {
        if (!receivedOn.isAfter(latest().receivedOn())) {
            throw ProblemException.rule("BULLETIN_NOT_AFTER_LATEST", "receivedOn " + receivedOn
                    + " must be after the latest bulletin's date " + latest().receivedOn(), "receivedOn");
        }
        if (membershipEndsOn != null && receivedOn.isAfter(membershipEndsOn)) {
            throw ProblemException.rule("MEMBERSHIP_ENDED", "receivedOn " + receivedOn + " is after the membership's end "
                    + membershipEndsOn + ": record a new membership instead", "receivedOn");
        }
    }
}
