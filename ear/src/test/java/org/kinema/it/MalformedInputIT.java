package org.kinema.it;

import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed path values, queries, headers and bodies sent to every endpoint of the web module
 * (read from its classes, see {@link Endpoints}), anonymously, as a user and as root: no answer
 * may be a 5xx or the container's HTML page, none may hang, and the node serves normally after.
 * The run is bounded ({@value #TRIES} tries per endpoint and caller, at most {@value #BUDGET_SECONDS}
 * s) and its seed printed; {@code -Dkinema.fuzz.seed=…} replays one. Path ids are never those of
 * real rows, so the other tests' data stays as it was.
 */
@ExtendWith(KinemaServer.class)
class MalformedInputIT {

    private static final int TRIES = 8;
    private static final int BUDGET_SECONDS = 75;
    private final Api api = KinemaServer.api();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noEndpointAnswersMalformedInputWithA5xxAndTheNodeKeepsServing() throws Exception {
        long seed = Long.getLong("kinema.fuzz.seed", 20261129L);
        List<Endpoints.Endpoint> endpoints = Endpoints.all();
        System.out.printf("Malformed input: %d endpoints, seed %d (-Dkinema.fuzz.seed=%d replays it)%n",
                endpoints.size(), seed, seed);
        String user = Fresh.name("fuzz");
        Map<String, String> tokens = new TreeMap<>(Map.of("anonymous", "", "user", api.newUser(user, "fuzz-password"),
                "root", api.rootToken()));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        JqwikSession.run(String.valueOf(seed), () -> {
            MalformedRequests requests = new MalformedRequests(seed);
            long deadline = System.nanoTime() + Duration.ofSeconds(BUDGET_SECONDS).toNanos();
            for (int round = 0; round < TRIES; round++) {
                for (Endpoints.Endpoint endpoint : endpoints) {
                    for (String caller : tokens.keySet()) {
                        if (System.nanoTime() > deadline) {
                            return;
                        }
                        MalformedRequests.Request request = request(requests, endpoint, tokens.get(caller));
                        String outcome = outcome(request, caller, failures);
                        outcomes.merge(outcome, 1, Integer::sum);
                        if (endpoint.path().endsWith("revoke-token") && !caller.equals("anonymous")) {
                            tokens.put(caller, caller.equals("root") ? api.rootToken() : api.token(user, "fuzz-password"));
                        }
                    }
                }
            }
        });
        System.out.printf("Malformed input: %s requests, by answer (or what became of them)%n", outcomes);
        assertTrue(failures.isEmpty(), failures.size() + " failures, the first ones:\n" + String.join("\n",
                failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(200, api.get("/health", null).status());
        assertEquals(200, api.get("/api/v1/config", null).status());
        assertEquals(200, api.get("/api/v1/users/me", api.token(user, "fuzz-password")).status());
    }

    /** Sends one request: its status, or what became of it; a 5xx, an HTML page or a hang is a failure. */
    private String outcome(MalformedRequests.Request request, String caller, List<String> failures) {
        try {
            HttpResponse<String> reply = send(request);
            if (reply.statusCode() >= 500 || reply.body().contains("<title>Error</title>")) {
                failures.add(reply.statusCode() + " for " + caller + ": " + request + " -> "
                        + reply.body().substring(0, Math.min(300, reply.body().length())));
            }
            return String.valueOf(reply.statusCode());
        } catch (HttpTimeoutException e) {
            failures.add("no answer within 20 s for " + caller + ": " + request);
            return "hung";
        } catch (IOException e) {
            return "closed";
        } catch (IllegalArgumentException e) {
            return "unsendable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MalformedRequests.Request request(MalformedRequests requests, Endpoints.Endpoint endpoint, String token) {
        StringBuilder path = new StringBuilder();
        for (String part : endpoint.path().split("(?=\\{)|(?<=})")) {
            path.append(part.startsWith("{") ? requests.segment() : part);
        }
        String query = requests.query(endpoint.queryParams());
        Map<String, String> headers = requests.headers(endpoint.path());
        if (!token.isEmpty()) {
            headers.put("Authorization", "Bearer " + token);
        } else if (requests.chance(5)) {
            headers.put("Authorization", requests.badAuthorization());
        }
        byte[] body = null;
        boolean takesBody = !endpoint.consumes().isEmpty() || endpoint.method().matches("POST|PUT|PATCH|QUERY");
        if (takesBody || requests.chance(10)) {
            Map.Entry<String, byte[]> typed = requests.body(endpoint.consumes(), endpoint.formParams(), endpoint.bodyType());
            if (!typed.getKey().isEmpty()) {
                headers.put("Content-Type", typed.getKey());
            }
            body = typed.getValue();
        }
        return new MalformedRequests.Request(endpoint.method(), path + (query.isEmpty() ? "" : "?" + query), headers, body);
    }

    private HttpResponse<String> send(MalformedRequests.Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.baseUrl() + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(20))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
