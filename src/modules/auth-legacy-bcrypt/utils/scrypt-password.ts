import { createHash, createHmac, randomBytes, scrypt } from "crypto"

/** Scrypt cost Medusa's `emailpass` provider uses unless configured otherwise. */
export const EMAILPASS_SCRYPT_COST = { logN: 15, r: 8, p: 1 }

function derive(
  password: string,
  salt: Buffer,
  { logN, r, p }: typeof EMAILPASS_SCRYPT_COST
): Promise<Buffer> {
  const N = 2 ** logN
  return new Promise((resolve, reject) =>
    scrypt(
      password,
      salt,
      64,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key))
    )
  )
}

/**
 * Hashes a password the way `emailpass` stores it (`provider_metadata.password`):
 * the 96-byte scrypt key file (magic, version, logN, r, p, salt, a SHA-256
 * check of that header and an HMAC of it keyed by the derived key), in base64.
 * Written with Node's crypto so the provider needs no extra dependency.
 */
export async function emailpassPasswordHash(
  password: string,
  cost = EMAILPASS_SCRYPT_COST
): Promise<string> {
  const header = Buffer.alloc(48)
  header.write("scrypt", 0, "ascii")
  header.writeUInt8(0, 6)
  header.writeUInt8(cost.logN, 7)
  header.writeUInt32BE(cost.r, 8)
  header.writeUInt32BE(cost.p, 12)
  const salt = randomBytes(32)
  salt.copy(header, 16)
  const checksum = createHash("sha256").update(header).digest().subarray(0, 16)
  const signed = Buffer.concat([header, checksum])
  const key = await derive(password, salt, cost)
  const hmac = createHmac("sha256", key.subarray(32)).update(signed).digest()
  return Buffer.concat([signed, hmac]).toString("base64")
}
