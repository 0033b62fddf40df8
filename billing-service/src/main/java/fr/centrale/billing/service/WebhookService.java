package fr.centrale.billing.service;

import fr.centrale.billing.api.WebhookDeliveryView;
import fr.centrale.billing.api.WebhookSubscriberPatch;
import fr.centrale.billing.api.WebhookSubscriberRequest;
import fr.centrale.billing.api.WebhookSubscriberView;
import fr.centrale.billing.domain.WebhookSignature;
import fr.centrale.billing.domain.WebhookSubscription;
import fr.centrale.billing.repository.WebhookRepository;
import fr.centrale.billing.repository.WebhookRepository.Subscriber;
import fr.centrale.common.problem.ProblemException;
import fr.centrale.common.web.PageRequest;
import fr.centrale.common.web.PageResponse;
import fr.centrale.common.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The admin's side of webhooks: subscribers, their deliveries, replays. Delivering is {@link WebhookWorker}'s. */
@ApplicationScoped
public class WebhookService {

    @Inject
    WebhookRepository repository;

    @Inject
    WebhookSecrets secrets;

    @Inject
    Clock clock;

    /** A new subscriber; the answer carries its secret, which no later answer shows. */
    @Transactional
    public WebhookSubscriberView create(WebhookSubscriberRequest request) {
        String url = url(request.url());
        Set<String> types = eventTypes(request.eventTypes());
        long feed = repository.feedPosition();
        long from = request.fromPosition() == null ? 1 : request.fromPosition();
        if (from < 1) {
            throw ProblemException.invalid("fromPosition", "must be 1 or more");
        }
        if (from > feed + 1) {
            throw ProblemException.rule("POSITION_BEYOND_FEED", "The feed ends at position " + feed + ": fromPosition can be at most "
                    + (feed + 1), "fromPosition");
        }
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        Subscriber s = new Subscriber(UUID.randomUUID(), url, blankToNull(request.description()), types, secrets.seal(secret),
                request.enabled() == null || request.enabled(), from - 1, null, 0, now, now);
        repository.insert(s);
        return view(s, feed, secret);
    }

    @Transactional
    public PageResponse<WebhookSubscriberView> list(PageRequest page) {
        long feed = repository.feedPosition();
        List<WebhookSubscriberView> items = repository.list(page.size(), page.offset()).stream().map(s -> view(s, feed, null)).toList();
        return new PageResponse<>(items, page.page(), page.size(), repository.count());
    }

    @Transactional
    public WebhookSubscriberView get(UUID id) {
        return view(found(id, false), repository.feedPosition(), null);
    }

    @Transactional
    public WebhookSubscriberView patch(UUID id, WebhookSubscriberPatch patch, Long ifMatch) {
        String url = patch.url() == null ? null : url(patch.url());
        Set<String> types = patch.eventTypes() == null ? null : eventTypes(patch.eventTypes());
        Subscriber s = found(id, true);
        Versions.check(s.version(), patch.version(), ifMatch);
        boolean enabled = patch.enabled() == null ? s.enabled() : patch.enabled();
        // Enabled again: the event after the cursor is tried at once rather than at the back-off's next attempt.
        Instant next = enabled && !s.enabled() ? null : s.nextAttemptAt();
        repository.update(id, url == null ? s.url() : url, patch.description() == null ? s.description() : blankToNull(patch.description()),
                types == null ? s.eventTypes() : types, enabled, next, clock.instant());
        return view(found(id, false), repository.feedPosition(), null);
    }

    @Transactional
    public void delete(UUID id) {
        if (!repository.delete(id)) {
            throw ProblemException.notFound("Webhook subscriber", id);
        }
    }

    /**
     * Delivers again from {@code fromPosition}: the cursor goes back to just before it and the delivery in progress,
     * if any, is superseded. Moving the cursor forward past an undelivered event is refused: deliveries never skip ahead.
     */
    @Transactional
    public WebhookSubscriberView replay(UUID id, long fromPosition) {
        if (fromPosition < 1) {
            throw ProblemException.invalid("fromPosition", "must be 1 or more");
        }
        Subscriber s = found(id, true);
        if (fromPosition > s.cursor() + 1) {
            throw ProblemException.rule("CANNOT_SKIP_AHEAD", "Position " + (s.cursor() + 1) + " is not delivered yet: a replay "
                    + "starts at most there (a subscriber never skips an event)", "fromPosition");
        }
        Instant now = clock.instant();
        repository.supersedeOpen(id, now);
        repository.rewind(id, fromPosition - 1, now);
        return view(found(id, false), repository.feedPosition(), null);
    }

    @Transactional
    public PageResponse<WebhookDeliveryView> deliveries(UUID id, WebhookDeliveryView.Status status, PageRequest page) {
        found(id, false);
        String s = status == null ? null : status.name();
        return new PageResponse<>(repository.deliveries(id, s, page.size(), page.offset()), page.page(), page.size(),
                repository.countDeliveries(id, s));
    }

    private Subscriber found(UUID id, boolean forUpdate) {
        return repository.find(id, forUpdate).orElseThrow(() -> ProblemException.notFound("Webhook subscriber", id));
    }

    private WebhookSubscriberView view(Subscriber s, long feed, String secret) {
        WebhookSubscriberView.Status status;
        if (!s.enabled()) {
            status = WebhookSubscriberView.Status.DISABLED;
        } else {
            status = repository.open(s.id())
                    .map(open -> WebhookSubscriberView.Status.valueOf(open.status()))
                    .orElse(s.cursor() < feed ? WebhookSubscriberView.Status.DELIVERING : WebhookSubscriberView.Status.UP_TO_DATE);
        }
        return new WebhookSubscriberView(s.id(), s.url(), s.description(), new ArrayList<>(s.eventTypes()), s.enabled(), status,
                s.cursor(), feed, s.nextAttemptAt(), secret, s.version(), s.createdAt(), s.updatedAt());
    }

    private static String url(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.invalid("url", "is required");
        }
        String problem = WebhookSubscription.urlProblem(url);
        if (problem != null) {
            throw ProblemException.rule("INVALID_WEBHOOK_URL", "url " + problem, "url");
        }
        return url.trim();
    }

    private static Set<String> eventTypes(List<String> requested) {
        Set<String> types = WebhookSubscription.eventTypes(requested);
        List<String> unknown = WebhookSubscription.unknownTypes(types);
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("UNKNOWN_EVENT_TYPE", "The feed has no event type " + unknown + "; its types are "
                    + WebhookSubscription.EVENT_TYPES, "eventTypes");
        }
        return types;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
