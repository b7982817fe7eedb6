package io.contactinfo.adapter.notification;

/**
 * One notification in words, every placeholder filled in.
 *
 * @param language the language it is written in
 * @param subject  an email's subject
 * @param text     an email's plain-text body
 * @param html     an email's HTML body, the values HTML-escaped
 * @param sms      the short text of an SMS
 * @param voice    what a voice call says
 */
record RenderedMessage(Language language, String subject, String text, String html, String sms, String voice) {
}
