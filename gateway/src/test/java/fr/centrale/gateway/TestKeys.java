package fr.centrale.gateway;

import io.smallrye.jwt.build.Jwt;

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
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** A test RSA key pair in target/test-keys, and tokens signed with it. */
public final class TestKeys {

    static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    static final Path PUBLIC_KEY = DIR.resolve("public.pem");
    static final Path PRIVATE_KEY = DIR.resolve("private.pem");

    private TestKeys() {
    }

    static synchronized void ensure() {
        if (Files.isRegularFile(PUBLIC_KEY) && Files.isRegularFile(PRIVATE_KEY)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static PrivateKey privateKey() {
        ensure();
        try {
            String text = Files.readString(PRIVATE_KEY)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-hour token from issuer {@code centrale} with these roles. */
    static String token(String user, String role) {
        return Jwt.issuer("centrale").upn(user).subject(user).groups(Set.of(role)).expiresIn(3600).sign(privateKey());
    }

    static String adherent(String user, String organisationId) {
        return Jwt.issuer("centrale").upn(user).subject(user).groups(Set.of("adherent"))
                .claim("organisationId", organisationId).expiresIn(3600).sign(privateKey());
    }

    static String admin() {
        return token("root", "admin");
    }
}
