package fr.centrale.billing.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tamper evidence (billing-service README, "Tamper evidence"): each record of a series carries
 * {@code hash = SHA-256(previous hash, "\n", canonical record)} in lowercase hexadecimal, over UTF-8; the first
 * record of a series chains to {@link #GENESIS} (64 zeros). Changing, removing or inserting a record breaks the
 * link of that record or of the next one, whatever is recomputed after it, unless every later hash and the
 * series' head are rewritten too.
 */
public final class LedgerChain {

    /** What the first record of every series chains to. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking a provider up for every record costs more than hashing it. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(LedgerChain::sha256);

    private LedgerChain() {
    }

    /** The hash of {@code record} following {@code previous}. */
    public static String link(String previous, String record) {
        MessageDigest sha = DIGESTS.get();
        sha.reset();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        sha.update(record.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha.digest());
    }

    /** Whether {@code hash} is 64 lowercase hexadecimal digits. */
    public static boolean wellFormed(String hash) {
        if (hash == null || hash.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hash.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256Digest() {
        return sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
