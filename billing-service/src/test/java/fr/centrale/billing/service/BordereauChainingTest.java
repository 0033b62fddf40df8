package fr.centrale.billing.service;

import fr.centrale.billing.api.LedgerVerificationView;
import fr.centrale.billing.client.DebtorSnapshot;
import fr.centrale.billing.client.IssuerSnapshot;
import fr.centrale.common.billing.BillableItem;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a bordereau is chained (README, "Tamper evidence"; docs/rules.md, R-6): a run's only once its totals are final,
 * as the run ends. While its run runs, its bordereau is open (not a break); a run that ended without chaining it (a stop
 * during the run) leaves a break until the next start chains it.
 */
@QuarkusTest
class BordereauChainingTest {

    @Inject
    IssuanceService issuance;

    @Inject
    BordereauChains bordereauChains;

    @Inject
    LedgerVerifier verifier;

    @Inject
    AgroalDataSource db;

    private static BillableItem item(String issuer, UUID debtor, String amount) {
        return new BillableItem(BillableItem.SourceType.MEMBERSHIP, UUID.randomUUID(), 1, BillableItem.Kind.MEMBERSHIP_FEE, issuer, debtor,
                "Cotisation 2024", LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), LocalDate.parse("2024-01-02"), null,
                new BigDecimal(amount), new BigDecimal(amount), 30, "Grille", BillableItem.Taxation.NET_OF_TAX, null, null, null, null);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private LedgerVerificationView.Chain bordereaux(LedgerVerificationView v) {
        return v.chains().stream().filter(c -> c.kind().equals("BORDEREAU")).findFirst().orElseThrow();
    }

    @Test
    void aRunsBordereauIsChainedOnceTheRunIsOver() throws SQLException {
        String code = "TC" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
        UUID run = UUID.randomUUID();
        sql("INSERT INTO billing_run (id, as_of, trigger, status) VALUES ('" + run + "', '2024-01-02', 'API', 'RUNNING')");
        UUID debtor = UUID.randomUUID();
        DebtorSnapshot d = new DebtorSnapshot(debtor, "Commune de Lens", "21620498400017", "Place Jean Jaurès", "62300", "Lens", null, null);
        IssuerSnapshot issuer = new IssuerSnapshot(code, "Centrale " + code, null, null, null, null, 30, null);
        // Two batches of the run, two transactions: its bordereau grows, and stays open.
        for (String amount : List.of("600.00", "250.00")) {
            issuance.issueBatch(List.of(new IssuanceService.Issue(item(code, debtor, amount), d, issuer)), LocalDate.parse("2024-01-02"), run,
                    IssuanceService.Thresholds.DEFAULT, i -> null);
        }

        LedgerVerificationView running = verifier.verify(code, 2024);
        assertThat(running.breaks()).isEmpty();
        assertThat(bordereaux(running).length()).isZero();
        assertThat(bordereaux(running).open()).isEqualTo(1L);

        // The run stopped without chaining it (a kill): a break names it.
        sql("UPDATE billing_run SET status = 'INTERRUPTED' WHERE id = '" + run + "'");
        LedgerVerificationView stopped = verifier.verify(code, 2024);
        assertThat(stopped.holds()).isFalse();
        assertThat(stopped.breaks()).singleElement().satisfies(b -> {
            assertThat(b.check()).isEqualTo("CHAINS");
            assertThat(b.series()).isEqualTo(code + "-2024-BORDEREAU");
            assertThat(b.number()).isEqualTo(code + "-2024-B-000001");
            assertThat(b.what()).contains("its run is over");
        });

        // The next start chains it, with its final totals.
        assertThat(bordereauChains.closeEnded()).isPositive();
        LedgerVerificationView after = verifier.verify(code, 2024);
        assertThat(after.breaks()).isEmpty();
        assertThat(bordereaux(after).length()).isEqualTo(1L);
        assertThat(bordereaux(after).open()).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> bordereauChains.closeRun(run))).as("chained once").isZero();
    }
}
