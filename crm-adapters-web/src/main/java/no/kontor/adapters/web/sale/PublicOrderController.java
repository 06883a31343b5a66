package no.kontor.adapters.web.sale;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import no.kontor.adapters.web.shared.MultiLine;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.adapters.web.shared.IdempotencyKeyHeader;
import no.kontor.adapters.web.shared.Problems;
import no.kontor.application.sale.PlaceOrder;
import no.kontor.domain.inventory.Period;

/**
 * The door strangers walk through: the newspaper's web order form posts here, with
 * no login. Every refusal is a problem document; nothing is stored for a refused
 * order. Text is kept as typed, and escaped wherever Kontor shows it.
 */
@Controller("/api/v1/public/orders")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public order form")
public class PublicOrderController {
    private final PlaceOrder placeOrder;

    public PublicOrderController(PlaceOrder placeOrder) {
        this.placeOrder = placeOrder;
    }

    @Serdeable
    @Schema(example = "{\"companyName\": \"Nordlys Bakeri AS\", \"organisationNumber\": \"974760673\", \"contactName\": \"Kari Nordmann\", \"email\": \"kari@nordlys.example\", \"phone\": \"+47 22 00 00 00\", \"placementId\": 3, \"firstDay\": \"2027-03-01\", \"lastDay\": \"2027-03-07\", \"message\": \"Gjerne med logo.\"}")
    public record OrderRequest(@Nullable String companyName, @Nullable String organisationNumber, @Nullable String contactName,
                               @Nullable String email, @Nullable String phone, @Nullable @EntityId Long placementId,
                               @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, @Nullable @MultiLine String message) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PeriodResponse(LocalDate firstDay, LocalDate lastDay) {
        static PeriodResponse of(Period p) {
            return new PeriodResponse(p.firstDay(), p.lastDay());
        }
    }

    /**
     * What the public is told: the order's reference and whether the days were
     * reserved, never an internal id, and the same shape and fields whether the
     * company or the e-mail address was known before or not.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OrderResponse(String orderReference, String status, boolean reserved, String placementName, LocalDate firstDay,
                                LocalDate lastDay, List<PeriodResponse> nearestFreePeriods) {
        static OrderResponse of(PlaceOrder.Order o) {
            return new OrderResponse(o.reference().value(), "RECEIVED", !o.taken(), o.placementName(), o.period().firstDay(),
                    o.period().lastDay(), o.nearestFree().stream().map(PeriodResponse::of).toList());
        }
    }

    @Post
    @Operation(operationId = "placePublicOrder", summary = "Order a placement for some days (no login). 201 with the order's reference and status RECEIVED: "
            + "reserved when the placement was free, else not reserved with the nearest free periods (the order is kept "
            + "for a seller). At most kontor.public-orders.max-days days (90), starting today to max-days-ahead (365) days "
            + "from today; an unconfirmed reservation expires after reservation-days (7). Send an Idempotency-Key to retry "
            + "safely: the same body replays the same answer, another body is 422, and 409 while the first still runs. "
            + "Without a key, the same content within ten minutes replays the first order. 30 posts a minute per address.")
    public HttpResponse<?> order(@Body @Valid OrderRequest body, @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                 HttpRequest<?> request) {
        IdempotencyKeyHeader.checked(idempotencyKey);
        var result = placeOrder.execute(new PlaceOrder.Form(body.companyName(), body.organisationNumber(), body.contactName(),
                body.email(), body.phone(), body.placementId(), body.firstDay(), body.lastDay(), body.message()),
                ClientAddresses.of(request), idempotencyKey);
        if (result instanceof PlaceOrder.Throttled throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            return Problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, "order.throttled",
                    "Too many orders from this address; try again in " + seconds + " seconds")
                    .header("Retry-After", Long.toString(seconds));
        }
        var order = ((PlaceOrder.Placed) result).order();
        var response = HttpResponse.created(OrderResponse.of(order)); // no Location: the sale's id is not the public's
        return order.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }
}
