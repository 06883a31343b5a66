package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * My page over HTTP on PostgreSQL: a customer sees its own company's issued documents and
 * nothing of another's (404, as for one that does not exist); the same 401 for a wrong PIN,
 * an unknown invoice and a locked one; five failures lock the invoice until a manager
 * unlocks it; logout ends the session on the server; bad bodies are 400.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalApiTest implements UsesTestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    ApiClient anonymous;
    String mine;
    String mineToo;
    String draft;
    String theirs;

    /** Every request here comes from 127.0.0.1: the address limit is PortalThrottleApiTest's. */
    @Override
    public Map<String, String> getProperties() {
        var properties = new java.util.HashMap<>(UsesTestDatabase.super.getProperties());
        properties.put("kontor.portal.per-address", "1000");
        return properties;
    }

    @BeforeAll
    void setUp() {
        manager = staff.admin();
        anonymous = ApiClient.anonymous(server.getURI());
        String company = ApiClient.field(manager.post("/api/v1/companies", "{\"name\":\"Kunde AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        String other = ApiClient.field(manager.post("/api/v1/companies", "{\"name\":\"Annen AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        mine = ApiInvoices.issued(manager, manager, company)[0];
        mineToo = ApiInvoices.issued(manager, manager, company)[0];
        draft = ApiInvoices.draft(manager, manager, company);
        theirs = ApiInvoices.issued(manager, manager, other)[0];
    }

    java.net.http.HttpResponse<String> logIn(Object number, String pin) {
        return anonymous.post("/api/v1/portal/login", "{\"invoiceNumber\":\"" + number + "\",\"pin\":\"" + pin + "\"}");
    }

    @Test
    void aCustomerReadsItsOwnCompanysDocumentsAndNothingOfAnothers() {
        var customer = customers.login(Long.parseLong(mine));
        var me = customer.get("/api/v1/portal/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(ApiClient.field(me.body(), "companyName")).isEqualTo("Kunde AS");
        assertThat(ApiClient.field(me.body(), "due")).isEqualTo("250000");

        var list = customer.get("/api/v1/portal/invoices");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Json.list(Json.object(list.body()).get("items"))).extracting(i -> String.valueOf(i.get("id")))
                .containsExactly(mineToo, mine);
        assertThat(list.body()).doesNotContain("createdBy").doesNotContain("user:");
        assertThat(customer.get("/api/v1/portal/invoices/" + mineToo).statusCode()).isEqualTo(200);
        assertThat(customer.get("/api/v1/portal/invoices/" + mine + "/ehf").body()).contains("<cbc:ID>");

        var orders = customer.get("/api/v1/portal/orders");
        assertThat(orders.statusCode()).isEqualTo(200);
        var listed = Json.list(Json.object("{\"orders\":" + orders.body() + "}").get("orders"));
        assertThat(listed).as("its three ordered sales: two invoiced, one on the draft").hasSize(3);
        assertThat(listed).extracting(o -> o.get("stage")).containsOnly("INVOICED", "ORDERED");
        assertThat(listed).allSatisfy(o -> assertThat(Json.list(o.get("lines"))).isNotEmpty());
        var theirOrders = customers.login(Long.parseLong(theirs)).get("/api/v1/portal/orders");
        assertThat(Json.list(Json.object("{\"orders\":" + theirOrders.body() + "}").get("orders"))).as("the other company's own").hasSize(1);

        for (String id : new String[] {theirs, draft, "999999"}) {
            for (String suffix : new String[] {"", "/pdf", "/ehf"}) {
                var r = customer.get("/api/v1/portal/invoices/" + id + suffix);
                assertThat(r.statusCode()).as(id + suffix).isEqualTo(404);
                assertThat(r.body()).doesNotContain("Annen AS");
            }
        }
    }

    @Test
    void aWrongPinAnUnknownInvoiceAndALockedOneGetTheSameAnswer() {
        long number = customers.knownPin(Long.parseLong(mineToo));
        var wrongPin = logIn(number, "000000");
        var unknown = logIn(number + 9000, TestCustomers.PIN);
        var malformed = logIn("abc", "x");
        for (var r : java.util.List.of(wrongPin, unknown, malformed)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(unknown.body()).isEqualTo(wrongPin.body());
        assertThat(malformed.body()).isEqualTo(wrongPin.body());
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'portal-login' AND record_id = ? "
                + "AND action = 'failed'", Long.toString(number))).isEqualTo(1);
    }

    @Test
    void fiveFailuresLockTheInvoiceUntilAManagerUnlocksIt() {
        String id = ApiInvoices.issued(manager, manager, ApiClient.field(manager.post("/api/v1/companies",
                "{\"name\":\"Låst AS\",\"status\":\"CUSTOMER\"}").body(), "id"))[0];
        long number = customers.knownPin(Long.parseLong(id));
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(number, "000000").statusCode()).isEqualTo(401);
        }
        var locked = logIn(number, TestCustomers.PIN);
        assertThat(locked.statusCode()).as("the right PIN, locked").isEqualTo(401);
        var state = manager.get("/api/v1/invoices/" + id + "/login");
        assertThat(ApiClient.field(state.body(), "locked")).isEqualTo("true");

        staff.add("selger-laas", Role.SELLER);
        assertThat(staff.login("selger-laas").post("/api/v1/invoices/" + id + "/login/unlock", "").statusCode()).isEqualTo(403);
        var unlocked = manager.post("/api/v1/invoices/" + id + "/login/unlock", "");
        assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
        assertThat(ApiClient.field(unlocked.body(), "locked")).isEqualTo("false");
        assertThat(logIn(number, TestCustomers.PIN).statusCode()).isEqualTo(200);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'portal-login' AND record_id = ? "
                + "AND action IN ('locked', 'unlocked', 'succeeded')", Long.toString(number))).isEqualTo(3);
        assertThat(manager.get("/api/v1/invoices/" + draft + "/login").statusCode()).as("a draft has no login").isEqualTo(404);
    }

    @Test
    void wrongPinsRacingOnOneInvoiceAreCountedOneAtATimeAndLockItOnce() throws Exception {
        String id = ApiInvoices.issued(manager, manager, ApiClient.field(manager.post("/api/v1/companies",
                "{\"name\":\"Kappløp AS\",\"status\":\"CUSTOMER\"}").body(), "id"))[0];
        long number = customers.knownPin(Long.parseLong(id));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var attempts = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 12; i++) {
            attempts.add(() -> logIn(number, "000000").statusCode());
        }
        for (var done : pool.invokeAll(attempts)) {
            assertThat(done.get()).isEqualTo(401);
        }
        pool.shutdown();
        // the invoice's login row is locked by each attempt before it is read: five failures lock it, once, and the
        // attempts that found it locked are not counted
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'portal-login' AND record_id = ? "
                + "AND action = 'locked'", Long.toString(number))).isEqualTo(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'portal-login' AND record_id = ? "
                + "AND action = 'failed'", Long.toString(number))).isEqualTo(12);
        assertThat(ApiClient.field(manager.get("/api/v1/invoices/" + id + "/login").body(), "locked")).isEqualTo("true");
        assertThat(logIn(number, TestCustomers.PIN).statusCode()).as("locked: the right PIN too").isEqualTo(401);
    }

    @Test
    void loggingOutEndsTheSessionOnTheServer() {
        var customer = customers.login(Long.parseLong(mine));
        assertThat(customer.get("/api/v1/portal/me").statusCode()).isEqualTo(200);
        assertThat(customer.post("/api/v1/portal/logout", "").statusCode()).isEqualTo(204);
        assertThat(customer.get("/api/v1/portal/me").statusCode()).isEqualTo(401);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM customer_session WHERE end_reason = 'LOGGED_OUT'")).isPositive();
    }

    @Test
    void badBodiesAreRefusedWithTheFieldNamed() {
        for (String body : new String[] {"{}", "{\"invoiceNumber\":\"1\"}", "{\"pin\":\"123456\"}", "{\"invoiceNumber\":1,\"pin\":[1]}",
                "{\"invoiceNumber\":\"" + "9".repeat(41) + "\",\"pin\":\"123456\"}", "{\"invoiceNumber\":\"1\u0001\",\"pin\":\"123456\"}", "{",
                "null"}) {
            var r = anonymous.post("/api/v1/portal/login", body);
            assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
        }
    }
}
