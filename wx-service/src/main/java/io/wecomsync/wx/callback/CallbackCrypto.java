package io.wecomsync.wx.callback;

import io.wecomsync.wx.app.WxApp;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * WeCom's callback signature and encryption (加解密方案).
 *
 * <p>The signature is WxJava's SHA-1 over the sorted token, timestamp, nonce and ciphertext, compared
 * in constant time. Decryption is AES-256-CBC with the IV taken from the key and WeCom's PKCS#7
 * padding to 32-byte blocks, stripped by hand and checked; the plaintext's length field is
 * bounds-checked (a wrong key "decrypts" to a nonsense length) and the trailing receiveid must be the
 * app's corp — WxJava checks neither.
 */
@Component
class CallbackCrypto {

    private static final int RANDOM_PREFIX = 16;
    private static final int LENGTH_FIELD = 4;

    void verifySignature(WxApp app, String timestamp, String nonce, String encrypted, String signature) {
        String expected = SHA1.gen(app.token(), timestamp, nonce, encrypted);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw CallbackRejected.forbidden("bad_signature", "msg_signature does not match");
        }
    }

    /** The message inside {@code encrypted}, after checking padding, length and receiveid. */
    String decrypt(WxApp app, String encrypted) {
        byte[] cipherText;
        try {
            cipherText = Base64.getMimeDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw CallbackRejected.badRequest("undecryptable", "the encrypted message is not base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw CallbackRejected.badRequest("undecryptable", "the encrypted message is not whole AES blocks");
        }
        byte[] plain;
        try {
            byte[] key = app.aesKey();
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = cipher.doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            throw CallbackRejected.badRequest("undecryptable", "the message cannot be decrypted");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 32 || pad > plain.length) {
            throw CallbackRejected.badRequest("undecryptable", "the message cannot be decrypted (bad padding)");
        }
        int content = plain.length - pad;
        if (content < RANDOM_PREFIX + LENGTH_FIELD) {
            throw CallbackRejected.badRequest("undecryptable", "the decrypted message is too short");
        }
        int length = ByteBuffer.wrap(plain, RANDOM_PREFIX, LENGTH_FIELD).getInt();
        int start = RANDOM_PREFIX + LENGTH_FIELD;
        if (length < 0 || length > content - start) {
            throw CallbackRejected.badRequest("undecryptable", "the message cannot be decrypted (length out of bounds; wrong key?)");
        }
        String receiveId = new String(plain, start + length, content - start - length, StandardCharsets.UTF_8);
        if (!receiveId.equals(app.corpId())) {
            throw CallbackRejected.badRequest("wrong_receiver", "the message was encrypted for another receiver");
        }
        return new String(plain, start, length, StandardCharsets.UTF_8);
    }
}
