package no.kontor.adapters.web.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.MultiLine;
import no.kontor.adapters.web.shared.EntityId;
import no.kontor.domain.company.CompanyStatus;

/** A customer card as a client sends it (create, or full replacement with If-Match). */
@Serdeable
@Schema(name = "CompanyRequest", example = "{\"name\": \"Nordlys Bakeri AS\", \"organisationNumber\": \"974760673\", \"status\": \"CUSTOMER\", \"visitingAddress\": {\"street\": \"Storgata 1\", \"postalCode\": \"0150\"}, \"postalAddress\": null, \"invoiceEmail\": \"faktura@nordlys.example\", \"phone\": \"+47 22 00 00 00\", \"website\": \"https://nordlys.example\", \"responsibleSellerId\": 3, \"notes\": \"Fast annonsør siden 2019.\"}")
public record CompanyRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 20) @Schema(example = "974760673") String organisationNumber,
        @NotNull CompanyStatus status,
        @Nullable @Valid AddressBody visitingAddress,
        @Nullable @Valid AddressBody postalAddress,
        @Nullable @Size(max = 254) String invoiceEmail,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Size(max = 2000) String website,
        @Nullable @EntityId Long responsibleSellerId,
        @Nullable @Size(max = 10_000) @MultiLine String notes) {

    @Serdeable
    public record AddressBody(@Nullable @Size(max = 200) String street,
                              @Nullable @Size(max = 10) @Schema(example = "0150") String postalCode) {
    }
}
