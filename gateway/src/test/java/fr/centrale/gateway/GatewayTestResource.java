package fr.centrale.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server standing in for the three services, each under its own prefix
 * ({@code /m}, {@code /c}, {@code /b}) so that a test sees which service a request reached;
 * a short read timeout; and the test key pair's public key. Init arg {@code down=billing} points
 * the billing-service at a closed port instead.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private String down;

    @Override
    public void init(Map<String, String> initArgs) {
        down = initArgs.get("down");
    }

    @Override
    public Map<String, String> start() {
        TestKeys.ensure();
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        Map<String, String> config = new HashMap<>();
        config.put("centrale.gateway.membership-url", base + "/m");
        config.put("centrale.gateway.convention-url", base + "/c");
        config.put("centrale.gateway.billing-url", "billing".equals(down) ? "http://localhost:" + closedPort() + "/b" : base + "/b");
        config.put("centrale.gateway.connect-timeout", "1s");
        config.put("centrale.gateway.read-timeout", "2s"); // 1 s gave 504s from WireMock itself on a machine loaded by other builds
        config.put("centrale.gateway.openapi-cache", "0s");
        config.put("mp.jwt.verify.publickey.location", TestKeys.PUBLIC_KEY.toUri().toString());
        return config;
    }

    /**
     * Port 1 (tcpmux): privileged and never listened on here, so a connection is refused. A free port found by
     * binding port 0 and closing it can be taken again at once by the next bind(0) — the gateway's own random test
     * port among them — which then answered 404 instead of refusing.
     */
    private static int closedPort() {
        return 1;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
