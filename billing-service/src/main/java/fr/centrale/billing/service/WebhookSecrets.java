package fr.centrale.billing.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * How the webhook secrets are kept. Signing needs the secret itself (HMAC), so it cannot be hashed like a password:
 * with {@code centrale.webhooks.secret-key} set (the base64 of 32 bytes, from a Kubernetes Secret), it is stored
 * encrypted with AES-256-GCM ({@code aesgcm:} + base64 of nonce and ciphertext), and a copy of the database alone
 * does not reveal it; without the key it is stored as is (development, tests) and a warning is logged at start.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final String SEALED = "aesgcm:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "centrale.webhooks.secret-key")
    Optional<String> configuredKey;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        if (configuredKey.isEmpty() || configuredKey.get().isBlank()) {
            LOG.warn("centrale.webhooks.secret-key is not set: webhook secrets are stored unencrypted");
            return;
        }
        byte[] bytes = Base64.getDecoder().decode(configuredKey.get().trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("centrale.webhooks.secret-key must be the base64 of 32 bytes, not " + bytes.length);
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    /** What is stored for {@code secret}. */
    public String seal(String secret) {
        if (key == null) {
            return secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    /** The secret from what is stored. */
    public String open(String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("a webhook secret is encrypted but centrale.webhooks.secret-key is not set");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret: is centrale.webhooks.secret-key the one it was sealed with?", e);
        }
    }
}
