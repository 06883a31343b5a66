package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;
import no.kontor.domain.shared.BusinessDays;

/**
 * The public order form end to end: the door strangers walk through. Its rate limit
 * is raised here (every test posts from 127.0.0.1); {@link PublicOrderLimitApiTest} tests it.
 */
@MicronautTest(transactional = false)
@Property(name = "kontor.order-form.posts-per-minute", value = "100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicOrderApiTest implements UsesTestDatabase {
    @Inject
    TestStaff staff;
    @Inject
    DataSource dataSource;
    @Inject
    EmbeddedServer server;

    ApiClient admin;
    ApiClient seller;
    ApiClient anonymous;
    long sellerId;
    LocalDate today;
    int nextDay = 30;

    @BeforeAll
    void setUp() {
        admin = staff.admin();
        sellerId = staff.add("solveig", Role.SELLER);
        seller = staff.login("solveig");
        anonymous = ApiClient.anonymous(server.getURI());
        today = BusinessDays.dayOf(Instant.now());
    }

    String placement(String name, Long pricePerDay) {
        var r = admin.post("/api/v1/placements", "{\"name\":\"" + name + "\",\"unit\":\"DAY\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = ApiClient.field(r.body(), "id");
        if (pricePerDay != null) {
            admin.post("/api/v1/placements/" + id + "/prices", "{\"validFrom\":\"2020-01-01\",\"unitPrice\":" + pricePerDay + "}");
        }
        return id;
    }

    /** A fresh week, so tests do not meet each other's bookings. */
    LocalDate[] week() {
        var first = today.plusDays(nextDay);
        nextDay += 10;
        return new LocalDate[] {first, first.plusDays(6)};
    }

    static String form(String company, String org, String contact, String email, String placement, LocalDate first, LocalDate last,
                       String message) {
        return "{\"companyName\":" + quoted(company) + ",\"organisationNumber\":" + quoted(org) + ",\"contactName\":" + quoted(contact)
                + ",\"email\":" + quoted(email) + ",\"phone\":\"+47 22 33 44 55\",\"placementId\":" + placement
                + ",\"firstDay\":" + quoted(first == null ? null : first.toString()) + ",\"lastDay\":"
                + quoted(last == null ? null : last.toString()) + ",\"message\":" + quoted(message) + "}";
    }

    static String quoted(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    HttpResponse<String> post(String json, String key) {
        var b = anonymous.request("/api/v1/public/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return anonymous.send(b.build());
    }

    long count(String table) {
        return Db.count(dataSource, "SELECT count(*) FROM " + table);
    }

    static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("K-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    /** What the public is told, and nothing else: no internal id, nothing that says whether the company was known. */
    static final java.util.Set<String> PUBLIC_FIELDS = java.util.Set.of("orderReference", "status", "reserved", "placementName",
            "firstDay", "lastDay", "nearestFreePeriods");

    /** The order's ids, as staff find them from the reference the customer was given. */
    record Ids(long sale, long company, long contact, long activity, Long booking) {
    }

    Ids ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var body = Json.object(r.body());
        assertThat(body.keySet()).as(r.body()).isEqualTo(PUBLIC_FIELDS);
        String reference = (String) body.get("orderReference");
        assertThat(reference).matches(REFERENCE);
        var found = Json.object(seller.get("/api/v1/sales?orderReference=" + reference).body());
        var items = Json.list(found.get("items"));
        assertThat(items).as("staff find the sale by its reference").hasSize(1);
        long sale = Json.number(items.get(0).get("id"));
        long company = Json.number(items.get(0).get("companyId"));
        long activity = Long.parseLong(Db.text(dataSource, "SELECT max(id)::text FROM activity WHERE company_id = ? "
                + "AND kind = 'INCOMING_ORDER'", company));
        long contact = Long.parseLong(Db.text(dataSource, "SELECT contact_id::text FROM activity WHERE id = ?", activity));
        String booking = Db.text(dataSource, "SELECT max(id)::text FROM booking WHERE sale_id = ?", sale);
        return new Ids(sale, company, contact, activity, booking == null ? null : Long.parseLong(booking));
    }

    @Test
    void aFreePlacementIsReservedForANewProspectWithAFollowUpOnTheSharedList() {
        String placement = placement("Forsidebanner", 150000L);
        var w = week();
        var r = post(form("Ny Bakeri AS", "923609016", "Kari Nordmann", "kari@bakeri.no", placement, w[0], w[1], "Til jul"), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var order = Json.object(r.body());
        assertThat(order).containsEntry("status", "RECEIVED").containsEntry("reserved", true)
                .containsEntry("placementName", "Forsidebanner").containsEntry("firstDay", w[0].toString())
                .containsEntry("lastDay", w[1].toString());
        assertThat(Json.list(order.get("nearestFreePeriods"))).isEmpty();
        assertThat(r.headers().firstValue("Location")).as("no internal id in a header either").isEmpty();
        var ids = ids(r);
        long saleId = ids.sale();
        long companyId = ids.company();

        assertThat(Db.text(dataSource, "SELECT status || '/' || organisation_number FROM company WHERE id = ?", companyId))
                .isEqualTo("PROSPECT/923609016");
        assertThat(Db.text(dataSource, "SELECT name || '/' || email FROM contact WHERE id = ?", ids.contact()))
                .isEqualTo("Kari Nordmann/kari@bakeri.no");
        assertThat(Db.text(dataSource, "SELECT stage || '/' || created_by FROM sale WHERE id = ?", saleId)).isEqualTo("ORDERED/public");
        assertThat(Db.text(dataSource, "SELECT quantity::int || '×' || unit_price || '/' || unit FROM sale_line WHERE sale_id = ?", saleId))
                .isEqualTo("7×150000/DAY");
        assertThat(Db.text(dataSource, "SELECT status || '/' || first_day || '/' || last_day FROM booking WHERE id = ?",
                ids.booking())).isEqualTo("RESERVED/" + w[0] + "/" + w[1]);
        assertThat(Db.text(dataSource, "SELECT kind || '/' || direction || '/' || actor || '/' || follow_up_due || '/' "
                + "|| coalesce(follow_up_assignee_id::text, 'unassigned') || '/' || body FROM activity WHERE id = ?",
                ids.activity())).isEqualTo("INCOMING_ORDER/INBOUND/public/" + today + "/unassigned/Til jul");
        assertThat(seller.get("/api/v1/worklist/unassigned").body()).contains("Bestilling: Forsidebanner");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE actor = 'public' AND (record_type, record_id) IN "
                + "(('company', ?), ('contact', ?), ('sale', ?), ('booking', ?), ('activity', ?))", String.valueOf(companyId),
                String.valueOf(ids.contact()), String.valueOf(saleId), String.valueOf(ids.booking()), String.valueOf(ids.activity())))
                .as("company, contact, sale created and its line added, booking, activity").isEqualTo(6);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE actor = 'public' AND record_type = 'sale' "
                + "AND record_id = ? AND action = 'line-added'", String.valueOf(saleId))).isEqualTo(1);
    }

    @Test
    void aKnownAndANewCompanyGetTheSameAnswerSoNoOneLearnsWhoIsACustomer() {
        seller.post("/api/v1/companies", "{\"name\":\"Hemmelig Kunde AS\",\"organisationNumber\":\"987654325\",\"status\":\"CUSTOMER\","
                + "\"responsibleSellerId\":" + sellerId + "}");
        String placement = placement("Anonymbanner", 1000L);
        var w = week();
        var known = post(form("Hvem som helst", "987654325", "X", "x@hvem.no", placement, w[0], w[0], null), null);
        var unknown = post(form("Helt Ny AS", "923609024", "Y", "y@helt-ny.no", placement, w[1], w[1], null), null);
        var knownBody = Json.object(known.body());
        var unknownBody = Json.object(unknown.body());
        assertThat(knownBody.keySet()).isEqualTo(PUBLIC_FIELDS).isEqualTo(unknownBody.keySet());
        assertThat(knownBody).containsEntry("status", "RECEIVED").containsEntry("reserved", true);
        assertThat(unknownBody).containsEntry("status", "RECEIVED").containsEntry("reserved", true);
        assertThat(knownBody.get("orderReference")).isNotEqualTo(unknownBody.get("orderReference"));
        assertThat(known.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
        assertThat(Db.count(dataSource, "SELECT count(*) FROM public_order WHERE reference IN (?, ?)",
                knownBody.get("orderReference"), unknownBody.get("orderReference"))).as("each reference is stored with its sale")
                .isEqualTo(2);
    }

    @Test
    void staffFindASaleByItsOrderReferenceAsTheCustomerReadsItOut() {
        String placement = placement("Referansebanner", null);
        var w = week();
        var r = post(form("Referanse AS", null, "R", "r@referanse.no", placement, w[0], w[1], null), null);
        var ids = ids(r);
        String reference = (String) Json.object(r.body()).get("orderReference");
        String spoken = reference.toLowerCase().replace("-", " ").substring(2); // "k-7f3q-9xpa" read out as "7f3q 9xpa"
        var found = seller.get("/api/v1/sales?orderReference=" + java.net.URLEncoder.encode(spoken, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Json.list(Json.object(found.body()).get("items"))).extracting(i -> Json.number(i.get("id"))).containsExactly(ids.sale());
        assertThat(Json.list(Json.object(seller.get("/api/v1/sales?orderReference=K-0000-0000").body()).get("items"))).isEmpty();
        var bad = seller.get("/api/v1/sales?orderReference=nonsense!");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"orderReference\"");
        assertThat(anonymous.get("/api/v1/sales?orderReference=" + reference).statusCode()).as("staff only").isEqualTo(401);
    }

    @Test
    void aPublicOrderReservesAtMostTheConfiguredDaysAndNotTooFarAhead() {
        String placement = placement("Langbanner", 1000L);
        var first = today.plusDays(200);
        long[] before = {count("sale"), count("booking")};
        var tooLong = post(form("Lang AS", null, "L", "l@langtid.no", placement, first, first.plusDays(90), null), null);
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"lastDay\"", "order.period-too-long", "90");
        var tooFar = post(form("Fjern AS", null, "F", "f@fjern.no", placement, today.plusDays(366), today.plusDays(366), null), null);
        assertThat(tooFar.statusCode()).as(tooFar.body()).isEqualTo(400);
        assertThat(tooFar.body()).contains("\"field\":\"firstDay\"", "order.period-too-far-ahead");
        assertThat(new long[] {count("sale"), count("booking")}).containsExactly(before);

        var longest = post(form("Lang AS", null, "L", "l@langtid.no", placement, first, first.plusDays(89), null), null);
        assertThat(longest.statusCode()).as("90 days, first and last included").isEqualTo(201);
        assertThat(Json.object(longest.body())).containsEntry("reserved", true);

        var sale = seller.post("/api/v1/sales", "{\"companyId\":" + ids(longest).company() + ",\"stage\":\"ORDERED\"}");
        var staffBooking = seller.post("/api/v1/bookings", "{\"saleId\":" + ApiClient.field(sale.body(), "id") + ",\"placementId\":"
                + placement + ",\"firstDay\":\"" + today.plusDays(400) + "\",\"lastDay\":\"" + today.plusDays(799) + "\"}");
        assertThat(staffBooking.statusCode()).as("staff bookings are not capped: " + staffBooking.body()).isEqualTo(201);
    }

    @Test
    void aKnownCompanyIsFoundByItsOrganisationNumberAndItsSellerGetsTheFollowUp() {
        var company = seller.post("/api/v1/companies", "{\"name\":\"Kjent AS\",\"organisationNumber\":\"974760673\","
                + "\"status\":\"CUSTOMER\",\"responsibleSellerId\":" + sellerId + "}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        String placement = placement("Sportsbanner", null);
        var w = week();
        var r = post(form("Kjent AS (skrevet annerledes)", "974 760 673", "Per Hansen", "per@kjent.no", placement, w[0], w[1], null), null);
        var order = ids(r);
        assertThat(String.valueOf(order.company())).isEqualTo(ApiClient.field(company.body(), "id"));
        assertThat(Db.text(dataSource, "SELECT follow_up_assignee_id FROM activity WHERE id = ?", order.activity()))
                .isEqualTo(String.valueOf(sellerId));
        assertThat(Db.text(dataSource, "SELECT responsible_seller_id FROM sale WHERE id = ?", order.sale()))
                .isEqualTo(String.valueOf(sellerId));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale_line WHERE sale_id = ?", order.sale()))
                .as("no price list, no line").isZero();
        assertThat(seller.get("/api/v1/worklist").body()).contains("Bestilling: Sportsbanner");

        var again = post(form("Kjent AS", "974760673", "Per Hansen", "PER@kjent.no", placement, w[1].plusDays(1), w[1].plusDays(2), "igjen"),
                null);
        assertThat(ids(again).contact()).as("the contact is found by e-mail").isEqualTo(order.contact());
    }

    @Test
    void aTakenPlacementGivesALeadWithoutBookingAndTheNearestFreePeriods() {
        String placement = placement("Toppbanner", 100000L);
        var w = week();
        assertThat(post(form("Først AS", null, "A", "a@forst.no", placement, w[0], w[1], null), null).statusCode()).isEqualTo(201);
        var r = post(form("Sist AS", null, "B", "b@sist.no", placement, w[0].plusDays(2), w[1].plusDays(2), null), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        var order = Json.object(r.body());
        assertThat(order).containsEntry("reserved", false).containsEntry("status", "RECEIVED");
        assertThat(Json.list(order.get("nearestFreePeriods"))).extracting(p -> p.get("firstDay") + ".." + p.get("lastDay"))
                .containsExactly(w[1].plusDays(1) + ".." + w[1].plusDays(7), w[0].minusDays(7) + ".." + w[0].minusDays(1));
        var ids = ids(r);
        assertThat(ids.booking()).isNull();
        assertThat(Db.text(dataSource, "SELECT stage FROM sale WHERE id = ?", ids.sale())).isEqualTo("LEAD");
        assertThat(Db.text(dataSource, "SELECT subject FROM activity WHERE id = ?", ids.activity())).endsWith("(opptatt)");
    }

    @Test
    void withoutAnOrganisationNumberTheCompanyIsFoundAgainByTheContactsEmail() {
        String placement = placement("Privatbanner", null);
        var w = week();
        var first = ids(post(form("Ola Privat", null, "Ola", "ola@privat.no", placement, w[0], w[0], "a"), null));
        var second = ids(post(form("Ola Privat", null, "Ola", "ola@privat.no", placement, w[1], w[1], "b"), null));
        assertThat(second.company()).isEqualTo(first.company());
        assertThat(second.contact()).isEqualTo(first.contact());
        assertThat(second.sale()).isNotEqualTo(first.sale());
    }

    @Test
    void aKeyReplaysTheSameOrderAndRefusesAnotherBody() {
        String placement = placement("Nøkkelbanner", 1000L);
        var w = week();
        String body = form("Nøkkel AS", null, "N", "n@nokkel.no", placement, w[0], w[1], null);
        var first = post(body, "ordre-42");
        assertThat(first.statusCode()).isEqualTo(201);
        long sales = count("sale");
        var replay = post(body, "ordre-42");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Json.object(replay.body())).as("the same order reference, and nothing more").isEqualTo(Json.object(first.body()));
        assertThat(Json.object(replay.body()).keySet()).isEqualTo(PUBLIC_FIELDS);
        var other = post(form("Nøkkel AS", null, "N", "n@nokkel.no", placement, w[0], w[1], "endret"), "ordre-42");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("idempotency.key-reused");
        assertThat(count("sale")).isEqualTo(sales);
        assertThat(post(body, "x".repeat(201)).statusCode()).isEqualTo(400);
        assertThat(post(body, "ordre 42").body()).contains("\"field\":\"Idempotency-Key\"");
    }

    @Test
    void theSameContentPostedAgainWithoutAKeyIsTheSameOrder() {
        String placement = placement("Dobbelbanner", null);
        var w = week();
        String body = form("Dobbel AS", null, "D", "d@dobbel.no", placement, w[0], w[1], "én gang");
        var first = post(body, null);
        var second = post(body, null);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(Json.object(second.body()).get("orderReference")).isEqualTo(Json.object(first.body()).get("orderReference"));
        assertThat(Json.object(second.body()).keySet()).isEqualTo(PUBLIC_FIELDS);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale s JOIN company c ON c.id = s.company_id WHERE c.name = 'Dobbel AS'"))
                .isEqualTo(1);
    }

    @Test
    void textIsStoredAsGivenAndEscapedWhenShown() {
        String placement = placement("Skriptbanner", null);
        var w = week();
        String hostile = "<script>alert('x')</script> \"; DROP TABLE sale; --";
        var r = post(form(hostile, null, "Robert'); DROP TABLE", "bobby@tables.no", placement, w[0], w[1], hostile), null);
        long companyId = ids(r).company();
        assertThat(Db.text(dataSource, "SELECT name FROM company WHERE id = ?", companyId)).isEqualTo(hostile);
        var card = seller.get("/api/v1/companies/" + companyId);
        assertThat(Json.object(card.body()).get("name")).isEqualTo(hostile);
        assertThat(card.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void badOrdersAreRefusedWithProblemsAndNothingIsStored() {
        String placement = placement("Feilbanner", 1000L);
        String inactive = placement("Tattbortbanner", null);
        admin.put("/api/v1/placements/" + inactive, "{\"name\":\"Tattbortbanner\",\"unit\":\"DAY\",\"active\":false}", "\"0\"");
        var w = week();
        long[] before = {count("company"), count("contact"), count("sale"), count("booking"), count("activity"), count("sale_line")};

        var missing = post("{}", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"companyName\"", "\"field\":\"contactName\"", "\"field\":\"email\"",
                "\"field\":\"placementId\"", "\"field\":\"firstDay\"");
        assertThat(post("{\"companyName\":", null).statusCode()).isEqualTo(400);
        assertThat(post("[]", null).statusCode()).isEqualTo(400);
        assertThat(post("{\"placementId\":\"en\"}", null).statusCode()).isEqualTo(400);
        assertThat(post(form("Org AS", "923609017", "O", "o@org.no", placement, w[0], w[1], null), null).body())
                .contains("\"field\":\"organisationNumber\"");
        assertThat(post(form("Fortid AS", null, "F", "f@fortid.no", placement, today.minusDays(1), today, null), null).body())
                .contains("\"field\":\"firstDay\"", "order.period-in-past");
        assertThat(post(form("Snudd AS", null, "S", "s@snudd.no", placement, w[1], w[0], null), null).body()).contains("\"field\":\"lastDay\"");
        assertThat(post(form("Ukjent AS", null, "U", "u@ukjent.no", "999999", w[0], w[1], null), null).body())
                .contains("\"field\":\"placementId\"", "order.placement-unknown");
        assertThat(post(form("Borte AS", null, "B", "b@borte.no", inactive, w[0], w[1], null), null).body())
                .contains("order.placement-unknown");
        assertThat(post(form("Epost AS", null, "E", "ikke-en-epost", placement, w[0], w[1], null), null).body())
                .contains("\"field\":\"email\"");
        assertThat(post(form("Lang AS", null, "L", "l@lang.no", placement, w[0], w[1], "x".repeat(4001)), null).body())
                .contains("\"field\":\"message\"");
        assertThat(post(form("x".repeat(201), null, "L", "l@lang.no", placement, w[0], w[1], null), null).body())
                .contains("\"field\":\"companyName\"");
        assertThat(post(form("Stor AS", null, "S", "s@stor.no", placement, w[0], w[1], "x".repeat(1_100_000)), null).statusCode())
                .isEqualTo(413);
        var wrongType = anonymous.send(anonymous.request("/api/v1/public/orders").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hei")).build());
        assertThat(wrongType.statusCode()).isEqualTo(415);

        assertThat(new long[] {count("company"), count("contact"), count("sale"), count("booking"), count("activity"),
                count("sale_line")}).containsExactly(before);
    }

    @Test
    void withNoOriginConfiguredNoBrowserPageElsewhereMayPostTheForm() {
        var r = anonymous.send(anonymous.request("/api/v1/public/orders").header("Origin", "https://avisa.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void whileTheFirstPostWithAKeyIsStillRunningAnotherIsToldSo() throws Exception {
        String placement = placement("Ventebanner", null);
        var w = week();
        String body = form("Vente AS", null, "V", "v@vente.no", placement, w[0], w[1], null);
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("INSERT INTO idempotency_key (scope, key, request_hash, created_at) "
                    + "VALUES ('public', 'key:vente-1', 'in-flight', now())")) {
                st.executeUpdate(); // a first request holding the key, not yet committed
            }
            var second = post(body, "vente-1");
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("idempotency.in-progress");
            c.rollback(); // the first one failed: the key is free again
        }
        assertThat(post(body, "vente-1").statusCode()).isEqualTo(201);
    }

    @Test
    void twentyConcurrentPostsWithOneKeyMakeOneOrder() throws Exception {
        String placement = placement("Samtidigbanner", 5000L);
        var w = week();
        String body = form("Samtidig AS", "915933149", "S", "s@samtidig.no", placement, w[0], w[1], "samtidig");
        var results = race(20, i -> post(body, "samme-nøkkel-1"));
        var statuses = results.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).allMatch(s -> s == 201 || s == 409).contains(201);
        assertThat(results.stream().filter(r -> r.statusCode() == 201).map(r -> Json.object(r.body()).get("orderReference")).distinct())
                .hasSize(1);
        assertThat(results.stream().filter(r -> r.statusCode() == 409).map(HttpResponse::body))
                .allMatch(b -> b.contains("idempotency.in-progress"));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM company WHERE organisation_number = '915933149'")).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale s JOIN company c ON c.id = s.company_id "
                + "WHERE c.organisation_number = '915933149'")).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM booking WHERE placement_id = ?", Long.parseLong(placement))).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM activity a JOIN company c ON c.id = a.company_id "
                + "WHERE c.organisation_number = '915933149'")).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM contact WHERE email = 's@samtidig.no'")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentOrdersForTheSameDaysBookItOnceAndKeepTheRestAsLeads() throws Exception {
        String placement = placement("Kappløpbanner", null);
        var w = week();
        var results = race(20, i -> post(form("Kappløp " + i + " AS", null, "K", "k" + i + "@kapp.no", placement, w[0].plusDays(i % 3),
                w[1], null), null));
        assertThat(results).allMatch(r -> r.statusCode() == 201);
        assertThat(results.stream().filter(r -> (Boolean) Json.object(r.body()).get("reserved"))).hasSize(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM booking WHERE placement_id = ?", Long.parseLong(placement))).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM sale s JOIN company c ON c.id = s.company_id "
                + "WHERE c.name LIKE 'Kappløp %' AND s.stage = 'LEAD'")).isEqualTo(19);
    }

    interface Call {
        HttpResponse<String> run(int i) throws Exception;
    }

    static List<HttpResponse<String>> race(int n, Call call) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.run(index);
            }));
        }
        start.countDown();
        var results = new ArrayList<HttpResponse<String>>();
        for (var f : futures) {
            results.add(f.get());
        }
        pool.shutdown();
        return results;
    }

}
