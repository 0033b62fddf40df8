package fr.centrale.gateway;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;

/**
 * The parser smallrye-jwt checks bearer tokens with (its {@code MpJwtValidator} injects a {@link JWTParser}):
 * smallrye-jwt's own, with the tokens it accepted remembered in {@link VerifiedTokens}. A token checked once is
 * not checked again until it expires or for 5 minutes; what is accepted and refused does not change.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final DefaultJWTParser parser;
    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    @Inject
    public CachingJwtParser(DefaultJWTParser parser) {
        this.parser = parser;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = parser.parse(token);
        verified.put(token, checked);
        return checked;
    }

    /**
     * Who the bearer token names, once it is checked (as {@link #parse(String)}: a token checked once is remembered, and
     * so is who it names).
     */
    public Caller caller(String token) throws ParseException {
        Caller known = verified.caller(token);
        if (known != null) {
            return known;
        }
        return verified.put(token, parser.parse(token));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context); // another context: other rules, nothing remembered
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
