package fr.centrale.billing.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signatures in the Standard Webhooks form (https://www.standardwebhooks.com, "Signature scheme"):
 * the secret is {@code whsec_} followed by the base64 of its key bytes; the signed content is
 * {@code {webhook-id}.{webhook-timestamp}.{body}}; the {@code webhook-signature} header holds
 * {@code v1,} followed by the base64 of its HMAC-SHA256, several space-separated signatures being allowed.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";
    /** 32 bytes: the specification asks for between 24 and 64. */
    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new random secret, {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The key bytes of a secret, with or without its {@code whsec_} prefix. */
    public static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length == 0) {
            throw new IllegalArgumentException("an empty webhook secret");
        }
        return key;
    }

    /** The {@code webhook-signature} header value: {@code v1,<base64 of HMAC-SHA256(key, id.timestamp.body)>}. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return VERSION + "," + Base64.getEncoder().encodeToString(hmac(key(secret), id, Long.toString(timestamp), body));
    }

    /**
     * What a receiver checks: one of the header's {@code v1} signatures is the one computed from the secret, and
     * the timestamp is within {@code toleranceSeconds} of {@code nowSeconds} (replayed old messages are refused).
     */
    public static boolean verify(String secret, String id, String timestamp, byte[] body, String header,
                                 long nowSeconds, long toleranceSeconds) {
        if (secret == null || id == null || timestamp == null || body == null || header == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - sent) > toleranceSeconds) {
            return false;
        }
        byte[] expected;
        try {
            expected = hmac(key(secret), id, timestamp.trim(), body);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String signature : header.trim().split(" +")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !VERSION.equals(signature.substring(0, comma))) {
                continue;
            }
            try {
                if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(comma + 1)))) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // another signature may match
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
