package no.kontor.adapters.mail;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import no.kontor.application.invoice.port.Mailer.Attachment;
import no.kontor.application.invoice.port.Mailer.Mail;
import no.kontor.application.invoice.port.Mailer.MailUnavailableException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** Against real SMTP servers on the loopback interface: GreenMail, and a few of our own for what GreenMail never says. */
class SmtpMailerTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration SHORT = Duration.ofMillis(500);

    private static final String MESSAGE_ID = "<faktura-10042.7f3c9a@kontor.example>";
    private static final String FROM = "faktura@blabaergard.no";
    private static final String FROM_NAME = "Ørsta Blåbærgård AS";
    private static final String TO = "kari.nordmann@kunde.no";
    private static final String SUBJECT = "Faktura 10042 fra Ørsta Blåbærgård – betales før fredag";
    private static final String TEXT = """
            Hei Kari,

            vedlagt er faktura 10042 på 1 250,00 kr – forfall fredag 14. mars.
            Æ Ø Å æ ø å.

            Med vennlig hilsen
            Ørsta Blåbærgård AS
            """;
    private static final byte[] PDF = pdf();
    private static final byte[] XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice><Note>Takk for handelen, hilsen Ørsta Blåbærgård</Note></Invoice>
            """.getBytes(UTF_8);

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(smtpOn(0));

    @Test
    void deliversTheTextAndTheAttachmentsUnderTheGivenMessageId() throws Exception {
        mailer(greenMail.getSmtp().getPort()).send(invoiceMail(TO));

        MimeMessage received = onlyReceived(greenMail);
        assertThat(received.getHeader("Message-ID")).containsExactly(MESSAGE_ID);
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        assertThat(received.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo(FROM_NAME);
        assertThat(received.getRecipients(RecipientType.TO)).containsExactly(new InternetAddress(TO));
        assertThat(received.getSentDate()).isCloseTo(new Date(), TimeUnit.MINUTES.toMillis(1));
        assertThat(received.isMimeType("multipart/mixed")).isTrue();

        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        BodyPart text = parts.getBodyPart(0);
        assertThat(text.isMimeType("text/plain")).isTrue();
        // On the wire a text's lines end in CRLF, whatever the sender's line ends were.
        assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
        assertAttachment(parts.getBodyPart(1), "Faktura 10042 Ørsta Blåbærgård.pdf", "application/pdf", PDF);
        assertAttachment(parts.getBodyPart(2), "faktura-10042.xml", "application/xml", XML);
    }

    @Test
    void logsInWithTheConfiguredUser() throws Exception {
        // GreenMail takes mail without a login as well: the next test shows a login is tried.
        greenMail.setUser(FROM, "faktura", "hemmelig");

        new SmtpMailer(settings(greenMail.getSmtp().getPort(), "faktura", "hemmelig")).send(invoiceMail(TO));

        assertThat(onlyReceived(greenMail).getHeader("Message-ID")).containsExactly(MESSAGE_ID);
    }

    @Test
    void aRefusedLoginIsUnavailableAndSendsNothing() {
        greenMail.setUser(FROM, "faktura", "hemmelig");
        SmtpMailer mailer = new SmtpMailer(settings(greenMail.getSmtp().getPort(), "faktura", "feil-passord"));

        assertThatThrownBy(() -> mailer.send(invoiceMail(TO)))
                .isInstanceOf(MailUnavailableException.class)
                .hasCauseInstanceOf(AuthenticationFailedException.class);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsUnavailableAndTheSameMailGoesOutOnceItIsBack() throws Exception {
        int port = freePort();
        SmtpMailer mailer = mailer(port);
        Mail mail = invoiceMail(TO);

        assertThatThrownBy(() -> mailer.send(mail))
                .isInstanceOf(MailUnavailableException.class)
                .hasMessageContaining(LOOPBACK + ":" + port)
                .hasRootCauseInstanceOf(ConnectException.class);

        GreenMail back = new GreenMail(smtpOn(port));
        back.start();
        try {
            mailer.send(mail);
            assertThat(onlyReceived(back).getHeader("Message-ID")).containsExactly(MESSAGE_ID);
        } finally {
            back.stop();
        }
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked socket read ignores interrupts
    void aServerThatNeverAnswersIsUnavailableOnceTheReadTimeoutIsOver() throws Exception {
        // The kernel completes the connection into the backlog; nobody ever greets.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            SmtpMailer mailer = mailer(silent.getLocalPort());
            long start = System.nanoTime();

            assertThatThrownBy(() -> mailer.send(invoiceMail(TO)))
                    .isInstanceOf(MailUnavailableException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "kari.nordmann",
            "kari.nordmann@",
            "kari nordmann@kunde.no",
            "kari.nordmann@kunde.no, ola@kunde.no",
            "kari.nordmann@kunde.no\r\nBcc: ola@kunde.no"})
    void anInvalidRecipientIsAnIllegalArgumentAndSendsNothing(String to) {
        SmtpMailer mailer = mailer(greenMail.getSmtp().getPort());

        assertThatThrownBy(() -> mailer.send(invoiceMail(to)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theSameMailSentTwiceArrivesTwiceWithTheSameMessageId() throws Exception {
        SmtpMailer mailer = mailer(greenMail.getSmtp().getPort());
        Mail mail = invoiceMail(TO);

        mailer.send(mail);
        mailer.send(mail);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo(MESSAGE_ID);
    }

    @ParameterizedTest(name = "{0} answered with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MAIL | 553 5.7.1 Sender address rejected: not owned by user
            RCPT | 550 5.1.1 Recipient address rejected: User unknown
            DATA | 554 5.7.1 Message rejected as spam
            """)
    void aPermanentRefusalIsAnIllegalArgumentWithTheServersReply(String command, String reply) throws Exception {
        try (RefusingServer server = new RefusingServer(command, reply)) {
            SmtpMailer mailer = mailer(server.port());

            assertThatThrownBy(() -> mailer.send(invoiceMail(TO)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(reply);
        }
    }

    @ParameterizedTest(name = "{0} answered with {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MAIL | 421 4.7.0 Too many connections, try again later
            RCPT | 451 4.3.0 Mailbox temporarily unavailable
            DATA | 452 4.3.1 Insufficient system storage
            """)
    void aTemporaryRefusalIsUnavailableWithTheServersReply(String command, String reply) throws Exception {
        try (RefusingServer server = new RefusingServer(command, reply)) {
            SmtpMailer mailer = mailer(server.port());

            assertThatThrownBy(() -> mailer.send(invoiceMail(TO)))
                    .isInstanceOf(MailUnavailableException.class)
                    .hasMessageContaining(reply);
        }
    }

    @Test
    void anInvalidFromAddressIsRefusedWhenTheMailerIsBuilt() {
        SmtpMailer.Settings settings = new SmtpMailer.Settings(
                LOOPBACK, 25, null, null, "faktura(at)blabaergard.no", FROM_NAME, false);

        assertThatThrownBy(() -> new SmtpMailer(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from address");
    }

    @Test
    void aUsernameNeedsAPassword() {
        assertThatThrownBy(() -> new SmtpMailer.Settings(LOOPBACK, 25, "faktura", null, FROM, FROM_NAME, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSettingsNeverShowThePassword() {
        SmtpMailer.Settings settings = settings(587, "faktura", "hemmelig");

        assertThat(settings.toString()).contains("faktura").doesNotContain("hemmelig");
    }

    private static void assertAttachment(BodyPart part, String fileName, String mediaType, byte[] content)
            throws Exception {
        assertThat(part.getFileName()).isEqualTo(fileName);
        assertThat(part.isMimeType(mediaType)).as("%s is %s", part.getContentType(), mediaType).isTrue();
        assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(part.getInputStream().readAllBytes()).isEqualTo(content);
    }

    private static MimeMessage onlyReceived(GreenMailOperations server) {
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static Mail invoiceMail(String to) {
        return new Mail(MESSAGE_ID, to, SUBJECT, TEXT, List.of(
                new Attachment("Faktura 10042 Ørsta Blåbærgård.pdf", "application/pdf", PDF),
                new Attachment("faktura-10042.xml", "application/xml", XML)));
    }

    private static SmtpMailer mailer(int port) {
        return new SmtpMailer(settings(port, null, null));
    }

    private static SmtpMailer.Settings settings(int port, String username, String password) {
        return new SmtpMailer.Settings(LOOPBACK, port, username, password, FROM, FROM_NAME, false, SHORT, SHORT);
    }

    private static ServerSetup smtpOn(int port) {
        return new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    /** A PDF's frame around every byte value, so that nothing binary may be lost on the way. */
    private static byte[] pdf() {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.7\n%".getBytes(US_ASCII));
        for (int b = 0; b < 256; b++) {
            pdf.write(b);
        }
        pdf.writeBytes("\n%%EOF\n".getBytes(US_ASCII));
        return pdf.toByteArray();
    }

    /**
     * Speaks SMTP with one client and answers {@code command} with {@code reply}, everything
     * else as a willing server would, except DATA, which it never takes unless told to.
     */
    private static final class RefusingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));

        RefusingServer(String command, String reply) throws IOException {
            Thread conversation = new Thread(() -> converse(command, reply), "refusing-smtp-server");
            conversation.setDaemon(true);
            conversation.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void converse(String refused, String reply) {
            try (Socket client = socket.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII));
                 OutputStream out = client.getOutputStream()) {
                answer(out, "220 refusing.test ESMTP");
                for (String line; (line = in.readLine()) != null; ) {
                    String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                    answer(out, command.equals(refused) ? reply : switch (command) {
                        case "QUIT" -> "221 2.0.0 Bye";
                        case "DATA" -> "503 5.5.1 This server takes no mail";
                        default -> "250 2.0.0 OK";
                    });
                    if (command.equals("QUIT")) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client hung up, or the test closed the server: the conversation is over
            }
        }

        private static void answer(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
