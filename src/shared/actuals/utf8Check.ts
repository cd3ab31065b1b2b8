/** A whole-buffer UTF-8 check a host may offer (Node's `buffer.isUtf8`, native and far faster than decoding). */
export type Utf8Validator = (bytes: Uint8Array) => boolean;

/** How many bytes the character that starts with `lead` has (1 for ASCII and for bytes that cannot start one). */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 && lead <= 0xf7 ? 4 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xc0 && lead <= 0xdf ? 2 : 1;
}

/**
 * Checks that bytes arriving in chunks are UTF-8, wherever a chunk ends (a character cut between two
 * chunks is checked whole). With a host's validator the chunks are checked in place and only a cut
 * character's bytes are copied; without one (a browser), a fatal streaming TextDecoder does it.
 */
export class Utf8Check {
  private readonly carry = new Uint8Array(4);
  private carryLength = 0;
  private readonly fallback: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | null;

  constructor(private readonly isValid?: Utf8Validator) {
    this.fallback = isValid ? null : new TextDecoder('utf-8', { fatal: true });
  }

  /** False when the bytes so far are not UTF-8. */
  push(bytes: Uint8Array): boolean {
    if (this.fallback) return this.decodes(bytes, true);
    const isValid = this.isValid!;
    let from = 0;
    if (this.carryLength > 0) {
      const need = sequenceLength(this.carry[0]!);
      while (this.carryLength < need && from < bytes.length) this.carry[this.carryLength++] = bytes[from++]!;
      if (this.carryLength < need) return true;
      if (!isValid(this.carry.subarray(0, this.carryLength))) return false;
      this.carryLength = 0;
    }
    // Hold back a last character whose bytes are not all here yet.
    let end = bytes.length;
    let lead = end - 1;
    while (lead >= from && end - lead <= 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
    if (lead >= from && bytes[lead]! >= 0xc0 && sequenceLength(bytes[lead]!) > end - lead) end = lead;
    if (!isValid(bytes.subarray(from, end))) return false;
    for (let i = end; i < bytes.length; i++) this.carry[this.carryLength++] = bytes[i]!;
    return true;
  }

  /** False when the bytes ended inside a character (or were not UTF-8). */
  end(): boolean {
    if (this.fallback) return this.decodes(undefined, false);
    return this.carryLength === 0;
  }

  private decodes(bytes: Uint8Array | undefined, stream: boolean): boolean {
    try {
      this.fallback!.decode(bytes, { stream });
      return true;
    } catch {
      return false;
    }
  }
}
