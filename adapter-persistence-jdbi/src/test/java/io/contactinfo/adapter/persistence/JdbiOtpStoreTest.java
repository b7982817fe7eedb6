package io.contactinfo.adapter.persistence;

import io.contactinfo.application.contract.OtpStoreContract;
import io.contactinfo.application.port.out.OtpStore;
import org.junit.jupiter.api.Nested;

/** OTP challenges and contact verifications on each database. */
class JdbiOtpStoreTest {

    abstract static class OnDatabase extends OtpStoreContract {

        abstract Database database();

        @Override
        protected OtpStore otpStore() {
            return database().otpStore();
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.h2();
        }
    }

    @Nested
    @EnabledIfPostgres
    class OnPostgres extends OnDatabase {
        @Override
        Database database() {
            return TestDatabases.postgres();
        }
    }
}
