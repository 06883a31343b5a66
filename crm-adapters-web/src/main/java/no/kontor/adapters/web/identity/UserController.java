package no.kontor.adapters.web.identity;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.kontor.adapters.web.shared.Actors;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.adapters.web.shared.Times;
import no.kontor.adapters.web.shared.Versions;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.adapters.web.shared.PageResponse;
import io.micronaut.http.annotation.QueryValue;

@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff users")
public class UserController {
    private final RegisterStaffUser register;
    private final ManageStaff staff;

    public UserController(RegisterStaffUser register, ManageStaff staff) {
        this.register = register;
        this.staff = staff;
    }

    @Serdeable
    @Schema(example = "{\"username\": \"kari\", \"displayName\": \"Kari Nordmann\", \"email\": \"kari@avisa.example\", \"password\": \"a-long-passphrase\", \"role\": \"SELLER\", \"team\": \"Annonse\"}")
    public record NewUserRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
                                 @Nullable @Size(max = 254) String email, @NotBlank @Size(max = 200) String password,
                                 @NotNull Role role, @Nullable @Size(max = 100) String team) {
    }

    @Serdeable
    @Schema(example = "{\"displayName\": \"Kari Nordmann\", \"email\": \"kari@avisa.example\", \"role\": \"MANAGER\", \"team\": \"Annonse\", \"active\": true}")
    public record UserChangeRequest(@NotBlank @Size(max = 200) String displayName, @Nullable @Size(max = 254) String email,
                                    @NotNull Role role, @Nullable @Size(max = 100) String team, @NotNull Boolean active) {
    }

    @Serdeable
    @Schema(example = "{\"currentPassword\": \"the-old-passphrase\", \"newPassword\": \"a-new-long-passphrase\"}")
    public record PasswordRequest(@Nullable @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    /** A user as others see it: never the password hash. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UserResponse(long id, String username, String displayName, @Nullable String email, Role role,
                               @Nullable String team, boolean active, OffsetDateTime changedAt, long version) {
        static UserResponse of(StaffUser u) {
            return new UserResponse(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRole(), u.getTeam(),
                    u.isActive(), Times.oslo(u.getChangedAt()), u.getVersion());
        }
    }

    @Get
    @Operation(operationId = "listStaffUsers", summary = "Staff users by username, a page at a time (limit 1–100, default 50)")
    public PageResponse<UserResponse> list(@Nullable @QueryValue String cursor, @QueryValue(defaultValue = "50") int limit, Authentication auth) {
        return PageResponse.of(staff.list(Actors.of(auth), cursor, limit), UserResponse::of);
    }

    @Operation(operationId = "getStaffUser")
    @Get("/{id}")
    public HttpResponse<UserResponse> get(long id, Authentication auth) {
        var user = staff.view(Actors.of(auth), id);
        return Versions.tagged(HttpResponse.ok(UserResponse.of(user)), user.getVersion());
    }

    @Post
    @Operation(operationId = "createStaffUser", summary = "Admin: add a member of staff")
    public HttpResponse<UserResponse> create(@Body @Valid NewUserRequest body, Authentication auth) {
        var user = register.execute(Actors.of(auth), new RegisterStaffUser.Command(body.username(), body.displayName(),
                body.email(), body.password().toCharArray(), body.role(), body.team()));
        return Versions.tagged(HttpResponse.created(UserResponse.of(user), URI.create("/api/v1/users/" + user.getId())),
                user.getVersion());
    }

    @Put("/{id}")
    @Operation(operationId = "changeStaffUser", summary = "Admin: change a user's name, e-mail, role, team or whether they are active; needs If-Match")
    public HttpResponse<UserResponse> change(long id, HttpRequest<?> request, @Body @Valid UserChangeRequest body,
                                             Authentication auth) {
        long expected = Versions.expected(request);
        var user = staff.change(Actors.of(auth), id, expected, new ManageStaff.Change(body.displayName(), body.email(),
                body.role(), body.team(), body.active()));
        return Versions.tagged(HttpResponse.ok(UserResponse.of(user)), user.getVersion());
    }

    @Put("/{id}/password")
    @Operation(operationId = "setPassword", summary = "Set a password: your own with currentPassword (admins too; a wrong one is 400 and counts as a "
            + "failed login), another user's as an admin without it. The user's tokens end (204)")
    public HttpResponse<Void> password(long id, @Body @Valid PasswordRequest body, HttpRequest<?> request, Authentication auth) {
        staff.changePassword(Actors.of(auth), id, body.currentPassword() == null ? null : body.currentPassword().toCharArray(),
                body.newPassword().toCharArray(), ClientAddresses.of(request));
        return HttpResponse.noContent();
    }
}
