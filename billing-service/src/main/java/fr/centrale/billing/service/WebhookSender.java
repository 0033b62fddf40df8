package fr.centrale.billing.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One POST of a webhook, bounded in time: {@code centrale.webhooks.connect-timeout} to connect, then
 * {@code centrale.webhooks.read-timeout} for the whole answer, of which only the first 2 KB are read. Redirects
 * are not followed (a 3xx is a failure: register the final address).
 */
@ApplicationScoped
public class WebhookSender {

    public static final int EXCERPT_BYTES = 2048;
    public static final int EXCERPT_CHARS = 500;
    /** The attempt was cut short by billing-service stopping: not the subscriber's failure, not recorded. */
    public static final String INTERRUPTED = "interrupted: billing-service is stopping";

    /** What a POST gave: the HTTP status (null without an answer) and the start of the answer or the reason there was none. */
    public record Answer(Integer status, String excerpt) {

        public boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @ConfigProperty(name = "centrale.webhooks.connect-timeout", defaultValue = "5S")
    Duration connectTimeout;

    @ConfigProperty(name = "centrale.webhooks.read-timeout", defaultValue = "10S")
    Duration readTimeout;

    private ExecutorService executor;
    private HttpClient client;

    @PostConstruct
    void init() {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-http");
            t.setDaemon(true);
            return t;
        });
        client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).executor(executor).build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    public Answer post(String url, String webhookId, long timestamp, String signature, byte[] body) {
        CompletableFuture<HttpResponse<String>> sent;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(readTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Centrale-Webhooks/1.0")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            sent = client.sendAsync(request, info -> new Excerpt());
        } catch (IllegalArgumentException e) {
            return new Answer(null, "cannot send to this URL: " + e.getMessage());
        }
        try {
            HttpResponse<String> response = sent.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            sent.cancel(true);
            return new Answer(null, "timed out: no complete answer within " + readTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            return new Answer(null, INTERRUPTED);
        } catch (ExecutionException e) {
            return new Answer(null, reason(e.getCause()));
        }
    }

    private String reason(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "timed out: could not connect within " + connectTimeout.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out: no answer within " + readTimeout.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "could not connect: " + (cause.getMessage() == null ? "connection refused" : cause.getMessage());
        }
        String message = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return message.length() > EXCERPT_CHARS ? message.substring(0, EXCERPT_CHARS) : message;
    }

    /** Reads the first {@link #EXCERPT_BYTES} of an answer, then stops reading. */
    static final class Excerpt implements HttpResponse.BodySubscriber<String> {

        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), EXCERPT_BYTES - bytes.size());
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                bytes.write(chunk, 0, n);
            }
            if (bytes.size() >= EXCERPT_BYTES) {
                subscription.cancel();
                complete();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            complete();
        }

        private void complete() {
            String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace((char) 0, ' ');
            result.complete(text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) : text);
        }
    }
}
