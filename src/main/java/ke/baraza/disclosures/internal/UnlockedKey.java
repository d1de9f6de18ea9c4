package ke.baraza.disclosures.internal;

import jakarta.servlet.http.HttpSession;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A handler's private key, unlocked with their passphrase for one session: kept only as an
 * attribute of that HTTP session in this server's memory (not serialisable, so never written out
 * with sessions), gone at sign-out, at the session's timeout and at a restart.
 */
final class UnlockedKey {

  static final String ATTRIBUTE = "baraza.disclosures.unlocked";

  final long handlerId;
  final String accountRef;
  final PrivateKey privateKey;
  final PublicKey publicKey;

  UnlockedKey(long handlerId, String accountRef, PrivateKey privateKey, PublicKey publicKey) {
    this.handlerId = handlerId;
    this.accountRef = accountRef;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  static UnlockedKey of(HttpSession session, String accountRef) {
    return session != null
            && session.getAttribute(ATTRIBUTE) instanceof UnlockedKey key
            && key.accountRef.equals(accountRef)
        ? key
        : null;
  }
}
