package io.contactinfo.application.service;

import io.contactinfo.domain.otp.OtpChallengeId;
import io.contactinfo.domain.otp.OtpCode;
import io.contactinfo.domain.otp.OtpCodeHash;
import io.contactinfo.domain.otp.OtpCodeHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A test-only hasher: SHA-256 of the challenge id and the code, unkeyed (production hashes with a server key). */
final class Sha256OtpCodeHasher implements OtpCodeHasher {

    @Override
    public OtpCodeHash hash(OtpChallengeId challengeId, OtpCode code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return OtpCodeHash.of(sha256.digest((challengeId + ":" + code.digits()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
