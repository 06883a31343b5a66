package no.kontor.adapters.web.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately plain HTTP client for end-to-end tests: raw bodies in, raw
 * bodies out, so a test sees exactly what a client would (malformed JSON
 * included), and no client library forgives a wrong content type.
 */
public final class ApiClient {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    private ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public static ApiClient anonymous(URI base) {
        return new ApiClient(base, null);
    }

    /** A client that sends {@code token} as its bearer token (a My page session's, say). */
    public static ApiClient bearer(URI base, String token) {
        return new ApiClient(base, token);
    }

    public ApiClient login(String username, String password) {
        var response = anonymous(base).post("/api/v1/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new AssertionError("login as " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return new ApiClient(base, m.group(1));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json, String ifMatch) {
        var b = request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + request, e);
        }
    }

    /** For a binary body (a PDF). */
    public HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + request, e);
        }
    }

    public HttpRequest.Builder request(String path) {
        var b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** A top-level JSON field's raw value, for quick checks ({@code "name"} → {@code "Acme AS"} unquoted). */
    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}\\]]+)").matcher(json);
        if (!m.find()) {
            return null;
        }
        if (m.group(2) != null) {
            return m.group(2);
        }
        String raw = m.group(1).strip();
        return raw.equals("null") ? null : raw;
    }
}
