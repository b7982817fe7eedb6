package io.contactinfo.application.inmemory;

/**
 * Every port out in memory, with one unit of work over all of them: what a test of the core, an
 * embedder's test or a rule author's test needs instead of a database.
 *
 * <pre>{@code
 * var ports = new InMemoryPorts();
 * var service = new ListContactMethodsService(ports.users());
 * }</pre>
 */
public final class InMemoryPorts {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    private final InMemoryInstitutionRepository institutions = new InMemoryInstitutionRepository();
    private final InMemoryLimitRegistry limits = new InMemoryLimitRegistry(accounts);
    private final InMemoryOtpStore otps = new InMemoryOtpStore();
    private final InMemorySoftTokenRepository softTokens = new InMemorySoftTokenRepository();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final InMemoryUnitOfWork unitOfWork =
            new InMemoryUnitOfWork(users, accounts, limits, otps, softTokens, idempotency, audit, outbox);

    public InMemoryUserRepository users() {
        return users;
    }

    public InMemoryAccountRepository accounts() {
        return accounts;
    }

    public InMemoryInstitutionRepository institutions() {
        return institutions;
    }

    public InMemoryLimitRegistry limits() {
        return limits;
    }

    public InMemoryOtpStore otps() {
        return otps;
    }

    public InMemorySoftTokenRepository softTokens() {
        return softTokens;
    }

    public InMemoryIdempotencyStore idempotency() {
        return idempotency;
    }

    public InMemoryAuditLog audit() {
        return audit;
    }

    public InMemoryNotificationOutbox outbox() {
        return outbox;
    }

    public InMemoryUnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
