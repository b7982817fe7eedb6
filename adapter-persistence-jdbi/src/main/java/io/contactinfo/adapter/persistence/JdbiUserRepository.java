package io.contactinfo.adapter.persistence;

import static io.contactinfo.adapter.persistence.Sql.instant;
import static io.contactinfo.adapter.persistence.Sql.string;
import static io.contactinfo.adapter.persistence.Sql.utc;
import static io.contactinfo.adapter.persistence.Sql.uuid;

import io.contactinfo.adapter.persistence.crypto.FieldCipher;
import io.contactinfo.application.port.out.UserRepository;
import io.contactinfo.domain.account.AccountId;
import io.contactinfo.domain.contact.Email;
import io.contactinfo.domain.contact.EmailAddress;
import io.contactinfo.domain.contact.EmailId;
import io.contactinfo.domain.contact.Phone;
import io.contactinfo.domain.contact.PhoneId;
import io.contactinfo.domain.contact.PhoneNumber;
import io.contactinfo.domain.contact.PhoneType;
import io.contactinfo.domain.institution.InstitutionId;
import io.contactinfo.domain.user.Address;
import io.contactinfo.domain.user.AddressLine1;
import io.contactinfo.domain.user.AddressLine2;
import io.contactinfo.domain.user.AddressType;
import io.contactinfo.domain.user.CertifiedPhone;
import io.contactinfo.domain.user.City;
import io.contactinfo.domain.user.CountryCode;
import io.contactinfo.domain.user.DateOfBirth;
import io.contactinfo.domain.user.FirstName;
import io.contactinfo.domain.user.IdentifyingData;
import io.contactinfo.domain.user.InstitutionCustomerId;
import io.contactinfo.domain.user.LastName;
import io.contactinfo.domain.user.LoginId;
import io.contactinfo.domain.user.MiddleName;
import io.contactinfo.domain.user.PeerTransferPreference;
import io.contactinfo.domain.user.PersonName;
import io.contactinfo.domain.user.PostalAddress;
import io.contactinfo.domain.user.Ssn;
import io.contactinfo.domain.user.SsnSuffix;
import io.contactinfo.domain.user.State;
import io.contactinfo.domain.user.TermsAcceptance;
import io.contactinfo.domain.user.User;
import io.contactinfo.domain.user.UserContacts;
import io.contactinfo.domain.user.UserId;
import io.contactinfo.domain.user.UserProfile;
import io.contactinfo.domain.user.ZipCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * The users with everything they hold, in the tables of {@code V1__users_phones_emails.sql} and
 * {@code V2__profiles_accounts_limits_otp_outbox.sql}. Date of birth and SSN are encrypted by a {@link FieldCipher},
 * bound to the user's id.
 */
public final class JdbiUserRepository implements UserRepository {

    // The user and its email in one row; a condition is appended. Phones, addresses and terms follow by user id.
    private static final String SELECT_USERS = """
            SELECT e.id AS email_id, e.address, e.is_verified AS email_verified,
                   e.updated_at AS email_updated_at, u.*
              FROM app_user u
              LEFT JOIN email e ON e.user_id = u.id
            """;

    private static final String LOCK_USERS = "SELECT u.id FROM app_user u ";

    // Only what contact methods derive from, in one statement: a row per phone (or one row without a phone),
    // each with the email. By the unique (institution_id, customer_id), then phone (user_id, position) and
    // email (user_id).
    private static final String SELECT_CONTACTS = """
            SELECT u.id, u.customer_id, p.id AS phone_id, p.number, p.type, p.is_default, p.is_verified,
                   p.updated_at, e.id AS email_id, e.address, e.is_verified AS email_verified,
                   e.updated_at AS email_updated_at
              FROM app_user u
              LEFT JOIN email e ON e.user_id = u.id
              LEFT JOIN phone p ON p.user_id = u.id
            """;
    private static final String SELECT_CONTACTS_BY_CUSTOMER_ID =
            SELECT_CONTACTS + "WHERE u.institution_id = ? AND u.customer_id = ? ORDER BY p.position";
    // Where the user's, phone's and email's columns begin in SELECT_CONTACTS, SELECT_USERS and SELECT_PHONES. They
    // are read by position: by label, H2 maps every label of each result set first and upper-cases each label read
    // (2-3 % of GET contact-methods' CPU). The app_user columns of SELECT_USERS (u.*) are still read by label.
    private static final int CONTACTS_USER = 1;
    private static final int CONTACTS_PHONE = 3;
    private static final int CONTACTS_EMAIL = 9;
    private static final int USERS_EMAIL = 1;
    private static final int PHONES_PHONE = 1;

    // Unique (institution_id, customer_id).
    private static final String BY_CUSTOMER_ID =
            "WHERE u.institution_id = :institutionId AND u.customer_id = :customerId";
    // Primary key.
    private static final String BY_ID = "WHERE u.id = :id AND u.institution_id = :institutionId";
    // Index (account_id, added_order).
    private static final String BY_ACCOUNT =
            "WHERE u.account_id = :accountId AND u.institution_id = :institutionId ORDER BY u.added_order";
    // Index (institution_id, login_id_normalized) and index email(address_normalized).
    private static final String BY_LOGIN_ID_OR_EMAIL = """
            WHERE u.institution_id = :institutionId
              AND u.id IN (SELECT l.id FROM app_user l
                            WHERE l.institution_id = :institutionId AND l.login_id_normalized = :value
                           UNION
                           SELECT m.user_id FROM email m WHERE m.address_normalized = :value)
            ORDER BY u.added_order
            """;

    // Each by the leading column of the table's primary key or unique constraint.
    private static final String SELECT_PHONES = """
            SELECT id, number, type, is_default, is_verified, updated_at, user_id
              FROM phone WHERE user_id IN (<ids>) ORDER BY position""";
    private static final String SELECT_ADDRESSES =
            "SELECT * FROM address WHERE user_id IN (<ids>) ORDER BY position";
    private static final String SELECT_TERMS =
            "SELECT * FROM terms_acceptance WHERE user_id IN (<ids>) ORDER BY position";

    private static final String INSERT_USER = """
            INSERT INTO app_user (id, institution_id, customer_id, created_at, account_id, first_name, middle_name,
                                  last_name, date_of_birth_enc, ssn_enc, ssn_suffix_enc, kyc_completed,
                                  peer_transfer_preference, login_id, login_id_normalized, certified_phone_id,
                                  certified_number, certified_at, certified_challenge_id)
            VALUES (:id, :institutionId, :customerId, CURRENT_TIMESTAMP, :accountId, :firstName, :middleName,
                    :lastName, :dateOfBirth, :ssn, :ssnSuffix, :kycCompleted, :peerTransferPreference, :loginId,
                    :loginIdNormalized, :certifiedPhoneId, :certifiedNumber, :certifiedAt, :certifiedChallengeId)
            """;

    private static final String UPDATE_USER = """
            UPDATE app_user
               SET account_id = :accountId, first_name = :firstName, middle_name = :middleName,
                   last_name = :lastName, date_of_birth_enc = :dateOfBirth, ssn_enc = :ssn,
                   ssn_suffix_enc = :ssnSuffix, kyc_completed = :kycCompleted,
                   peer_transfer_preference = :peerTransferPreference, login_id = :loginId,
                   login_id_normalized = :loginIdNormalized, certified_phone_id = :certifiedPhoneId,
                   certified_number = :certifiedNumber, certified_at = :certifiedAt,
                   certified_challenge_id = :certifiedChallengeId
             WHERE id = :id AND institution_id = :institutionId AND customer_id = :customerId
            """;

    private static final String INSERT_PHONE = """
            INSERT INTO phone (id, user_id, position, number, type, is_default, is_verified, updated_at)
            VALUES (:id, :userId, :position, :number, :type, :isDefault, :isVerified, :updatedAt)
            """;

    private static final String INSERT_EMAIL = """
            INSERT INTO email (id, user_id, address, address_normalized, is_verified, updated_at)
            VALUES (:id, :userId, :address, :addressNormalized, :isVerified, :updatedAt)
            """;

    private static final String INSERT_ADDRESS = """
            INSERT INTO address (user_id, position, type, line1, line2, city, state, zip_code, country_code,
                                 is_default, is_verified, is_returned, updated_at)
            VALUES (:userId, :position, :type, :line1, :line2, :city, :state, :zipCode, :countryCode,
                    :isDefault, :isVerified, :isReturned, :updatedAt)
            """;

    private static final String INSERT_TERMS = """
            INSERT INTO terms_acceptance (user_id, position, terms_identifier, accepted_at, accepted)
            VALUES (:userId, :position, :termsIdentifier, :acceptedAt, :accepted)
            """;

    // Primary key.
    private static final String IS_STORED = """
            SELECT EXISTS (SELECT 1 FROM app_user
                            WHERE id = :id AND institution_id = :institutionId AND customer_id = :customerId)
            """;

    // The leading column of the unique (institution_id, customer_id) index answers it.
    private static final String HAS_USERS = """
            SELECT EXISTS (SELECT 1 FROM app_user WHERE institution_id = :institutionId)
            """;

    private final Jdbi jdbi;
    /** The factory {@code jdbi} was created with: for the one read that does without a JDBI handle. */
    private final ConnectionFactory connections;
    private final FieldCipher cipher;

    /** @param connections the factory {@code jdbi} was created with (a JDBI handle and this read share the pool) */
    JdbiUserRepository(Jdbi jdbi, ConnectionFactory connections, FieldCipher cipher) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public Optional<User> findByCustomerId(InstitutionId institutionId, InstitutionCustomerId customerId) {
        return load(BY_CUSTOMER_ID, query -> query.bind("institutionId", institutionId.value())
                .bind("customerId", customerId.value())).stream().findFirst();
    }

    @Override
    public Optional<UserContacts> findContactsByCustomerId(InstitutionId institutionId,
                                                           InstitutionCustomerId customerId) {
        // Plain JDBC, the busiest read of the service (every GET contact-methods): JDBI's statement machinery was a
        // third of its cost in a profile, and opening a JDBI handle for it a sixth of what was left. So it runs on
        // the connection of the unit of work the caller is in, if any, and otherwise on a pooled one of its own.
        HandleSupplier joined = jdbi.getHandleScope().get();
        try {
            if (joined != null) {
                return findContacts(joined.getHandle().getConnection(), institutionId, customerId);
            }
            try (Connection connection = connections.openConnection()) {
                return findContacts(connection, institutionId, customerId);
            }
        } catch (SQLException e) {
            // As JDBI reports a failed statement everywhere else.
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static Optional<UserContacts> findContacts(Connection connection, InstitutionId institutionId,
                                                       InstitutionCustomerId customerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_CONTACTS_BY_CUSTOMER_ID)) {
            statement.setString(1, institutionId.value());
            statement.setString(2, customerId.value());
            try (ResultSet rs = statement.executeQuery()) {
                return contacts(rs);
            }
        }
    }

    /** Folds the rows of {@link #SELECT_CONTACTS} for one user. */
    private static Optional<UserContacts> contacts(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        UserId id = new UserId(uuid(rs, CONTACTS_USER));
        InstitutionCustomerId customerId = new InstitutionCustomerId(rs.getString(CONTACTS_USER + 1));
        Optional<Email> email = email(rs, CONTACTS_EMAIL);
        List<Phone> phones = new ArrayList<>();
        do {
            if (uuid(rs, CONTACTS_PHONE) != null) {
                phones.add(phone(rs, CONTACTS_PHONE));
            }
        } while (rs.next());
        return Optional.of(new UserContacts(id, customerId, phones, email));
    }

    @Override
    public Optional<User> findById(InstitutionId institutionId, UserId userId) {
        return load(BY_ID, query -> query.bind("institutionId", institutionId.value())
                .bind("id", userId.value())).stream().findFirst();
    }

    @Override
    public List<User> findByAccount(InstitutionId institutionId, AccountId accountId) {
        return load(BY_ACCOUNT, query -> query.bind("institutionId", institutionId.value())
                .bind("accountId", accountId.value()));
    }

    @Override
    public List<User> findByLoginIdOrEmail(InstitutionId institutionId, String value) {
        if (value == null) {
            return List.of();
        }
        return load(BY_LOGIN_ID_OR_EMAIL, query -> query.bind("institutionId", institutionId.value())
                .bind("value", value.toLowerCase(Locale.ROOT)));
    }

    /**
     * Stores the user with all its parts in one transaction: all of them or nothing.
     *
     * @throws IllegalStateException when the user's id, or its customer id or login id in its institution, is already
     *                               stored
     */
    @Override
    public void add(User user) {
        jdbi.useTransaction(handle -> {
            try {
                bindUser(handle.createUpdate(INSERT_USER), user).execute();
            } catch (UnableToExecuteStatementException e) {
                // The same exception the in-memory repository throws, so callers see one behaviour per port.
                if (Sql.isUniqueViolation(e)) {
                    throw new IllegalStateException("user or customer already exists in its institution", e);
                }
                throw e;
            }
            insertParts(handle, user);
        });
    }

    /**
     * Replaces the stored user and all its parts.
     *
     * @throws IllegalStateException when no user with that id, institution and customer id is stored
     */
    @Override
    public void update(User user) {
        jdbi.useTransaction(handle -> {
            updateRow(handle, user);
            for (Part part : Part.values()) {
                part.replace(handle, user);
            }
        });
    }

    /**
     * Writes only what differs between the two: the app_user row when one of its columns changed, and each part
     * (phones, email, addresses, terms) that changed, deleted and inserted again. A PUT contact-info that changes
     * the email writes the email's table and its indexes, not the user's, phones' and addresses' as well: each
     * table and index a transaction changes is a page or more that H2 writes at the commit.
     *
     * @throws IllegalStateException when no user with that id, institution and customer id is stored
     */
    @Override
    public void update(User stored, User changed) {
        jdbi.useTransaction(handle -> {
            if (Columns.of(stored).equals(Columns.of(changed))) {
                requireStored(handle, changed);
            } else {
                updateRow(handle, changed);
            }
            for (Part part : Part.values()) {
                if (!part.of(stored).equals(part.of(changed))) {
                    part.replace(handle, changed);
                }
            }
        });
    }

    private void updateRow(Handle handle, User user) {
        if (bindUser(handle.createUpdate(UPDATE_USER), user).execute() != 1) {
            throw new IllegalStateException("no such user to update");
        }
    }

    private static void requireStored(Handle handle, User user) {
        boolean stored = handle.createQuery(IS_STORED)
                .bind("id", user.id().value())
                .bind("institutionId", user.institutionId().value())
                .bind("customerId", user.customerId().value())
                .mapTo(Boolean.class)
                .one();
        if (!stored) {
            throw new IllegalStateException("no such user to update");
        }
    }

    @Override
    public boolean hasUsers(InstitutionId institutionId) {
        return jdbi.withHandle(handle -> handle.createQuery(HAS_USERS)
                .bind("institutionId", institutionId.value())
                .mapTo(Boolean.class)
                .one());
    }

    private List<User> load(String condition, Function<Query, Query> binding) {
        return jdbi.withHandle(handle -> {
            if (handle.isInTransaction()) {
                // Read to be changed: lock the users first, so a concurrent unit of work that changes the same user
                // waits and then reads what this one wrote, instead of overwriting it (a lost update would also leave
                // a phone linked in the limit registry that the user no longer has).
                binding.apply(handle.createQuery(LOCK_USERS + condition + " FOR UPDATE")).mapTo(UUID.class).list();
            }
            List<UserRow> rows = binding.apply(handle.createQuery(SELECT_USERS + condition))
                    .map((rs, ctx) -> userRow(rs))
                    .list();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<UUID> ids = rows.stream().map(UserRow::id).toList();
            Map<UUID, List<Phone>> phones = children(handle, SELECT_PHONES, ids, rs -> phone(rs, PHONES_PHONE));
            Map<UUID, List<Address>> addresses =
                    children(handle, SELECT_ADDRESSES, ids, JdbiUserRepository::address);
            Map<UUID, List<TermsAcceptance>> terms = children(handle, SELECT_TERMS, ids, JdbiUserRepository::terms);
            return rows.stream().map(row -> user(row, phones.getOrDefault(row.id(), List.of()),
                    addresses.getOrDefault(row.id(), List.of()), terms.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    @FunctionalInterface
    private interface ChildMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The rows of a child table for each user id, in the query's order. */
    private static <T> Map<UUID, List<T>> children(Handle handle, String sql, List<UUID> ids, ChildMapper<T> mapper) {
        Map<UUID, List<T>> byUser = new HashMap<>();
        handle.createQuery(sql).bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(uuid(rs, "user_id"), mapper.map(rs)))
                .forEach(row -> byUser.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue()));
        return byUser;
    }

    private User user(UserRow row, List<Phone> phones, List<Address> addresses, List<TermsAcceptance> terms) {
        UserId id = new UserId(row.id());
        Optional<PersonName> name = row.firstName().map(first -> new PersonName(new FirstName(first),
                row.middleName().map(MiddleName::new), new LastName(row.lastName().orElseThrow())));
        Optional<IdentifyingData> identifyingData = row.dateOfBirth().map(dob -> new IdentifyingData(
                new DateOfBirth(LocalDate.parse(cipher.decrypt(dob, context(id, "date_of_birth")))),
                row.ssn().map(ssn -> new Ssn(cipher.decrypt(ssn, context(id, "ssn")))),
                row.ssnSuffix().map(suffix -> new SsnSuffix(cipher.decrypt(suffix, context(id, "ssn_suffix"))))));
        UserProfile profile = new UserProfile(name, addresses, identifyingData, row.kycCompleted(), terms,
                row.peerTransferPreference(), row.loginId().map(LoginId::new));
        return User.reconstitute(id, row.institutionId(), row.customerId(), row.accountId(), profile, phones,
                row.email(), row.certifiedPhone());
    }

    private Update bindUser(Update update, User user) {
        Columns columns = Columns.of(user);
        Optional<PersonName> name = columns.name();
        Optional<IdentifyingData> data = columns.identifyingData();
        Optional<CertifiedPhone> certified = columns.certifiedPhone();
        Sql.bindUuid(update, "accountId", columns.accountId().map(AccountId::value));
        Sql.bindUuid(update, "certifiedPhoneId", certified.map(c -> c.phoneId().value()));
        Sql.bindUuid(update, "certifiedChallengeId", certified.map(CertifiedPhone::challengeId));
        return update.bind("id", user.id().value())
                .bind("institutionId", user.institutionId().value())
                .bind("customerId", user.customerId().value())
                .bind("firstName", name.map(n -> n.first().value()).orElse(null))
                .bind("middleName", name.flatMap(PersonName::middle).map(MiddleName::value).orElse(null))
                .bind("lastName", name.map(n -> n.last().value()).orElse(null))
                .bind("dateOfBirth", data.map(d -> cipher.encrypt(d.dateOfBirth().value().toString(),
                        context(user.id(), "date_of_birth"))).orElse(null))
                .bind("ssn", data.flatMap(IdentifyingData::ssn)
                        .map(ssn -> cipher.encrypt(ssn.digits(), context(user.id(), "ssn"))).orElse(null))
                .bind("ssnSuffix", data.flatMap(IdentifyingData::ssnSuffix)
                        .map(s -> cipher.encrypt(s.digits(), context(user.id(), "ssn_suffix"))).orElse(null))
                .bind("kycCompleted", columns.kycCompleted())
                .bind("peerTransferPreference", columns.peerTransferPreference().name())
                .bind("loginId", columns.loginId().map(LoginId::value).orElse(null))
                .bind("loginIdNormalized",
                        columns.loginId().map(l -> l.value().toLowerCase(Locale.ROOT)).orElse(null))
                .bind("certifiedNumber", certified.map(c -> c.number().digits()).orElse(null))
                .bindByType("certifiedAt", certified.map(c -> utc(c.certifiedAt())).orElse(null),
                        OffsetDateTime.class);
    }

    /**
     * What the app_user row holds of a user besides its keys, in the domain's terms: {@link #bindUser} writes these
     * and nothing else, so two users with equal columns have equal rows.
     */
    private record Columns(Optional<AccountId> accountId, Optional<PersonName> name,
                           Optional<IdentifyingData> identifyingData, boolean kycCompleted,
                           PeerTransferPreference peerTransferPreference, Optional<LoginId> loginId,
                           Optional<CertifiedPhone> certifiedPhone) {

        static Columns of(User user) {
            UserProfile profile = user.profile();
            return new Columns(user.accountId(), profile.name(), profile.identifyingData(), profile.kycCompleted(),
                    profile.peerTransferPreference(), profile.loginId(), user.certifiedPhone());
        }
    }

    /** The parts of a user kept in tables of their own, by user id: each replaced as a whole when it changed. */
    private enum Part {
        PHONES("phone", User::phones, JdbiUserRepository::insertPhones),
        EMAIL("email", User::email, JdbiUserRepository::insertEmail),
        ADDRESSES("address", user -> user.profile().addresses(), JdbiUserRepository::insertAddresses),
        TERMS("terms_acceptance", user -> user.profile().termsAcceptances(), JdbiUserRepository::insertTerms);

        private final String delete;
        private final Function<User, Object> value;
        private final BiConsumer<Handle, User> insert;

        Part(String table, Function<User, Object> value, BiConsumer<Handle, User> insert) {
            this.delete = "DELETE FROM " + table + " WHERE user_id = :userId";
            this.value = value;
            this.insert = insert;
        }

        /** The part's value, compared by equality. */
        Object of(User user) {
            return value.apply(user);
        }

        void insert(Handle handle, User user) {
            insert.accept(handle, user);
        }

        void replace(Handle handle, User user) {
            handle.createUpdate(delete).bind("userId", user.id().value()).execute();
            insert(handle, user);
        }
    }

    /** Binds a ciphertext to its user and column, so that it cannot be moved to another. */
    private static String context(UserId id, String column) {
        return "app_user." + column + ":" + id.value();
    }

    private static void insertParts(Handle handle, User user) {
        for (Part part : Part.values()) {
            part.insert(handle, user);
        }
    }

    private static void insertPhones(Handle handle, User user) {
        UUID userId = user.id().value();
        List<Phone> phones = user.phones();
        if (!phones.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT_PHONE);
            for (int position = 0; position < phones.size(); position++) {
                Phone phone = phones.get(position);
                batch.bind("id", phone.id().value())
                        .bind("userId", userId)
                        .bind("position", position)
                        .bind("number", phone.number().digits())
                        .bind("type", phone.type().name())
                        .bind("isDefault", phone.isDefault())
                        .bind("isVerified", phone.isVerified())
                        .bind("updatedAt", utc(phone.lastUpdated()))
                        .add();
            }
            batch.execute();
        }
    }

    private static void insertEmail(Handle handle, User user) {
        UUID userId = user.id().value();
        user.email().ifPresent(email -> handle.createUpdate(INSERT_EMAIL)
                .bind("id", email.id().value())
                .bind("userId", userId)
                .bind("address", email.address().value())
                .bind("addressNormalized", email.address().normalized())
                .bind("isVerified", email.isVerified())
                .bind("updatedAt", utc(email.lastUpdated()))
                .execute());
    }

    private static void insertAddresses(Handle handle, User user) {
        UUID userId = user.id().value();
        List<Address> addresses = user.profile().addresses();
        if (!addresses.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT_ADDRESS);
            for (int position = 0; position < addresses.size(); position++) {
                Address address = addresses.get(position);
                PostalAddress postal = address.postal();
                batch.bind("userId", userId)
                        .bind("position", position)
                        .bind("type", address.type().name())
                        .bind("line1", postal.line1().value())
                        .bind("line2", postal.line2().map(AddressLine2::value).orElse(null))
                        .bind("city", postal.city().map(City::value).orElse(null))
                        .bind("state", postal.state().map(State::code).orElse(null))
                        .bind("zipCode", postal.zipCode().map(ZipCode::value).orElse(null))
                        .bind("countryCode", postal.countryCode().value())
                        .bind("isDefault", address.isDefault())
                        .bind("isVerified", address.isVerified())
                        .bind("isReturned", address.isReturned())
                        .bind("updatedAt", utc(address.lastUpdated()))
                        .add();
            }
            batch.execute();
        }
    }

    private static void insertTerms(Handle handle, User user) {
        UUID userId = user.id().value();
        List<TermsAcceptance> terms = user.profile().termsAcceptances();
        if (!terms.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(INSERT_TERMS);
            for (int position = 0; position < terms.size(); position++) {
                TermsAcceptance acceptance = terms.get(position);
                batch.bind("userId", userId)
                        .bind("position", position)
                        .bind("termsIdentifier", acceptance.termsIdentifier())
                        .bind("acceptedAt", utc(acceptance.acceptedAt()))
                        .bind("accepted", acceptance.accepted())
                        .add();
            }
            batch.execute();
        }
    }

    /** One row of app_user with its email; the encrypted columns still encrypted. */
    private record UserRow(UUID id, InstitutionId institutionId, InstitutionCustomerId customerId,
                           Optional<AccountId> accountId, Optional<String> firstName, Optional<String> middleName,
                           Optional<String> lastName, Optional<String> dateOfBirth, Optional<String> ssn,
                           Optional<String> ssnSuffix, boolean kycCompleted,
                           PeerTransferPreference peerTransferPreference, Optional<String> loginId,
                           Optional<CertifiedPhone> certifiedPhone, Optional<Email> email) {
    }

    private static UserRow userRow(ResultSet rs) throws SQLException {
        UUID certifiedPhoneId = uuid(rs, "certified_phone_id");
        Optional<CertifiedPhone> certified = certifiedPhoneId == null ? Optional.empty()
                : Optional.of(new CertifiedPhone(new PhoneId(certifiedPhoneId),
                new PhoneNumber(rs.getString("certified_number")), instant(rs, "certified_at"),
                uuid(rs, "certified_challenge_id")));
        return new UserRow(uuid(rs, "id"), new InstitutionId(rs.getString("institution_id")),
                new InstitutionCustomerId(rs.getString("customer_id")),
                Optional.ofNullable(uuid(rs, "account_id")).map(AccountId::new),
                string(rs, "first_name"), string(rs, "middle_name"), string(rs, "last_name"),
                string(rs, "date_of_birth_enc"), string(rs, "ssn_enc"), string(rs, "ssn_suffix_enc"),
                rs.getBoolean("kyc_completed"),
                PeerTransferPreference.valueOf(rs.getString("peer_transfer_preference")),
                string(rs, "login_id"), certified, email(rs, USERS_EMAIL));
    }

    /** The email in the four columns from {@code at} on: id, address, is_verified, updated_at; none if no id. */
    private static Optional<Email> email(ResultSet rs, int at) throws SQLException {
        UUID id = uuid(rs, at);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Email(new EmailId(id), new EmailAddress(rs.getString(at + 1)),
                rs.getBoolean(at + 2), instant(rs, at + 3)));
    }

    /** The phone in the six columns from {@code at} on: id, number, type, is_default, is_verified, updated_at. */
    private static Phone phone(ResultSet rs, int at) throws SQLException {
        return new Phone(new PhoneId(uuid(rs, at)), new PhoneNumber(rs.getString(at + 1)),
                PhoneType.valueOf(rs.getString(at + 2)), rs.getBoolean(at + 3), rs.getBoolean(at + 4),
                instant(rs, at + 5));
    }

    private static Address address(ResultSet rs) throws SQLException {
        PostalAddress postal = new PostalAddress(new AddressLine1(rs.getString("line1")),
                string(rs, "line2").map(AddressLine2::new), string(rs, "city").map(City::new),
                string(rs, "state").map(State::new), string(rs, "zip_code").map(ZipCode::new),
                new CountryCode(rs.getString("country_code")));
        return new Address(AddressType.valueOf(rs.getString("type")), postal, rs.getBoolean("is_default"),
                rs.getBoolean("is_verified"), rs.getBoolean("is_returned"), instant(rs, "updated_at"));
    }

    private static TermsAcceptance terms(ResultSet rs) throws SQLException {
        return new TermsAcceptance(rs.getString("terms_identifier"), instant(rs, "accepted_at"),
                rs.getBoolean("accepted"));
    }
}
