// Example tokens for the rules' documentation and tests are generated, never written out: the
// repository then holds nothing that looks like a leaked credential, and every example is the
// same on every run (a seeded generator, not Math.random).

function expand(alphabet: string): string {
  let out = "";
  for (let i = 0; i < alphabet.length; i++) {
    const c = alphabet[i] as string;
    const to = alphabet[i + 2];
    if (alphabet[i + 1] === "-" && to !== undefined) {
      for (let x = c.charCodeAt(0); x <= to.charCodeAt(0); x++) out += String.fromCharCode(x);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * `length` characters drawn from `alphabet` (ranges as in a regex class: "A-Za-z0-9_-"), the same
 * for the same arguments. `salt` tells apart two tokens of one shape.
 */
export function fake(alphabet: string, length: number, salt = ""): string {
  const chars = expand(alphabet);
  let state = seedOf(`${alphabet}/${length}/${salt}`) || 1;
  let out = "";
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += chars[(state >>> 0) % chars.length];
  }
  return out;
}

export const HEX = "0-9a-f";
export const ALNUM = "A-Za-z0-9";
export const B64 = "A-Za-z0-9+/";
export const B64URL = "A-Za-z0-9_-";

/** A UUID-shaped fake (lower-case hex). */
export function fakeUuid(salt = ""): string {
  const h = fake(HEX, 32, `uuid${salt}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
