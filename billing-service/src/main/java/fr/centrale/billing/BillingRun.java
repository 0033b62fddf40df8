package fr.centrale.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One billing run, with what it issued and how it ended. */
@Entity
@Table(name = "billing_run")
public class BillingRun extends PanacheEntityBase {

    public enum Status {
        RUNNING, COMPLETED,
        /** A source could not be read to the end, or some items failed: the next run completes it. */
        PARTIAL,
        /** Nothing could be read. */
        FAILED,
        /** The service stopped during the run (found RUNNING at start-up). */
        INTERRUPTED
    }

    public enum Trigger { API, SCHEDULER }

    @Id
    public UUID id;
    @Column(name = "as_of")
    public LocalDate asOf;
    @Enumerated(EnumType.STRING)
    public Trigger trigger;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "issued_count")
    public int issuedCount;
    @Column(name = "already_issued_count")
    public int alreadyIssuedCount;
    /** Items below their issuer's threshold, recorded as waived by this run (docs/rules.md, R-2). */
    @Column(name = "waived_count")
    public int waivedCount;
    @Column(name = "failed_count")
    public int failedCount;
    public String message;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
