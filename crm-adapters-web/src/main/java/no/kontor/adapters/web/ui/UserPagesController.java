package no.kontor.adapters.web.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.ClientAddresses;
import no.kontor.application.identity.ManageStaff;
import no.kontor.application.identity.RegisterStaffUser;
import no.kontor.application.identity.TooManyAttemptsException;
import no.kontor.domain.identity.Actor;
import no.kontor.domain.identity.Role;
import no.kontor.domain.identity.StaffUser;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.StaleVersionException;
import no.kontor.application.shared.Paging;

/**
 * Staff users in the administration pages: the list with each user's role, a user added, a
 * user's name, e-mail, role, team and whether active changed, another user's password set by an
 * admin (no old one needed); and everyone's own password, changed with the old one. The same use
 * cases and role checks as the API ({@code ManageStaff}, {@code RegisterStaffUser}): a manager
 * reads, an admin changes; a seller reaches none of it but the own password.
 */
@Controller("/ui")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class UserPagesController {
    /** The most users the list shows (pages of the use case's largest page). */
    static final int MAX_USERS = 1000;

    private final ManageStaff staff;
    private final RegisterStaffUser register;
    private final StaffSessions sessions;

    public UserPagesController(ManageStaff staff, RegisterStaffUser register, StaffSessions sessions) {
        this.staff = staff;
        this.register = register;
        this.sessions = sessions;
    }

    @Get("/admin/users")
    public HttpResponse<?> list(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> users(actor, model, HttpStatus.OK));
    }

    @Post("/admin/users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> add(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            model.put("added", form);
            String username = form.getOrDefault("username", "").strip();
            String displayName = form.getOrDefault("displayName", "").strip();
            String email = AdminPages.field(form, "email");
            String team = AdminPages.field(form, "team");
            String password = form.getOrDefault("password", "");
            Role role = AdminPages.choice(Role.class, form.get("role"));
            String refused = AdminPages.firstOf(AdminPages.refusal("Brukernavnet", username, 64, false),
                    AdminPages.refusal("Navnet", displayName, 200, false), AdminPages.refusal("E-postadressen", email, 254, false),
                    AdminPages.refusal("Teamet", team, 100, false), password.length() > 200 ? "Passordet er for langt." : null,
                    role == null ? "Velg en rolle." : null);
            if (refused != null) {
                model.put("addError", refused);
                return users(actor, model, HttpStatus.BAD_REQUEST);
            }
            try {
                var user = register.execute(actor, new RegisterStaffUser.Command(username, displayName, email, password.toCharArray(), role,
                        team));
                return Pages.redirect("/ui/admin/users/" + user.getId() + "?lagt-til");
            } catch (DomainException e) {
                model.put("addError", AdminPages.explain(e));
                return users(actor, model, Pages.statusOf(e));
            }
        });
    }

    private HttpResponse<?> users(Actor actor, Map<String, Object> model, HttpStatus status) {
        AdminPages.manager(actor);
        var all = new ArrayList<StaffUser>();
        String cursor = null;
        do {
            var page = staff.list(actor, cursor, Paging.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < MAX_USERS);
        model.put("users", all.stream().map(UserPagesController::row).toList());
        model.put("roles", roles());
        model.putIfAbsent("added", Map.of());
        return Pages.view(status, "ui/admin/users", model);
    }

    private static Map<String, Object> row(StaffUser u) {
        var m = new HashMap<String, Object>();
        m.put("id", u.getId());
        m.put("username", u.getUsername());
        m.put("name", u.getDisplayName());
        m.put("email", u.getEmail() == null ? "" : u.getEmail());
        m.put("role", AdminPages.role(u.getRole()));
        m.put("roleCode", u.getRole().name());
        m.put("team", u.getTeam() == null ? "" : u.getTeam());
        m.put("active", u.isActive());
        m.put("version", u.getVersion());
        return m;
    }

    private static List<Map<String, String>> roles() {
        return List.of(Map.of("code", "SELLER", "name", "Selger"), Map.of("code", "MANAGER", "name", "Leder"),
                Map.of("code", "ADMIN", "name", "Administrator"));
    }

    @Get("/admin/users/{id}")
    public HttpResponse<?> user(String id, @Nullable @QueryValue("lagt-til") String added, @Nullable @QueryValue("lagret") String saved,
                                @Nullable @QueryValue("passord") String password, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> {
            if (added != null) {
                model.put("notice", "Brukeren er lagt til.");
            } else if (saved != null) {
                model.put("notice", "Endringene er lagret.");
            } else if (password != null) {
                model.put("notice", "Passordet er satt. Brukerens økter er avsluttet.");
            }
            return user(actor, Pages.id(id), model, HttpStatus.OK);
        });
    }

    private HttpResponse<?> user(Actor actor, long id, Map<String, Object> model, HttpStatus status) {
        AdminPages.manager(actor);
        var user = staff.view(actor, id);
        var row = row(user);
        model.putIfAbsent("form", row);
        model.put("user", row);
        model.put("roles", roles());
        model.put("self", actor.userId() != null && actor.userId() == id);
        return Pages.view(status, "ui/admin/user", model);
    }

    /** An admin changes a user: name, e-mail, role, team, active; the version read with the form guards against a change in between. */
    @Post("/admin/users/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> change(String id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            long userId = Pages.id(id);
            String displayName = form.getOrDefault("displayName", "").strip();
            String email = AdminPages.field(form, "email");
            String team = AdminPages.field(form, "team");
            Role role = AdminPages.choice(Role.class, form.get("role"));
            var typed = new HashMap<String, Object>(form);
            typed.put("name", displayName);
            typed.put("roleCode", form.getOrDefault("role", ""));
            typed.put("active", "on".equals(form.get("active")) || "true".equals(form.get("active")));
            model.put("form", typed);
            Long version = AdminPages.number(form.get("version"));
            String refused = AdminPages.firstOf(AdminPages.refusal("Navnet", displayName, 200, false),
                    AdminPages.refusal("E-postadressen", email, 254, false), AdminPages.refusal("Teamet", team, 100, false),
                    role == null ? "Velg en rolle." : null, version == null ? "Skjemaet mangler versjonen. Last siden på nytt." : null);
            if (refused != null) {
                model.put("changeError", refused);
                return user(actor, userId, model, HttpStatus.BAD_REQUEST);
            }
            try {
                staff.change(actor, userId, version, new ManageStaff.Change(displayName, email, role, team, (Boolean) typed.get("active")));
            } catch (DomainException e) {
                model.put("changeError", AdminPages.explain(e));
                if (e instanceof StaleVersionException) {
                    model.remove("form"); // what is stored now, to change again
                }
                return user(actor, userId, model, Pages.statusOf(e));
            }
            return Pages.redirect("/ui/admin/users/" + userId + "?lagret");
        });
    }

    /** An admin sets another user's password, without the old one; the user's sessions end. */
    @Post("/admin/users/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> setPassword(String id, @Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            long userId = Pages.id(id);
            if (actor.userId() != null && actor.userId() == userId) {
                return Pages.redirect("/ui/account/password"); // one's own needs the old one
            }
            String password = form.getOrDefault("newPassword", "");
            if (password.length() > 200) {
                model.put("passwordError", "Passordet er for langt.");
                return user(actor, userId, model, HttpStatus.BAD_REQUEST);
            }
            try {
                staff.changePassword(actor, userId, null, password.toCharArray(), ClientAddresses.of(request));
            } catch (DomainException e) {
                model.put("passwordError", AdminPages.explain(e));
                return user(actor, userId, model, Pages.statusOf(e));
            }
            return Pages.redirect("/ui/admin/users/" + userId + "?passord");
        });
    }

    @Get("/account/password")
    public HttpResponse<?> ownPassword(@Nullable @QueryValue("endret") String changed, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "account", (actor, model) -> {
            if (changed != null) {
                model.put("notice", "Passordet ditt er endret.");
            }
            return Pages.view("ui/account/password", model);
        });
    }

    /**
     * Everyone changes the own password with the current one (admins too). The change ends every
     * session of the user, so this one is given a new one, as a login with the new password would.
     */
    @Post("/account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> changeOwnPassword(@Body Map<String, String> form, @Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.form(auth, request, form, "account", (actor, model) -> {
            String current = form.getOrDefault("currentPassword", "");
            String next = form.getOrDefault("newPassword", "");
            if (current.length() > 200 || next.length() > 200) {
                model.put("error", "Passordet er for langt.");
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/account/password", model);
            }
            if (!next.equals(form.getOrDefault("repeatPassword", ""))) {
                model.put("error", "Det nye passordet ble ikke gjentatt likt.");
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/account/password", model);
            }
            try {
                staff.changePassword(actor, actor.userId(), current.toCharArray(), next.toCharArray(), ClientAddresses.of(request));
            } catch (TooManyAttemptsException e) {
                model.put("error", "For mange feil forsøk. Prøv igjen senere.");
                return Pages.view(HttpStatus.TOO_MANY_REQUESTS, "ui/account/password", model);
            } catch (DomainException e) {
                model.put("error", AdminPages.explain(e));
                return Pages.view(Pages.statusOf(e), "ui/account/password", model);
            }
            return Pages.redirect("/ui/account/password?endret").cookie(sessions.open(staff.view(actor, actor.userId()), request));
        });
    }

}
