import {
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { ApiError } from './errors.js';

/** Development tokens: HS256 signed with a shared secret. Never enable in production. */
export interface DevAuthOptions {
  mode: 'dev';
  /** The HS256 secret; the CLI reads `SEATKIT_SECRET` or generates one into its data folder. */
  secret: string;
}

/**
 * Production: verify the host's own tokens (any RS/ES/EdDSA key in its JWKS). A token must carry `exp`, name this
 * `issuer` and `audience`, and must not say `email_verified: false`.
 */
export interface JwtAuthOptions {
  mode: 'jwt';
  /** Where the host publishes its public keys. One of `jwksUrl` / `jwks` is required. */
  jwksUrl?: string;
  /** The key set itself (tests, or keys shipped with the app). */
  jwks?: JSONWebKeySet;
  /** Required: the `iss` your identity provider writes into its tokens (one, or several accepted). */
  issuer: string | string[];
  /** Required: the `aud` your tokens are issued for (one, or several accepted). */
  audience: string | string[];
  /** The claim holding the user's email. Default `email`. */
  emailClaim?: string;
  /**
   * How long to wait for `jwksUrl` before answering `503 auth_unavailable`. Default `2000` ms, so a hanging identity
   * provider is answered within 3 seconds.
   */
  jwksTimeoutMs?: number;
}

/** Who the host says is calling. `null` means nobody is signed in. */
export interface HostIdentity {
  email: string;
  firstName?: string;
  lastName?: string;
}

/**
 * The host's own sessions (a cookie, Auth.js, an API gateway's header): SeatKit asks `authenticate` who sends each
 * request. Because such a session may ride on a cookie the browser attaches by itself, every mutation is checked
 * against cross-site requests (see `crossSiteGuard`).
 */
export interface CustomAuthOptions {
  mode: 'custom';
  /**
   * Reads the caller from the request. `null` (or `undefined`) answers `401 unauthorized`. Throwing an `ApiError`
   * answers with it (e.g. `new ApiError('auth_unavailable', …, undefined, { 'Retry-After': '5' })` while your session
   * store is down); any other throw is logged and answers `500 internal` without details.
   */
  authenticate: (request: Request) => Promise<HostIdentity | null | undefined> | HostIdentity | null | undefined;
}

export type AuthOptions = DevAuthOptions | JwtAuthOptions | CustomAuthOptions;

/** Who a verified token names. */
export type TokenIdentity = HostIdentity;

export interface Authenticator {
  verify(token: string, now: Date): Promise<TokenIdentity>;
  /** Dev mode only. */
  sign?(email: string, now: Date): Promise<string>;
}

const DEV_TOKEN_DAYS = 30;
const DEFAULT_JWKS_TIMEOUT_MS = 2000;
/** Seconds a client should wait before retrying while the identity provider is unreachable. */
export const AUTH_RETRY_AFTER_SECONDS = 5;

/** The identity provider could not be asked (down, hanging, answering garbage): the token was never judged. */
class KeySetUnavailable extends Error {
  override readonly name = 'KeySetUnavailable';
}

export function createAuthenticator(options: DevAuthOptions | JwtAuthOptions): Authenticator {
  if (options.mode === 'dev') {
    if (!options.secret) throw new Error('SeatKit: auth.secret is required in dev mode');
    const key = new TextEncoder().encode(options.secret);
    return {
      async verify(token, now) {
        const payload = await verifyOrThrow(() => jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now, requiredClaims: ['exp'] }));
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
    // Without issuer and audience, any token the same provider signs for another app (or tenant) would sign in here.
    const missing = (['issuer', 'audience'] as const).filter((name) => {
      const value = options[name];
      return Array.isArray(value) ? value.filter(Boolean).length === 0 : !value;
    });
    if (missing.length) {
      throw new Error(`SeatKit: jwt mode needs auth.${missing.join(' and auth.')}: without them a token issued for another app would be accepted`);
    }
    const timeoutDuration = options.jwksTimeoutMs ?? DEFAULT_JWKS_TIMEOUT_MS;
    const keys: JWTVerifyGetKey | null = options.jwks
      ? createLocalJWKSet(options.jwks)
      : options.jwksUrl
        ? unavailableAware(createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration }))
        : null;
    if (!keys) throw new Error('SeatKit: auth.jwksUrl or auth.jwks is required in jwt mode');
    const claim = options.emailClaim ?? 'email';
    return {
      async verify(token, now) {
        const payload = await verifyOrThrow(() =>
          jwtVerify(token, keys, { issuer: options.issuer, audience: options.audience, currentDate: now, requiredClaims: ['exp'] }),
        );
        return identityFrom(payload, claim);
      },
    };
  }
  throw new Error(`SeatKit: unknown auth mode ${(options as { mode: string }).mode}`);
}

/**
 * Marks the remote key set's own failures, so they are told apart from bad tokens: jose throws `JWKSTimeout` for a
 * hanging endpoint, a plain `JOSEError` for a non-200 or non-JSON answer, `JWKSInvalid` for JSON that is no key set,
 * and fetch's own `TypeError` when nothing answers. A key that is missing from a set that did load
 * (`JWKSNoMatchingKey`, `JWKSMultipleMatchingKeys`) or an unsupported algorithm is the token's fault.
 */
function unavailableAware(remote: JWTVerifyGetKey): JWTVerifyGetKey {
  const tokenFaults = new Set(['ERR_JWKS_NO_MATCHING_KEY', 'ERR_JWKS_MULTIPLE_MATCHING_KEYS', 'ERR_JOSE_NOT_SUPPORTED', 'ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JWK_INVALID']);
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && tokenFaults.has(code)) throw error;
      throw new KeySetUnavailable('The identity provider’s keys (JWKS) could not be loaded', { cause: error });
    }
  };
}

async function verifyOrThrow(verify: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await verify()).payload;
  } catch (error) {
    if (error instanceof KeySetUnavailable) {
      throw new ApiError('auth_unavailable', 'The sign-in could not be checked: the identity provider’s keys are unreachable. Try again shortly.', undefined, {
        'Retry-After': String(AUTH_RETRY_AFTER_SECONDS),
      });
    }
    const { code, claim, reason: claimReason } = error as { code?: string; claim?: string; reason?: string };
    // Say why (expired, bad signature…) but never echo the token.
    const reason =
      code === 'ERR_JWT_EXPIRED'
        ? 'The token has expired'
        : code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
          ? 'The token signature is not valid'
          : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && claim === 'exp' && claimReason === 'missing'
            ? 'The token has no expiry ("exp" claim); tokens that never expire are refused'
            : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (claim === 'iss' || claim === 'aud')
              ? 'The token was issued for another issuer or audience'
              : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
                ? `The token's "${claim}" claim is not valid`
                : 'The token is not valid';
    throw new ApiError('unauthorized', reason);
  }
}

function identityFrom(payload: JWTPayload, claim: string): TokenIdentity {
  const raw = payload[claim];
  if (typeof raw !== 'string' || !raw.includes('@') || raw.length > 254) {
    throw new ApiError('unauthorized', `The token has no "${claim}" claim with an email address`);
  }
  // Some providers send the boolean as a string. Absent means the provider does not say: accepted.
  const verified = payload.email_verified;
  if (verified === false || verified === 'false') {
    throw new ApiError('unauthorized', 'The token says its email address is not verified ("email_verified": false)');
  }
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string).slice(0, 100) : undefined);
  return { email: raw.trim().toLowerCase(), firstName: text('given_name'), lastName: text('family_name') };
}
