package com.escalationanalyst.report;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail whose SMTP server answers {@code RCPT TO} for chosen mailboxes with a chosen reply, the way a
 * real server refuses a mailbox (e.g. {@code 550 5.1.1 … User unknown}); GreenMail itself takes every
 * recipient. Messages it accepts are stored and read as usual.
 */
final class RefusingGreenMail extends GreenMail {

    private final Map<String, String> replies = new ConcurrentHashMap<>();

    RefusingGreenMail(ServerSetup setup) {
        super(setup);
    }

    /** From now on {@code RCPT TO:<mailbox>} is answered with {@code reply} (a whole SMTP reply line). */
    void refuse(String mailbox, String reply) {
        replies.put(mailbox, reply);
    }

    void acceptEveryone() {
        replies.clear();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress recipient) {
                return replies.get(recipient.getEmail());
            }
        };
        return super.createServices(config, new Managers() {
            @Override
            public SmtpManager getSmtpManager() {
                return refusing;
            }

            @Override
            public UserManager getUserManager() {
                return managers.getUserManager();
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return managers.getImapHostManager();
            }
        });
    }
}
