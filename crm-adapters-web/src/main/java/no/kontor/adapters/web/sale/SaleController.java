package no.kontor.adapters.web.sale;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.sale.ChangeSaleStage;
import no.kontor.application.sale.OpenSale;
import no.kontor.application.sale.ReadSales;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.sale.Sale;
import no.kontor.domain.sale.SaleId;
import no.kontor.domain.sale.SaleStage;

@Controller("/api/v1/sales")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sales")
public class SaleController {
    private final OpenSale openSale;
    private final ChangeSaleStage changeStage;
    private final ReadSales readSales;

    public SaleController(OpenSale openSale, ChangeSaleStage changeStage, ReadSales readSales) {
        this.openSale = openSale;
        this.changeStage = changeStage;
        this.readSales = readSales;
    }

    @Serdeable
    public record StageRequest(@NotNull SaleStage stage, @Nullable @Size(max = 500) String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StageChangeResponse(@Nullable SaleStage from, SaleStage to, @Nullable String reason, String changedBy,
                                      OffsetDateTime changedAt) {
    }

    @Serdeable
    public record SaleRequest(@NotNull Long companyId, @Nullable Long responsibleSellerId, @Nullable SaleStage stage,
                              @Nullable Boolean barter, @Nullable @Size(max = 2000) String description) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SaleResponse(long id, long companyId, @Nullable Long responsibleSellerId, SaleStage stage, boolean barter,
                               @Nullable String description, String createdBy, OffsetDateTime createdAt, long version) {
        static SaleResponse of(Sale s) {
            return new SaleResponse(s.getId().value(), s.getCompanyId().value(), s.getResponsibleSellerId(), s.getStage(),
                    s.isBarter(), s.getDescription(), s.getCreatedBy(), Times.oslo(s.getCreatedAt()), s.getVersion());
        }
    }

    @Post
    @Operation(summary = "Open a sale to a company: a lead (default), offered or ordered")
    public HttpResponse<SaleResponse> open(@Body @Valid SaleRequest body, Authentication auth) {
        var sale = openSale.execute(Actors.of(auth), new OpenSale.Command(new CompanyId(body.companyId()), body.responsibleSellerId(),
                body.stage(), Boolean.TRUE.equals(body.barter()), body.description()));
        return Versions.tagged(HttpResponse.created(SaleResponse.of(sale), URI.create("/api/v1/sales/" + sale.getId().value())),
                sale.getVersion());
    }

    @Post("/{id}/stage")
    @Operation(summary = "Move a sale on (lead → offered → ordered) or close it as LOST or CANCELLED with a reason; "
            + "a lost or cancelled sale releases its bookings")
    public SaleResponse stage(long id, @Body @Valid StageRequest body, Authentication auth) {
        return SaleResponse.of(changeStage.execute(Actors.of(auth), new SaleId(id), body.stage(), body.reason()));
    }

    @Get("/{id}/stage-history")
    @Operation(summary = "Every stage the sale has been in, oldest first (the funnel's raw data)")
    public List<StageChangeResponse> history(long id, Authentication auth) {
        return readSales.stageHistory(Actors.of(auth), new SaleId(id)).stream()
                .map(c -> new StageChangeResponse(c.from(), c.to(), c.reason(), c.changedBy(), Times.oslo(c.changedAt()))).toList();
    }

    @Get("/{id}")
    public HttpResponse<SaleResponse> get(long id, Authentication auth) {
        var sale = readSales.view(Actors.of(auth), new SaleId(id));
        return Versions.tagged(HttpResponse.ok(SaleResponse.of(sale)), sale.getVersion());
    }
}
