package io.contactinfo.adapter.rest.contactinfo;

/** The body of {@code POST /customers/{customerId}/otp/{otpId}:verify}: the code the customer typed. */
record VerifyOtpRequest(String code) {
}
