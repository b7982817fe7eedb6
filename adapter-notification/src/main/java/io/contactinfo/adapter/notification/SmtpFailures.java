package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Delivery;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * What a failed SMTP hand-over means for the notification. Jakarta Mail chains what went wrong (a
 * {@code SendFailedException} holding one {@code SMTPAddressFailedException} per refused recipient, a refused
 * {@code MAIL FROM} under the {@code SMTPSendFailedException} of its command); this reads the chain for the first
 * reply code and for the I/O failure beneath it.
 *
 * <p>Reasons name the reply code, its enhanced status code (RFC 3463) and the step, never the server's text: it
 * often quotes the address.
 */
final class SmtpFailures {

    /** An enhanced status code after the reply code, e.g. {@code 550 5.1.1 ...}. */
    private static final Pattern ENHANCED_STATUS = Pattern.compile("^\\d{3}[ -]([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    /** Authentication required: the server's configuration, not the message, is at fault. */
    private static final int AUTHENTICATION_REQUIRED = 530;

    private SmtpFailures() {
    }

    /** A reply of the server, and the step of the transaction it answered. */
    private record Reply(int code, String step, String text) {

        boolean isPermanent() {
            return code >= 500 && code <= 599;
        }

        String describe() {
            Matcher enhanced = ENHANCED_STATUS.matcher(text == null ? "" : text.strip());
            return "SMTP " + code + (enhanced.find() ? " " + enhanced.group(1) : "") + " to " + step;
        }
    }

    static Delivery classify(MessagingException failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(AuthenticationFailedException.class::isInstance)) {
            return new Delivery.RetryLater("SMTP authentication failed");
        }
        Optional<Reply> reply = chain.stream().map(SmtpFailures::reply).flatMap(Optional::stream).findFirst();
        if (reply.isPresent()) {
            Reply r = reply.get();
            boolean serversFault = r.step().equals("the sender") || r.code() == AUTHENTICATION_REQUIRED;
            return r.isPermanent() && !serversFault ? new Delivery.Rejected(r.describe())
                    : new Delivery.RetryLater(r.describe());
        }
        if (chain.stream().anyMatch(SocketTimeoutException.class::isInstance)) {
            return new Delivery.RetryLater("SMTP server timed out");
        }
        if (chain.stream().anyMatch(t -> t instanceof MailConnectException || t instanceof ConnectException)) {
            return new Delivery.RetryLater("SMTP server unreachable");
        }
        if (chain.stream().anyMatch(UnknownHostException.class::isInstance)) {
            return new Delivery.RetryLater("SMTP host unknown");
        }
        // The class only: a message may quote an address.
        return new Delivery.RetryLater("SMTP failed: " + chain.get(chain.size() - 1).getClass().getName());
    }

    /** The failure, the exceptions chained to it ({@code getNextException}) and their causes, in order. */
    private static List<Throwable> chain(MessagingException failure) {
        List<Throwable> chain = new ArrayList<>();
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < 32) {
            Throwable next = pending.remove(0);
            if (chain.stream().anyMatch(seen -> seen == next)) {
                continue;
            }
            chain.add(next);
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                pending.add(messaging.getNextException());
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
        }
        return chain;
    }

    private static Optional<Reply> reply(Throwable failure) {
        if (failure instanceof SMTPSenderFailedException sender) {
            return Optional.of(new Reply(sender.getReturnCode(), "the sender", sender.getMessage()));
        }
        if (failure instanceof SMTPAddressFailedException recipient) {
            return Optional.of(new Reply(recipient.getReturnCode(), "the recipient", recipient.getMessage()));
        }
        if (failure instanceof SMTPSendFailedException command) {
            String verb = command.getCommand() == null ? "" : command.getCommand().strip().toUpperCase(Locale.ROOT);
            String step = verb.startsWith("MAIL") ? "the sender" : verb.startsWith("RCPT") ? "the recipient"
                    : "the message";
            return Optional.of(new Reply(command.getReturnCode(), step, command.getMessage()));
        }
        return Optional.empty();
    }
}
