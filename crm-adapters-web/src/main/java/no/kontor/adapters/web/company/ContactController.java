package no.kontor.adapters.web.company;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.company.ContactInput;
import no.kontor.application.company.ManageContacts;
import no.kontor.domain.company.CompanyId;
import no.kontor.domain.company.Contact;
import no.kontor.domain.company.ContactId;
import no.kontor.adapters.web.shared.PageResponse;
import io.micronaut.http.annotation.QueryValue;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
public class ContactController {
    private final ManageContacts contacts;

    public ContactController(ManageContacts contacts) {
        this.contacts = contacts;
    }

    @Serdeable
    @Schema(example = "{\"name\": \"Kari Nordmann\", \"title\": \"Markedssjef\", \"email\": \"kari@firma.example\", \"phone\": \"+47 22 00 00 00\", \"unsubscribed\": false}")
    public record ContactRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 200) String title,
                                 @Nullable @Size(max = 254) String email, @Nullable @Size(max = 40) String phone,
                                 @Nullable Boolean unsubscribed) {
        ContactInput toInput() {
            return new ContactInput(name, title, email, phone, Boolean.TRUE.equals(unsubscribed));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContactResponse(long id, long companyId, String name, @Nullable String title, @Nullable String email,
                                  @Nullable String phone, boolean unsubscribed, boolean forgotten, String changedBy,
                                  OffsetDateTime changedAt, long version) {
        static ContactResponse of(Contact c) {
            var d = c.getDetails();
            return new ContactResponse(c.getId().value(), c.getCompanyId().value(), d.name(), d.title(),
                    d.email() == null ? null : d.email().value(), d.phone() == null ? null : d.phone().value(),
                    d.unsubscribed(), c.isForgotten(), c.getChangedBy(), Times.oslo(c.getChangedAt()), c.getVersion());
        }
    }

    @Post("/companies/{companyId}/contacts")
    @Operation(operationId = "addContact", summary = "Add a contact person to a company")
    public HttpResponse<ContactResponse> add(long companyId, @Body @Valid ContactRequest body, Authentication auth) {
        var contact = contacts.add(Actors.of(auth), new CompanyId(companyId), body.toInput());
        return Versions.tagged(HttpResponse.created(ContactResponse.of(contact),
                URI.create("/api/v1/contacts/" + contact.getId().value())), contact.getVersion());
    }

    @Get("/companies/{companyId}/contacts")
    @Operation(operationId = "listCompanyContacts", summary = "A company's contact persons, by name")
    public PageResponse<ContactResponse> ofCompany(long companyId, @Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(contacts.ofCompany(Actors.of(auth), new CompanyId(companyId), cursor, limit), ContactResponse::of);
    }

    @Operation(operationId = "getContact")
    @Get("/contacts/{id}")
    public HttpResponse<ContactResponse> get(long id, Authentication auth) {
        var contact = contacts.view(Actors.of(auth), new ContactId(id));
        return Versions.tagged(HttpResponse.ok(ContactResponse.of(contact)), contact.getVersion());
    }

    @Put("/contacts/{id}")
    @Operation(operationId = "changeContact", summary = "Replace a contact's fields; needs If-Match with the ETag you read")
    public HttpResponse<ContactResponse> change(long id, HttpRequest<?> request, @Body @Valid ContactRequest body,
                                                Authentication auth) {
        long expected = Versions.expected(request);
        var contact = contacts.change(Actors.of(auth), new ContactId(id), expected, body.toInput());
        return Versions.tagged(HttpResponse.ok(ContactResponse.of(contact)), contact.getVersion());
    }

    @Post("/contacts/{id}/forget")
    @Operation(operationId = "forgetContact", summary = "Admin: forget a person — personal fields replaced, their audit key deleted, the chain intact")
    public HttpResponse<ContactResponse> forget(long id, Authentication auth) {
        var contact = contacts.forget(Actors.of(auth), new ContactId(id));
        return Versions.tagged(HttpResponse.ok(ContactResponse.of(contact)), contact.getVersion());
    }
}
