package no.kontor.application.invoice.port;

import java.util.List;
import java.util.Objects;

/**
 * Hands an e-mail to the organisation's SMTP server. Called outside any transaction
 * and without a database connection (docs/architecture.md#outbox): the outbox keeps the work until
 * {@link #send} returns.
 */
public interface Mailer {

    /**
     * @throws MailUnavailableException when the server cannot be reached or refuses for
     *         now: the caller tries again later with the same message
     */
    void send(Mail mail);

    /**
     * One message. {@code messageId} is stable for the job that sends it, so the one
     * resend a crash between the server's acceptance and the "sent" mark can cause is
     * recognisable as the same message.
     */
    record Mail(String messageId, String to, String subject, String text, List<Attachment> attachments) {
        public Mail {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
            attachments = List.copyOf(attachments);
        }
    }

    record Attachment(String fileName, String mediaType, byte[] content) {
    }

    /** The server is down or refuses for now; nothing was sent. */
    final class MailUnavailableException extends RuntimeException {
        public MailUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
