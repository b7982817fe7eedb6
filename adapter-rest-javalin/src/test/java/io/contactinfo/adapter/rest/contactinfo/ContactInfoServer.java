package io.contactinfo.adapter.rest.contactinfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactinfo.adapter.rest.HttpServer;
import io.contactinfo.adapter.rest.StrictJson;
import io.contactinfo.application.inmemory.InMemoryPorts;
import io.contactinfo.application.port.in.CallerContext;
import io.contactinfo.application.port.in.ListContactMethodsUseCase;
import io.contactinfo.application.port.in.SendOtpUseCase;
import io.contactinfo.application.port.in.UpdateContactInfoUseCase;
import io.contactinfo.application.port.in.VerifyOtpUseCase;
import io.contactinfo.application.port.out.AccessToken;
import io.contactinfo.application.port.out.AccessTokenRejectedException;
import io.contactinfo.application.port.out.AccessTokenVerifier;
import io.contactinfo.application.port.out.Delivery;
import io.contactinfo.application.port.out.Notification;
import io.contactinfo.application.port.out.NotificationSender;
import io.contactinfo.application.port.out.StoreUnavailableException;
import io.contactinfo.application.service.DispatchNotificationsService;
import io.contactinfo.application.service.ListContactMethodsService;
import io.contactinfo.application.service.SendOtpService;
import io.contactinfo.application.service.UpdateContactInfoService;
import io.contactinfo.application.service.VerifyOtpService;
import io.contactinfo.domain.account.Account;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.account.AccountStatus;
import io.contactinfo.domain.contact.Channel;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.EmailPolicy;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.otp.OtpCodeHash;
import io.contactinfo.domain.otp.OtpCodeHasher;
import io.contactinfo.domain.otp.OtpPolicy;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The Contact Info API on a real server on a random port, over the real services on in-memory ports, with
 * tokens from a table instead of signed JWTs. One per test: each starts from the same customers.
 *
 * <p>Customers of {@code bank-a}: {@code c-1001} (Jane: mobile 212-555-0147 by default, home 212-555-0123,
 * jane.doe@example.com, no account) and {@code c-2001} (under a closed account).
 */
final class ContactInfoServer implements AutoCloseable {

    static final String CORRELATION_ID = "0b6f3a52-58c2-4d4e-9f57-0e0c1f6e2a41";
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final ObjectMapper JSON = StrictJson.MAPPER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String READ = "institution-users:read";
    private static final String WRITE = "institution-users:write";

    /** Token strings this server's verifier knows, standing in for signed JWTs. */
    private static final Map<String, AccessToken> TOKENS = Map.ofEntries(
            Map.entry("jane", token("bank-a", "c-1001", "test-client", READ, WRITE)),
            Map.entry("read-only", token("bank-a", "c-1001", "test-client", READ)),
            Map.entry("write-only", token("bank-a", "c-1001", "test-client", WRITE)),
            Map.entry("closed", token("bank-a", "c-2001", "test-client", READ, WRITE)),
            Map.entry("ghost", token("bank-a", "c-9999", "test-client", READ, WRITE)),
            Map.entry("other-bank", token("bank-b", "c-1001", "test-client", READ, WRITE)),
            Map.entry("no-institution", token(null, "c-1001", "test-client", READ, WRITE)),
            Map.entry("no-customer", token("bank-a", null, "test-client", READ, WRITE)),
            // Jane's, from clients whose requests meet a failure inside the core (see fault()).
            Map.entry("store-down", token("bank-a", "c-1001", "store-down", READ, WRITE)),
            Map.entry("boom", token("bank-a", "c-1001", "boom", READ, WRITE)));

    private static final AccessTokenVerifier VERIFIER = token -> switch (token) {
        case "expired" -> throw new AccessTokenRejectedException(AccessTokenRejectedException.Reason.EXPIRED);
        case "broken" -> throw new IllegalStateException("a bug in the verifier");
        default -> Optional.ofNullable(TOKENS.get(token)).orElseThrow(
                () -> new AccessTokenRejectedException(AccessTokenRejectedException.Reason.UNTRUSTED));
    };

    /** A test-only hasher: unkeyed SHA-256 of the challenge id and the code. */
    private static final OtpCodeHasher HASHER = (id, code) -> {
        try {
            return OtpCodeHash.of(MessageDigest.getInstance("SHA-256")
                    .digest((id + ":" + code.digits()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };

    final InMemoryPorts ports = new InMemoryPorts();
    final MutableClock clock = new MutableClock(NOW);
    /** Whether the voice gateway takes messages: it is down until a test brings it up; SMS and email are up. */
    final AtomicBoolean voiceGatewayUp = new AtomicBoolean(false);
    /** What the providers took, in order: the messages the customer received. */
    final List<Notification> delivered = new CopyOnWriteArrayList<>();
    private final NotificationSender providers = notification -> {
        if (notification.channel() == Channel.VOICE && !voiceGatewayUp.get()) {
            return new Delivery.RetryLater("voice gateway answered 503");
        }
        delivered.add(notification);
        return new Delivery.Delivered();
    };
    /** Delivers the outbox through the providers, passcodes at once. */
    final DispatchNotificationsService dispatcher = new DispatchNotificationsService(ports.outbox(), providers,
            ports.unitOfWork(), DispatchNotificationsService.Settings.DEFAULTS, clock);
    private final Javalin server;
    private final String base;

    ContactInfoServer() {
        this(api -> HttpServer.create(List.of(api)));
    }

    /** @param app the app serving the API, not yet started: the standalone server's, or a host's */
    ContactInfoServer(Function<ContactInfoApi, Javalin> app) {
        InstitutionId bank = new InstitutionId("bank-a");
        Instant longAgo = NOW.minus(Duration.ofDays(30));
        ports.users().add(User.create(UserId.random(), bank, new InstitutionCustomerId("c-1001"), List.of(
                        new Phone(PhoneId.random(), new PhoneNumber("2125550147"), PhoneType.MOBILE, true, true, longAgo),
                        new Phone(PhoneId.random(), new PhoneNumber("2125550123"), PhoneType.HOME, false, false, longAgo)),
                Optional.of(new Email(EmailId.random(), new EmailAddress("jane.doe@example.com"), true, longAgo))));
        AccountId closed = AccountId.random();
        ports.accounts().add(Account.reconstitute(closed, bank, AccountStatus.CLOSED, longAgo));
        ports.users().add(User.create(UserId.random(), bank, new InstitutionCustomerId("c-2001"), Optional.of(closed),
                UserProfile.EMPTY, List.of(new Phone(PhoneId.random(), new PhoneNumber("3125550101"),
                        PhoneType.MOBILE, true, true, longAgo)), Optional.empty()));

        ListContactMethodsUseCase list = new ListContactMethodsService(ports.users());
        UpdateContactInfoUseCase update = new UpdateContactInfoService(ports.users(), ports.accounts(),
                ports.institutions(), ports.limits(), ports.audit(), ports.outbox(), ports.unitOfWork(),
                EmailPolicy.PRODUCTION, clock);
        SendOtpUseCase send = new SendOtpService(ports.users(), ports.otps(), ports.audit(), ports.outbox(),
                ports.unitOfWork(), OtpPolicy.DEFAULTS, HASHER, clock, new SecureRandom(), dispatcher);
        VerifyOtpUseCase verify = new VerifyOtpService(ports.users(), ports.otps(), ports.audit(), ports.unitOfWork(),
                OtpPolicy.DEFAULTS, HASHER, clock);
        var api = new ContactInfoApi(VERIFIER,
                query -> {
                    fault(query.caller());
                    return list.list(query);
                },
                command -> {
                    fault(command.caller());
                    update.update(command);
                },
                command -> {
                    fault(command.caller());
                    return send.send(command);
                },
                command -> {
                    fault(command.caller());
                    return verify.verify(command);
                });
        server = app.apply(api).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** What the core of a deployment throws when its database is down, or when it has a bug. */
    private static void fault(CallerContext caller) {
        switch (caller.clientId()) {
            case "store-down" -> throw new StoreUnavailableException(new SQLException("Connection refused"));
            case "boom" -> throw new IllegalStateException("a bug that mentions 2125550147");
            default -> {
                // the core runs as deployed
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The body of a send to Jane's contact method of {@code channel}, its id read from her list. */
    String contactMethodOf(Channel channel) throws Exception {
        for (JsonNode method : call("GET", "/customers/c-1001/contact-methods").sendForJson().get("contactMethods")) {
            if (method.get("type").asText().equals(channel.name())) {
                return "{\"contactMethodId\":\"" + method.get("contactMethodId").asText() + "\"}";
            }
        }
        throw new AssertionError("Jane has no " + channel + " contact method");
    }

    /** A path of the app outside the API, e.g. a host's own route. */
    URI uri(String path) {
        return URI.create(base + path);
    }

    /** A request with Jane's token, the correlation id and, when it has a body, {@code application/json}. */
    Call call(String method, String path) {
        return new Call(method, path);
    }

    final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Authorization", "Bearer jane");
            headers.put("correlationId", CORRELATION_ID);
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** Sets a header; {@code null} leaves it out. */
        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(String json) {
            return json(json, StandardCharsets.UTF_8);
        }

        /** The body in {@code charset}, whatever the Content-Type says. */
        Call json(String json, Charset charset) {
            if (!headers.containsKey("Content-Type")) {
                headers.put("Content-Type", "application/json");
            }
            body = HttpRequest.BodyPublishers.ofByteArray(json.getBytes(charset));
            return this;
        }

        /** The body sent chunked, without a Content-Length. */
        Call chunked(String json) {
            if (!headers.containsKey("Content-Type")) {
                headers.put("Content-Type", "application/json");
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            return this;
        }

        HttpResponse<String> send() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + ContactInfoApi.BASE_PATH + path))
                    .method(method, body);
            headers.forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode sendForJson() throws Exception {
            return JSON.readTree(send().body());
        }
    }

    private static AccessToken token(String institution, String customer, String clientId, String... scopes) {
        return new AccessToken(Optional.ofNullable(institution), Optional.ofNullable(customer), Optional.of(clientId),
                Optional.of("subject"), Set.of(scopes), NOW.plusSeconds(3600));
    }

    /** A clock that stands still until a test moves it. */
    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
