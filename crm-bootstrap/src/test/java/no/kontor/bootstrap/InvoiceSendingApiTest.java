package no.kontor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import no.kontor.adapters.persistence.testing.UsesTestDatabase;
import no.kontor.adapters.web.testing.ApiClient;
import no.kontor.domain.identity.Role;

/**
 * After the issuing commit: the PDF rendered through the outbox and served as archived
 * (202 until then), e-mailed with the EHF document to a real SMTP server (GreenMail),
 * kept through an outage and sent once when it is back; reminders by e-mail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceSendingApiTest implements UsesTestDatabase, TestPropertyProvider {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    final int smtpPort = freePort();
    GreenMail smtp = startSmtp();

    @Inject
    TestStaff staff;
    @Inject
    TestCustomers customers;
    @Inject
    DataSource dataSource;

    ApiClient manager;
    String companyId;

    /** This class's database and SMTP server, kept so that a second instance can share them. */
    Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        if (properties == null) {
            var p = new java.util.HashMap<>(UsesTestDatabase.super.getProperties());
            p.putAll(Map.of("kontor.mail.host", "127.0.0.1", "kontor.mail.port", Integer.toString(smtpPort),
                    "kontor.mail.timeout", "2s", "kontor.jobs.interval", "200ms"));
            properties = Map.copyOf(p);
        }
        return properties;
    }

    @BeforeAll
    void setUp() {
        staff.add("mona", Role.MANAGER);
        manager = staff.login("mona");
        companyId = ApiClient.field(manager.post("/api/v1/companies", "{\"name\":\"Mottaker AS\",\"organisationNumber\":\"889640782\","
                + "\"status\":\"CUSTOMER\",\"invoiceEmail\":\"faktura@mottaker.example\"}").body(), "id");
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String issuedInvoice() {
        var sale = ApiClient.field(manager.post("/api/v1/sales", "{\"companyId\":" + companyId + ",\"stage\":\"ORDERED\"}").body(), "id");
        manager.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"Helside\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":250000}");
        String id = ApiClient.field(manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}").body(), "id");
        assertThat(manager.post("/api/v1/invoices/" + id + "/issue", "").statusCode()).isEqualTo(200);
        return id;
    }

    <T> T eventually(String what, Supplier<T> probe) {
        var deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not within " + PATIENCE + ": " + what + "; the outbox holds " + Db.text(dataSource,
                "SELECT string_agg(kind || ' attempts ' || attempts || ' ' || coalesce(last_error, '-'), ' | ') FROM outbox"));
    }

    /** The invoice's send jobs as the outbox keeps them: {@code done attempts failed} per row, oldest first. */
    String sendRows(String invoiceId) {
        return Db.text(dataSource, "SELECT string_agg((done_at IS NOT NULL) || ' ' || attempts || ' ' || failed, ' | ' ORDER BY id) "
                + "FROM outbox WHERE kind = 'SEND_INVOICE' AND invoice_id = ?", Long.parseLong(invoiceId));
    }

    /** Waits until every send job of the invoice is done: after that no worker takes it again. */
    String sentRows(String invoiceId) {
        return eventually("the send of invoice " + invoiceId + " is done", () -> {
            String rows = sendRows(invoiceId);
            return rows != null && !rows.contains("false ") ? rows : null;
        });
    }

    HttpResponse<byte[]> pdf(String id) {
        return manager.sendBytes(manager.request("/api/v1/invoices/" + id + "/pdf").GET().build());
    }

    List<MimeMessage> receivedFor(String number) {
        var found = new ArrayList<MimeMessage>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                if (m.getSubject().contains(" " + number + " ")) {
                    found.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return found;
    }

    @Test
    void theArchivedPdfIsServedAsIssuedAndReadsBackWithNumberKidAndAmounts() throws Exception {
        String id = issuedInvoice();
        var invoice = Json.object(manager.get("/api/v1/invoices/" + id).body());
        var first = pdf(id);
        assertThat(first.statusCode()).isIn(200, 202);
        if (first.statusCode() == 202) {
            assertThat(first.headers().firstValue("Retry-After")).contains("2");
        }
        var archived = eventually("the PDF is archived", () -> {
            var r = pdf(id);
            return r.statusCode() == 200 ? r : null;
        });
        assertThat(archived.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(new String(archived.body(), 0, 5)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(archived.body())) {
            String text = new PDFTextStripper().getText(document).replace('\u00a0', ' '); // amounts group with no-break spaces
            assertThat(text).contains("Faktura", String.valueOf(invoice.get("number")), (String) invoice.get("kid"), "3 125,00", "625,00",
                    "Mottaker AS", "974 760 673 MVA");
            assertThat(text).as("the legal copy every member of staff can open carries no PIN").doesNotContain("PIN for Min side");
        }
        assertThat(pdf(id).body()).as("served as archived, byte for byte").isEqualTo(archived.body());
        var jobs = Json.object(manager.get("/api/v1/invoices/" + id + "/jobs").body());
        assertThat(Json.list(jobs.get("items"))).extracting(j -> j.get("kind") + "/" + j.get("state")).contains("RENDER_PDF/DONE");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM outbox WHERE invoice_id = ? AND payload IS NOT NULL", Long.parseLong(id)))
                .as("the PIN is gone once printed").isZero();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM customer_copy WHERE invoice_id = ?", Long.parseLong(id)))
                .as("the customer's copy waits to be mailed or printed").isEqualTo(1);
    }

    @Test
    void sendingMailsThePdfAndTheEhfDocumentOnceWithAStableMessageId() throws Exception {
        String id = issuedInvoice();
        String number = ApiClient.field(manager.get("/api/v1/invoices/" + id).body(), "number");
        HttpResponse<String> queued = null;
        for (int attempt = 0; attempt < 2; attempt++) { // a client retrying with its key queues one mail
            queued = manager.send(manager.request("/api/v1/invoices/" + id + "/send").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "send-" + id).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"withEhf\":true}"))
                    .build());
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        }
        assertThat(ApiClient.field(queued.body(), "recipient")).isEqualTo("faktura@mottaker.example");
        var mail = eventually("the invoice is mailed", () -> receivedFor(number).isEmpty() ? null : receivedFor(number).get(0));
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("faktura@mottaker.example");
        assertThat(mail.getMessageID()).matches("<invoice-" + id + "\\.job-\\d+@lokalavisa\\.example>");
        var parts = (Multipart) mail.getContent();
        var names = new ArrayList<String>();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
        assertThat(names).containsExactly("faktura-" + number + ".pdf", "ehf-faktura-" + number + ".xml");
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                try (var in = part.getInputStream(); var document = Loader.loadPDF(in.readAllBytes())) {
                    assertThat(new PDFTextStripper().getText(document)).as("the mailed copy is the customer's: with the PIN")
                            .containsPattern("PIN for Min side: [0-9]{6}");
                }
            }
        }
        eventually("the delivered copy is removed", () -> Db.count(dataSource, "SELECT count(*) FROM customer_copy WHERE invoice_id = ?",
                Long.parseLong(id)) == 0 ? true : null);
        assertThat(sentRows(id)).as("one job, done at its first attempt: no worker sends it again").isEqualTo("true 1 false");
        assertThat(receivedFor(number)).as("sent once").hasSize(1);
        eventually("the job is done", () -> manager.get("/api/v1/invoices/" + id + "/jobs").body().contains("\"SEND_INVOICE\"")
                && manager.get("/api/v1/invoices/" + id + "/jobs").body().contains("DONE") ? true : null);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'invoice' AND record_id = ? AND action = 'sent'",
                id)).isEqualTo(1);
    }

    @Test
    void withTheSmtpServerDownNothingIsLostAndTheMailLeavesOnceWhenItIsBack() throws Exception {
        String id = issuedInvoice();
        String number = ApiClient.field(manager.get("/api/v1/invoices/" + id).body(), "number");
        eventually("the PDF is archived", () -> pdf(id).statusCode() == 200 ? true : null);
        smtp.stop();
        try {
            assertThat(manager.post("/api/v1/invoices/" + id + "/send", "{}").statusCode()).isEqualTo(202);
            // RETRYING shows as soon as an attempt is claimed; the failure is recorded when the attempt ends
            var jobs = eventually("a failed attempt is recorded", () -> {
                String body = manager.get("/api/v1/invoices/" + id + "/jobs").body();
                return body.contains("the mail server is unavailable") ? body : null;
            });
            assertThat(jobs).contains("RETRYING");
        } finally {
            smtp = startSmtp();
        }
        eventually("the mail leaves after the outage", () -> receivedFor(number).isEmpty() ? null : true);
        assertThat(sentRows(id)).as("one job, done after its failed attempts").matches("true [2-9]\\d* false");
        assertThat(receivedFor(number)).hasSize(1);
    }

    @Test
    void aReminderIsMailedWithItsPdfAndAFeeBeforeItsTimeIsRefused() throws Exception {
        String id = issuedInvoice();
        String number = ApiClient.field(manager.get("/api/v1/invoices/" + id).body(), "number");
        var early = manager.post("/api/v1/invoices/" + id + "/reminders", "{\"withFee\":true}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(ApiClient.field(early.body(), "code")).isEqualTo("reminder.fee-too-early");
        assertThat(manager.post("/api/v1/invoices/" + id + "/reminders", "{}").statusCode()).isEqualTo(400);
        var reminder = manager.post("/api/v1/invoices/" + id + "/reminders", "{\"withFee\":false}");
        assertThat(reminder.statusCode()).as(reminder.body()).isEqualTo(201);
        assertThat(Json.number(Json.object(reminder.body()).get("fee"))).isZero();
        var mail = eventually("the reminder is mailed", () -> {
            for (MimeMessage m : receivedFor(number)) {
                try {
                    if (m.getSubject().startsWith("Purring 1")) {
                        return m;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new AssertionError(e);
                }
            }
            return null;
        });
        var attachment = ((Multipart) mail.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("purring-" + number + "-1.pdf");
        try (var document = Loader.loadPDF(attachment.getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document).replace('\u00a0', ' ')).contains("Purring nr. 1", "3 125,00");
        }
        var reminders = Json.object(manager.get("/api/v1/invoices/" + id + "/reminders").body());
        assertThat(Json.list(reminders.get("items"))).hasSize(1);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachMailOnce() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            ids.add(issuedInvoice());
        }
        int claimedBySecond = 0;
        try (var second = io.micronaut.context.ApplicationContext.builder().environments("test")
                .properties(new java.util.HashMap<String, Object>(getProperties())).start()) {
            assertThat(second.getBean(InvoiceJobRunner.class)).as("the second instance runs the outbox too").isNotNull();
            var secondWorker = second.getBean(no.kontor.application.invoice.RunInvoiceJobs.class);
            for (String id : ids) {
                assertThat(manager.post("/api/v1/invoices/" + id + "/send", "{}").statusCode()).isEqualTo(202);
                // the second instance's worker, at once, against the first instance's scheduled one
                while (secondWorker.runOne()) {
                    claimedBySecond++;
                }
            }
            for (String id : ids) {
                String number = ApiClient.field(manager.get("/api/v1/invoices/" + id).body(), "number");
                assertThat(sentRows(id)).as("invoice " + number + ": one job, done at its first attempt").isEqualTo("true 1 false");
                assertThat(receivedFor(number)).as("invoice " + number + " sent once").hasSize(1);
            }
        }
        assertThat(claimedBySecond).as("the second instance claimed and ran jobs of the shared outbox").isPositive();
    }

    HttpResponse<byte[]> customerCopy(String id) {
        return manager.sendBytes(manager.request("/api/v1/invoices/" + id + "/customer-copy")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void theCustomersCopyIsHandedOutOnceAndANewPinEndsTheOldSessionsAndMakesANewCopy() throws Exception {
        String id = issuedInvoice();
        var copy = eventually("the customer's copy is rendered", () -> {
            var r = customerCopy(id);
            return r.statusCode() == 200 ? r : null;
        });
        assertThat(copy.headers().firstValue("Cache-Control")).contains("no-store");
        try (var document = Loader.loadPDF(copy.body())) {
            assertThat(new PDFTextStripper().getText(document)).containsPattern("PIN for Min side: [0-9]{6}");
        }
        var again = customerCopy(id);
        assertThat(again.statusCode()).as("handed out once").isEqualTo(409);
        assertThat(new String(again.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("invoice.no-customer-copy");

        var customer = customers.login(Long.parseLong(id));
        assertThat(customer.get("/api/v1/portal/me").statusCode()).isEqualTo(200);
        staff.add("selger-pin", no.kontor.domain.identity.Role.SELLER);
        assertThat(staff.login("selger-pin").post("/api/v1/invoices/" + id + "/pin/reset", "").statusCode()).as("a manager's").isEqualTo(403);
        assertThat(manager.post("/api/v1/invoices/" + id + "/pin/reset", "").statusCode()).isEqualTo(202);
        assertThat(customer.get("/api/v1/portal/me").statusCode()).as("opened with the old PIN").isEqualTo(401);
        assertThat(Db.text(dataSource, "SELECT string_agg(end_reason, ',') FROM customer_session")).contains("PIN_RESET");
        var renewed = eventually("the new copy is rendered", () -> {
            var r = customerCopy(id);
            return r.statusCode() == 200 ? r : null;
        });
        try (var document = Loader.loadPDF(renewed.body())) {
            assertThat(new PDFTextStripper().getText(document)).containsPattern("PIN for Min side: [0-9]{6}");
        }
        assertThat(Db.count(dataSource, "SELECT count(*) FROM audit_entry WHERE record_type = 'invoice' AND record_id = ? "
                + "AND action IN ('customer-copy-printed', 'pin-reset', 'customer-copy-rendered')", id)).isEqualTo(4);
    }

    @Test
    void aPreprintedFormGetsOnlyTheVariableData() throws Exception {
        String id = issuedInvoice();
        var preprinted = eventually("the PDFs are archived", () -> {
            var r = manager.sendBytes(manager.request("/api/v1/invoices/" + id + "/pdf?giro=PREPRINTED").GET().build());
            return r.statusCode() == 200 ? r : null;
        });
        try (var document = Loader.loadPDF(preprinted.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).doesNotContain("Kvittering", "Betalingsinformasjon").contains("86011117947");
        }
        assertThat(preprinted.body()).isNotEqualTo(pdf(id).body());
        assertThat(manager.get("/api/v1/invoices/" + id + "/pdf?giro=SIDEWAYS").statusCode()).isEqualTo(400);
    }

    @Test
    void badSendsAreRefused() {
        var noEmail = ApiClient.field(manager.post("/api/v1/companies", "{\"name\":\"Uten Epost AS\",\"status\":\"CUSTOMER\"}").body(), "id");
        var sale = ApiClient.field(manager.post("/api/v1/sales", "{\"companyId\":" + noEmail + ",\"stage\":\"ORDERED\"}").body(), "id");
        manager.post("/api/v1/sales/" + sale + "/lines", "{\"description\":\"x\",\"quantity\":1,\"unit\":\"PIECE\",\"unitPrice\":100}");
        String draft = ApiClient.field(manager.post("/api/v1/invoices", "{\"saleIds\":[" + sale + "]}").body(), "id");
        assertThat(ApiClient.field(manager.post("/api/v1/invoices/" + draft + "/send", "{}").body(), "code")).isEqualTo("invoice.draft");
        manager.post("/api/v1/invoices/" + draft + "/issue", "");
        var noAddress = manager.post("/api/v1/invoices/" + draft + "/send", "{}");
        assertThat(noAddress.statusCode()).isEqualTo(409);
        assertThat(ApiClient.field(noAddress.body(), "code")).isEqualTo("invoice.no-email");
        var notEhf = manager.post("/api/v1/invoices/" + draft + "/send", "{\"withEhf\":true}");
        assertThat(ApiClient.field(notEhf.body(), "code")).isEqualTo("invoice.not-ehf");
        assertThat(manager.post("/api/v1/invoices/999999/send", "{}").statusCode()).isEqualTo(404);
        assertThat(manager.post("/api/v1/invoices/" + draft + "/send", "{\"withEhf\":\"yes\"}").statusCode()).isEqualTo(400);
    }
}
