package io.contactinfo.adapter.notification;

import io.contactinfo.application.port.out.Notification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of every notification kind in every {@link Language}, read once from the classpath.
 *
 * <p>Each kind has two files per language under {@code io/contactinfo/adapter/notification/templates/}, named
 * after the kind in lower case with dashes: {@code otp-code.en.txt} and {@code otp-code.en.html}. The {@code .txt}
 * file starts with headers, {@code name: value} one a line, up to the first blank line; the rest is the email's
 * plain-text body. The headers are {@code subject} and {@code sms} (required), {@code voice} (what a call says;
 * the SMS text when absent), and labels: {@code status.ACTIVE: active} turns the parameter {@code status} with the
 * value {@code ACTIVE} into "active" wherever {@code {{status}}} appears, item by item in a comma-separated value.
 * The {@code .html} file is the email's HTML body.
 *
 * <p>A {@code {{name}}} placeholder takes the notification's parameter of that name, or one of two derived values:
 * {@code {{minutes}}}, the whole minutes (rounded up) until the parameter {@code expiresAt}, and
 * {@code {{codeSpoken}}}, the parameter {@code code} digit by digit for a voice call. In the HTML body every value
 * is HTML-escaped.
 *
 * <p>A message is written in the language of its {@code language} parameter when it has one with messages
 * ({@code es}, {@code es-MX}, ...), else in the default language.
 */
public final class MessageTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    private static final Set<String> HEADERS = Set.of("subject", "sms", "voice");
    private static final String LANGUAGE = "language";
    private static final String CODE = "code";
    private static final String EXPIRES_AT = "expiresAt";

    private record Template(String name, Map<String, String> headers, String text, String html) {

        String header(String header) {
            return headers.get(header);
        }
    }

    private final Map<Notification.Kind, Map<Language, Template>> templates;
    private final Language defaultLanguage;

    private MessageTemplates(Map<Notification.Kind, Map<Language, Template>> templates, Language defaultLanguage) {
        this.templates = templates;
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * Reads every kind's templates in every language.
     *
     * @param defaultLanguage the language of a message without a {@code language} parameter
     * @throws IllegalStateException when a template is missing or malformed: a packaging error
     */
    public static MessageTemplates load(Language defaultLanguage) {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Map<Notification.Kind, Map<Language, Template>> templates = new EnumMap<>(Notification.Kind.class);
        for (Notification.Kind kind : Notification.Kind.values()) {
            Map<Language, Template> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                byLanguage.put(language, read(kind, language));
            }
            templates.put(kind, byLanguage);
        }
        return new MessageTemplates(templates, defaultLanguage);
    }

    /**
     * Writes the notification out in its language.
     *
     * @param now the time of the attempt: a passcode that expired by then is not worth sending
     * @throws UndeliverableMessageException when no attempt could deliver it: its passcode expired, or a template
     *                                       needs a parameter it lacks
     */
    RenderedMessage render(Notification notification, Instant now) {
        Language language = Optional.ofNullable(notification.parameters().get(LANGUAGE))
                .flatMap(Language::ofTag).orElse(defaultLanguage);
        Template template = templates.get(notification.kind()).get(language);
        Map<String, String> values = values(template, notification.parameters(), now);
        String sms = fill(template, template.header("sms"), values, false);
        return new RenderedMessage(language,
                fill(template, template.header("subject"), values, false),
                fill(template, template.text(), values, false),
                fill(template, template.html(), values, true),
                sms,
                Optional.ofNullable(template.header("voice")).map(voice -> fill(template, voice, values, false))
                        .orElse(sms));
    }

    private static Map<String, String> values(Template template, Map<String, String> parameters, Instant now) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, value) -> values.put(name, labelled(template, name, value)));
        Optional.ofNullable(parameters.get(EXPIRES_AT)).ifPresent(expiresAt ->
                values.put("minutes", Long.toString(minutesUntil(expiresAt, now))));
        Optional.ofNullable(parameters.get(CODE)).ifPresent(code ->
                values.put("codeSpoken", code.chars().mapToObj(Character::toString).collect(Collectors.joining(", "))));
        return values;
    }

    /** The value in words: each item of a comma-separated value through its label, when the template has one. */
    private static String labelled(Template template, String name, String value) {
        return Arrays.stream(value.split(",")).map(String::strip)
                .map(item -> template.headers().getOrDefault(name + "." + item, item))
                .collect(Collectors.joining(", "));
    }

    private static long minutesUntil(String expiresAt, Instant now) {
        Duration left;
        try {
            left = Duration.between(now, Instant.parse(expiresAt));
        } catch (DateTimeParseException e) {
            throw new UndeliverableMessageException("parameter " + EXPIRES_AT + " is not an instant");
        }
        if (left.isNegative() || left.isZero()) {
            throw new UndeliverableMessageException("the passcode expired before it could be delivered");
        }
        return (left.getSeconds() + (left.getNano() > 0 ? 1 : 0) + 59) / 60;
    }

    private static String fill(Template template, String text, Map<String, String> values, boolean html) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        return placeholders.replaceAll(placeholder -> {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new UndeliverableMessageException(
                        "template " + template.name() + " needs parameter " + placeholder.group(1));
            }
            return Matcher.quoteReplacement(html ? escapeHtml(value) : value);
        });
    }

    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Template read(Notification.Kind kind, Language language) {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + language.code();
        String file = resource(name + ".txt").replace("\r\n", "\n");
        int blankLine = file.indexOf("\n\n");
        if (blankLine < 0) {
            throw new IllegalStateException("template " + name + ".txt has no blank line after its headers");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : file.substring(0, blankLine).split("\n")) {
            int colon = line.indexOf(':');
            String header = colon < 0 ? line : line.substring(0, colon).strip();
            if (colon < 0 || !(HEADERS.contains(header) || header.indexOf('.') > 0)) {
                throw new IllegalStateException("template " + name + ".txt has an unknown header: " + header);
            }
            headers.put(header, line.substring(colon + 1).strip());
        }
        for (String required : Set.of("subject", "sms")) {
            if (!headers.containsKey(required)) {
                throw new IllegalStateException("template " + name + ".txt lacks the header " + required);
            }
        }
        return new Template(name, Map.copyOf(headers), file.substring(blankLine + 2).strip() + "\n",
                resource(name + ".html"));
    }

    private static String resource(String file) {
        String path = "templates/" + file;
        try (InputStream in = MessageTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
