package no.kontor.adapters.web.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import no.kontor.adapters.web.shared.ImportCounts;
import no.kontor.application.company.ImportPostalCodes;
import no.kontor.application.invoice.InvoiceSettings;
import no.kontor.domain.shared.DomainException;
import no.kontor.domain.shared.ValidationException;

/**
 * The administration's front page, the organisation's details (configuration, shown read-only)
 * and the postal-code register imported from Bring's file. Managers and admins reach them; a
 * seller gets the 403 page. The import is the API's use case ({@code ImportPostalCodes}, an
 * admin's): all or nothing, in one request, so the page shows that it is working until the
 * answer comes, then what was imported or why nothing was.
 */
@Controller("/ui/admin")
@Secured(SecurityRule.IS_ANONYMOUS) // each page decides: no staff session → the login page
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class AdminPagesController {
    /** The largest file the form takes: the server refuses any larger body (kontor.http.max-body-size). */
    static final int MAX_FILE = 1024 * 1024;
    private static final Pattern LINE = Pattern.compile("^Line (\\d+): (.*?); nothing was imported$");

    private final InvoiceSettings organisation;
    private final ImportPostalCodes importPostalCodes;
    private final ImportCounts counts;

    public AdminPagesController(InvoiceSettings organisation, ImportPostalCodes importPostalCodes, ImportCounts counts) {
        this.organisation = organisation;
        this.importPostalCodes = importPostalCodes;
        this.counts = counts;
    }

    @Get
    public HttpResponse<?> index(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            return Pages.view("ui/admin/index", model);
        });
    }

    /** The organisation that invoices, as configured (kontor.invoicing.seller.*, KONTOR_SELLER_*): read here, set where the server is run. */
    @Get("/organisation")
    public HttpResponse<?> organisation(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            var o = organisation;
            var rows = new LinkedHashMap<String, Object>();
            rows.put("Navn", row(o.name(), "KONTOR_SELLER_NAME"));
            rows.put("Organisasjonsnummer", row(o.organisationNumber().value() + (o.foretaksregisteret() ? " (Foretaksregisteret)" : ""),
                    "KONTOR_SELLER_ORGANISATION_NUMBER"));
            rows.put("Kontonummer", row(o.account().formatted(), "KONTOR_SELLER_ACCOUNT"));
            rows.put("Gateadresse", row(o.street(), "KONTOR_SELLER_STREET"));
            rows.put("Postnummer og sted", row(join(o.postalCode(), o.place()), "KONTOR_SELLER_POSTAL_CODE, KONTOR_SELLER_PLACE"));
            rows.put("E-post", row(o.email(), "KONTOR_SELLER_EMAIL"));
            rows.put("Telefon", row(o.phone(), "KONTOR_SELLER_PHONE"));
            rows.put("Merverdiavgift", row(o.vatRegisteredFrom() == null ? "Ikke registrert"
                    : "Registrert fra " + o.vatRegisteredFrom().format(Pages.NORWEGIAN), "KONTOR_SELLER_VAT_REGISTERED_FROM"));
            rows.put("Betalingsfrist", row(o.paymentTermsDays() + " dager", "KONTOR_PAYMENT_TERMS_DAYS"));
            rows.put("KID", row(o.kidAlgorithm().name() + ", " + o.kidLength() + " siffer, av dem " + o.kidCustomerDigits()
                    + " til kundenummeret", "KONTOR_KID_ALGORITHM, KONTOR_KID_LENGTH, KONTOR_KID_CUSTOMER_DIGITS"));
            model.put("details", rows.entrySet().stream().map(e -> {
                @SuppressWarnings("unchecked")
                var m = new LinkedHashMap<>((Map<String, Object>) e.getValue());
                m.put("label", e.getKey());
                return m;
            }).toList());
            return Pages.view("ui/admin/organisation", model);
        });
    }

    private static Map<String, Object> row(String value, String setting) {
        return Map.of("value", value == null || value.isBlank() ? "–" : value, "setting", setting);
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    @Get("/postal-codes")
    public HttpResponse<?> postalCodes(@Nullable Authentication auth, HttpRequest<?> request) {
        return Pages.staff(auth, request, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            return Pages.view("ui/admin/postal-codes", model);
        });
    }

    /** An admin replaces the register with Bring's file (multipart): the summary, or why nothing was imported. */
    @Post(value = "/postal-codes", consumes = MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> importPostalCodes(@Nullable @Part("file") CompletedFileUpload file, @Nullable @Part("csrf") String csrf,
                                             @Nullable Authentication auth, HttpRequest<?> request) {
        var form = new java.util.HashMap<String, String>();
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        return Pages.form(auth, request, form, "admin", (actor, model) -> {
            AdminPages.manager(actor);
            if (file == null || file.getSize() == 0) {
                model.put("error", "Velg Bring sin postnummerfil først.");
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/admin/postal-codes", model);
            }
            if (file.getSize() > MAX_FILE) {
                model.put("error", "Filen er for stor (høyst 1 MB). Bring sin postnummerfil er omtrent 200 kB.");
                return Pages.view(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "ui/admin/postal-codes", model);
            }
            String name = file.getFilename() == null ? "" : file.getFilename();
            long started = System.nanoTime();
            int imported;
            try {
                byte[] bytes = file.getBytes();
                imported = counts.counted(ImportCounts.Kind.POSTAL_CODES, () -> importPostalCodes.execute(actor, bytes), Integer::longValue);
            } catch (ValidationException e) {
                model.put("error", refusal(e));
                return Pages.view(HttpStatus.BAD_REQUEST, "ui/admin/postal-codes", model);
            } catch (DomainException e) {
                model.put("error", AdminPages.explain(e));
                return Pages.view(Pages.statusOf(e), "ui/admin/postal-codes", model);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            model.put("summary", Map.of("count", String.format(java.util.Locale.ROOT, "%,d", imported).replace(',', '\u00a0'),
                    "file", name.length() > 200 ? name.substring(0, 200) : name, "size", kilobytes(file.getSize()),
                    "seconds", String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0).replace('.', ',')));
            return Pages.view("ui/admin/postal-codes", model);
        });
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " byte" : Math.round(bytes / 1024.0) + " kB";
    }

    /** Bring's file refused: the line and what is wrong with it, in Norwegian; nothing was imported. */
    static String refusal(ValidationException e) {
        String message = e.errors().isEmpty() ? "" : e.errors().get(0).message();
        String code = e.errors().isEmpty() ? "" : e.errors().get(0).code();
        if (!"postal-codes.file-invalid".equals(code)) {
            return AdminPages.explain(e);
        }
        Matcher m = LINE.matcher(message);
        String why = m.matches() ? m.group(2) : message.replace("; nothing was imported", "");
        String where = m.matches() ? "Linje " + m.group(1) + ": " : "";
        return "Filen ble ikke importert. " + where + norwegian(why) + ". Ingenting ble endret.";
    }

    private static final List<Map.Entry<Pattern, String>> REASONS = List.of(
            Map.entry(Pattern.compile("the file is not Windows-1252 text"), "filen er ikke tekst i Bring sitt tegnsett (Windows-1252)"),
            Map.entry(Pattern.compile("the file holds no postcodes"), "filen har ingen postnumre"),
            Map.entry(Pattern.compile("expected 5 tab-separated columns, found (\\d+)"),
                    "forventet 5 kolonner skilt med tabulator, fant $1"),
            Map.entry(Pattern.compile("the postcode '(.*)' is not four digits"), "postnummeret «$1» er ikke fire siffer"),
            Map.entry(Pattern.compile("the place must be 1–32 characters"), "poststedet må ha 1–32 tegn"),
            Map.entry(Pattern.compile("the municipality number '(.*)' is not four digits"), "kommunenummeret «$1» er ikke fire siffer"),
            Map.entry(Pattern.compile("the municipality name must be 1–30 characters"), "kommunenavnet må ha 1–30 tegn"),
            Map.entry(Pattern.compile("the category '(.*)' is not one of G, P, B, F, S"), "kategorien «$1» er ikke en av G, P, B, F, S"),
            Map.entry(Pattern.compile("the postcode (\\d{4}) appears twice"), "postnummeret $1 står to ganger"));

    private static String norwegian(String why) {
        for (var reason : REASONS) {
            Matcher m = reason.getKey().matcher(why);
            if (m.matches()) {
                return m.replaceFirst(reason.getValue()); // a group's text goes in as it is
            }
        }
        return why;
    }
}
