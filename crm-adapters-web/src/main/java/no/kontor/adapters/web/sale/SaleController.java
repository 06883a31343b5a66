package no.kontor.adapters.web.sale;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.sale.SaleResponses.LinesResponse;
import no.kontor.adapters.web.sale.SaleResponses.SaleResponse;
import no.kontor.adapters.web.shared.MultiLine;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.PageResponse;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.sale.ChangeSale;
import no.kontor.application.sale.ChangeSaleStage;
import no.kontor.application.sale.ManageSaleLines;
import no.kontor.application.sale.OpenSale;
import no.kontor.application.sale.ReadSales;
import no.kontor.application.sale.SaleFilter;
import no.kontor.domain.sale.OrderReference;
import no.kontor.application.sale.SaleView;
import no.kontor.application.shared.Page;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleLine;
import no.kontor.domain.sale.SaleStage;
import no.kontor.domain.sale.SaleUnit;
import no.kontor.domain.sale.VatCategory;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sales")
public class SaleController {
    private final OpenSale openSale;
    private final ChangeSale changeSale;
    private final ChangeSaleStage changeStage;
    private final ManageSaleLines lines;
    private final ReadSales readSales;

    public SaleController(OpenSale openSale, ChangeSale changeSale, ChangeSaleStage changeStage, ManageSaleLines lines,
                          ReadSales readSales) {
        this.openSale = openSale;
        this.changeSale = changeSale;
        this.changeStage = changeStage;
        this.lines = lines;
        this.readSales = readSales;
    }

    @Serdeable
    @Schema(example = "{\"stage\": \"ORDERED\", \"reason\": \"Signert tilbud mottatt\"}")
    public record StageRequest(@NotNull SaleStage stage, @Nullable @Size(max = 500) @MultiLine String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StageChangeResponse(@Nullable SaleStage from, SaleStage to, @Nullable String reason, String changedBy,
                                      OffsetDateTime changedAt) {
    }

    @Serdeable
    @Schema(example = "{\"companyId\": 42, \"responsibleSellerId\": 3, \"stage\": \"LEAD\", \"barter\": false, \"description\": \"Vårkampanje 2027\"}")
    public record SaleRequest(@NotNull @EntityId Long companyId, @Nullable @EntityId Long responsibleSellerId, @Nullable SaleStage stage,
                              @Nullable Boolean barter, @Nullable @Size(max = 2000) @MultiLine String description) {
    }

    @Serdeable
    @Schema(example = "{\"responsibleSellerId\": 3, \"barter\": false, \"description\": \"Vårkampanje 2027\"}")
    public record SaleChangeRequest(@Nullable @EntityId Long responsibleSellerId, @NotNull Boolean barter,
                                    @Nullable @Size(max = 2000) @MultiLine String description) {
    }

    /**
     * A line. For a placement, description, unit and unit price default to the
     * placement's name, unit and today's price; VAT defaults to category S at 25 %.
     */
    @Serdeable
    @Schema(example = "{\"placementId\": 3, \"description\": \"Toppbanner uke 10\", \"quantity\": 1, \"unit\": \"WEEK\", \"unitPrice\": 450000, \"discountPercent\": 10, \"vatCategory\": \"S\", \"vatPercent\": 25, \"exemptionReason\": null}")
    public record LineRequest(@Nullable @EntityId Long placementId, @Nullable @Size(max = 500) String description,
                              @Nullable BigDecimal quantity, @Nullable SaleUnit unit, @Nullable Long unitPrice,
                              @Nullable BigDecimal discountPercent, @Nullable VatCategory vatCategory,
                              @Nullable BigDecimal vatPercent, @Nullable @Size(max = 200) String exemptionReason) {
        SaleLine.Input toInput() {
            return new SaleLine.Input(placementId, description, quantity, unit, unitPrice, discountPercent, vatCategory, vatPercent,
                    exemptionReason);
        }
    }

    @Post("/sales")
    @Operation(operationId = "openSale", summary = "Open a sale to a company: a lead (default), offered or ordered; barter deals are flagged")
    public HttpResponse<SaleResponse> open(@Body @Valid SaleRequest body, Authentication auth) {
        var sale = openSale.execute(Actors.of(auth), new OpenSale.Command(new CompanyId(body.companyId()), body.responsibleSellerId(),
                body.stage(), Boolean.TRUE.equals(body.barter()), body.description()));
        return tagged(HttpResponse.created(SaleResponse.of(SaleView.of(sale, List.of())),
                URI.create("/api/v1/sales/" + sale.getId().value())), sale.getVersion());
    }

    @Get("/sales{?companyId,sellerId,stage,from,to,uninvoiced,orderReference,cursor,limit}")
    @Operation(operationId = "listSales", summary = "Sales newest first with lines and sums; filter by company, seller, stage, the days they were opened "
            + "(Europe/Oslo, inclusive), whether they are on an invoice, and the order reference the public order form gave "
            + "(as the customer reads it out: any case, dashes and the leading K optional)")
    public PageResponse<SaleResponse> list(@Nullable @QueryValue @EntityId Long companyId, @Nullable @QueryValue @EntityId Long sellerId,
                                           @Nullable @QueryValue SaleStage stage, @Nullable @QueryValue LocalDate from,
                                           @Nullable @QueryValue LocalDate to, @Nullable @QueryValue Boolean uninvoiced,
                                           @Nullable @QueryValue String orderReference,
                                           @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit,
                                           Authentication auth) {
        var filter = new SaleFilter(companyId == null ? null : new CompanyId(companyId), sellerId, stage, from, to, uninvoiced,
                orderReference == null ? null : OrderReference.parse(orderReference, "orderReference"));
        return page(readSales.list(Actors.of(auth), filter, cursor, limit));
    }

    @Get("/companies/{id}/sales{?sellerId,stage,from,to,uninvoiced,cursor,limit}")
    @Operation(operationId = "listCompanySales", summary = "A company's sales newest first, with the same filters as /sales")
    public PageResponse<SaleResponse> ofCompany(long id, @Nullable @QueryValue @EntityId Long sellerId, @Nullable @QueryValue SaleStage stage,
                                                @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                                @Nullable @QueryValue Boolean uninvoiced, @Nullable @QueryValue String cursor,
                                                @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        var filter = new SaleFilter(null, sellerId, stage, from, to, uninvoiced);
        return page(readSales.ofCompany(Actors.of(auth), new CompanyId(id), filter, cursor, limit));
    }

    private static PageResponse<SaleResponse> page(Page<SaleView> page) {
        return new PageResponse<>(page.items().stream().map(SaleResponse::of).toList(), page.nextCursor());
    }

    @Get("/sales/{id}")
    @Operation(operationId = "getSale", summary = "A sale with its lines and its sums per VAT rate; the ETag covers the lines")
    public HttpResponse<SaleResponse> get(long id, Authentication auth) {
        return respond(readSales.view(Actors.of(auth), new SaleId(id)));
    }

    @Put("/sales/{id}")
    @Operation(operationId = "changeSale", summary = "Change the responsible seller, barter flag and description (If-Match); not once invoiced, lost or cancelled")
    public HttpResponse<SaleResponse> change(long id, @Body @Valid SaleChangeRequest body, HttpRequest<?> request,
                                             Authentication auth) {
        return respond(changeSale.execute(Actors.of(auth), new SaleId(id), Versions.expected(request),
                new ChangeSale.Command(body.responsibleSellerId(), body.barter(), body.description())));
    }

    @Post("/sales/{id}/stage")
    @Operation(operationId = "changeSaleStage", summary = "Move a sale on (lead → offered → ordered) or close it as LOST or CANCELLED with a reason; "
            + "a lost or cancelled sale releases its bookings")
    public HttpResponse<SaleResponse> stage(long id, @Body @Valid StageRequest body, Authentication auth) {
        var actor = Actors.of(auth);
        changeStage.execute(actor, new SaleId(id), body.stage(), body.reason());
        return respond(readSales.view(actor, new SaleId(id)));
    }

    @Get("/sales/{id}/stage-history")
    @Operation(operationId = "getSaleStageHistory", summary = "Every stage the sale has been in, oldest first (the funnel's raw data)")
    public PageResponse<StageChangeResponse> history(long id, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(readSales.stageHistory(Actors.of(auth), new SaleId(id), cursor, limit),
                c -> new StageChangeResponse(c.from(), c.to(), c.reason(), c.changedBy(), Times.oslo(c.changedAt())));
    }

    @Get("/sales/{id}/lines")
    @Operation(operationId = "listSaleLines", summary = "A sale's lines and sums: line nets rounded half-up to øre, VAT per rate on the sum of that rate's nets")
    public HttpResponse<LinesResponse> lines(long id, Authentication auth) {
        var view = readSales.view(Actors.of(auth), new SaleId(id));
        return tagged(HttpResponse.ok(LinesResponse.of(view)), view.sale().getVersion());
    }

    @Post("/sales/{id}/lines")
    @Operation(operationId = "addSaleLine", summary = "Add a line to an open sale; answers the whole sale with its new ETag")
    public HttpResponse<SaleResponse> addLine(long id, @Body @Valid LineRequest body, Authentication auth) {
        var view = lines.add(Actors.of(auth), new SaleId(id), body.toInput());
        long lineId = view.lines().get(view.lines().size() - 1).id();
        return tagged(HttpResponse.created(SaleResponse.of(view), URI.create("/api/v1/sales/" + id + "/lines/" + lineId)),
                view.sale().getVersion());
    }

    @Put("/sales/{id}/lines/{lineId}")
    @Operation(operationId = "changeSaleLine", summary = "Replace a line (If-Match with the sale's ETag)")
    public HttpResponse<SaleResponse> changeLine(long id, long lineId, @Body @Valid LineRequest body, HttpRequest<?> request,
                                                 Authentication auth) {
        return respond(lines.change(Actors.of(auth), new SaleId(id), lineId, Versions.expected(request), body.toInput()));
    }

    @Delete("/sales/{id}/lines/{lineId}")
    @Operation(operationId = "removeSaleLine", summary = "Remove a line (If-Match with the sale's ETag); registered hours are removed through /time-entries")
    public HttpResponse<SaleResponse> removeLine(long id, long lineId, HttpRequest<?> request, Authentication auth) {
        return respond(lines.remove(Actors.of(auth), new SaleId(id), lineId, Versions.expected(request)));
    }

    private static HttpResponse<SaleResponse> respond(SaleView view) {
        return tagged(HttpResponse.ok(SaleResponse.of(view)), view.sale().getVersion());
    }

    private static <T> HttpResponse<T> tagged(io.micronaut.http.MutableHttpResponse<T> response, long version) {
        return Versions.tagged(response, version);
    }
}
