package no.kontor.adapters.web.company;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
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
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.application.company.ImportPostalCodes;
import no.kontor.application.company.LookUpPostalCode;
import no.kontor.domain.shared.ValidationException;

@Controller("/api/v1/postal-codes")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Postal codes")
public class PostalCodeController {
    private final LookUpPostalCode lookUp;
    private final ImportPostalCodes importPostalCodes;
    private final ImportCounts counts;

    public PostalCodeController(LookUpPostalCode lookUp, ImportPostalCodes importPostalCodes, ImportCounts counts) {
        this.lookUp = lookUp;
        this.importPostalCodes = importPostalCodes;
        this.counts = counts;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PostalPlaceResponse(String code, String place, @Nullable String municipalityNumber,
                                      @Nullable String municipalityName, @Nullable String category) {
    }

    @Get("/{code}")
    @Operation(operationId = "lookUpPostalCode", summary = "The place (and municipality, once Bring's full register is imported) of a postal code")
    public PostalPlaceResponse get(String code, Authentication auth) {
        var p = lookUp.execute(Actors.of(auth), code);
        return new PostalPlaceResponse(p.code(), p.place(), p.municipalityNumber(), p.municipalityName(), p.category());
    }

    @Post("/import")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(operationId = "importPostalCodes", summary = "Admin: replace the register with Bring's file (tab-separated, Windows-1252); refused whole on any bad line")
    public Map<String, Integer> importRegister(@Body @Nullable byte[] file, Authentication auth) {
        if (file == null || file.length == 0) {
            throw new ValidationException("file", "postal-codes.file-missing", "Send Bring's register file as the body");
        }
        return Map.of("imported", counts.counted(ImportCounts.Kind.POSTAL_CODES, () -> importPostalCodes.execute(Actors.of(auth), file),
                Integer::longValue));
    }
}
