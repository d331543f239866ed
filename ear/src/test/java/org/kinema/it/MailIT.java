package org.kinema.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinema.launcher.Folders;
import org.kinema.launcher.KinemaNode;
import org.kinema.launcher.NodeSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node configured with {@code KINEMA_SMTP_*} e-mails the notifications its users asked to get by
 * e-mail, through WildFly's mail session, logging in at the SMTP server; a kind asked for by e-mail
 * only is not shown on the web.
 */
class MailIT {

    private static final int PORT = Integer.getInteger("kinema.it.port", 19100) + 40;
    private static SmtpSink smtp;
    private static KinemaNode node;

    @BeforeAll
    static void aNodeWithSmtp() throws Exception {
        smtp = new SmtpSink(PORT + 5);
        Path dir = Path.of(System.getProperty("kinema.it.dir", "target/it")).resolve("mail-node").toAbsolutePath();
        Folders.delete(dir);
        node = KinemaNode.start(NodeSettings.builder()
                .wildflyHome(Path.of(System.getProperty("kinema.wildfly.home")))
                .ear(Path.of(System.getProperty("kinema.ear")))
                .instanceDir(dir)
                .nodeName("it-mail-node")
                .consoleToFile(true)
                .setting("KINEMA_HTTP_PORT", String.valueOf(PORT))
                .setting("KINEMA_PUBLIC_URL", "http://localhost:" + PORT)
                .setting("KINEMA_ADMIN_PASSWORD", KinemaServer.ROOT_PASSWORD)
                .setting("KINEMA_RATE_LIMIT_EXEMPT", "127.0.0.1")
                .setting("KINEMA_SMTP_HOST", "127.0.0.1")
                .setting("KINEMA_SMTP_PORT", String.valueOf(PORT + 5))
                .setting("KINEMA_SMTP_USER", "kinema-mailer")
                .setting("KINEMA_SMTP_PASSWORD", "mail-secret")
                .setting("KINEMA_SMTP_FROM", "notifications@kinema.test")
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void aNewFollowerAskedForByEmailIsMailedAndNotShownOnTheWeb() throws Exception {
        Api api = new Api(node.baseUrl());
        String owner = api.newUser("mailowner", "secret-password");
        String fan = api.newUser("mailfan", "secret-password");
        assertEquals(204, api.putJson("/api/v1/users/me/notification-settings", owner, Map.of("newFollow", 2)).status());
        String host = node.baseUrl().substring("http://".length());
        assertEquals(204, api.postJson("/api/v1/users/me/subscriptions", fan, Map.of("uri", "mailowner_channel@" + host)).status());

        SmtpSink.Message mail = smtp.next(60);
        assertNotNull(mail, "an e-mail was sent");
        assertEquals("kinema-mailer:mail-secret", mail.login());
        assertEquals("<notifications@kinema.test>", mail.from());
        assertEquals(List.of("<mailowner@kinema.test>"), mail.to());
        assertTrue(mail.data().contains("subscribed to your channel"), mail.data());
        assertTrue(mail.data().contains(node.baseUrl() + "/c/mailowner_channel"), mail.data());
        assertEquals(0, api.get("/api/v1/users/me/notifications", owner).json().path("total").asInt(), "e-mail only");
        assertNull(smtp.next(2), "one e-mail");
    }
}
