package io.contactinfo.application.inmemory;

import io.contactinfo.application.contract.OtpStoreContract;
import io.contactinfo.application.port.out.OtpStore;

/** The in-memory fixture keeps the same contract as the database implementations. */
class InMemoryOtpStoreTest extends OtpStoreContract {

    private final InMemoryPorts ports = new InMemoryPorts();

    @Override
    protected OtpStore otpStore() {
        return ports.otps();
    }
}
