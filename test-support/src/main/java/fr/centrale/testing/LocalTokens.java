package fr.centrale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local signing key and one ready-to-use token per role, for the gateway of the one-command run (and of the
 * system tests). The key
 * pair is generated on the first run into {@code .run/keys/} (never committed: {@code .run/} is ignored) and
 * kept, so tokens printed earlier stay valid until they expire (one day).
 */
public final class LocalTokens {

    public static final String ISSUER = "centrale";
    private static final Duration VALIDITY = Duration.ofDays(1);

    private final Path publicKey;
    private final PrivateKey privateKey;

    private LocalTokens(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Loads the key pair from {@code dir}, generating it the first time. */
    public static LocalTokens in(Path dir) {
        Path pub = dir.resolve("public.pem");
        Path priv = dir.resolve("private.pem");
        try {
            if (!Files.exists(pub) || !Files.exists(priv)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new LocalTokens(pub.toAbsolutePath(), key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the local signing key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot prepare the local signing key in " + dir, e);
        }
    }

    /** Where the gateway reads the public key ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKey() {
        return publicKey;
    }

    /** A signed RS256 token for a role; {@code organisationId} for the adherent role. */
    public String token(String role, String organisationId) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "local-" + role);
        claims.put("upn", role + "@centrale.local");
        claims.put("groups", new String[]{role});
        if (organisationId != null) {
            claims.put("organisationId", organisationId);
        }
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(VALIDITY).getEpochSecond());
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = encode(json(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a local token", e);
        }
    }

    private static String json(Map<String, Object> claims) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> e : claims.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof String s) {
                out.append('"').append(s).append('"');
            } else if (v instanceof String[] list) {
                out.append('[');
                for (int i = 0; i < list.length; i++) {
                    out.append(i > 0 ? "," : "").append('"').append(list[i]).append('"');
                }
                out.append(']');
            } else {
                out.append(v);
            }
        }
        return out.append('}').toString();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
