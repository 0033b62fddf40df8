package fr.centrale.billing.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSubscriptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://sig.pasdecalais.fr/centrale/webhooks", "http://10.0.0.12:8080/hook?source=centrale",
            "HTTPS://Example.org"})
    void httpAndHttpsUrlsAreAccepted(String url) {
        assertThat(WebhookSubscription.urlProblem(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/in", "file:///etc/passwd", "mailto:compta@example.org", "example.org/hook",
            "https://", "https://example.org:99999/hook", "https://user:secret@example.org/hook", "https://example.org/hook#part", "http://exa mple.org", " "})
    void otherUrlsAreRefused(String url) {
        assertThat(WebhookSubscription.urlProblem(url)).isNotNull();
    }

    @Test
    void aTooLongUrlOrNoneIsRefused() {
        assertThat(WebhookSubscription.urlProblem(null)).isEqualTo("is required");
        assertThat(WebhookSubscription.urlProblem("https://example.org/" + "a".repeat(2000))).contains("2000");
    }

    @Test
    void eventTypesAreNormalisedAndCheckedAgainstTheFeed() {
        Set<String> types = WebhookSubscription.eventTypes(List.of(" payment", "ISSUED", "Payment"));
        assertThat(types).containsExactly("ISSUED", "PAYMENT");
        assertThat(WebhookSubscription.unknownTypes(types)).isEmpty();
        assertThat(WebhookSubscription.unknownTypes(WebhookSubscription.eventTypes(Arrays.asList("ISSUED", "DELETED", null))))
                .containsExactly("", "DELETED");
        assertThat(WebhookSubscription.eventTypes(null)).isEmpty();
    }

    @Test
    void noTypeMeansEveryType() {
        assertThat(WebhookSubscription.wants(Set.of(), "REDUCTION")).isTrue();
        assertThat(WebhookSubscription.wants(Set.of("ISSUED"), "ISSUED")).isTrue();
        assertThat(WebhookSubscription.wants(Set.of("ISSUED"), "PAYMENT")).isFalse();
    }

    @Test
    void namesInThePayload() {
        assertThat(WebhookSubscription.webhookType("CANCELLATION")).isEqualTo("titre.cancellation");
        UUID subscriber = UUID.fromString("3b0f6c2e-9d41-4f55-a0c7-5e1d2c3b4a59");
        assertThat(WebhookSubscription.messageId(subscriber, 42)).isEqualTo("msg_3b0f6c2e9d414f55a0c75e1d2c3b4a59_42");
    }
}
