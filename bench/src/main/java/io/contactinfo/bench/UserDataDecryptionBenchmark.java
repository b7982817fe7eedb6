package io.contactinfo.bench;

import io.contactinfo.adapter.rest.users.encryption.EncryptedPayload;
import io.contactinfo.adapter.rest.users.encryption.ServerKeys;
import io.contactinfo.adapter.rest.users.encryption.UserDataDecryptor;
import io.contactinfo.adapter.rest.users.encryption.UserDataEncryptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;

/** Decrypting a Users API body's encryptedUserData: EC_v1 (ECDH, Concat KDF, AES-GCM) and EC_v2 (HPKE). */
@State(Scope.Benchmark)
public class UserDataDecryptionBenchmark {

    private static final String PROGRAM = "demo-bank";
    private static final byte[] USER_DATA = """
            {"profileData":{"firstName":"Ana","lastName":"Ortiz","addresses":[{"addressLine1":"1234 E Foothill Blvd",
              "city":"Pasadena","state":"CA","zipCode":"91107","type":"home","isDefault":true}]},
             "identifyingData":{"dateOfBirth":"1985-02-03","ssn":"123456789"},
             "email":{"emailAddress":"ana@example.com"},
             "phoneNumbers":[{"number":"2125550101","type":"mobile","isDefault":true}]}"""
            .getBytes(StandardCharsets.UTF_8);

    private UserDataDecryptor decryptor;
    private String requestId;
    private EncryptedPayload ecV1;
    private EncryptedPayload ecV2;

    @Setup
    public void setUp() {
        KeyPair server = ServerKeys.generate();
        decryptor = new UserDataDecryptor(ServerKeys.of(List.of(server)));
        UUID id = UUID.randomUUID();
        requestId = id.toString();
        ecV1 = UserDataEncryptor.ecV1(server.getPublic(), PROGRAM, id, USER_DATA);
        ecV2 = UserDataEncryptor.ecV2(server.getPublic(), USER_DATA);
    }

    @Benchmark
    public byte[] decryptEcV1() {
        return decryptor.decrypt(ecV1, PROGRAM, requestId);
    }

    @Benchmark
    public byte[] decryptEcV2() {
        return decryptor.decrypt(ecV2, PROGRAM, requestId);
    }
}
