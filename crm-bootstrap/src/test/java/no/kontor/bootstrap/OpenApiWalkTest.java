package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * Walks every operation of the generated OpenAPI document as an admin (so that
 * requests get past 403) — and My page's as a customer — with impossible ids, hostile query strings and broken
 * bodies, and holds each answer to {@link WalkVerdict}: never a 5xx, every 4xx a
 * problem document. An impossible id in a path is also held to 404. All faults
 * are collected and reported at once, so one run names every broken operation.
 * It mutates data (its own database) and trips limits: 401/403/404/409/412/415/
 * 422/428/429 are all fine answers to nonsense.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiWalkTest implements UsesTestDatabase {
    static final String DOCUMENT = "/swagger/kontor-1.0.yml";
    static final List<String> BAD_IDS = List.of("0", "-1", "99999999999999999999", "abc", "%00",
            encode("' OR 1=1--"), "1.5", "%20");
    static final List<Object> HOSTILE_TEXT = List.of("a\u0001b", "\u0000", "tab\there", "\uFFFF", "A".repeat(100_000),
            "' OR 1=1--", "'; DROP TABLE company; --", "<script>alert(1)</script>", "../../etc/passwd", "%s%n", "");
    static final List<String> HOSTILE_QUERY = List.of("0", "-1", "99999999999999999999", "abc", "%00", "%01%7F",
            encode("' OR 1=1--"), encode("<script>alert(1)</script>"), "A".repeat(3000), "%C2%85", "%ED%A0%80", "%FF", "");
    static final JsonMapper JSON = JsonMapper.createDefault();

    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;

    ApiClient admin;
    ApiClient customer;
    long invoiceId;
    Map<String, Object> document;
    long userId;
    final List<String> faults = new ArrayList<>();
    int requests;

    /** The walk logs in wrongly on purpose; the admin must still be able to log in again after the walk ends its session. */
    @Override
    public Map<String, String> getProperties() {
        var properties = new java.util.HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.security.login.per-client", "100000");
        properties.put("kontor.security.login.per-user", "100000");
        properties.put("kontor.portal.per-address", "100000");
        properties.put("kontor.portal.lock-after", "100000");
        return properties;
    }

    @BeforeAll
    void setUp() {
        var yaml = ApiClient.anonymous(server.getURI()).get(DOCUMENT);
        assertThat(yaml.statusCode()).isEqualTo(200);
        document = new Yaml().load(yaml.body());
        admin = staff.admin();
        userId = staff.add("walker", Role.SELLER);
        // something for the baseline id 1 to name, so that bodies reach the use cases
        String company = ApiClient.field(admin.post("/api/v1/companies", "{\"name\":\"Vandring AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        admin.post("/api/v1/companies/" + company + "/contacts", "{\"name\":\"Vera Vandrer\",\"email\":\"vera@example.no\"}");
        admin.post("/api/v1/companies/" + company + "/activities", "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"x\"}");
        admin.post("/api/v1/placements", "{\"name\":\"Vandrebanner\",\"unit\":\"DAY\"}");
        String sale = ApiClient.field(admin.post("/api/v1/sales", "{\"companyId\":" + company + "}").body(), "id");
        admin.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Linje\",\"quantity\":1,\"unit\":\"PIECE\","
                + "\"unitPrice\":10000,\"vatCategory\":\"S\",\"vatPercent\":25}");
        invoiceId = Long.parseLong(ApiInvoices.issued(admin, admin, company)[0]);
        customer = customers.login(invoiceId);
    }

    @Test
    void everyOperationSurvivesHostileInput() {
        Map<String, Map<String, Object>> paths = map(document.get("paths"));
        Set<String> operations = new TreeSet<>();
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                String method = entry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                operations.add(method + " " + path.getKey());
                walk(method, path.getKey(), map(entry.getValue()));
            }
        }
        System.out.println("OpenAPI walk: " + requests + " requests over " + operations.size() + " operations, " + faults.size() + " faults");
        assertThat(operations.size()).as("operations in the document").isGreaterThanOrEqualTo(70);
        assertThat(faults).as(faults.size() + " faults in " + requests + " requests over " + operations.size() + " operations:\n"
                + String.join("\n", faults)).isEmpty();
    }

    private void walk(String method, String template, Map<String, Object> operation) {
        List<Map<String, Object>> parameters = list(operation.get("parameters"));
        var pathParameters = parameters.stream().filter(p -> "path".equals(p.get("in"))).toList();
        var queryParameters = parameters.stream().filter(p -> "query".equals(p.get("in"))).toList();
        String mediaType = null;
        Map<String, Object> bodySchema = null;
        if (operation.get("requestBody") instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content
                && !content.isEmpty()) {
            mediaType = content.containsKey("application/json") ? "application/json" : String.valueOf(content.keySet().iterator().next());
            bodySchema = resolve(map(map(content.get(mediaType)).get("schema")));
        }
        Object plausible = bodySchema == null ? null : sample(bodySchema, 0);
        String body = plausible == null ? null : write(plausible);
        String baseline = baseline(template, Map.of());

        for (var p : pathParameters) {
            String name = String.valueOf(p.get("name"));
            boolean numeric = Set.of("integer", "number").contains(String.valueOf(resolve(map(p.get("schema"))).get("type")));
            for (String bad : BAD_IDS) {
                var r = send(method, baseline(template, Map.of(name, bad)), mediaType, body);
                if (numeric && r != null && r.statusCode() != 404 && r.statusCode() < 500) {
                    faults.add(method + " " + template + " with " + name + "=" + bad + ": an impossible path id answered "
                            + r.statusCode() + ", not 404");
                }
            }
        }
        for (var q : queryParameters) {
            String name = String.valueOf(q.get("name"));
            for (String bad : HOSTILE_QUERY) {
                send(method, baseline + (baseline.contains("?") ? "&" : "?") + name + "=" + bad, mediaType, body);
            }
        }
        if (mediaType == null) {
            send(method, baseline, null, null);
            return;
        }
        if (!mediaType.contains("json")) {
            for (Object text : HOSTILE_TEXT) {
                send(method, baseline, mediaType, text.toString());
            }
            send(method, baseline, mediaType, "{}");
            return;
        }
        send(method, baseline, mediaType, body);
        send(method, baseline, mediaType, null);
        for (String whole : List.of("null", "{}", "[]", "42", "\"x\"", "{", "{\"a\":", "\"\\ud800\"", "")) {
            send(method, baseline, mediaType, whole);
        }
        if (plausible instanceof Map<?, ?> object) {
            for (Object key : object.keySet()) {
                Object value = object.get(key);
                var variants = new ArrayList<Object>();
                variants.add(null);
                variants.add(value instanceof String ? (Object) 42 : "x");
                variants.add(Map.of("a", 1));
                variants.add(List.of(1));
                variants.add(true);
                variants.add(0);
                variants.add(-1);
                variants.add(new java.math.BigInteger("99999999999999999999"));
                variants.add(1.5);
                variants.addAll(HOSTILE_TEXT);
                variants.add("\ud800");
                for (Object variant : variants) {
                    var changed = new LinkedHashMap<Object, Object>(object);
                    changed.put(key, variant);
                    send(method, baseline, mediaType, write(changed));
                }
            }
            var unknown = new LinkedHashMap<Object, Object>(object);
            unknown.put("unexpected", "value");
            send(method, baseline, mediaType, write(unknown));
        }
    }

    private HttpResponse<String> send(String method, String path, String mediaType, String body) {
        requests++;
        HttpResponse<String> r;
        try {
            r = attempt(method, path, mediaType, body);
            if (r.statusCode() == 401 && !path.startsWith("/api/v1/login") && !path.startsWith("/api/v1/portal/login")) {
                // the walk itself ended the session (logout, a new password): log in again and ask once more
                if (path.startsWith("/api/v1/portal/")) {
                    customer = customers.login(invoiceId);
                } else {
                    admin = staff.admin();
                }
                r = attempt(method, path, mediaType, body);
            }
        } catch (AssertionError e) {
            faults.add(method + " " + path + ": no answer (" + e.getCause() + ")");
            return null;
        }
        String fault = WalkVerdict.fault(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        if (fault != null) {
            String shown = body == null ? "no body" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
            faults.add(method + " " + (path.length() > 160 ? path.substring(0, 160) + "…" : path) + " [" + shown + "]: " + fault);
        }
        return r;
    }

    private HttpResponse<String> attempt(String method, String path, String mediaType, String body) {
        var client = path.startsWith("/api/v1/portal/") ? customer : admin;
        var request = client.request(path);
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        if (method.equals("PUT") || method.equals("DELETE")) {
            request.header("If-Match", "\"0\"");
        }
        var publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return client.send(request.method(method, publisher).build());
    }

    /** The path with every variable filled: the given bad values, else an id that names something. */
    private String baseline(String template, Map<String, String> values) {
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.containsKey(name) ? values.get(name)
                    : template.startsWith("/api/v1/users/") ? Long.toString(userId)
                    : name.equals("code") ? "0150" : name.equals("type") ? "company" : "1";
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value the schema allows, as plausible as a generic walk can make it. */
    private Object sample(Map<String, Object> schema, int depth) {
        schema = resolve(schema);
        if (schema.get("example") != null) {
            return schema.get("example");
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        return switch (type) {
            case "integer" -> 1;
            case "number" -> 1;
            case "boolean" -> true;
            case "array" -> depth > 3 ? List.of() : List.of(sample(map(schema.get("items")), depth + 1));
            case "string" -> switch (format) {
                case "date" -> LocalDate.now(ZoneId.of("Europe/Oslo")).plusDays(30).toString();
                case "date-time" -> OffsetDateTime.now().toString();
                case "email" -> "walk@example.no";
                default -> "Vandring";
            };
            default -> {
                var object = new LinkedHashMap<String, Object>();
                if (depth < 4 && schema.get("properties") instanceof Map<?, ?> properties) {
                    for (var p : properties.entrySet()) {
                        object.put(String.valueOf(p.getKey()), sample(map(p.getValue()), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    /** Follows {@code $ref} and takes the first of {@code allOf}/{@code oneOf}/{@code anyOf}. */
    private Map<String, Object> resolve(Map<String, Object> schema) {
        for (int i = 0; i < 10 && schema != null; i++) {
            if (schema.get("$ref") instanceof String ref) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                schema = map(map(map(document.get("components")).get("schemas")).get(name));
            } else if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
                schema = map(all.get(0));
            } else if (schema.get("oneOf") instanceof List<?> one && !one.isEmpty()) {
                schema = map(one.get(0));
            } else if (schema.get("anyOf") instanceof List<?> any && !any.isEmpty()) {
                schema = map(any.get(0));
            } else {
                return schema;
            }
        }
        return schema == null ? Map.of() : schema;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, V>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
