package fr.centrale.billing.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The rules of a webhook subscription: its address, the event types it receives, their names in the payload. */
public final class WebhookSubscription {

    /** The types of the titre feed (titre_event.type); a later type is added here and becomes subscribable. */
    public static final List<String> EVENT_TYPES = List.of("ISSUED", "PAYMENT", "CANCELLATION", "REDUCTION");
    public static final int MAX_URL_LENGTH = 2000;

    private WebhookSubscription() {
    }

    /**
     * Why {@code url} cannot receive webhooks, or null when it can: an absolute http or https URL with a host,
     * without user information (a password in a URL would be shown in every listing) nor fragment.
     */
    public static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "is required";
        }
        if (url.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return "has an invalid port";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user or password";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        return null;
    }

    /** The event types, upper-cased, sorted, without duplicates; none (null or empty) means every type. */
    public static Set<String> eventTypes(Collection<String> requested) {
        Set<String> types = new TreeSet<>();
        if (requested == null) {
            return types;
        }
        for (String type : requested) {
            types.add(type == null ? "" : type.trim().toUpperCase(Locale.ROOT));
        }
        return types;
    }

    /** The requested types that the feed does not have. */
    public static List<String> unknownTypes(Collection<String> types) {
        List<String> unknown = new ArrayList<>();
        for (String type : types) {
            if (!EVENT_TYPES.contains(type)) {
                unknown.add(type);
            }
        }
        return unknown;
    }

    /** Whether a subscriber of {@code types} (empty: all) receives an event of {@code type}. */
    public static boolean wants(Set<String> types, String type) {
        return types.isEmpty() || types.contains(type);
    }

    /** The Standard Webhooks {@code type} of a feed event: {@code titre.issued}, {@code titre.payment}... */
    public static String webhookType(String feedType) {
        return "titre." + feedType.toLowerCase(Locale.ROOT);
    }

    /** The webhook-id: the same for every attempt and replay of one event to one subscriber, so that receivers deduplicate. */
    public static String messageId(java.util.UUID subscriber, long position) {
        return "msg_" + subscriber.toString().replace("-", "") + "_" + position;
    }
}
