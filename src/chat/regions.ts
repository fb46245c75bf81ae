// Regional domains and standby domains (https://www.tencentcloud.com/document/product/1047/34620). Tokyo's
// standby is on the newer zh pages only (docs/drift.md); Riyadh's is documented nowhere, so it is left out
// rather than guessed.
export const REGIONS = [
  "china",
  "singapore",
  "seoul",
  "tokyo",
  "frankfurt",
  "mumbai",
  "silicon-valley",
  "jakarta",
  "riyadh",
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_DOMAINS: Readonly<Record<Region, { primary: string; standby?: string }>> = Object.freeze({
  china: { primary: "console.tim.qq.com", standby: "adminapi.my-imcloud.com" },
  singapore: { primary: "adminapisgp.im.qcloud.com", standby: "adminapisgp.my-imcloud.com" },
  seoul: { primary: "adminapikr.im.qcloud.com", standby: "adminapikr.my-imcloud.com" },
  tokyo: { primary: "adminapijpn.im.qcloud.com", standby: "adminapijpn.my-imcloud.com" },
  frankfurt: { primary: "adminapiger.im.qcloud.com", standby: "adminapiger.my-imcloud.com" },
  mumbai: { primary: "adminapiind.im.qcloud.com", standby: "adminapiind.my-imcloud.com" },
  "silicon-valley": { primary: "adminapiusa.im.qcloud.com", standby: "adminapiusa.my-imcloud.com" },
  jakarta: { primary: "adminapiidn.im.qcloud.com", standby: "adminapiidn.my-imcloud.com" },
  riyadh: { primary: "adminapiksa.im.qcloud.com" },
});
