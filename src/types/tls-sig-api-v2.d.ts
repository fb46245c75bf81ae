// tls-sig-api-v2 ships no types (its npm package has no .d.ts); this covers the part we use.
declare module "tls-sig-api-v2" {
  export class Api {
    constructor(sdkappid: number | string, key: string);
    genUserSig(userid: string, expire: number): string;
    genSig(userid: string, expire: number, userBuf: Buffer | null): string;
  }
}
