package io.contactinfo.adapter.rest.contactinfo;

import io.contactinfo.application.port.in.SentOtp;

/** The 202 body of {@code POST /customers/{customerId}/otp}: where the code went, masked; never the code. */
record SentOtpResponse(String otpId, String contactMethodId, String channel, String destination, String expiresAt) {

    static SentOtpResponse of(SentOtp sent) {
        return new SentOtpResponse(sent.otpId().toString(), sent.contactMethodId().toString(), sent.channel().name(),
                sent.maskedDestination(), sent.expiresAt().toString());
    }
}
