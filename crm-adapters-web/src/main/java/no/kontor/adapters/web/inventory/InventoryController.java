package no.kontor.adapters.web.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.MultiLine;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.inventory.BookPlacement;
import no.kontor.application.inventory.ManagePlacements;
import no.kontor.domain.inventory.Availability;
import no.kontor.domain.inventory.Booking;
import no.kontor.domain.inventory.BookingId;
import no.kontor.domain.inventory.Period;
import no.kontor.domain.inventory.Placement;
import no.kontor.domain.inventory.PlacementId;
import no.kontor.domain.inventory.PlacementPrice;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.shared.ValidationException;
import no.kontor.adapters.web.shared.PageResponse;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Inventory")
public class InventoryController {
    private final ManagePlacements placements;
    private final BookPlacement bookings;

    public InventoryController(ManagePlacements placements, BookPlacement bookings) {
        this.placements = placements;
        this.bookings = bookings;
    }

    @Serdeable
    @Schema(example = "{\"name\": \"Toppbanner forside\", \"description\": \"980×150 over artikkellisten\", \"channel\": \"Nett\", \"unit\": \"WEEK\"}")
    public record PlacementRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 2000) @MultiLine String description,
                                   @Nullable @Size(max = 100) String channel, @NotNull Placement.Unit unit) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PlacementResponse(long id, String name, @Nullable String description, @Nullable String channel,
                                    Placement.Unit unit, boolean active, long version) {
        static PlacementResponse of(Placement p) {
            return new PlacementResponse(p.id().value(), p.name(), p.description(), p.channel(), p.unit(), p.active(), p.version());
        }
    }

    @Serdeable
    @Schema(example = "{\"saleId\": 12, \"placementId\": 3, \"firstDay\": \"2027-03-01\", \"lastDay\": \"2027-03-07\"}")
    public record BookingRequest(@NotNull @EntityId Long saleId, @NotNull @EntityId Long placementId, @NotNull LocalDate firstDay,
                                 @NotNull LocalDate lastDay) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BookingResponse(long id, long placementId, long saleId, LocalDate firstDay, LocalDate lastDay,
                                  Booking.Status status, long version) {
        static BookingResponse of(Booking b) {
            return new BookingResponse(b.id().value(), b.placementId().value(), b.saleId().value(), b.period().firstDay(),
                    b.period().lastDay(), b.status(), b.version());
        }
    }

    @Post("/placements")
    @Operation(operationId = "addPlacement", summary = "Admin: add a placement")
    public HttpResponse<PlacementResponse> addPlacement(@Body @Valid PlacementRequest body, Authentication auth) {
        var p = placements.add(Actors.of(auth), body.name(), body.description(), body.channel(), body.unit());
        return Versions.tagged(HttpResponse.created(PlacementResponse.of(p), URI.create("/api/v1/placements/" + p.id().value())), p.version());
    }

    @Get("/placements")
    @Operation(operationId = "listPlacements", summary = "Placements by name, a page at a time (limit 1–100, default 50)")
    public PageResponse<PlacementResponse> listPlacements(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(placements.list(Actors.of(auth), cursor, limit), PlacementResponse::of);
    }

    @Operation(operationId = "getPlacement")
    @Get("/placements/{id}")
    public HttpResponse<PlacementResponse> getPlacement(long id, Authentication auth) {
        var p = placements.view(Actors.of(auth), new PlacementId(id));
        return Versions.tagged(HttpResponse.ok(PlacementResponse.of(p)), p.version());
    }

    @Serdeable
    @Schema(example = "{\"name\": \"Toppbanner forside\", \"description\": \"980×150 over artikkellisten\", \"channel\": \"Nett\", \"unit\": \"WEEK\", \"active\": true}")
    public record PlacementChangeRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 2000) @MultiLine String description,
                                         @Nullable @Size(max = 100) String channel, @NotNull Placement.Unit unit,
                                         @NotNull Boolean active) {
    }

    @Put("/placements/{id}")
    @Operation(operationId = "changePlacement", summary = "Admin: change a placement or take it off sale (If-Match); its bookings stay")
    public HttpResponse<PlacementResponse> changePlacement(long id, @Body @Valid PlacementChangeRequest body, HttpRequest<?> request,
                                                           Authentication auth) {
        var p = placements.change(Actors.of(auth), new PlacementId(id), Versions.expected(request),
                new ManagePlacements.Change(body.name(), body.description(), body.channel(), body.unit(), body.active()));
        return Versions.tagged(HttpResponse.ok(PlacementResponse.of(p)), p.version());
    }

    @Serdeable
    @Schema(example = "{\"validFrom\": \"2027-01-01\", \"validTo\": null, \"unitPrice\": 450000}")
    public record PriceRequest(@NotNull LocalDate validFrom, @Nullable LocalDate validTo, @NotNull Long unitPrice) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PriceResponse(long id, long placementId, LocalDate validFrom, @Nullable LocalDate validTo, long unitPrice) {
        static PriceResponse of(PlacementPrice p) {
            return new PriceResponse(p.id(), p.placementId().value(), p.validFrom(), p.validTo(), p.unitPrice());
        }
    }

    @Post("/placements/{id}/prices")
    @Operation(operationId = "addPlacementPrice", summary = "Admin: add a price per unit in øre, valid from a day to a day (inclusive) or open-ended; "
            + "prices of a placement never overlap (409 names the one in the way)")
    public HttpResponse<PriceResponse> addPrice(long id, @Body @Valid PriceRequest body, Authentication auth) {
        var p = placements.addPrice(Actors.of(auth), new PlacementId(id), body.validFrom(), body.validTo(), body.unitPrice());
        return HttpResponse.created(PriceResponse.of(p), URI.create("/api/v1/placements/" + id + "/prices/" + p.id()));
    }

    @Get("/placements/{id}/prices")
    @Operation(operationId = "listPlacementPrices", summary = "A placement's price list, earliest first")
    public PageResponse<PriceResponse> prices(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(placements.prices(Actors.of(auth), new PlacementId(id), cursor, limit), PriceResponse::of);
    }

    @Get("/sales/{id}/bookings")
    @Operation(operationId = "listSaleBookings", summary = "A sale's bookings, cancelled ones included, by first day")
    public PageResponse<BookingResponse> bookingsOfSale(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(bookings.ofSale(Actors.of(auth), new SaleId(id), cursor, limit), BookingResponse::of);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SlotResponse(LocalDate firstDay, LocalDate lastDay, boolean free, @Nullable Long bookingId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AvailabilityResponse(long placementId, LocalDate from, LocalDate to, List<SlotResponse> periods) {
        static AvailabilityResponse of(Availability a) {
            return new AvailabilityResponse(a.placementId().value(), a.window().firstDay(), a.window().lastDay(),
                    a.slots().stream().map(s -> new SlotResponse(s.period().firstDay(), s.period().lastDay(), s.free(),
                            s.bookingId() == null ? null : s.bookingId().value())).toList());
        }
    }

    @Get("/placements/{id}/availability")
    @Operation(operationId = "getPlacementAvailability", summary = "A placement's free and booked periods from one day to another (inclusive)")
    public AvailabilityResponse availability(long id, @QueryValue LocalDate from, @QueryValue LocalDate to, Authentication auth) {
        return AvailabilityResponse.of(placements.availability(Actors.of(auth), new PlacementId(id), window(from, to)));
    }

    @Get("/placements/availability")
    @Operation(operationId = "getAvailability", summary = "Every active placement's free and booked periods from one day to another (inclusive)")
    public List<AvailabilityResponse> availabilityOfAll(@QueryValue LocalDate from, @QueryValue LocalDate to, Authentication auth) {
        return placements.availability(Actors.of(auth), window(from, to)).stream().map(AvailabilityResponse::of).toList();
    }

    private static Period window(LocalDate from, LocalDate to) {
        try {
            return new Period(from, to);
        } catch (ValidationException e) {
            // the period's fields are the query's from and to
            throw new ValidationException(e.errors().get(0).field().equals("firstDay") ? "from" : "to",
                    e.errors().get(0).code(), e.errors().get(0).message());
        }
    }

    @Post("/bookings")
    @Operation(operationId = "bookPlacement", summary = "Book a placement for a sale, first and last day inclusive; 409 names the booking that has any of the days")
    public HttpResponse<BookingResponse> book(@Body @Valid BookingRequest body, Authentication auth) {
        var b = bookings.book(Actors.of(auth), new SaleId(body.saleId()), new PlacementId(body.placementId()),
                new Period(body.firstDay(), body.lastDay()));
        return Versions.tagged(HttpResponse.created(BookingResponse.of(b), URI.create("/api/v1/bookings/" + b.id().value())), b.version());
    }

    @Operation(operationId = "confirmBooking")
    @Post("/bookings/{id}/confirm")
    public BookingResponse confirm(long id, Authentication auth) {
        return BookingResponse.of(bookings.confirm(Actors.of(auth), new BookingId(id)));
    }

    @Post("/bookings/{id}/cancel")
    @Operation(operationId = "cancelBooking", summary = "Cancel a booking: its days are free again")
    public BookingResponse cancel(long id, Authentication auth) {
        return BookingResponse.of(bookings.cancel(Actors.of(auth), new BookingId(id)));
    }
}
