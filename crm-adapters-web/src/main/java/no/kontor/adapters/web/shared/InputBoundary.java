package no.kontor.adapters.web.shared;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

/**
 * Checks what a request carries outside its body before any controller sees it,
 * once for every route:
 * <ul>
 * <li>a path variable bound to a number is a record's id: anything but a positive
 * whole number that fits a {@code long} (0, -1, {@code abc}, 20 digits) names no
 * record, so it is 404 like an unknown id — never a conversion error or a 500;</li>
 * <li>a path variable bound to text and every query parameter must be one line of
 * text XML 1.0 can carry ({@link Text}), else 400 naming it.</li>
 * </ul>
 * Query and body ids are {@link EntityId}s, refused with 400 naming the field.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class InputBoundary implements Ordered {
    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            for (String value : parameter.getValue()) {
                String refusal = Text.refusal(value, false);
                if (refusal != null) {
                    return refused(request, parameter.getKey(), refusal);
                }
            }
        }
        var match = RouteAttributes.getRouteMatch(request).orElse(null);
        if (!(match instanceof MethodBasedRouteMatch<?, ?> method)) {
            return null;
        }
        Map<String, Object> variables = match.getVariableValues();
        for (Argument<?> argument : method.getArguments()) {
            String name = argument.getAnnotationMetadata().stringValue(PathVariable.class).orElse(argument.getName());
            Object value = variables.get(name);
            if (value == null) {
                continue;
            }
            String text = value.toString();
            if (isNumber(argument.getType())) {
                if (!isId(text)) {
                    return Problems.respond(request, HttpStatus.NOT_FOUND, "resource.not-found",
                            "There is no record with the " + name + " in this path");
                }
            } else {
                String refusal = Text.refusal(text, false);
                if (refusal != null) {
                    return refused(request, name, refusal);
                }
            }
        }
        return null;
    }

    /** Whether a path segment can name a record: digits only, positive, within a {@code long}. */
    static boolean isId(String text) {
        if (!ID.matcher(text).matches()) {
            return false;
        }
        try {
            return Long.parseLong(text) > 0;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    private static boolean isNumber(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }

    private static HttpResponse<ProblemDetails> refused(HttpRequest<?> request, String field, String refusal) {
        String message = "The text " + refusal;
        var response = Problems.respond(request, HttpStatus.BAD_REQUEST, "request.invalid", message);
        return response.body(response.body().withErrors(List.of(new ProblemDetails.FieldProblem(field, message, Text.CODE))));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after(); // who may not call the route at all is told so first
    }
}
