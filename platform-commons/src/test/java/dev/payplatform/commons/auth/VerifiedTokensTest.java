package dev.payplatform.commons.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache of verified internal JWTs, with real RS256 tokens and an injected clock. */
class VerifiedTokensTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  private final InstantSource clock = () -> now.get();
  private final AtomicInteger verifications = new AtomicInteger();
  private KeyPair keys;
  private JWTAuthContextInfo context;
  private VerifiedTokens tokens;

  @BeforeEach
  void setUp() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    context = new JWTAuthContextInfo(keys.getPublic(), "payplatform-edge");
    context.setMaxTimeToLiveSecs(300L);
    tokens =
        new VerifiedTokens(
            new DefaultJWTCallerPrincipalFactory() {
              @Override
              public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info)
                  throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token, info);
              }
            },
            clock,
            2,
            new SimpleMeterRegistry());
  }

  private String token(String merchant, long lifetimeSeconds) {
    Instant issued = Instant.now();
    return Jwt.issuer("payplatform-edge")
        .subject(merchant)
        .issuedAt(issued)
        .expiresAt(issued.plusSeconds(lifetimeSeconds))
        .sign(keys.getPrivate());
  }

  @Test
  void theSameTokenIsVerifiedOnceAndServedFromTheCacheUntilItExpires() throws Exception {
    String token = token("mer_a", 120);

    JWTCallerPrincipal first = tokens.parse(token, context);
    JWTCallerPrincipal again = tokens.parse(token, context);

    assertThat(again).isSameAs(first);
    assertThat(again.getSubject()).isEqualTo("mer_a");
    assertThat(verifications).hasValue(1);

    now.set(now.get().plusSeconds(121));
    tokens.parse(token, context);
    assertThat(verifications).as("an expired entry is verified again, not served").hasValue(2);
  }

  @Test
  void aTokenThatDiffersInAnyByteIsVerifiedInFullAndRefused() throws Exception {
    String token = token("mer_c", 120);
    tokens.parse(token, context);
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

    assertThatThrownBy(() -> tokens.parse(forged, context)).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> tokens.parse(forged, context)).isInstanceOf(ParseException.class);
    assertThat(verifications).as("refusals are never cached").hasValue(3);
  }

  @Test
  void aTokenVerifiedUnderOneContextIsVerifiedAgainUnderAnother() throws Exception {
    String token = token("mer_d", 120);
    tokens.parse(token, context);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    JWTAuthContextInfo otherKey =
        new JWTAuthContextInfo(generator.generateKeyPair().getPublic(), "payplatform-edge");

    assertThatThrownBy(() -> tokens.parse(token, otherKey)).isInstanceOf(ParseException.class);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aFullCacheDropsExpiredEntriesFirstAndOtherwiseStartsAgain() throws Exception {
    tokens.parse(token("mer_1", 60), context);
    tokens.parse(token("mer_2", 200), context);
    now.set(now.get().plusSeconds(61));

    tokens.parse(token("mer_3", 200), context);
    assertThat(tokens.size()).as("mer_1's expired entry made room").isEqualTo(2);

    tokens.parse(token("mer_4", 200), context);
    assertThat(tokens.size()).as("nothing expired: the cache started again").isEqualTo(1);
  }
}
