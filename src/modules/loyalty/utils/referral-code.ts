import { generateEntityId } from "@medusajs/framework/utils"

const REFERRAL_CODE_LENGTH = 8

/**
 * A random 8-character referral code. It reuses the random tail of a ULID:
 * 40 bits of entropy in Crockford base32, which leaves out the look-alike
 * letters I, L, O and U, so codes survive being read aloud or retyped.
 */
export function generateReferralCode(): string {
  return generateEntityId().slice(-REFERRAL_CODE_LENGTH)
}
