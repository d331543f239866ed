package org.kinema.notification;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.kinema.platform.KinemaSettings;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends e-mail through the server's mail session {@value #SESSION} (see wildfly-config's mail
 * script), on a thread of its own: only when {@code KINEMA_SMTP_HOST} is set, logging in with
 * {@code KINEMA_SMTP_USER} and {@code KINEMA_SMTP_PASSWORD} when they are set. A mail that cannot be
 * sent is logged and dropped (a notification's e-mail may be lost; the notification is not).
 */
@Stateless
public class Mailer {

    static final String SESSION = "java:jboss/mail/Kinema";
    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    private KinemaSettings settings;

    /** One e-mail: to whom, its subject and its plain text. */
    public record Mail(String to, String subject, String text) {
    }

    public boolean isConfigured() {
        return settings.value("KINEMA_SMTP_HOST").isPresent();
    }

    @Asynchronous
    public void send(List<Mail> mails) {
        if (!isConfigured() || mails.isEmpty()) {
            return;
        }
        try {
            Session session = InitialContext.doLookup(SESSION);
            String user = settings.value("KINEMA_SMTP_USER").orElse(null);
            String password = settings.value("KINEMA_SMTP_PASSWORD").orElse("");
            for (Mail mail : mails) {
                send(session, mail, user, password);
            }
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "KINEMA_SMTP_HOST is set but the mail session " + SESSION + " is missing: no e-mail sent", e);
        }
    }

    private static void send(Session session, Mail mail, String user, String password) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom();
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            if (user == null) {
                Transport.send(message);
            } else {
                Transport.send(message, user, password);
            }
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "Could not send an e-mail (" + mail.subject() + ")", e);
        }
    }
}
