// cidrsubnet(): the netnum-th subnet of a prefix extended by newbits, IPv4 and IPv6.
import { EvalError } from "./value.js";

interface Prefix {
  addr: bigint;
  len: number;
  bits: 32 | 128;
}

function parseV4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) < 256)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseV6(s: string): bigint | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail] : head;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

function parsePrefix(text: string): Prefix {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  const v4 = m ? parseV4(m[1] as string) : undefined;
  const v6 = m && v4 === undefined ? parseV6(m[1] as string) : undefined;
  const bits = v4 !== undefined ? 32 : 128;
  const len = Number(m?.[2]);
  const addr = v4 ?? v6;
  if (addr === undefined || len > bits) throw new EvalError(`cidrsubnet(): "${text}" is not a CIDR prefix`);
  return { addr, len, bits };
}

function formatV6(a: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((a >> BigInt(112 - i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(":");
  return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}

export function cidrSubnet(prefix: string, newbits: number, netnum: number): string {
  const p = parsePrefix(prefix);
  const len = p.len + newbits;
  if (newbits < 0 || len > p.bits) throw new EvalError("cidrsubnet(): not enough bits for the new prefix");
  if (netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) throw new EvalError(`cidrsubnet(): ${netnum} does not fit in ${newbits} bits`);
  const host = BigInt(p.bits - len);
  const mask = ((1n << BigInt(p.bits)) - 1n) ^ ((1n << BigInt(p.bits - p.len)) - 1n);
  const addr = (p.addr & mask) | (BigInt(netnum) << host);
  const text = p.bits === 32 ? [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 255n)).join(".") : formatV6(addr);
  return `${text}/${len}`;
}
