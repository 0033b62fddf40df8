package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    // The test vector published with the Standard Webhooks specification (and Svix's "verifying manually" page).
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsLikeTheSpecificationVector() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesTheSpecificationVectorWithinTheTolerance() {
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, TIMESTAMP + 299, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, TIMESTAMP - 300, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, TIMESTAMP + 301, 300))
                .as("too old: a replayed message").isFalse();
    }

    @Test
    void refusesAnyAlteration() {
        long now = TIMESTAMP;
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8),
                SIGNATURE, now, 300)).as("body").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "msg_other", "1614265330", BODY, SIGNATURE, now, 300)).as("id").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265331", BODY, SIGNATURE, now, 300)).as("timestamp").isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, "1614265330", BODY, SIGNATURE, now, 300))
                .as("secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, "v2," + SIGNATURE.substring(3), now, 300))
                .as("another scheme version").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "soon", BODY, SIGNATURE, now, 300)).as("timestamp not a number").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, "v1,not base64!", now, 300)).as("garbage").isFalse();
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndASecretWithoutItsPrefix() {
        String other = WebhookSignature.sign(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY);
        assertThat(WebhookSignature.verify(SECRET, ID, "1614265330", BODY, other + " " + SIGNATURE, TIMESTAMP, 300)).isTrue();
        assertThat(WebhookSignature.verify(SECRET.substring(6), ID, "1614265330", BODY, SIGNATURE, TIMESTAMP, 300)).isTrue();
    }

    @Test
    void agreesWithAnIndependentHmac() throws Exception {
        String secret = WebhookSignature.newSecret();
        byte[] body = "{\"type\":\"titre.issued\",\"data\":{\"position\":7,\"é\":\"ü\"}}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("msg_x_7.1700000000." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.sign(secret, "msg_x_7", 1700000000L, body)).isEqualTo(expected);
    }

    @Test
    void newSecretsAreRandom32ByteKeys() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(WebhookSignature.key(a)).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
        assertThatThrownBy(() -> WebhookSignature.key("whsec_")).isInstanceOf(IllegalArgumentException.class);
    }
}
