package no.kontor.adapters.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import no.kontor.application.invoice.port.Mailer;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends each mail over its own SMTP connection (plain, or upgraded with STARTTLS), as a
 * multipart/mixed message: the UTF-8 text, then the attachments.
 *
 * <p>The {@code Message-ID} header is exactly {@link Mail#messageId()}: Jakarta Mail
 * would otherwise make up a new one on every send, and the receiver could not recognise
 * a resend as the same message.
 *
 * <p>How a failure is reported, so that the caller knows whether to try again:
 * <ul>
 *   <li>{@link MailUnavailableException}: the server could not be reached, did not answer
 *       within the timeouts, refused the connection or the login, or answered with a
 *       temporary (4xx) reply. Nothing was sent; the same mail may be sent again later.
 *   <li>{@link IllegalArgumentException}: the recipient is not an e-mail address (nothing
 *       is sent), or the server refused the mail for good with a permanent (5xx) reply to
 *       the sender, the recipient or the content. The message holds the server's reply.
 *       Sending the same mail again would be refused again; a 5xx to the sender means
 *       these settings need fixing.
 * </ul>
 *
 * <p>One instance serves every thread: the {@link Session} is built once from the
 * settings and is thread-safe; each send opens and closes its own connection.
 */
public final class SmtpMailer implements Mailer {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Settings settings;
    private final Session session;
    private final InternetAddress from;

    /**
     * @throws IllegalArgumentException when the from address is not an e-mail address
     */
    public SmtpMailer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
        this.from = sender(settings);
    }

    /**
     * @throws IllegalArgumentException when {@code mail.to()} is not an e-mail address,
     *         or the server refused the mail permanently
     */
    @Override
    public void send(Mail mail) {
        MimeMessage message = compose(mail, parse(mail.to(), "recipient"));
        try {
            Transport transport = session.getTransport("smtp");
            try {
                transport.connect(settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                quit(transport);
            }
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    private static Properties properties(Settings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        // Asked for TLS, never fall back to sending the password and the invoice in clear.
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        return properties;
    }

    private static InternetAddress sender(Settings settings) {
        InternetAddress address = parse(settings.fromAddress(), "from address");
        try {
            address.setPersonal(settings.fromName(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError("every JVM has UTF-8", e);
        }
        return address;
    }

    /** Strictly one address, with a domain, and no line breaks to smuggle in a header. */
    private static InternetAddress parse(String address, String what) {
        try {
            return new InternetAddress(address, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("the " + what + " is not an e-mail address: " + address, e);
        }
    }

    private MimeMessage compose(Mail mail, InternetAddress to) {
        try {
            MimeMessage message = new MessageWithGivenId(session, mail.messageId());
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(mail.subject(), UTF_8);
            message.setSentDate(new Date());

            MimeMultipart content = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), UTF_8);
            content.addBodyPart(text);
            for (Attachment attachment : mail.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.mediaType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(Part.ATTACHMENT);
                content.addBodyPart(part);
            }
            message.setContent(content);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException("could not compose mail " + mail.messageId(), e);
        }
    }

    /**
     * Sends QUIT and closes the connection. The server has accepted or refused the mail
     * by then, so a failure here changes nothing the caller needs to know.
     */
    private static void quit(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the connection is gone either way
        }
    }

    private RuntimeException failure(MessagingException e) {
        MessagingException reason = serverReply(e);
        if (replyCode(reason) >= 500) {
            return new IllegalArgumentException("the SMTP server refused the mail: " + reason.getMessage(), e);
        }
        return new MailUnavailableException("the SMTP server " + settings.host() + ":" + settings.port()
                + " did not take the mail: " + reason.getMessage(), e);
    }

    /**
     * The server's reply that ended the send, or {@code e} itself when there was none
     * (no connection, a timeout, a failed login). A refused recipient's reply is chained
     * behind a SendFailedException.
     */
    private static MessagingException serverReply(MessagingException e) {
        for (Exception cause = e; cause instanceof MessagingException chained; cause = chained.getNextException()) {
            if (replyCode(chained) > 0) {
                return chained;
            }
        }
        return e;
    }

    private static int replyCode(MessagingException e) {
        return e instanceof SMTPAddressFailedException recipient ? recipient.getReturnCode()
                : e instanceof SMTPSendFailedException command ? command.getReturnCode()
                : 0;
    }

    /**
     * Where and as whom to send.
     *
     * @param username       null to send without logging in
     * @param password       null exactly when {@code username} is null
     * @param fromName       the sender's display name, or null for the bare address
     * @param starttls       upgrade the connection with STARTTLS, and refuse to send when
     *                       the server does not offer it
     * @param connectTimeout how long to wait for the connection to open
     * @param readTimeout    how long to wait for each reply, and for each write
     */
    public record Settings(String host, int port, String username, String password,
                           String fromAddress, String fromName, boolean starttls,
                           Duration connectTimeout, Duration readTimeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(fromAddress, "fromAddress");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
            if ((username == null) != (password == null)) {
                throw new IllegalArgumentException("a username needs a password, and a password a username");
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
        }

        /** With {@link #DEFAULT_TIMEOUT} for connecting and for each reply. */
        public Settings(String host, int port, String username, String password,
                        String fromAddress, String fromName, boolean starttls) {
            this(host, port, username, password, fromAddress, fromName, starttls, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
        }

        private static void requirePositive(Duration timeout, String name) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + timeout);
            }
        }

        /** Everything but the password, which must not reach a log. */
        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", username=" + username
                    + ", password=" + (password == null ? null : "****")
                    + ", fromAddress=" + fromAddress + ", fromName=" + fromName + ", starttls=" + starttls
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }

    /** Keeps the caller's Message-ID where Jakarta Mail would put a new one on every save. */
    private static final class MessageWithGivenId extends MimeMessage {
        private final String messageId;

        MessageWithGivenId(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
