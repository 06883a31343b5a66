package no.kontor.bootstrap;

import static no.kontor.domain.payment.OcrFileWriter.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import no.kontor.adapters.persistence.testing.TestPostgres;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;
import no.kontor.domain.payment.OcrFileWriter;

/**
 * Two Kontor nodes on one database (docs/scaling.md): two servers, each with its outbox worker,
 * a real SMTP server (GreenMail), and clients that alternate between the nodes from several
 * threads, as behind a round-robin load balancer. Nothing may be done twice: invoice numbers
 * stay one gapless series, a placement's day is booked once, each mail leaves once, each
 * overdue invoice gets one reminder, each bank transaction is booked once, and the audit chain
 * the two nodes append to verifies. Both nodes start at once on an empty database, as a
 * first deployment of two would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {
    static final Logger LOG = LoggerFactory.getLogger(TwoNodesIT.class);
    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final int THREADS = 8;
    static final int INVOICES = 40;
    /** Of the issued invoices, in order: those mailed, those paid by the OCR files, the rest reminded. */
    static final int MAILED = 20;
    static final int PAID = 8;
    /** An issued invoice: one line of 1 000.00 and 25 % VAT. */
    static final long INVOICE_TOTAL = 125_000;

    final int smtpPort = freePort();
    final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    final ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    final AtomicInteger roundRobin = new AtomicInteger();

    String databaseUrl;
    EmbeddedServer[] nodes;
    /** The same bearer token, sent to node 0 or node 1: a token from one node is good on the other. */
    ApiClient[] manager;
    String companyId;
    /** The invoices of {@link #issuingOnBothNodesGivesOneGaplessSeries()}: id → number and KID. */
    final Map<String, String[]> issued = new java.util.LinkedHashMap<>();

    @BeforeAll
    void startTwoNodes() throws Exception {
        smtp.start();
        databaseUrl = TestPostgres.newDatabase("TwoNodesIT");
        var properties = new HashMap<String, Object>();
        properties.put("datasources.default.url", databaseUrl);
        properties.put("datasources.default.username", TestPostgres.username());
        properties.put("datasources.default.password", TestPostgres.password());
        properties.put("datasources.default.maximum-pool-size", 8);
        properties.put("datasources.default.minimum-idle", 1);
        properties.put("kontor.mail.host", "127.0.0.1");
        properties.put("kontor.mail.port", smtpPort);
        properties.put("kontor.mail.timeout", "5s");
        properties.put("kontor.jobs.interval", "200ms");
        properties.put("kontor.invoicing.customer-copy-days", 90); // the clock moves a month in the reminders' step
        properties.put("kontor.test.movable-clock", "true");
        properties.put("kontor.test.node-work", "true");
        // both at once, on a database no node has started on yet: each may try to create the first admin
        var starts = new ArrayList<Future<EmbeddedServer>>();
        for (int i = 0; i < 2; i++) {
            starts.add(clients.submit(() -> ApplicationContext.run(EmbeddedServer.class, properties, "test")));
        }
        nodes = new EmbeddedServer[] {starts.get(0).get(), starts.get(1).get()};
        assertThat(count("SELECT count(*) FROM staff_user")).as("one first admin").isEqualTo(1);
        for (EmbeddedServer node : nodes) {
            assertThat(node.getApplicationContext().containsBean(InvoiceJobRunner.class)).as("every node runs the outbox").isTrue();
        }

        nodes[0].getApplicationContext().getBean(TestStaff.class).add("mona", Role.MANAGER);
        String token = login(nodes[1].getURI(), "mona", "mona-password");
        manager = new ApiClient[] {ApiClient.bearer(nodes[0].getURI(), token), ApiClient.bearer(nodes[1].getURI(), token)};
        var company = next().post("/api/v1/companies", "{\"name\":\"Mottaker AS\",\"organisationNumber\":\"889640782\","
                + "\"status\":\"CUSTOMER\",\"invoiceEmail\":\"faktura@mottaker.example\"}");
        assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
        companyId = ApiClient.field(company.body(), "id");
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        if (nodes != null) {
            for (EmbeddedServer node : nodes) {
                if (node != null) {
                    node.getApplicationContext().close();
                }
            }
        }
        smtp.stop();
    }

    @Test
    @Order(1)
    void issuingOnBothNodesGivesOneGaplessSeries() throws Exception {
        var drafts = new ArrayList<String>();
        for (int i = 0; i < INVOICES; i++) {
            drafts.add(draft());
        }
        // every draft is issued on both nodes at once, as a client retrying on the other node would:
        // half of them with one Idempotency-Key (a replay or 409 in progress), half without (409 once issued)
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < drafts.size(); i++) {
            String id = drafts.get(i);
            String key = i % 2 == 0 ? "issue-" + id : null;
            for (ApiClient node : manager) {
                calls.add(() -> post(node, "/api/v1/invoices/" + id + "/issue", "", key));
            }
        }
        var answers = atOnce(calls);
        LOG.info("issuing {} drafts on both nodes at once: {}", drafts.size(), outcomes(answers));
        for (int i = 0; i < drafts.size(); i++) {
            var pair = List.of(answers.get(2 * i), answers.get(2 * i + 1));
            var ok = pair.stream().filter(r -> r.statusCode() == 200).toList();
            assertThat(ok).as("draft %s: %s", drafts.get(i), pair.stream().map(r -> r.statusCode() + " " + r.body()).toList()).isNotEmpty();
            var other = pair.stream().filter(r -> r.statusCode() != 200).toList();
            if (i % 2 == 0) {
                assertThat(ok.stream().map(r -> ApiClient.field(r.body(), "number")).distinct()).as("a replay answers the same number")
                        .hasSize(1);
                assertThat(other).allSatisfy(r -> assertThat(ApiClient.field(r.body(), "code")).isEqualTo("idempotency.in-progress"));
            } else {
                assertThat(ok).as("one issue, the other refused").hasSize(1);
                assertThat(other).singleElement().satisfies(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(409));
            }
            issued.put(drafts.get(i), new String[] {ApiClient.field(ok.get(0).body(), "number"), ApiClient.field(ok.get(0).body(), "kid")});
        }
        assertThat(numbers("SELECT number FROM invoice WHERE number IS NOT NULL ORDER BY number"))
                .as("one series, 1..n, no duplicate, no gap").containsExactlyElementsOf(LongStream.rangeClosed(1, INVOICES).boxed().toList());
        assertThat(count("SELECT next_no FROM invoice_series")).isEqualTo(INVOICES + 1);
    }

    @Test
    @Order(2)
    void bookingTheSameDaysOnBothNodesBooksEachDayOnce() throws Exception {
        String sale = orderedSale();
        var placement = admin().post("/api/v1/placements", "{\"name\":\"Toppbanner to noder\",\"unit\":\"DAY\"}");
        assertThat(placement.statusCode()).as(placement.body()).isEqualTo(201);
        String placementId = ApiClient.field(placement.body(), "id");
        LocalDate first = LocalDate.now().plusYears(1).withDayOfMonth(1);
        // 20 overlapping three-day periods, each asked for on both nodes at once
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int k = 0; k < 20; k++) {
            String body = "{\"saleId\":" + sale + ",\"placementId\":" + placementId + ",\"firstDay\":\"" + first.plusDays(k)
                    + "\",\"lastDay\":\"" + first.plusDays(k + 2) + "\"}";
            for (ApiClient node : manager) {
                calls.add(() -> post(node, "/api/v1/bookings", body, null));
            }
        }
        var answers = atOnce(calls);
        long booked = answers.stream().filter(r -> r.statusCode() == 201).count();
        LOG.info("booking 20 overlapping periods on both nodes at once: {}", outcomes(answers));
        assertThat(answers).as("each one booked or refused with 409").allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
            if (r.statusCode() == 409) {
                assertThat(ApiClient.field(r.body(), "code")).isEqualTo("booking.conflict");
            }
        });
        assertThat(booked).isBetween(1L, 20L);
        long pid = Long.parseLong(placementId);
        assertThat(count("SELECT count(*) FROM booking WHERE placement_id = ? AND status <> 'CANCELLED'", pid)).isEqualTo(booked);
        assertThat(count("SELECT count(*) FROM booking a JOIN booking b ON a.placement_id = b.placement_id AND a.id < b.id "
                + "WHERE a.placement_id = ? AND a.status <> 'CANCELLED' AND b.status <> 'CANCELLED' "
                + "AND daterange(a.first_day, a.last_day, '[]') && daterange(b.first_day, b.last_day, '[]')", pid))
                .as("no two active bookings share a day").isZero();
    }

    @Test
    @Order(3)
    void eachInvoiceMailLeavesOnceThoughBothWorkersRun() throws Exception {
        var ids = new ArrayList<>(issued.keySet()).subList(0, MAILED);
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (i < MAILED / 2) { // a client that retries on the other node, with its key
                for (ApiClient node : manager) {
                    calls.add(() -> post(node, "/api/v1/invoices/" + id + "/send", "{\"withEhf\":true}", "send-" + id));
                }
            } else {
                calls.add(() -> post(next(), "/api/v1/invoices/" + id + "/send", "{}", null));
            }
        }
        var answers = atOnce(calls);
        LOG.info("sending {} invoices ({} of them on both nodes with one key): {}", ids.size(), MAILED / 2, outcomes(answers));
        for (var r : answers) {
            assertThat(r.statusCode()).as(r.body()).isIn(202, 409);
        }
        for (String id : ids) {
            assertThat(count("SELECT count(*) FROM outbox WHERE kind = 'SEND_INVOICE' AND invoice_id = ?", Long.parseLong(id)))
                    .as("invoice %s: one send queued", id).isEqualTo(1);
        }
        eventually("every send is done", () -> count("SELECT count(*) FROM outbox WHERE kind = 'SEND_INVOICE' AND done_at IS NULL") == 0);
        assertInvoiceMailsOnce(ids);
        assertThat(count("SELECT count(*) FROM outbox WHERE kind = 'SEND_INVOICE' AND (attempts <> 1 OR failed)"))
                .as("each send claimed once, at its first attempt").isZero();
        var work = List.of(work(0), work(1));
        LOG.info("outbox work so far: node 0 rendered {} PDFs and sent {} mails, node 1 rendered {} and sent {}", work.get(0).renders,
                work.get(0).mails, work.get(1).renders, work.get(1).mails);
        assertThat(work).as("both nodes' workers took outbox jobs (renders, mails)")
                .allSatisfy(w -> assertThat(w.renders.get() + w.mails.get()).isPositive());
    }

    @Test
    @Order(4)
    void theSameOcrFileOnBothNodesBooksEachPaymentOnce() throws Exception {
        var ids = new ArrayList<>(issued.keySet()).subList(MAILED, MAILED + PAID);
        var files = new ArrayList<byte[]>();
        for (int f = 0; f < 2; f++) {
            var writer = new OcrFileWriter().transmissionNumber(String.format("%07d", 700 + f))
                    .assignment(OcrFileWriter.AGREEMENT_ID, String.format("%07d", 700 + f));
            for (String id : ids.subList(f * PAID / 2, (f + 1) * PAID / 2)) {
                writer.transaction(transaction(10, INVOICE_TOTAL).kid(issued.get(id)[1]).settled(LocalDate.of(2026, 11, 20))
                        .archiveReference(String.format("%09d", 7000 + Long.parseLong(id))));
            }
            files.add(writer.bytes());
        }
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (byte[] file : files) {
            for (ApiClient node : manager) {
                calls.add(() -> node.send(node.request("/api/v1/payments/ocr-imports").header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build()));
            }
        }
        var answers = atOnce(calls);
        LOG.info("the same OCR file on both nodes at once, two files: {}", outcomes(answers));
        for (int f = 0; f < files.size(); f++) {
            var pair = List.of(answers.get(2 * f), answers.get(2 * f + 1));
            assertThat(pair).as("file %d: one import, the other a replay or a refusal", f)
                    .filteredOn(r -> r.statusCode() == 201).hasSize(1);
            assertThat(pair).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 409));
        }
        assertThat(count("SELECT count(*) FROM ocr_import")).isEqualTo(2);
        for (String id : ids) {
            String kid = issued.get(id)[1];
            assertThat(count("SELECT count(*) FROM payment WHERE kid = ?", kid)).as("invoice %s: one payment", id).isEqualTo(1);
            var invoice = Json.object(next().get("/api/v1/invoices/" + id).body());
            assertThat(Json.number(invoice.get("paid"))).isEqualTo(INVOICE_TOTAL);
            assertThat(invoice.get("status")).isEqualTo("PAID");
        }
    }

    @Test
    @Order(5)
    void remindingOnBothNodesAtOnceGivesEachOverdueInvoiceOneReminder() throws Exception {
        for (EmbeddedServer node : nodes) { // past the due date and the 14 days before a fee may be claimed
            node.getApplicationContext().getBean(MovableClock.class).advance(Duration.ofDays(29));
        }
        var ids = new ArrayList<>(issued.keySet()).subList(MAILED + PAID, INVOICES);
        var overdue = Json.object(next().get("/api/v1/reports/overdue?limit=500").body());
        assertThat(Json.list(overdue.get("items"))).as("the unpaid invoices are overdue on both nodes' clocks")
                .hasSize(INVOICES - PAID);
        var calls = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String key = i % 2 == 0 ? "remind-" + id : null;
            for (ApiClient node : manager) {
                calls.add(() -> post(node, "/api/v1/invoices/" + id + "/reminders", "{\"withFee\":true}", key));
            }
        }
        var answers = atOnce(calls);
        LOG.info("reminding {} overdue invoices on both nodes at once: {}", ids.size(), outcomes(answers));
        for (int i = 0; i < ids.size(); i++) {
            var pair = List.of(answers.get(2 * i), answers.get(2 * i + 1));
            var described = pair.stream().map(r -> r.statusCode() + " " + r.body()).toList();
            assertThat(pair).as("invoice %s: %s", ids.get(i), described).anySatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
            for (var r : pair) {
                if (r.statusCode() != 201) {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                    assertThat(ApiClient.field(r.body(), "code")).isIn("idempotency.in-progress", "reminder.fee-too-early");
                }
            }
            if (i % 2 != 0) {
                assertThat(pair).as("without a key the second fee is refused: %s", described).filteredOn(r -> r.statusCode() == 201).hasSize(1);
            }
            assertThat(count("SELECT count(*) FROM invoice_reminder WHERE invoice_id = ?", Long.parseLong(ids.get(i))))
                    .as("invoice %s: one reminder", ids.get(i)).isEqualTo(1);
        }
        eventually("every reminder is mailed", () -> count("SELECT count(*) FROM outbox WHERE kind = 'SEND_REMINDER' AND done_at IS NULL") == 0);
        for (String id : ids) {
            String number = issued.get(id)[0];
            assertThat(received("Purring 1: faktura " + number + " ")).as("invoice %s: its reminder mailed once", number).hasSize(1);
            assertThat(received("Purring ")).filteredOn(m -> subject(m).contains(" " + number + " ")).hasSize(1);
        }
        assertThat(received("Purring ")).hasSize(ids.size());
    }

    @Test
    @Order(6)
    void theAuditChainBothNodesAppendedToVerifies() {
        // a mail sent twice after its job was marked done would show here, well after the sends
        assertInvoiceMailsOnce(new ArrayList<>(issued.keySet()).subList(0, MAILED));
        for (ApiClient node : manager) {
            var verify = node.post("/api/v1/audit/verify", "");
            assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
            var result = Json.object(verify.body());
            assertThat(result.get("valid")).as(verify.body()).isEqualTo(true);
            long entries = count("SELECT count(*) FROM audit_entry");
            assertThat(Json.number(result.get("checked"))).isEqualTo(entries);
            assertThat(Json.number(Json.map(result.get("head")).get("seq"))).isEqualTo(count("SELECT max(seq) FROM audit_entry"));
        }
        assertThat(count("SELECT count(*) FROM (SELECT seq FROM audit_entry GROUP BY seq HAVING count(*) > 1) d")).isZero();
        LOG.info("the audit chain verifies with {} entries; outbox work: node 0 {} PDFs and {} mails, node 1 {} PDFs and {} mails",
                count("SELECT count(*) FROM audit_entry"), work(0).renders, work(0).mails, work(1).renders, work(1).mails);
    }

    // --- the clients' side ---

    /** The next node, round robin: what a load balancer without sticky sessions does. */
    ApiClient next() {
        return manager[Math.floorMod(roundRobin.getAndIncrement(), 2)];
    }

    ApiClient admin() {
        return ApiClient.anonymous(nodes[Math.floorMod(roundRobin.getAndIncrement(), 2)].getURI()).login("admin", "admin-password");
    }

    static String login(URI node, String username, String password) {
        var r = ApiClient.anonymous(node).post("/api/v1/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ApiClient.field(r.body(), "access_token");
    }

    static HttpResponse<String> post(ApiClient node, String path, String json, String idempotencyKey) {
        var b = node.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return node.send(b.build());
    }

    String orderedSale() {
        var sale = next().post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}");
        assertThat(sale.statusCode()).as(sale.body()).isEqualTo(201);
        return ApiClient.field(sale.body(), "id");
    }

    String draft() {
        String sale = orderedSale();
        var line = next().post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Annonse\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":100000}");
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        var draft = next().post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        return ApiClient.field(draft.body(), "id");
    }

    /** Runs the calls from the client threads, released together; their answers in the calls' order. */
    <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        for (var call : calls) {
            futures.add(clients.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        var results = new ArrayList<T>();
        for (var f : futures) {
            results.add(f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        return results;
    }

    /** The answers by status and problem code, e.g. {@code {200=20, 409 idempotency.in-progress=3}}. */
    static Map<String, Long> outcomes(List<HttpResponse<String>> answers) {
        return answers.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.statusCode()
                + (r.statusCode() >= 400 ? " " + ApiClient.field(r.body(), "code") : ""), java.util.TreeMap::new,
                java.util.stream.Collectors.counting()));
    }

    NodeWork work(int node) {
        return nodes[node].getApplicationContext().getBean(NodeWork.class);
    }

    // --- what arrived, and what the database holds ---

    void assertInvoiceMailsOnce(List<String> ids) {
        for (String id : ids) {
            String number = issued.get(id)[0];
            assertThat(received("Faktura " + number + " ")).as("invoice %s mailed once", number).hasSize(1);
        }
        assertThat(received("Faktura ")).as("no other invoice mail").hasSize(ids.size());
    }

    List<MimeMessage> received(String subjectStart) {
        var found = new ArrayList<MimeMessage>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (subject(m).startsWith(subjectStart)) {
                found.add(m);
            }
        }
        return found;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    void eventually(String what, Supplier<Boolean> probe) {
        var deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (probe.get()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within " + PATIENCE + ": " + what);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(databaseUrl, TestPostgres.username(), TestPostgres.password());
    }

    long count(String sql, Object... params) {
        try (var c = connect()) {
            return Db.count(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<Long> numbers(String sql) {
        try (var c = connect(); var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
            var all = new ArrayList<Long>();
            while (rs.next()) {
                all.add(rs.getLong(1));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
