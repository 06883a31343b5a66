/**
 * E-mail: the application's {@link no.kontor.application.invoice.port.Mailer} port over SMTP,
 * through Jakarta Mail (Eclipse Angus). Plain Java without Micronaut annotations: the
 * bootstrap constructs it. Like every adapter it depends on the application's ports and
 * never on another adapter.
 */
package no.kontor.adapters.mail;
