import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The server's half of Cognito's SRP-6a (USER_SRP_AUTH), as Amplify v6 and
 * amazon-cognito-identity-js compute the client's half: the 3072-bit group of
 * RFC 3526 with g = 2, SHA-256, k = H(N | g), x = H(salt | H(poolName |
 * userId | ":" | password)), u = H(A | B), the session key derived with HKDF
 * ("Caldera Derived Key", 16 bytes), and the claim an HMAC of poolName |
 * userId | secret block | timestamp under that key. Each hash input is the
 * "padded hex" of a number (Java's BigInteger.toByteArray()), because that is
 * what the clients hash; a different padding gives a different key.
 */

/** RFC 3526's 3072-bit MODP prime: the N of every Cognito client. */
export const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** A non-negative number as the clients hash it: even-length hex, with 00 in front when the top bit is set. */
export function padHex(n: bigint): string {
  if (n < 0n) throw new Error('padHex: SRP values are never negative here');
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hashOfHex = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));
const toBigInt = (hex: string) => BigInt(`0x${hex}`);

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

export const k = toBigInt(hashOfHex(padHex(N) + padHex(g)));

/** The pool's name in the hashes: the part of its ID after the underscore ("eu-west-1_AbC" → "AbC"). */
export const poolNameOf = (userPoolId: string) => userPoolId.split('_')[1] ?? '';

/** x = H(salt | H(poolName | userId | ":" | password)): the private key the verifier is g^x of. */
export function privateKey(poolName: string, userId: string, password: string, saltHex: string): bigint {
  return toBigInt(hashOfHex(padHex(toBigInt(saltHex)) + sha256Hex(`${poolName}${userId}:${password}`)));
}

/** u = H(A | B): ties both public values into the key. */
export const scrambler = (A: bigint, B: bigint) => toBigInt(hashOfHex(padHex(A) + padHex(B)));

/** HKDF of the shared secret S, salted with u, as the clients derive their 16-byte key. */
export function sessionKey(S: bigint, u: bigint): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), Buffer.from('Caldera Derived Key'), 16));
}

/** The PASSWORD_CLAIM_SIGNATURE a client holding the key sends: base64 HMAC-SHA256 of poolName | userId | secret block | timestamp. */
export function claimSignature(key: Buffer, poolName: string, userId: string, secretBlock: string, timestamp: string): string {
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
    .digest('base64');
}

/** The server's side of one sign-in: its private b and public B, for a user whose verifier is v. */
export interface ServerHandshake {
  b: bigint;
  B: bigint;
  saltHex: string;
}

/**
 * Starts the server's side for a user: a fresh salt and b each time (the
 * emulator stores the password itself, so the verifier is computed here, not
 * stored; Cognito keeps only the verifier, and a salt that stays the same).
 */
export function serverHandshake(poolName: string, userId: string, password: string): ServerHandshake & { v: bigint } {
  const saltHex = randomBytes(16).toString('hex');
  const v = modPow(g, privateKey(poolName, userId, password, saltHex), N);
  for (;;) {
    const b = toBigInt(randomBytes(128).toString('hex'));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B, saltHex, v };
  }
}

/** The key the server derives from the client's A: equal to the client's only if the client knew the password. */
export function serverKey(A: bigint, handshake: ServerHandshake & { v: bigint }): Buffer {
  if (A % N === 0n) throw new Error('SRP_A is 0 mod N');
  const u = scrambler(A, handshake.B);
  if (u === 0n) throw new Error('u is 0');
  const S = modPow(A * modPow(handshake.v, u, N), handshake.b, N);
  return sessionKey(S, u);
}
