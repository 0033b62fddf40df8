package fr.centrale.gateway;

import java.net.URI;

/** Where a service listens, worked out once from its configured base URL. */
record Service(String name, String baseUrl, String host, int port, boolean ssl, String basePath) {

    /** A base URL that is not an {@code http(s)://host[:port][/path]} URL gives a service without host (503). */
    static Service of(Route route, GatewayConfig config) {
        String baseUrl = route.baseUrl(config);
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            uri = URI.create("");
        }
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new Service(route.serviceName(), baseUrl, uri.getHost(), port, ssl, basePath);
    }
}
