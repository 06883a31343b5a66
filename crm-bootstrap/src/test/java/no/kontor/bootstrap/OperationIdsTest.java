package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A client generated from the OpenAPI document gets one method per operation, named by its
 * operationId: every operation has one, meaningful (no generated {@code get_1}), unique,
 * and a tag that groups it with its context.
 */
class OperationIdsTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern MEANINGFUL = Pattern.compile("[a-z]+[A-Z][A-Za-z]*");

    /** What is wrong with the operations of {@code document}, one line each; empty when nothing is. */
    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> document) {
        var problems = new ArrayList<String>();
        var seen = new HashMap<String, String>();
        var paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            var operation = (Map<String, Object>) value;
            String where = method.toUpperCase() + " " + path;
            Object id = operation.get("operationId");
            if (id == null) {
                problems.add(where + ": no operationId");
            } else if (!MEANINGFUL.matcher(id.toString()).matches()) {
                problems.add(where + ": operationId " + id + " is not a verb and a noun in camel case");
            } else if (seen.containsKey(id.toString())) {
                problems.add(where + ": operationId " + id + " is also " + seen.get(id.toString()));
            } else {
                seen.put(id.toString(), where);
            }
            var tags = (List<String>) operation.get("tags");
            if (tags == null || tags.isEmpty()) {
                problems.add(where + ": no tag");
            }
        }));
        return problems;
    }

    @Test
    void everyOperationOfKontorHasAUniqueMeaningfulIdAndATag() throws IOException {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF" + OpenApiWalkTest.DOCUMENT)) {
            assertThat(in).as("the generated OpenAPI document").isNotNull();
            document = new Yaml().load(in);
        }
        assertThat((Map<?, ?>) document.get("paths")).hasSizeGreaterThan(40);
        assertThat(problems(document)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRequestBodyHasAnExample() throws IOException {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/META-INF" + OpenApiWalkTest.DOCUMENT)) {
            document = new Yaml().load(in);
        }
        var schemas = (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        var requests = schemas.entrySet().stream().filter(e -> e.getKey().endsWith("Request")).toList();
        assertThat(requests).hasSizeGreaterThan(20);
        assertThat(requests).allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).containsKey("example"));
    }

    @Test
    void theCheckRefusesNumberedDuplicateMissingAndUntaggedOperations() {
        Map<String, Object> document = new Yaml().load("""
                paths:
                  /a:
                    get: {operationId: get_1, tags: [A]}
                    put: {operationId: changeThing, tags: [A]}
                  /b:
                    post: {operationId: changeThing, tags: [B]}
                    delete: {tags: [B]}
                    patch: {operationId: patchThing}
                    parameters: []
                """);
        assertThat(problems(document)).containsExactlyInAnyOrder(
                "GET /a: operationId get_1 is not a verb and a noun in camel case",
                "POST /b: operationId changeThing is also PUT /a",
                "DELETE /b: no operationId",
                "PATCH /b: no tag");
    }
}
