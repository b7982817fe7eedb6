package io.contactinfo.adapter.notification;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * GreenMail's SMTP server, answering {@code RCPT TO} for chosen recipients with a chosen reply, the way a real
 * server refuses an unknown mailbox ({@code 550 5.1.1}) or one it cannot take now ({@code 450 4.2.1}). GreenMail
 * accepts every recipient; its {@code SmtpManager.checkRecipient} is the hook it leaves for this.
 */
final class RecipientRefusingGreenMail extends GreenMail {

    /** @param replies the reply to {@code RCPT TO} by recipient address; others are accepted */
    RecipientRefusingGreenMail(ServerSetup setup, Map<String, String> replies) {
        super(setup);
        Managers standard = new Managers();
        SmtpManager refusing = new SmtpManager(standard.getImapHostManager(), standard.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                return replies.get(recipient.getEmail());
            }
        };
        // start() builds its servers on these managers.
        managers = new Managers() {
            @Override
            public SmtpManager getSmtpManager() {
                return refusing;
            }

            @Override
            public UserManager getUserManager() {
                return standard.getUserManager();
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return standard.getImapHostManager();
            }
        };
    }
}
