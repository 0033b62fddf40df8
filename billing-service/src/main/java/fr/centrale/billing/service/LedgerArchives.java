package fr.centrale.billing.service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.centrale.billing.api.LedgerVerificationView;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.time.ParisClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The signed archive of an issuer's closed fiscal year, for conservation (billing-service README, "Tamper evidence"):
 * a zip of JSON lines (titres, their lines, payments, events, bordereaux and their totals per rate), the heads of the year's
 * chained series (titres, mandats 673, payments, bordereaux), the verification
 * of that issuer and year, a manifest, and {@code SHA256SUMS} (every part's SHA-256) signed with HMAC-SHA256 under the
 * archive key ({@code centrale.ledger.archive-key}) in {@code SHA256SUMS.sig}. Everything is read in one read-only
 * snapshot and streamed: a year of any size never sits in memory.
 */
@ApplicationScoped
public class LedgerArchives {

    public static final String FORMAT = "centrale-ledger-archive/1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LedgerVerifier verifier;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "centrale.ledger.archive-key")
    Optional<String> configuredKey;

    /** An archive ready to be streamed. */
    public record Archive(String fileName, StreamingOutput writer) {
    }

    /**
     * Checks that the archive can be made (a closed year, a key, something to archive) before anything is sent.
     *
     * @throws ProblemException 409 FISCAL_YEAR_OPEN, 503 ARCHIVE_KEY_NOT_CONFIGURED, 404 when the issuer has no titre that year
     */
    public Archive prepare(String issuer, int year) {
        int current = ParisClock.today(clock).getYear();
        if (year >= current) {
            throw ProblemException.conflict("FISCAL_YEAR_OPEN", "Fiscal year " + year + " is not closed: a fiscal year is closed once its "
                    + "calendar year has ended (Europe/Paris), so " + (current - 1) + " is the latest that can be archived");
        }
        byte[] key = key();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM titre WHERE issuer = ? AND fiscal_year = ?")) {
            s.setString(1, issuer);
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw ProblemException.notFound("Fiscal year of " + issuer, year + " (no titre)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The ledger could not be read: " + e.getMessage(), e);
        }
        return new Archive("ledger-" + issuer + "-" + year + ".zip", out -> write(issuer, year, key, out));
    }

    private byte[] key() {
        String value = configuredKey.map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new ProblemException(503, "ARCHIVE_KEY_NOT_CONFIGURED", "Service unavailable",
                    "No archive key is configured (centrale.ledger.archive-key, CENTRALE_LEDGER_ARCHIVE_KEY): archives cannot be signed", null);
        }
        byte[] key = Base64.getDecoder().decode(value);
        if (key.length < 32) {
            throw new IllegalStateException("centrale.ledger.archive-key must be the base64 of at least 32 bytes, not " + key.length);
        }
        return key;
    }

    /** The parts, in this order; each query answers its rows in the order they are written. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("titres.jsonl", """
                SELECT * FROM titre WHERE issuer = ? AND fiscal_year = ? ORDER BY (kind = 'MANDATE_673'), serial""");
        PARTS.put("titre-lines.jsonl", """
                SELECT l.* FROM titre_line l JOIN titre t ON t.id = l.titre_id WHERE t.issuer = ? AND t.fiscal_year = ?
                 ORDER BY (t.kind = 'MANDATE_673'), t.serial, l.line_no""");
        PARTS.put("payments.jsonl", """
                SELECT p.* FROM payment p JOIN titre t ON t.id = p.titre_id WHERE t.issuer = ? AND t.fiscal_year = ?
                 ORDER BY p.chain_position NULLS LAST, p.created_at, p.id""");
        PARTS.put("events.jsonl", """
                SELECT e.* FROM titre_event e JOIN titre t ON t.id = e.titre_id WHERE t.issuer = ? AND t.fiscal_year = ?
                 ORDER BY e.position""");
        // docs/rules.md, R-6: the year's bordereaux de titres, in chain order, and their totals per VAT rate.
        PARTS.put("bordereaux.jsonl", """
                SELECT * FROM bordereau WHERE issuer = ? AND fiscal_year = ? ORDER BY chain_position NULLS LAST, serial""");
        PARTS.put("bordereau-rates.jsonl", """
                SELECT r.* FROM bordereau_rate r JOIN bordereau b ON b.id = r.bordereau_id WHERE b.issuer = ? AND b.fiscal_year = ?
                 ORDER BY b.chain_position NULLS LAST, b.serial, r.vat_rate""");
        PARTS.put("chains.json", """
                SELECT issuer, fiscal_year, kind, length, head FROM ledger_chain WHERE issuer = ? AND fiscal_year = ? ORDER BY kind""");
    }

    private void write(String issuer, int year, byte[] key, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                zip(c, issuer, year, key, out);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("The ledger could not be read: " + e.getMessage(), e);
        }
    }

    private record Part(String name, String sha256, long bytes, long records) {
    }

    private void zip(Connection c, String issuer, int year, byte[] key, OutputStream out) throws IOException, SQLException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Part> parts = new ArrayList<>();
        List<Object> heads = new ArrayList<>();
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            boolean lines = part.getKey().endsWith(".jsonl");
            parts.add(entry(zip, part.getKey(), (digest, sink) -> {
                try (PreparedStatement s = c.prepareStatement(part.getValue())) {
                    s.setFetchSize(2_000);
                    s.setString(1, issuer);
                    s.setInt(2, year);
                    long n = 0;
                    try (ResultSet rs = s.executeQuery(); JsonGenerator g = generator(sink)) {
                        if (!lines) {
                            g.writeStartArray();
                        }
                        while (rs.next()) {
                            writeRow(g, rs);
                            if (lines) {
                                g.flush();
                                sink.write('\n');
                            }
                            n++;
                        }
                        if (!lines) {
                            g.writeEndArray();
                            g.flush();
                            sink.write('\n');
                        }
                    }
                    return n;
                }
            }));
        }
        LedgerVerificationView verification = verifier.verify(c, issuer, year);
        parts.add(entry(zip, "verification.json", (digest, sink) -> {
            sink.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(verification));
            sink.write('\n');
            return verification.breakCount();
        }));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("issuer", issuer);
        manifest.put("fiscalYear", year);
        manifest.put("generatedAt", Instant.now(clock).toString());
        manifest.put("closed", "the calendar year " + year + " has ended (Europe/Paris)");
        manifest.put("verificationHolds", verification.holds());
        manifest.put("hash", "each record: SHA-256(previous hash, \"\\n\", canonical record), lowercase hex; the first of a series "
                + "follows 64 zeros (billing-service README, \"Tamper evidence\")");
        manifest.put("signature", "SHA256SUMS.sig = HMAC-SHA256(archive key, SHA256SUMS), lowercase hex");
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Part p : parts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("sha256", p.sha256());
            m.put("bytes", p.bytes());
            m.put("records", p.records());
            listed.add(m);
        }
        manifest.put("parts", listed);
        manifest.put("chains", verification.chains());
        parts.add(entry(zip, "manifest.json", (digest, sink) -> {
            sink.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            sink.write('\n');
            return 1;
        }));
        StringBuilder sums = new StringBuilder();
        for (Part p : parts) {
            sums.append(p.sha256()).append("  ").append(p.name()).append('\n');
        }
        byte[] sumsBytes = sums.toString().getBytes(StandardCharsets.US_ASCII);
        entry(zip, "SHA256SUMS", (digest, sink) -> {
            sink.write(sumsBytes);
            return parts.size();
        });
        String signature = hmac(key, sumsBytes) + "\n";
        entry(zip, "SHA256SUMS.sig", (digest, sink) -> {
            sink.write(signature.getBytes(StandardCharsets.US_ASCII));
            return 1;
        });
        zip.finish();
        zip.flush();
    }

    /** HMAC-SHA256 of {@code data} under {@code key}, lowercase hex. */
    public static String hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required of every Java platform", e);
        }
    }

    private interface PartWriter {
        long write(MessageDigest digest, OutputStream sink) throws IOException, SQLException;
    }

    /** Writes one zip entry through a digest and a byte count; its rows are counted by the writer. */
    private static Part entry(ZipOutputStream zip, String name, PartWriter writer) throws IOException, SQLException {
        MessageDigest sha = fr.centrale.billing.domain.LedgerChain.sha256Digest();
        long[] bytes = {0};
        zip.putNextEntry(new ZipEntry(name));
        OutputStream sink = new FilterOutputStream(zip) {
            @Override
            public void write(int b) throws IOException {
                sha.update((byte) b);
                bytes[0]++;
                zip.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                sha.update(b, off, len);
                bytes[0] += len;
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // the zip stays open: its entry is closed below
            }
        };
        long records = writer.write(sha, sink);
        zip.closeEntry();
        return new Part(name, HexFormat.of().formatHex(sha.digest()), bytes[0], records);
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private static JsonGenerator generator(OutputStream sink) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(sink, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return g;
    }

    /** A row as one JSON object: its columns by name, amounts as numbers with their two decimals, dates ISO, instants UTC. */
    private static void writeRow(JsonGenerator g, ResultSet rs) throws IOException, SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        g.writeStartObject();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            g.writeFieldName(meta.getColumnLabel(i));
            int type = meta.getColumnType(i);
            Object value;
            if (type == Types.DATE) {
                value = rs.getObject(i, LocalDate.class);
            } else if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                value = t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
            } else if (type == Types.ARRAY) {
                java.sql.Array a = rs.getArray(i);
                value = a == null ? null : java.util.Arrays.toString((Object[]) a.getArray());
            } else {
                value = rs.getObject(i);
            }
            if (value == null) {
                g.writeNull();
            } else if (value instanceof BigDecimal d) {
                g.writeNumber(d);
            } else if (value instanceof Number n) {
                g.writeNumber(n.longValue());
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof UUID || value instanceof LocalDate || value instanceof Instant) {
                g.writeString(value.toString());
            } else {
                g.writeString(value.toString());
            }
        }
        g.writeEndObject();
    }
}
