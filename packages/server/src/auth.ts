import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { ApiError } from './errors.js';

/** Development tokens: HS256 signed with a shared secret. Never enable in production. */
export interface DevAuthOptions {
  mode: 'dev';
  /** The HS256 secret; the CLI reads `SEATKIT_SECRET` or generates one into its data folder. */
  secret: string;
}

/** Production: verify the host's own tokens (any RS/ES/EdDSA key in its JWKS). */
export interface JwtAuthOptions {
  mode: 'jwt';
  /** Where the host publishes its public keys. One of `jwksUrl` / `jwks` is required. */
  jwksUrl?: string;
  /** The key set itself (tests, or keys shipped with the app). */
  jwks?: JSONWebKeySet;
  issuer?: string | string[];
  audience?: string | string[];
  /** The claim holding the user's email. Default `email`. */
  emailClaim?: string;
}

export type AuthOptions = DevAuthOptions | JwtAuthOptions;

/** Who a verified token names. */
export interface TokenIdentity {
  email: string;
  firstName?: string;
  lastName?: string;
}

export interface Authenticator {
  verify(token: string, now: Date): Promise<TokenIdentity>;
  /** Dev mode only. */
  sign?(email: string, now: Date): Promise<string>;
}

const DEV_TOKEN_DAYS = 30;

export function createAuthenticator(options: AuthOptions): Authenticator {
  if (options.mode === 'dev') {
    if (!options.secret) throw new Error('SeatKit: auth.secret is required in dev mode');
    const key = new TextEncoder().encode(options.secret);
    return {
      async verify(token, now) {
        const payload = await verifyOrThrow(() => jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now }));
        return identityFrom(payload, 'email');
      },
      async sign(email, now) {
        const iat = Math.floor(now.getTime() / 1000);
        return new SignJWT({ email: email.trim().toLowerCase() })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuedAt(iat)
          .setExpirationTime(iat + DEV_TOKEN_DAYS * 24 * 3600)
          .sign(key);
      },
    };
  }
  if (options.mode === 'jwt') {
    const keys = options.jwks
      ? createLocalJWKSet(options.jwks)
      : options.jwksUrl
        ? createRemoteJWKSet(new URL(options.jwksUrl))
        : null;
    if (!keys) throw new Error('SeatKit: auth.jwksUrl or auth.jwks is required in jwt mode');
    const claim = options.emailClaim ?? 'email';
    return {
      async verify(token, now) {
        const payload = await verifyOrThrow(() =>
          jwtVerify(token, keys, {
            ...(options.issuer ? { issuer: options.issuer } : {}),
            ...(options.audience ? { audience: options.audience } : {}),
            currentDate: now,
          }),
        );
        return identityFrom(payload, claim);
      },
    };
  }
  throw new Error(`SeatKit: unknown auth mode ${(options as { mode: string }).mode}`);
}

async function verifyOrThrow(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Say why (expired, bad signature…) but never echo the token.
    const reason =
      code === 'ERR_JWT_EXPIRED'
        ? 'The token has expired'
        : code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
          ? 'The token signature is not valid'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
            ? 'The token was issued for another issuer or audience'
            : 'The token is not valid';
    throw new ApiError('unauthorized', reason);
  }
}

function identityFrom(payload: JWTPayload, claim: string): TokenIdentity {
  const raw = payload[claim];
  if (typeof raw !== 'string' || !raw.includes('@') || raw.length > 254) {
    throw new ApiError('unauthorized', `The token has no "${claim}" claim with an email address`);
  }
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string).slice(0, 100) : undefined);
  return { email: raw.trim().toLowerCase(), firstName: text('given_name'), lastName: text('family_name') };
}
